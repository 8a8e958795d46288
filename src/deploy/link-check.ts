import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHTML } from 'entities';
import { siteFileCandidates } from './site-files';
import { redirectTarget } from './static-headers';

const LINK_ATTRIBUTE = /\s(?:href|src|srcset|content)="([^"]*)"/g;
/** What a page shows as text, where `href="…"` is an example, not a link: code, and what scripts and styles hold. */
const NOT_MARKUP = /<(pre|code|script|style|textarea)\b[^>]*>[\s\S]*?<\/\1>/gi;
/** Values of `content` that are no URL: `<meta name="description" content="…">` and the like. */
const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:|\/|\.{1,2}\/|[^\s:]+\.(?:html?|xml|json|txt|pdf|png|jpe?g|gif|svg|webp|avif|ico|css|js|mp[34]|webm|zip)(?:[?#]|$))/i;

/**
 * The site paths a page links to (links, images, stylesheets, srcsets, feeds, meta refresh), without
 * query or fragment, leaving out other origins. Relative links are resolved against the page's own
 * URL, as a browser resolves them; attribute values are decoded (`&#x27;` is `'`); `href="…"`
 * shown in code is not a link.
 *
 * @param pagePath the page's path on the site (`/posts/x/`, `/x.html`), for relative links
 * @example internalLinks('<a href="/tag/x/#top">', 'https://x.org') // ['/tag/x/']
 */
export function internalLinks(html: string, origin: string, pagePath = '/'): string[] {
  const found = new Set<string>();
  const base = new URL(pagePath, `${origin}/`);
  const add = (value: string) => {
    let url: URL;
    try {
      url = new URL(value, base);
    } catch {
      return;
    }
    if (url.origin === origin) found.add(url.pathname);
  };
  for (const match of html.replace(NOT_MARKUP, '').matchAll(LINK_ATTRIBUTE)) {
    const value = decodeHTML(match[1] ?? '').trim();
    if (value === '' || value.startsWith('#') || /^(?:mailto|tel|javascript|data):/i.test(value)) continue;
    if (/\ssrcset="/.test(match[0])) value.split(',').forEach((candidate) => add(candidate.trim().split(/\s+/)[0] ?? ''));
    else if (!/^\scontent=/.test(match[0]) || URL_LIKE.test(value)) add(value);
  }
  const refresh = redirectTarget(html);
  if (refresh) add(refresh);
  return [...found];
}

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();

/**
 * Whether a site path is served by a build: a file of the static site (`/x/` is `x/index.html`,
 * `/x` may be `x.html`), a redirect, or a route the server renders on demand.
 */
export function resolvesIn(root: string, path: string, extra: { redirects: ReadonlySet<string>; onDemand: readonly string[] }): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return false;
  }
  if (extra.redirects.has(path) || extra.onDemand.some((prefix) => decoded.startsWith(prefix))) return true;
  return siteFileCandidates(decoded).some((file) => isFile(join(root, file)));
}
