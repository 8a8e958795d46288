import site from '@site-config';
import { cacheKey, entryKey, sharedFields, type KeyedEntry } from '../../lib/cache-key';
import { orderedCourses } from './courses';
import { oncePerBuild, perBuild } from './per-build';
import { articlesWithPages, featuredArticles, pagesWithPages, type Article } from './queries';
import type { FeedSpec } from './feeds';
import type { SiteRoute } from './routes';
import { authorEntries } from './optional-collections';

// Keys for Astro's incremental builds (`experimental.incrementalBuild`): a page whose key and
// code are those of the last build is copied from it instead of rendered. A key must change
// whenever anything the page shows changes, so each is made of two parts:
// - the site key: what any page may show of the whole site (navigation, the footer's year, every
//   post's title, URL, date and tags, which neighbours, related posts and term pages come from,
//   authors, courses, the settings);
// - the keys of the entries the page shows in full (its own post, a listing's posts, a feed's).
// Editing a post's body, the usual edit, then renders its page and the listings and feeds that
// show it, and copies every other page.

/** An entry's key, worked out once per build. */
const keyOf = perBuild((entry: KeyedEntry) => entryKey(entry));

/** What every page may show of the site as a whole; changes at most once a day by itself. */
export const siteKey = oncePerBuild(async (): Promise<string> => {
  const { upcoming, past } = await orderedCourses();
  return cacheKey(
    site,
    // The footer's year, and posts and courses that move from scheduled to published or from
    // upcoming to past: a page older than a day is rendered again.
    new Date().toISOString().slice(0, 10),
    (await articlesWithPages()).map(({ id, data }) => [id, sharedFields(data)]),
    (await pagesWithPages()).map(({ id, data }) => [id, sharedFields(data)]),
    (await authorEntries()).map(keyOf),
    [...upcoming, ...past].map(keyOf),
  );
});

/** The keys of the articles a page shows with their summaries. */
const articleKeys = (articles: readonly Article[]) => articles.map(keyOf);

/** The key of a page of the catch-all route; none in dev, where no page is kept. */
export async function routeCacheKey(route: SiteRoute): Promise<string> {
  if (import.meta.env.DEV) return '';
  // The home page's first page shows the featured posts too, from wherever they are in the list.
  const featured = route.view === 'listing' && !route.term && route.pagination.current === 1 ? articleKeys(await featuredArticles()) : [];
  const shown = (() => {
    switch (route.view) {
      case 'article':
        return keyOf(route.article);
      case 'page':
        return keyOf(route.page);
      case 'listing':
        return [route.pagination, route.term?.kind ?? null, route.term?.name ?? null, articleKeys(route.articles), featured];
      case 'course':
        return keyOf(route.course);
      // Titles, dates, terms and courses: all in the site key.
      case 'terms':
        return route.kind;
      case 'archives':
      case 'training':
        return null;
    }
  })();
  return cacheKey(await siteKey(), route.view, route.url, shown);
}

/** The key of a feed: its posts' full content is in it. None in dev. */
export async function feedCacheKey(spec: FeedSpec, items: readonly Article[]): Promise<string> {
  if (import.meta.env.DEV) return '';
  return cacheKey(await siteKey(), spec.path, spec.title, spec.pageUrl, articleKeys(items));
}
