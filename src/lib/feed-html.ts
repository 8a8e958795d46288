import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';

const URL_PROPERTIES = ['href', 'src', 'poster'] as const;

const hasClass = (node: Element, name: string) => Array.isArray(node.properties['className']) && node.properties['className'].includes(name);

/**
 * What a feed reader must not show of a page's body: the `#` after each heading (a link to the
 * section on the page), a code block's language label and copy button (the page's script shows
 * the button; a reader shows the word "Copy"), and KaTeX's visual HTML, which readers without
 * KaTeX's stylesheet show as a second, garbled copy of each formula beside its MathML.
 */
function isPageChrome(node: Element): boolean {
  return (
    (node.tagName === 'a' && hasClass(node, 'heading-anchor')) ||
    (node.tagName === 'span' && (hasClass(node, 'code-language') || hasClass(node, 'katex-html'))) ||
    (node.tagName === 'button' && hasClass(node, 'copy-code'))
  );
}

/** Wrappers that only lay out page chrome: their children take their place. */
const isChromeWrapper = (node: Element) => node.tagName === 'div' && (hasClass(node, 'heading-wrapper') || hasClass(node, 'code-block'));

function absolute(value: string, base: string): string {
  if (value.startsWith('#')) return value;
  try {
    return new URL(value, base).href;
  } catch {
    return value;
  }
}

function clean<T extends Root | Element>(parent: T, base: string): void {
  const children: (RootContent | ElementContent)[] = [];
  for (const child of parent.children) {
    if (child.type !== 'element') {
      children.push(child);
      continue;
    }
    if (isPageChrome(child)) continue;
    clean(child, base);
    for (const property of URL_PROPERTIES) {
      const value = child.properties[property];
      if (typeof value === 'string') child.properties[property] = absolute(value, base);
    }
    const srcset = child.properties['srcSet'];
    if (typeof srcset === 'string' || Array.isArray(srcset)) {
      // Candidates are separated by a comma and a space; a URL may hold a comma of its own.
      const candidates = Array.isArray(srcset) ? srcset.map(String) : srcset.split(/,\s+/);
      child.properties['srcSet'] = candidates
        .map((candidate) => {
          const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
          return [absolute(url, base), ...descriptor].join(' ');
        })
        .join(', ');
    }
    if (isChromeWrapper(child)) children.push(...child.children);
    else children.push(child);
  }
  parent.children = children as T['children'];
}

/**
 * A page's body as a feed entry's content: site-relative URLs made absolute against `base` (feed
 * readers show it outside the site), and without the page's chrome (see `isPageChrome`).
 *
 * @example feedHtml('<div class="heading-wrapper"><h2 id="a">A</h2><a class="heading-anchor" href="#a">#</a></div><a href="/x/">x</a>', 'https://example.com')
 * // '<h2 id="a">A</h2><a href="https://example.com/x/">x</a>'
 */
export function feedHtml(html: string, base: string): string {
  const tree = fromHtml(html, { fragment: true });
  clean(tree, base);
  return toHtml(tree);
}
