/** Block-level tags that open a CommonMark HTML block (kind 6) which runs to the next blank line. */
const BLOCK_START = /^\s*<\/?(?:address|article|aside|blockquote|details|div|dl|fieldset|figure|footer|form|h[1-6]|header|hr|iframe|main|nav|ol|p|pre|section|table|ul)[\s/>]/i;

/**
 * HTML (what docutils or an `.html` entry gives) as Markdown the renderer keeps as it is: one HTML
 * block, which CommonMark ends only at a blank line, so each blank line becomes an empty comment
 * (nothing in the page, and nothing inside a `<pre>` either). The rehype plugins then see it as
 * they see authors' HTML in Markdown: intrasite links resolved, headings given anchors.
 *
 * @example htmlAsMarkdown('<p>a</p>\n\n<p>b</p>') // '<p>a</p>\n<!---->\n<p>b</p>'
 */
export function htmlAsMarkdown(html: string): string {
  const text = html.trim();
  if (text === '') return '';
  const joined = text.replace(/\n[ \t]*(?=\n)/g, '\n<!---->');
  // A body that starts with text or an inline tag would be a paragraph: a block tag must open it.
  return BLOCK_START.test(joined) ? joined : `<div>\n${joined}\n</div>`;
}
