/** The element an HTML entry's body is wrapped in on its way through Markdown, unwrapped after (rehype-raw-when-needed). */
export const ENTRY_HTML_ATTRIBUTE = 'data-entry-html';

/**
 * HTML (what docutils or an `.html` entry gives) as Markdown the renderer keeps as it is: one HTML
 * block, in an element every dialect takes whole (unwrapped later), in which each blank line
 * becomes an empty comment (CommonMark would end the block there; the comment is nothing in the
 * page, nor inside a `<pre>`). The rehype plugins then see it as they see authors' HTML in
 * Markdown: intrasite links resolved, headings given anchors.
 *
 * @example htmlAsMarkdown('<p>a</p>\n\n<p>b</p>') // '<div data-entry-html>\n<p>a</p>\n<!---->\n<p>b</p>\n</div>'
 */
export function htmlAsMarkdown(html: string): string {
  const text = html.trim();
  if (text === '') return '';
  return `<div ${ENTRY_HTML_ATTRIBUTE}>\n${text.replace(/\n[ \t]*(?=\n)/g, '\n<!---->')}\n</div>`;
}
