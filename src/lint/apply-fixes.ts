import type { Diagnostic } from './diagnostic';

/**
 * Applies the safe fixes of one file's diagnostics to its text: on each fix's line, the first
 * `find` becomes `replace`. Returns the new text and the fixes applied.
 */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[]): { text: string; applied: Diagnostic[] } {
  const lines = text.split('\n');
  const applied: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    if (!diagnostic.fix) continue;
    const line = lines[diagnostic.line - 1];
    if (line === undefined || !line.includes(diagnostic.fix.find)) continue;
    lines[diagnostic.line - 1] = line.replace(diagnostic.fix.find, diagnostic.fix.replace);
    applied.push(diagnostic);
  }
  return { text: lines.join('\n'), applied };
}
