import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Heading, InlineCode, List, Paragraph, Root, RootContent, Table, TableCell } from 'mdast';
import { escapeUTF8 as escapeHtml } from 'entities';
import type { Processor } from 'unified';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { pythonMarkdownHeadings } from './micromark/python-markdown-headings';
import { pythonMarkdownLists } from './micromark/python-markdown-lists';
import { pythonMarkdownEscapes } from './micromark/python-markdown-escapes';
import { pythonMarkdownHtmlBlocks } from './micromark/python-markdown-html-blocks';
import { spacedLinksAsPythonMarkdown } from './python-markdown-spaced-links';

/** Which of Python-Markdown's optional extensions the site enables. */
export interface Options {
  /** `admonition`: `!!! note "Title"` blocks. */
  admonition?: boolean;
  /** `sane_lists`: an ordered list keeps its first number (without it, every list counts from 1). */
  saneLists?: boolean;
}

/**
 * remark plugin for Markdown as Python-Markdown with Pelican's `extra` reads it, on a processor
 * without GFM (the site turns Astro's `gfm` off): `#` headings without a space, lists only after a
 * blank line (or inside another list) and indent their items 4 spaces, raw HTML blocks only for block-level tags (a line holding
 * `<img>` is a paragraph), only Python-Markdown's backslash escapes, tabs as 4-column
 * stops, and of GFM only
 * what `extra` has too, tables and footnotes. Bare URLs stay text, `~~` and `- [ ]` stay as
 * written, as they do on the Pelican site.
 */
export default function remarkPythonMarkdown(this: Processor, options: Options = {}) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(pythonMarkdownHeadings(), pythonMarkdownLists(), pythonMarkdownEscapes(), pythonMarkdownHtmlBlocks(), gfmTable(), gfmFootnote());
  // Python-Markdown expands tabs to 4-column stops before it reads anything (NormalizeWhitespace).
  const parse = this.parser;
  const prepare = (document: string) => (options.admonition ? admonitionsAsHtml(expandTabs(document)) : expandTabs(document));
  if (parse) this.parser = (document, file) => parse(prepare(document), file);
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmFootnoteFromMarkdown());
  return (tree: Root, file: VFile) => {
    tableRowsAsPythonMarkdown(tree, file);
    headerOnlyTablesAsPythonMarkdown(tree);
    setextHeadingsAsPythonMarkdown(tree, file);
    spacedLinksAsPythonMarkdown(tree, file);
    // Python-Markdown strips a code span's white space (`` `abc ` `` is `abc`).
    visitParents(tree, 'inlineCode', (code: InlineCode) => {
      code.value = code.value.trim();
    });
    // Python-Markdown's `lazy_ol`: an ordered list is numbered from 1, whatever its first number.
    if (!options.saneLists) {
      visitParents(tree, 'list', (list: List) => {
        if (list.ordered) list.start = null;
      });
    }
  };
}

/**
 * Table rows as Python-Markdown's `tables` splits them: whether a row's outer `|` is a border
 * is decided once, by the header row, not row by row as in GFM. Under a header without a
 * leading `|`, a row written `|Enjoy` has an empty first cell.
 */
function tableRowsAsPythonMarkdown(tree: Root, file: VFile): void {
  const lines = String(file.value).split('\n');
  visitParents(tree, 'table', (table: Table) => {
    const headerLine = table.position?.start.line;
    if (headerLine === undefined || /^\s*\|/.test(lines[headerLine - 1] ?? '')) return;
    const columns = table.children[0]?.children.length ?? 0;
    for (const row of table.children.slice(1)) {
      const line = row.position?.start.line;
      if (line === undefined || !/^\s*\|/.test(lines[line - 1] ?? '')) continue;
      const empty: TableCell = { type: 'tableCell', children: [] };
      row.children = [empty, ...row.children].slice(0, Math.max(columns, 1));
    }
  });
}

/**
 * A table with a header and no rows, as Python-Markdown's `tables` writes it: with one empty row
 * (its `_build_empty_row`), where GFM writes the header alone.
 */
function headerOnlyTablesAsPythonMarkdown(tree: Root): void {
  visitParents(tree, 'table', (table: Table) => {
    const columns = table.children[0]?.children.length ?? 0;
    if (table.children.length !== 1 || columns === 0) return;
    table.children.push({ type: 'tableRow', children: Array.from({ length: columns }, (): TableCell => ({ type: 'tableCell', children: [] })) });
  });
}

/**
 * Setext headings as Python-Markdown reads them: only a single line of text underlined is a
 * heading. Under several lines, `---` is a rule after the paragraph and `===` a line of it.
 */
function setextHeadingsAsPythonMarkdown(tree: Root, file: VFile): void {
  const lines = String(file.value).split('\n');
  visitParents(tree, 'heading', (heading: Heading, ancestors) => {
    const start = heading.position?.start.line;
    const end = heading.position?.end.line;
    const parent = ancestors.at(-1);
    if (start === undefined || end === undefined || end - start < 2 || !parent || !('children' in parent)) return;
    const underline = (lines[end - 1] ?? '').trim();
    if (!/^(=+|-+)$/.test(underline)) return;
    const paragraph: Paragraph = { type: 'paragraph', children: heading.children };
    const replacement: RootContent[] = underline.startsWith('-') ? [paragraph, { type: 'thematicBreak' }] : [paragraph];
    if (underline.startsWith('=')) paragraph.children.push({ type: 'text', value: `\n${underline}` });
    const siblings = parent.children as RootContent[];
    siblings.splice(siblings.indexOf(heading), 1, ...replacement);
  });
}

const ADMONITION = /^!!! ?([\w-]+(?: +[\w-]+)*)(?: +"(.*?)")? *$/;

/**
 * Python-Markdown's `admonition` blocks, `!!! note "Heads up"` and the lines indented under it, as
 * the `<div class="admonition note">` it writes, with Markdown inside (md_in_html reads it). One
 * line is added after each block, for its closing tag.
 *
 * @example admonitionsAsHtml('!!! note\n    Text') // '<div class="admonition note" markdown="1"><p class="admonition-title">Note</p>\nText\n</div>\n'
 */
export function admonitionsAsHtml(text: string): string {
  if (!text.includes('!!!')) return text;
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const match = ADMONITION.exec(lines[i] ?? '');
    if (!match) {
      out.push(lines[i] ?? '');
      continue;
    }
    const classes = (match[1] ?? '').toLowerCase().split(/ +/);
    const title = match[2] ?? (classes[0] ?? '').replace(/^./, (first) => first.toUpperCase());
    const heading = title === '' ? '' : `<p class="admonition-title">${escapeHtml(title)}</p>`;
    out.push(`<div class="admonition ${escapeHtml(classes.join(' '))}" markdown="1">${heading}`);
    let end = i + 1;
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j] ?? '';
      if (line.trim() === '') continue;
      if (!/^ {4}/.test(line)) break;
      end = j + 1;
    }
    for (let j = i + 1; j < end; j++) out.push((lines[j] ?? '').replace(/^ {4}/, ''));
    out.push('</div>', '');
    i = end - 1;
  }
  return out.join('\n');
}

/**
 * Python's `str.expandtabs(4)`, line by line: a tab moves to the next column that is a multiple of 4.
 *
 * @example expandTabs('a\tb') // 'a   b'
 */
export function expandTabs(text: string): string {
  if (!text.includes('\t')) return text;
  return text
    .split('\n')
    .map((line) => {
      let out = '';
      for (const char of line) out += char === '\t' ? ' '.repeat(4 - (out.length % 4)) : char;
      return out;
    })
    .join('\n');
}

