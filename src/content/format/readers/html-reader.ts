import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { HeaderField, ParsedSource } from '../pelican-header';
import { htmlAsMarkdown } from './html-as-markdown';

/**
 * An `.html` entry as Pelican's HTMLReader reads it: the `<title>` is the title, each
 * `<meta name="…" content="…">` a metadata field (`keywords` gives the tags), and what is inside
 * `<body>` the body, passed through the Markdown renderer untouched.
 *
 * @example parseHtmlEntry('<html><head><title>Hi</title><meta name="date" content="2019-06-04"></head><body><p>x</p></body></html>').fields.get('date')?.values // ['2019-06-04']
 */
export function parseHtmlEntry(source: string): ParsedSource {
  const tree: Root = fromHtml(source);
  const fields = new Map<string, HeaderField>();
  const lineOf = (node: Element) => node.position?.start.line ?? 1;
  let body: Element | undefined;
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'title' && !fields.has('title')) {
      fields.set('title', { key: 'title', values: [toString(node).trim()], line: lineOf(node) });
    } else if (node.tagName === 'meta') {
      const name = String(node.properties['name'] ?? '').toLowerCase();
      // `contents` is what Pelican's own examples once wrote; it reads both.
      const content = node.properties['content'] ?? node.properties['contents'];
      if (name && content !== undefined) {
        const key = name === 'keywords' ? 'tags' : name;
        fields.set(key, { key, values: [String(content)], line: lineOf(node) });
      }
    } else if (node.tagName === 'body') body = node;
  });
  const html = body ? toHtml(body.children) : '';
  return { fields, body: htmlAsMarkdown(html), bodyLine: body ? lineOf(body) : 1, problems: [] };
}
