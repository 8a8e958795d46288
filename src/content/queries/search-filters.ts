import site from '@site-config';
import { toZonedIso } from '../../lib/zoned-time';
import { articlesWithPages, pagesWithPages } from './queries';
import { courseEntries } from './optional-collections';

/** A filter's values and how many indexed pages have each, as the pages mark them for Pagefind. */
export type SearchFilterCounts = Record<'type' | 'category' | 'tag' | 'author' | 'year', Map<string, number>>;

/**
 * The search page's filter options, known when the site is built. Asking Pagefind for them
 * (`pagefind.filters()`) loads every filter's index, and Pagefind then counts every filter
 * value over every match of every search: at 10,000 posts that made each search take ~300 ms
 * longer (730 ms against 330 ms for the first, measured in Chromium). The marks themselves are
 * in `ArticleView`, `PageView`, `CourseView`, `EntryMeta` and `TermLinks`; the search e2e test
 * checks that these counts are Pagefind's.
 */
export async function searchFilterCounts(): Promise<SearchFilterCounts> {
  const counts: SearchFilterCounts = { type: new Map(), category: new Map(), tag: new Map(), author: new Map(), year: new Map() };
  const add = (filter: keyof SearchFilterCounts, value: string) => counts[filter].set(value, (counts[filter].get(value) ?? 0) + 1);
  // Only what Pagefind indexes: published entries (hidden ones are reachable by URL alone).
  for (const { data } of await articlesWithPages()) {
    if (data.status !== 'published') continue;
    add('type', 'article');
    add('year', toZonedIso(data.date, site.timeZone).slice(0, 4));
    add('category', data.category);
    for (const tag of new Set(data.tags)) add('tag', tag);
    for (const author of new Set(data.authors)) add('author', author);
  }
  for (const { data } of await pagesWithPages()) if (data.status === 'published') add('type', 'page');
  for (const _ of await courseEntries()) add('type', 'course');
  return counts;
}

/** A filter's options in the order the search page offers them: years newest first, the rest by name. */
export function filterOptions(filter: keyof SearchFilterCounts, counts: SearchFilterCounts): [value: string, count: number][] {
  const order = filter === 'year' ? (a: string, b: string) => b.localeCompare(a) : (a: string, b: string) => a.localeCompare(b);
  return [...counts[filter]].sort(([a], [b]) => order(a, b));
}
