import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { siteFileCandidates } from './site-files';
import { redirectTarget } from './static-headers';

const LINK_ATTRIBUTE = /\s(?:href|src|srcset|content)="([^"]*)"/g;

/**
 * The site paths a page links to (links, images, stylesheets, srcsets, feeds, meta refresh), without
 * query or fragment, leaving out other origins.
 *
 * @example internalLinks('<a href="/tag/x/#top">', 'https://x.org') // ['/tag/x/']
 */
export function internalLinks(html: string, origin: string): string[] {
  const found = new Set<string>();
  const add = (value: string) => {
    const url = new URL(value, `${origin}/`);
    if (url.origin === origin) found.add(url.pathname);
  };
  for (const match of html.matchAll(LINK_ATTRIBUTE)) {
    const value = (match[1] ?? '').replace(/&amp;/g, '&');
    if (value === '' || value.startsWith('#') || value.startsWith('mailto:')) continue;
    if (/\ssrcset="/.test(match[0])) value.split(',').forEach((candidate) => add(candidate.trim().split(/\s+/)[0] ?? ''));
    else if (/^(https?:)?\/\//.test(value) || value.startsWith('/')) add(value);
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
