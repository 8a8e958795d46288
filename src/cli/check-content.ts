// `npm run check` (after `astro check`): lints the content folder (CONTENT_DIR, default content/).
//   --format json   one JSON array instead of `file:line:column severity rule message` lines
//   --fix           applies the safe fixes (mis-encoded text, tag spellings) and says what changed
// Exits 1 when there are errors (warnings alone exit 0).
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import site from '@site-config';
import { contentDirFrom } from '../config/content-dir';
import { entrySettingsOf } from '../config/entry-settings';
import { applyFixes } from '../lint/apply-fixes';
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../lint/diagnostic';
import { interfaceLanguageDiagnostics } from '../lint/interface-language';
import { lintContent } from '../lint/lint-content';

const { values } = parseArgs({ options: { format: { type: 'string', default: 'text' }, fix: { type: 'boolean', default: false } } });
if (values.format !== 'text' && values.format !== 'json') {
  console.error(`--format must be text or json (got "${values.format}")`);
  process.exit(2);
}
const contentDir = contentDirFrom(process.env, process.cwd(), site.contentDir);
const lint = async () => [
  // The interface in the site's language: a catalogue, and every message in it.
  ...interfaceLanguageDiagnostics([site.language]),
  ...(await lintContent({
    contentDir,
    settings: entrySettingsOf(site),
    layout: site.content,
    markdown: site.markdown,
    incomplete: site.content.incomplete,
    now: new Date(),
  })),
];

let diagnostics = sortDiagnostics(await lint());
if (values.fix) {
  const byFile = Map.groupBy(diagnostics.filter((d) => d.fix), (d) => d.file);
  for (const [file, fixable] of byFile) {
    const path = resolve(file);
    const { text, applied } = applyFixes(await readFile(path, 'utf8'), fixable);
    if (applied.length === 0) continue;
    await writeFile(path, text);
    for (const d of applied) console.error(`fixed ${d.file}:${d.line} ${d.rule}: "${d.fix!.find}" → "${d.fix!.replace}"`);
  }
  // What is left after the fixes.
  diagnostics = sortDiagnostics(await lint());
}

const errors = diagnostics.filter((d) => d.severity === 'error').length;
const warnings = diagnostics.length - errors;
if (values.format === 'json') {
  console.log(JSON.stringify(diagnostics.map(({ fix, ...d }: Diagnostic) => ({ ...d, fixable: fix !== undefined })), null, 2));
} else {
  for (const d of diagnostics) console.log(formatDiagnostic(d));
  const fixable = diagnostics.filter((d) => d.fix).length;
  console.log(
    diagnostics.length === 0
      ? `Content: no problems in ${contentDir}.`
      : `Content: ${errors} error(s), ${warnings} warning(s)${fixable ? `; ${fixable} can be fixed with npm run check -- --fix` : ''}.`,
  );
}
process.exitCode = errors > 0 ? 1 : 0;
