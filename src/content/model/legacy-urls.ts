import { slugify } from '../../lib/slugify';
import { expandUrlPattern, URL_PRESETS, type UrlKind } from '../../lib/url-patterns';
import type { TaxonomyKind } from './taxonomy';

/** What a redirect needs of an article or page. */
export interface MovedEntry {
  kind: 'article' | 'page';
  url: string;
  slug: string;
  lang: string;
  translation: boolean;
}

/** A taxonomy term and its new URL. */
export interface MovedTerm {
  kind: TaxonomyKind;
  name: string;
  url: string;
}

export interface Redirect {
  /** Old site path, with a leading slash. */
  from: string;
  /** New site path. */
  to: string;
}

/**
 * Where Pelican's default settings put every entry and term, paired with where they are now, so
 * old links and search rankings survive the move. Paths that did not change get no redirect.
 *
 * @example pelicanRedirects([{ kind: 'article', slug: 'x', lang: 'en', translation: false, url: '/posts/x/' }], [], { archives: '/archives/', … }, 'UTC')
 * // [{ from: '/x.html', to: '/posts/x/' }, { from: '/archives.html', to: '/archives/' }, …]
 */
export function pelicanRedirects(
  entries: readonly MovedEntry[],
  terms: readonly MovedTerm[],
  indexes: Readonly<Record<'archives' | 'categories' | 'tags' | 'authors', string | undefined>>,
  timeZone: string,
): Redirect[] {
  const pelican = URL_PRESETS.pelican;
  const redirects: Redirect[] = [];
  for (const entry of entries) {
    const pattern = pelican[entry.translation ? (`${entry.kind}Lang` satisfies UrlKind) : entry.kind];
    redirects.push({ from: expandUrlPattern(pattern, { slug: entry.slug, lang: entry.lang }, timeZone), to: entry.url });
  }
  for (const term of terms) {
    redirects.push({ from: expandUrlPattern(pelican[term.kind], { slug: slugify(term.name) }, timeZone), to: term.url });
  }
  for (const [kind, url] of Object.entries(indexes)) {
    if (url) redirects.push({ from: `/${pelican[kind as keyof typeof indexes]}`, to: url });
  }
  const seen = new Set<string>();
  return redirects.filter(({ from, to }) => from !== to && !seen.has(from) && seen.add(from));
}

/**
 * A page that sends browsers and crawlers on to the new URL: meta refresh, canonical link, and a
 * plain link for anyone whose browser does not follow.
 */
export function redirectPage(to: string, absoluteTo: string): string {
  const href = to.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const canonical = absoluteTo.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Moved</title>
<link rel="canonical" href="${canonical}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url=${href}">
</head>
<body>
<p>This page has moved to <a href="${href}">${href}</a>.</p>
</body>
</html>
`;
}
