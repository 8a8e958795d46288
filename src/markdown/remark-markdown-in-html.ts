import type { Html, Root, RootContent } from 'mdast';
import type { Processor } from 'unified';
import { removePosition } from 'unist-util-remove-position';
import { SKIP, visit } from 'unist-util-visit';

// An opening tag that asks for Markdown inside: `<div markdown="1">`, `markdown='block'`, `markdown`.
const MARKDOWN_ATTRIBUTE = /\smarkdown(?:=(?:"[^"]*"|'[^']*'|[^\s>]+))?(?=[\s>/])/i;
const WHOLE_BLOCK = /^(<([a-z][a-z0-9-]*)\b[^>]*>)([\s\S]*)(<\/\2\s*>)\s*$/i;

/**
 * remark plugin for Python-Markdown's md_in_html: Markdown inside a raw HTML block whose opening
 * tag has a `markdown` attribute is rendered, and the attribute itself is dropped. Works whether
 * or not the author left blank lines around the inner Markdown.
 */
export default function remarkMarkdownInHtml(this: Processor) {
  // Positions in the inner parse count from the tag, not the file: drop them rather than mislead.
  const parse = (markdown: string): Root => {
    const tree = this.parse(markdown) as Root;
    removePosition(tree);
    return tree;
  };
  // The Markdown inside; an element that follows the opening tag on its line (an admonition's
  // title) stays HTML, or CommonMark would take the lines after it into its HTML block.
  const inner = (text: string): RootContent[] => {
    const [first = '', ...others] = text.replace(/^\n/, '').split('\n');
    if (!/^\s*<([a-z][a-z0-9-]*)\b[^>]*>.*<\/\1>\s*$/i.test(first)) return parse(text).children;
    return [{ type: 'html', value: first }, ...parse(others.join('\n')).children];
  };
  return (tree: Root) => {
    visit(tree, 'html', (node: Html, index, parent) => {
      // `</aside>` and, on the next line, `<aside markdown="1">`: CommonMark makes one HTML block of
      // both; the second starts a block of its own, as Python-Markdown reads it.
      const later = /\n(?=[ \t]*<[a-z][a-z0-9-]*\b[^>]*\smarkdown(?:=|[\s>]))/i.exec(node.value);
      if (parent && index !== undefined && later && later.index > 0) {
        const rest: Html = { type: 'html', value: node.value.slice(later.index + 1) };
        node.value = node.value.slice(0, later.index);
        (parent.children as RootContent[]).splice(index + 1, 0, rest);
      }
      const openingTag = node.value.slice(0, node.value.indexOf('>') + 1);
      if (!parent || index === undefined || !MARKDOWN_ATTRIBUTE.test(openingTag)) return undefined;
      const value = openingTag.replace(MARKDOWN_ATTRIBUTE, '') + node.value.slice(openingTag.length);
      const block = WHOLE_BLOCK.exec(value);
      if (!block) {
        // The closing tag is further on: CommonMark parses what follows the blank line as Markdown,
        // and what follows the tag in this node is Markdown too.
        const open = openingTag.replace(MARKDOWN_ATTRIBUTE, '');
        const rest = value.slice(open.length);
        if (rest.trim() === '') {
          node.value = value;
          return undefined;
        }
        const replacement: RootContent[] = [{ type: 'html', value: open }, ...inner(rest)];
        (parent.children as RootContent[]).splice(index, 1, ...replacement);
        return [SKIP, index + replacement.length];
      }
      const [, open = '', , content = '', close = ''] = block;
      const replacement: RootContent[] = [{ type: 'html', value: open }, ...inner(content), { type: 'html', value: close }];
      (parent.children as RootContent[]).splice(index, 1, ...replacement);
      return [SKIP, index + replacement.length];
    });
  };
}
