import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';

/**
 * Text of an HTML fragment, for meta descriptions and reading time, white space folded.
 *
 * @example plainText('<p>Fish &amp; <em>chips</em></p>') // 'Fish & chips'
 */
export function plainText(html: string): string {
  return toText(fromHtml(html, { fragment: true })).replace(/\s+/g, ' ').trim();
}

/**
 * Whether rendered HTML holds math typeset by KaTeX, whose stylesheet the page then needs.
 *
 * @example hasMath('<span class="katex">…</span>') // true
 */
export function hasMath(html: string | undefined): boolean {
  return html?.includes('class="katex') ?? false;
}
