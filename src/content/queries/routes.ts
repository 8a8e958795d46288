import site from '@site-config';
import { buildFormatOf, expandUrlPattern, paginate, paginatedUrl, type UrlKind } from '../../lib/url-patterns';
import { termSlug } from '../../lib/slugify';
import { courseUrl, coursesUrl, orderedCourses, type Course } from './courses';
import { articlesWithPages, listedArticles, pagesWithPages, type Article, type Page } from './queries';
import { oncePerBuild, perBuild } from './per-build';
import { adjacentFinder, relatedFinder } from '../model/neighbours';
import { groupTerms, type TaxonomyKind, type Term } from '../model/taxonomy';

/** Where a page sits in a paginated listing. */
export interface Pagination {
  /** 1-based. */
  current: number;
  /** URL of every page, in order. */
  urls: string[];
}

/** A page of the site, and what it shows. */
export type SiteRoute =
  | { view: 'article'; url: string; article: Article }
  | { view: 'page'; url: string; page: Page }
  | { view: 'listing'; url: string; articles: Article[]; pagination: Pagination; term?: Term<Article> }
  | { view: 'terms'; url: string; kind: TaxonomyKind; terms: Term<Article>[] }
  | { view: 'archives'; url: string; articles: Article[] }
  | { view: 'training'; url: string; upcoming: Course[]; past: Course[] }
  | { view: 'course'; url: string; course: Course };

export const TAXONOMIES: readonly TaxonomyKind[] = ['category', 'tag', 'author'];
const INDEX_KIND = { category: 'categories', tag: 'tags', author: 'authors' } as const;

/** Whether the site has pages of a kind (Pelican's `AUTHOR_SAVE_AS = ''` leaves authors without). */
export const hasPagesOf = (kind: UrlKind): boolean => !site.urls.skip?.includes(kind);

/**
 * The URL of a category, tag or author page, from the site's URL settings; `undefined` when the
 * site has no such pages.
 *
 * @example termUrl('tag', 'Machine Learning') // '/tag/machine-learning/'
 */
export function termUrl(kind: TaxonomyKind, name: string): string | undefined {
  return hasPagesOf(kind) ? expandUrlPattern(site.urls[kind], { slug: termSlug(kind, name, site.slugs) }, site.timeZone) : undefined;
}

/** The URL of the page listing every category, tag or author; `undefined` when the site has none. */
export const termIndexUrl = (kind: TaxonomyKind): string | undefined =>
  hasPagesOf(INDEX_KIND[kind]) ? expandUrlPattern(site.urls[INDEX_KIND[kind]], {}, site.timeZone) : undefined;

/** The URL of the search page: `src/pages/search.astro`, written as a folder or a file like every page. */
export const searchUrl = (): string => (buildFormatOf(site.urls) === 'file' ? '/search.html' : '/search/');

/** The URL of the list of posts: the root, or Pelican's `INDEX_SAVE_AS`. */
export const homeUrl = (): string => `/${site.urls.index ?? ''}`;

/** The URL of the archives page. */
export const archivesUrl = (): string => expandUrlPattern(site.urls.archives, {}, site.timeZone);

/** The listed articles' categories, tags or authors, merged by slug; grouped once per build. */
export const terms = perBuild(
  async (kind: TaxonomyKind): Promise<Term<Article>[]> => groupTerms(await listedArticles(), kind, site.slugs),
);

/** The pages of a listing, `pageSize` articles each. */
function listingRoutes(url: string, articles: Article[], term?: Term<Article>): SiteRoute[] {
  const pages = paginate(articles, site.pageSize);
  const urls = pages.map((_, index) => paginatedUrl(url, index + 1, buildFormatOf(site.urls)));
  return pages.map((slice, index) => ({
    view: 'listing',
    url: urls[index] ?? url,
    articles: slice,
    pagination: { current: index + 1, urls },
    ...(term ? { term } : {}),
  }));
}

/** The listed articles related to an article: those sharing the most tags with it. */
export const relatedArticlesOf = oncePerBuild(async () => relatedFinder(await listedArticles()));

/** The listed articles before and after an article. */
export const adjacentArticlesOf = oncePerBuild(async () => adjacentFinder(await listedArticles()));

/** Every page of the site: home pages, entries, term pages and indexes, the archives. */
export async function siteRoutes(): Promise<SiteRoute[]> {
  const listed = await listedArticles();
  const pages = await pagesWithPages();
  // A page saved as the home page (`save_as: index.html`) takes its place, as in Pelican's output.
  const taken = new Set(pages.map((page) => page.data.url));
  const routes: SiteRoute[] = [
    ...listingRoutes(homeUrl(), listed).filter((route) => !taken.has(route.url)),
    ...(await articlesWithPages()).map((article) => ({ view: 'article' as const, url: article.data.url, article })),
    ...pages.map((page) => ({ view: 'page' as const, url: page.data.url, page })),
    ...(hasPagesOf('archives') ? [{ view: 'archives' as const, url: archivesUrl(), articles: listed }] : []),
  ];
  const { upcoming, past } = await orderedCourses();
  if (upcoming.length + past.length > 0) {
    routes.push({ view: 'training', url: coursesUrl(), upcoming, past });
    for (const course of [...upcoming, ...past]) routes.push({ view: 'course', url: courseUrl(course), course });
  }
  for (const kind of TAXONOMIES) {
    const grouped = await terms(kind);
    const indexUrl = termIndexUrl(kind);
    if (indexUrl) routes.push({ view: 'terms', url: indexUrl, kind, terms: grouped });
    for (const term of grouped) {
      const url = termUrl(kind, term.name);
      if (url) routes.push(...listingRoutes(url, term.articles, term));
    }
  }
  return routes;
}
