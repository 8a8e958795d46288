import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';

const URL_PROPERTIES = ['href', 'src', 'poster'] as const;

/**
 * Makes every site-relative URL of an HTML fragment absolute, for feed readers that show it
 * outside the site.
 *
 * @example absoluteUrls('<a href="/posts/x/">x</a>', 'https://example.com') // '<a href="https://example.com/posts/x/">x</a>'
 */
export function absoluteUrls(html: string, base: string): string {
  const tree = fromHtml(html, { fragment: true });
  const absolute = (value: string) => (value.startsWith('#') ? value : new URL(value, base).href);
  visit(tree, 'element', (node: Element) => {
    for (const property of URL_PROPERTIES) {
      const value = node.properties[property];
      if (typeof value === 'string') node.properties[property] = absolute(value);
    }
    const srcset = node.properties['srcSet'];
    if (Array.isArray(srcset)) {
      node.properties['srcSet'] = srcset
        .map((candidate) => {
          const [url = '', ...descriptor] = String(candidate).trim().split(/\s+/);
          return [absolute(url), ...descriptor].join(' ');
        })
        .join(', ');
    }
  });
  return toHtml(tree);
}
