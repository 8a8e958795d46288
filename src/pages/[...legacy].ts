import type { APIRoute, GetStaticPaths } from 'astro';
import site from '@site-config';
import { allFeeds, FEED_CONTENT_TYPE, feedPath, renderFeed, type FeedSpec } from '../content/queries/feeds';
import { pelicanRedirects, redirectPage } from '../content/model/legacy-urls';
import { articlesWithPages, pagesWithPages } from '../content/queries/queries';
import { archivesUrl, TAXONOMIES, termIndexUrl, termUrl, terms } from '../content/queries/routes';
import { slugify } from '../lib/slugify';

/**
 * Pelican's per-category and per-author Atom feeds (`feeds/{slug}.atom.xml`, categories first when
 * slugs collide, as Pelican writes them in that order): a copy of our feed, since feed readers do
 * not follow HTML redirects.
 */
async function pelicanFeedCopies(): Promise<{ path: string; spec: FeedSpec }[]> {
  const feeds = new Map((await allFeeds()).map((spec) => [spec.path, spec]));
  const copies = new Map<string, FeedSpec>();
  for (const kind of ['category', 'author'] as const) {
    for (const term of await terms(kind)) {
      const path = `/feeds/${slugify(term.name)}.atom.xml`;
      const spec = feeds.get(feedPath('atom', { kind, name: term.name }));
      if (spec && !copies.has(path) && !feeds.has(path)) copies.set(path, spec);
    }
  }
  return [...copies].map(([path, spec]) => ({ path, spec }));
}

// With `redirectFrom: 'pelican'`, Pelican's default URLs answer with a redirect to the new ones,
// and its feed URLs with the new feeds.
export const getStaticPaths = (async () => {
  if (site.redirectFrom !== 'pelican') return [];
  const entries = [...(await articlesWithPages()), ...(await pagesWithPages())].map(({ collection, data }) => ({
    kind: collection === 'articles' ? ('article' as const) : ('page' as const),
    url: data.url,
    slug: data.slug,
    lang: data.lang,
    translation: data.translation,
  }));
  const moved = [];
  for (const kind of TAXONOMIES) {
    for (const term of await terms(kind)) {
      const url = termUrl(kind, term.name);
      if (url) moved.push({ kind, name: term.name, url });
    }
  }
  const indexes = {
    archives: archivesUrl(),
    categories: termIndexUrl('category'),
    tags: termIndexUrl('tag'),
    authors: termIndexUrl('author'),
  };
  return [
    ...pelicanRedirects(entries, moved, indexes, site.timeZone).map(({ from, to }) => ({
      params: { legacy: from.slice(1) },
      props: { to },
    })),
    ...(await pelicanFeedCopies()).map(({ path, spec }) => ({ params: { legacy: path.slice(1) }, props: { feed: spec } })),
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const feed = props['feed'] as FeedSpec | undefined;
  if (feed) return new Response(await renderFeed(feed), { headers: { 'Content-Type': FEED_CONTENT_TYPE[feed.format] } });
  const to = String(props['to']);
  return new Response(redirectPage(to, new URL(to, site.url).href), {
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
  });
};
