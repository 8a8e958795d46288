import type { Code, Root } from 'mdast';
import type { VFile } from 'vfile';
import { bundledLanguages } from 'shiki';
import { visit } from 'unist-util-visit';

// codehilite's first-line markers: `:::python` (no line numbers) and `#!python` (line numbers).
const SHEBANG = /^[ \t]*(::+|#!)[ \t]*([\w+#.-]+)[ \t]*(?:\n|$)/;
// Python-Markdown fenced_code's attribute form: ```{.python} or ``` { .python .numbered }.
const BRACED = /^\{?\s*\.([\w+#-]+)/;

/** The meta flag that asks our Shiki transformer for line numbers. */
export const LINE_NUMBERS_META = 'linenums';

/**
 * remark plugin for Python-Markdown's codehilite syntax: an indented code block whose first line
 * is `:::lang` or `#!lang` becomes a code block in that language (`#!` also numbers the lines),
 * for Shiki to highlight; fenced blocks written as ```{.lang}``` get their language too. Language
 * names are read as Pygments reads them, whatever their case (```C``` is C); one Shiki does not
 * know is shown as plain text.
 */
export default function remarkCodehilite() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    visit(tree, 'code', (node: Code) => {
      readMarkers(node, source);
      if (node.lang) node.lang = knownLanguage(node.lang);
    });
  };
}

/** Names that are not Shiki's but mean something further on: `math` blocks are KaTeX's. */
const OTHER_LANGUAGES = new Set(['text', 'plaintext', 'math']);

/** A language name as Shiki knows it, or `plaintext` (plain, and no warning) for one it does not. */
function knownLanguage(lang: string): string {
  const lower = lang.toLowerCase();
  return lower in bundledLanguages || OTHER_LANGUAGES.has(lower) ? lower : 'plaintext';
}

/** Reads codehilite's language markers (`:::lang`, `#!lang`, ```{.lang}```) into the node's language. */
function readMarkers(node: Code, source: string): void {
  if (node.lang) {
    if (!node.lang.startsWith('{') && !node.lang.startsWith('.')) return;
    // `{ .ruby }` splits into lang `{` and meta `.ruby }`: read them as one.
    const braced = BRACED.exec(`${node.lang}${node.meta ? ` ${node.meta}` : ''}`);
    node.lang = braced?.[1] ?? null;
    node.meta = null;
    return;
  }
  if (isFenced(node, source)) return;
  const marker = SHEBANG.exec(node.value);
  if (!marker) return;
  node.lang = marker[2] ?? null;
  node.value = node.value.slice(marker[0].length);
  if (marker[1] === '#!') node.meta = node.meta ? `${node.meta} ${LINE_NUMBERS_META}` : LINE_NUMBERS_META;
}

/** Whether a code node was written with ``` or ~~~ fences rather than indented. */
function isFenced(node: Code, source: string): boolean {
  const offset = node.position?.start.offset;
  if (offset === undefined) return false;
  return /^[ \t]*(`{3,}|~{3,})/.test(source.slice(offset, offset + 16));
}
