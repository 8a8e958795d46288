import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';

/**
 * Pelican's default summary: the first `maxWords` words of rendered HTML, tags kept balanced, with
 * `…` after the last word when anything was cut.
 *
 * @example truncateHtmlWords('<p>one <em>two three</em></p><p>four</p>', 2) // '<p>one <em>two…</em></p>'
 */
export function truncateHtmlWords(html: string, maxWords: number, ellipsis = '…'): string {
  const tree = fromHtml(html, { fragment: true });
  let remaining = maxWords;
  let cut = false;

  function walk(parent: Root | Element): void {
    const kept: RootContent[] = [];
    for (const child of parent.children) {
      if (cut) break;
      if (child.type === 'text') {
        const words = [...child.value.matchAll(/\S+/g)];
        if (words.length > remaining) {
          const last = words[remaining - 1];
          const end = last ? (last.index ?? 0) + last[0].length : 0;
          child.value = child.value.slice(0, end) + ellipsis;
          cut = true;
        } else {
          remaining -= words.length;
        }
      } else if (child.type === 'element') {
        walk(child);
      }
      kept.push(child);
    }
    parent.children = kept as typeof parent.children;
  }

  walk(tree);
  return cut ? toHtml(tree) : html;
}

// Pelican's summary plugin marker, and the `<!-- more -->` marker of other blog engines.
const SUMMARY_MARKER = /<!--\s*(?:PELICAN_END_SUMMARY|more)\s*-->/i;

/**
 * The HTML before a summary marker (`<!-- PELICAN_END_SUMMARY -->` or `<!-- more -->`), its open
 * tags closed; `undefined` when the HTML has no marker.
 *
 * @example summaryBeforeMarker('<p>Intro</p>\n<!-- more -->\n<p>Rest</p>') // '<p>Intro</p>'
 */
export function summaryBeforeMarker(html: string): string | undefined {
  const marker = SUMMARY_MARKER.exec(html);
  if (!marker) return undefined;
  return toHtml(fromHtml(html.slice(0, marker.index), { fragment: true })).trim();
}
