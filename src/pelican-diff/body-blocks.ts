import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';

/** One block of a rendered body as a reader sees it: what kind it is, and its text with inline marks. */
export interface Block {
  /** `h2`, `p`, `li:ul`, `li:ol>ul`, `pre`, `tr`, `footnote`, `hr`, `img` … */
  kind: string;
  text: string;
}

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'pre', 'tr', 'hr', 'figcaption', 'caption']);
const CONTAINERS = new Set(['div', 'section', 'article', 'blockquote', 'ul', 'ol', 'dl', 'table', 'thead', 'tbody', 'tfoot', 'figure', 'aside', 'details', 'main', 'header', 'footer', 'nav']);
/** What this project adds around a body and Pelican does not (or the reverse), which readers do not read as content. */
const DROPPED_CLASSES = ['heading-anchor', 'copy-code', 'code-language', 'sr-only', 'footnote-backref', 'headerlink', 'linenos', 'lineno'];

const classesOf = (node: Element): string[] => {
  const value: unknown = node.properties['className'];
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];
};
const hasClass = (node: Element, name: string) => classesOf(node).includes(name);

/** Text as a reader reads it: runs of white space are one space. */
const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A link or image target as the comparison reads it: no origin, decoded. */
function target(value: unknown): string {
  const raw = String(value ?? '');
  const path = raw.replace(/^https?:\/\/(?:localhost|127\.0\.0\.1)(?::\d+)?/, '');
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

function isDropped(node: Element): boolean {
  if (node.tagName === 'button' || node.tagName === 'script' || node.tagName === 'style' || node.tagName === 'template') return true;
  if (node.properties['dataFootnoteBackref'] !== undefined) return true;
  return DROPPED_CLASSES.some((name) => hasClass(node, name));
}

/** KaTeX's output, or render_math's `\(…\)`, as the TeX it shows. */
function mathOf(node: Element): string | undefined {
  if (hasClass(node, 'katex') || hasClass(node, 'katex-display')) {
    const annotation = findFirst(node, (child) => child.tagName === 'annotation');
    const tex = annotation ? textOf(annotation) : '';
    return hasClass(node, 'katex-display') || findFirst(node, (child) => hasClass(child, 'katex-display')) ? `$$${tex.trim()}$$` : `$${tex.trim()}$`;
  }
  if (hasClass(node, 'math')) {
    const text = textOf(node).trim();
    const display = /^\\\[([\s\S]*)\\\]$/.exec(text) ?? /^\$\$([\s\S]*)\$\$$/.exec(text);
    if (display) return `$$${(display[1] ?? '').trim()}$$`;
    const inline = /^\\\(([\s\S]*)\\\)$/.exec(text);
    return `$${(inline?.[1] ?? text).trim()}$`;
  }
  return undefined;
}

function findFirst(node: Element | Root, test: (node: Element) => boolean): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (test(child)) return child;
    const found = findFirst(child, test);
    if (found) return found;
  }
  return undefined;
}

function textOf(node: Element | Root | RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' || node.type === 'root') {
    return node.children.map((child) => (child.type === 'element' && isDropped(child) ? '' : textOf(child))).join('');
  }
  return '';
}

/** An element's inline content with the marks a reader sees: links, images, emphasis, code, breaks, math. */
function inline(nodes: readonly (ElementContent | RootContent)[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.value;
    if (node.type !== 'element' || isDropped(node)) continue;
    const math = mathOf(node);
    if (math !== undefined) {
      out += math;
      continue;
    }
    const inner = () => inline(node.children);
    switch (node.tagName) {
      case 'a':
        out += node.properties['href'] === undefined ? inner() : `[${squeeze(inner())}](${target(node.properties['href'])})`;
        break;
      case 'img':
        out += `![${String(node.properties['alt'] ?? '')}](${target(node.properties['src'])})`;
        break;
      case 'strong':
      case 'b':
        out += `**${inner()}**`;
        break;
      case 'em':
      case 'i':
        out += `*${inner()}*`;
        break;
      case 'code':
      case 'tt':
      case 'kbd':
        out += `\`${textOf(node)}\``;
        break;
      case 'del':
      case 's':
        out += `~~${inner()}~~`;
        break;
      case 'br':
        out += ' ⏎ ';
        break;
      default:
        // Blocks inside an inline context (a list item's paragraph) are walked on their own.
        if (!BLOCKS.has(node.tagName) && !CONTAINERS.has(node.tagName)) out += inner();
    }
  }
  return out;
}

/**
 * A rendered body as the blocks a reader sees, in order, whatever produced it: Python-Markdown's
 * HTML and this project's, Pygments' code and Shiki's, KaTeX and render_math, compare equal when
 * a reader would see the same thing. Ids, classes and the `#` links beside headings are left out.
 *
 * @example bodyBlocks('<h2 id="a">Hi</h2><p>See <a href="/x.html">x</a></p>') // [{ kind: 'h2', text: 'Hi' }, { kind: 'p', text: 'See [x](/x.html)' }]
 */
export function bodyBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  const walk = (nodes: readonly (ElementContent | RootContent)[], lists: string[], footnote: boolean) => {
    let loose = '';
    const flush = () => {
      const text = squeeze(loose);
      if (text) blocks.push({ kind: footnote ? 'footnote' : 'text', text });
      loose = '';
    };
    for (const node of nodes) {
      if (node.type === 'text') loose += node.value;
      if (node.type !== 'element') continue;
      if (isDropped(node)) continue;
      const tag = node.tagName;
      const math = mathOf(node);
      if (math !== undefined && (hasClass(node, 'katex-display') || tag === 'div')) {
        flush();
        blocks.push({ kind: 'math', text: math });
        continue;
      }
      if (!BLOCKS.has(tag) && !CONTAINERS.has(tag)) {
        loose += inline([node]);
        continue;
      }
      flush();
      const inFootnotes = footnote || hasClass(node, 'footnote') || hasClass(node, 'footnotes') || node.properties['dataFootnotes'] !== undefined;
      // Pygments' line-numbered code (codehilite's `#!lang`) is a table of numbers and code: the code.
      if (tag === 'table' && hasClass(node, 'highlighttable')) {
        const code = findFirst(node, (child) => child.tagName === 'td' && hasClass(child, 'code'));
        blocks.push({ kind: 'pre', text: (code ? textOf(code) : textOf(node)).replace(/[ \t]+$/gm, '').replace(/^\n+|\n+$/g, '') });
        continue;
      }
      if (tag === 'pre') {
        const code = textOf(node).replace(/[ \t]+$/gm, '').replace(/^\n+|\n+$/g, '');
        blocks.push({ kind: 'pre', text: code });
      } else if (tag === 'hr') {
        if (!inFootnotes) blocks.push({ kind: 'hr', text: '' });
      } else if (tag === 'tr') {
        const cells = node.children.filter((cell): cell is Element => cell.type === 'element' && (cell.tagName === 'td' || cell.tagName === 'th'));
        blocks.push({ kind: 'tr', text: cells.map((cell) => squeeze(inline(cell.children))).join(' | ') });
      } else if (tag === 'ul' || tag === 'ol') {
        // An ordered list's first number is what a reader sees: `ol@13`.
        const start = tag === 'ol' && node.properties['start'] !== undefined && Number(node.properties['start']) !== 1 ? `@${String(node.properties['start'])}` : '';
        walk(node.children, [...lists, `${tag}${start}`], inFootnotes);
      } else if (BLOCKS.has(tag)) {
        // A heading's id is what links to it point at: shown as `h2#id`, compared where both have one.
        const id = /^h\d$/.test(tag) && node.properties['id'] !== undefined ? `#${String(node.properties['id'])}` : '';
        const kind = inFootnotes ? 'footnote' : tag === 'li' ? `li:${lists.join('>')}` : `${tag}${id}`;
        let children = node.children.filter((child) => child.type === 'element' && (BLOCKS.has(child.tagName) || CONTAINERS.has(child.tagName)));
        let text = squeeze(inline(node.children));
        // A loose list's item holds its text in a paragraph: the item's text all the same.
        const [first] = children;
        if (!text && (tag === 'li' || inFootnotes) && first?.type === 'element' && first.tagName === 'p') {
          text = squeeze(inline(first.children));
          children = children.slice(1);
        }
        // An empty paragraph is nothing to a reader.
        if (text || tag !== 'p') blocks.push({ kind, text });
        walk(children, lists, inFootnotes);
      } else {
        walk(node.children, lists, inFootnotes);
      }
    }
    flush();
  };
  walk(fromHtml(html, { fragment: true }).children, [], false);
  return blocks;
}
