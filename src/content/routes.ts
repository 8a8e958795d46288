import site from '@site-config';
import { expandUrlPattern } from '../lib/url-patterns';
import { slugify } from '../lib/slugify';
import { articlesWithPages, listedArticles, pagesWithPages, type Article, type Page } from './queries';
import { groupTerms, type TaxonomyKind, type Term } from './taxonomy';

/** A page of the site outside the home page, and what it shows. */
export type SiteRoute =
  | { view: 'article'; url: string; article: Article }
  | { view: 'page'; url: string; page: Page }
  | { view: 'term'; url: string; term: Term<Article> }
  | { view: 'archives'; url: string; articles: Article[] };

export const TAXONOMIES: readonly TaxonomyKind[] = ['category', 'tag', 'author'];

/**
 * The URL of a category, tag or author page, from the site's URL settings.
 *
 * @example termUrl('tag', 'Machine Learning') // '/tag/machine-learning/'
 */
export function termUrl(kind: TaxonomyKind, name: string): string {
  return expandUrlPattern(site.urls[kind], { slug: slugify(name) }, site.timeZone);
}

/** The URL of the archives page. */
export const archivesUrl = (): string => expandUrlPattern(site.urls.archives, {}, site.timeZone);

/** The listed articles' categories, tags or authors, merged by slug. */
export async function terms(kind: TaxonomyKind): Promise<Term<Article>[]> {
  return groupTerms(await listedArticles(), kind);
}

/** Every page the catch-all route builds: entries, term pages and the archives. */
export async function siteRoutes(): Promise<SiteRoute[]> {
  const listed = await listedArticles();
  const routes: SiteRoute[] = [
    ...(await articlesWithPages()).map((article) => ({ view: 'article' as const, url: article.data.url, article })),
    ...(await pagesWithPages()).map((page) => ({ view: 'page' as const, url: page.data.url, page })),
    { view: 'archives', url: archivesUrl(), articles: listed },
  ];
  for (const kind of TAXONOMIES) {
    for (const term of groupTerms(listed, kind)) routes.push({ view: 'term', url: termUrl(kind, term.name), term });
  }
  return routes;
}
