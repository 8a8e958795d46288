import site from '@site-config';
import { buildFormatOf, expandUrlPattern, paginate, paginatedUrl } from '../lib/url-patterns';
import { slugify } from '../lib/slugify';
import { courseUrl, coursesUrl, orderedCourses, type Course } from './courses';
import { articlesWithPages, listedArticles, pagesWithPages, type Article, type Page } from './queries';
import { oncePerBuild, perBuild } from './per-build';
import { adjacentFinder, relatedFinder } from './neighbours';
import { groupTerms, type TaxonomyKind, type Term } from './taxonomy';

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

/**
 * The URL of a category, tag or author page, from the site's URL settings.
 *
 * @example termUrl('tag', 'Machine Learning') // '/tag/machine-learning/'
 */
export function termUrl(kind: TaxonomyKind, name: string): string {
  return expandUrlPattern(site.urls[kind], { slug: slugify(name) }, site.timeZone);
}

/** The URL of the page listing every category, tag or author. */
export const termIndexUrl = (kind: TaxonomyKind): string => expandUrlPattern(site.urls[INDEX_KIND[kind]], {}, site.timeZone);

/** The URL of the search page: `src/pages/search.astro`, written as a folder or a file like every page. */
export const searchUrl = (): string => (buildFormatOf(site.urls) === 'file' ? '/search.html' : '/search/');

/** The URL of the archives page. */
export const archivesUrl = (): string => expandUrlPattern(site.urls.archives, {}, site.timeZone);

/** The listed articles' categories, tags or authors, merged by slug; grouped once per build. */
export const terms = perBuild(
  async (kind: TaxonomyKind): Promise<Term<Article>[]> => groupTerms(await listedArticles(), kind),
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
  const routes: SiteRoute[] = [
    ...listingRoutes('/', listed),
    ...(await articlesWithPages()).map((article) => ({ view: 'article' as const, url: article.data.url, article })),
    ...(await pagesWithPages()).map((page) => ({ view: 'page' as const, url: page.data.url, page })),
    { view: 'archives', url: archivesUrl(), articles: listed },
  ];
  const { upcoming, past } = await orderedCourses();
  if (upcoming.length + past.length > 0) {
    routes.push({ view: 'training', url: coursesUrl(), upcoming, past });
    for (const course of [...upcoming, ...past]) routes.push({ view: 'course', url: courseUrl(course), course });
  }
  for (const kind of TAXONOMIES) {
    const grouped = await terms(kind);
    routes.push({ view: 'terms', url: termIndexUrl(kind), kind, terms: grouped });
    for (const term of grouped) routes.push(...listingRoutes(termUrl(kind, term.name), term.articles, term));
  }
  return routes;
}
