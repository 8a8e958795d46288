import { getCollection, type CollectionEntry } from 'astro:content';
import site from '@site-config';
import { oncePerBuild } from './per-build';
import { authorEntries } from './optional-collections';

export type Article = CollectionEntry<'articles'>;
export type Page = CollectionEntry<'pages'>;

/** When this build (or dev server) started: posts dated later are scheduled. */
const BUILD_TIME = new Date();

/** A post dated in the future: it appears once that date is past and the site is rebuilt, as in Ghost. */
export const isScheduled = (data: { date?: Date | undefined }): boolean => data.date !== undefined && data.date > BUILD_TIME;

/**
 * Drafts and scheduled posts exist only in `npm run dev`, where authors preview them; a site that
 * publishes its drafts at their own URLs (Pelican's DRAFT_URL) builds them, listed nowhere.
 */
const isBuilt = (data: { status: string; date?: Date | undefined }) =>
  ((data.status !== 'draft' || site.urls.drafts !== undefined) && !isScheduled(data)) || import.meta.env.DEV;

/** Whether an entry is listed: not hidden, and no draft outside `npm run dev`. */
const isListed = (data: { status: string; translation: boolean }) =>
  data.status !== 'hidden' && !data.translation && (data.status !== 'draft' || import.meta.env.DEV);

/** Newest first; equal dates by title so the order never depends on file system order. */
function newestFirst(a: Article, b: Article): number {
  return b.data.date.getTime() - a.data.date.getTime() || a.data.title.localeCompare(b.data.title);
}

/** Every article that gets a page: published and hidden ones and translations, and drafts in dev. */
export const articlesWithPages = oncePerBuild(async (): Promise<Article[]> =>
  (await getCollection('articles', ({ data }) => isBuilt(data))).sort(newestFirst),
);

/**
 * Articles shown in listings, newest first: hidden ones are reachable by URL only, and
 * translations are reached from their original.
 */
export const listedArticles = oncePerBuild(async (): Promise<Article[]> =>
  (await articlesWithPages()).filter(({ data }) => isListed(data)),
);

/** How many featured posts the home page shows above the others (Ghost's and AstroPaper's "Featured"). */
export const FEATURED_ON_HOME = 3;

/** The newest posts marked `Featured: yes`, for the top of the home page. */
export const featuredArticles = oncePerBuild(async (): Promise<Article[]> =>
  (await listedArticles()).filter(({ data }) => data.featured).slice(0, FEATURED_ON_HOME),
);

/** Every page that gets built. */
export const pagesWithPages = oncePerBuild(async (): Promise<Page[]> => getCollection('pages', ({ data }) => isBuilt(data)));

/** Pages shown in the navigation. */
export const listedPages = oncePerBuild(async (): Promise<Page[]> =>
  (await pagesWithPages())
    .filter(({ data }) => isListed(data))
    .sort((a, b) => a.data.title.localeCompare(b.data.title)),
);

/**
 * An author's profile from `content/authors/`, when it has one. Most authors have none (Pelican needs
 * no such file), and `getEntry` warns for every missing one, so the build looks them up in a map.
 */
export const authorProfile = async (slug: string): Promise<CollectionEntry<'authors'> | undefined> => (await authorProfiles()).get(slug);
const authorProfiles = oncePerBuild(async () => new Map((await authorEntries()).map((entry) => [entry.id, entry])));

/** The privacy page (`pages/privacy.md`), which the signup forms link to. */
export const privacyPage = oncePerBuild(async (): Promise<Page | undefined> =>
  (await pagesWithPages()).find(({ data }) => data.sourcePath === 'pages/privacy.md' || data.slug === 'privacy'),
);
