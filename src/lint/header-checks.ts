import type { HeaderField } from '../content/format/pelican-header';
import { nearestWord } from '../lib/nearest-word';
import { columnOf, type Diagnostic } from './diagnostic';
import { findMojibake } from './mojibake';

const ENCODING_NAME = { 'windows-1252': 'Windows-1252', macintosh: 'Mac Roman', 'iso-8859-1': 'Latin-1' } as const;

/**
 * Header values and body lines that look like mis-decoded UTF-8, each with the repaired text
 * suggested, and fixed by `--fix`.
 */
export function mojibakeDiagnostics(file: string, lines: readonly string[], fields: Map<string, HeaderField>, bodyLine: number): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const field of fields.values()) {
    const written = lines[field.line - 1] ?? '';
    const value = written.slice(written.indexOf(':') + 1).trim();
    const finding = findMojibake(value);
    if (!finding) continue;
    found.push({
      file,
      line: field.line,
      column: columnOf(written, value),
      severity: 'warning',
      rule: 'mojibake',
      message: `${field.key}: "${value}" looks mis-encoded (UTF-8 read as ${ENCODING_NAME[finding.encoding]}); did you mean "${finding.repaired}"?`,
      fix: { find: value, replace: finding.repaired },
    });
  }
  for (let index = bodyLine - 1; index < lines.length; index += 1) {
    const text = lines[index] ?? '';
    const finding = findMojibake(text);
    if (!finding) continue;
    const broken = /[^\x00-\x7f]+/.exec(text.slice(finding.index))?.[0] ?? '';
    const fixed = findMojibake(broken)?.repaired ?? broken;
    found.push({
      file,
      line: index + 1,
      column: finding.index + 1,
      severity: 'warning',
      rule: 'mojibake',
      message: `"${broken}" looks mis-encoded (UTF-8 read as ${ENCODING_NAME[finding.encoding]}); did you mean "${fixed}"?`,
      fix: { find: text, replace: finding.repaired },
    });
  }
  return found;
}

/**
 * Header keys no reader knows that are a typo away from one that it does (`Titel:`): Pelican
 * would keep them as metadata nobody reads, and the post would silently lose its title.
 */
export function unknownKeyDiagnostics(file: string, fields: Map<string, HeaderField>, known: ReadonlySet<string>): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const [key, field] of fields) {
    if (known.has(key)) continue;
    const meant = nearestWord(key, known);
    if (!meant) continue;
    found.push({
      file,
      line: field.line,
      column: 1,
      severity: 'warning',
      rule: 'unknown-key',
      message: `"${field.key}" is not a metadata key this site reads; did you mean "${meant}"?`,
    });
  }
  return found;
}
