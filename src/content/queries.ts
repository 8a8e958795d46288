import { getCollection, type CollectionEntry } from 'astro:content';
import { oncePerBuild } from './per-build';

export type Article = CollectionEntry<'articles'>;
export type Page = CollectionEntry<'pages'>;

/** Drafts exist only in `npm run dev`, where authors preview them. */
const isBuilt = (status: string) => status !== 'draft' || import.meta.env.DEV;

/** Newest first; equal dates by title so the order never depends on file system order. */
function newestFirst(a: Article, b: Article): number {
  return b.data.date.getTime() - a.data.date.getTime() || a.data.title.localeCompare(b.data.title);
}

/** Every article that gets a page: published and hidden ones and translations, and drafts in dev. */
export const articlesWithPages = oncePerBuild(async (): Promise<Article[]> =>
  (await getCollection('articles', ({ data }) => isBuilt(data.status))).sort(newestFirst),
);

/**
 * Articles shown in listings, newest first: hidden ones are reachable by URL only, and
 * translations are reached from their original.
 */
export const listedArticles = oncePerBuild(async (): Promise<Article[]> =>
  (await articlesWithPages()).filter(({ data }) => data.status !== 'hidden' && !data.translation),
);

/** Every page that gets built. */
export const pagesWithPages = oncePerBuild(async (): Promise<Page[]> => getCollection('pages', ({ data }) => isBuilt(data.status)));

/** Pages shown in the navigation. */
export const listedPages = oncePerBuild(async (): Promise<Page[]> =>
  (await pagesWithPages())
    .filter(({ data }) => data.status !== 'hidden' && !data.translation)
    .sort((a, b) => a.data.title.localeCompare(b.data.title)),
);

/** The privacy page (`pages/privacy.md`), which the signup forms link to. */
export const privacyPage = oncePerBuild(async (): Promise<Page | undefined> =>
  (await pagesWithPages()).find(({ data }) => data.sourcePath === 'pages/privacy.md' || data.slug === 'privacy'),
);
