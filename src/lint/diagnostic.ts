/** One finding of `npm run check`, located for an editor or a CI log. */
export interface Diagnostic {
  /** Path as shown to the author (relative to the working folder). */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  severity: 'error' | 'warning';
  /** Short name of the rule, e.g. `broken-link`. */
  rule: string;
  message: string;
  /** A safe change that `--fix` applies: on `line`, `find` becomes `replace`. */
  fix?: { find: string; replace: string };
}

/**
 * `file:line:column severity rule message`, the shape compilers print, so editors and CI link it.
 *
 * @example formatDiagnostic({ file: 'content/a.md', line: 6, column: 10, severity: 'warning', rule: 'mojibake', message: 'looks mis-encoded' })
 * // 'content/a.md:6:10 warning mojibake looks mis-encoded'
 */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}`;
}

/** Sorted by file, line and column, so that output is the same on every run. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}

/** The 1-based column of `needle` on a line, or 1 when it is not there. */
export const columnOf = (line: string | undefined, needle: string): number => Math.max(0, line?.indexOf(needle) ?? 0) + 1;
