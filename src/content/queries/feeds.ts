import site from '@site-config';
import { getImage } from 'astro:assets';
import { atomFeed, jsonFeed, rssFeed, type FeedDocument } from '../../lib/feed-documents';
import { feedHtml } from '../../lib/feed-html';
import { bodyHtmlOf } from '../model/rendered-html';
import { plainText } from '../../lib/plain-text';
import { termSlug } from '../../lib/slugify';
import { perBuild } from './per-build';
import { listedArticles, type Article } from './queries';
import { TAXONOMIES, termUrl, terms } from './routes';
import type { TaxonomyKind } from '../model/taxonomy';

/** Feed formats, by file extension. */
export type FeedFormat = 'atom' | 'rss' | 'json';
const EXTENSION: Record<FeedFormat, string> = { atom: '.atom.xml', rss: '.rss.xml', json: '.json' };
export const FEED_CONTENT_TYPE: Record<FeedFormat, string> = {
  atom: 'application/atom+xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/** Entries per feed: the newest ones, as feed readers poll for what is new. */
const FEED_ITEMS = 20;

/** One feed the site publishes. */
export interface FeedSpec {
  /** Site path, e.g. `/feeds/all.atom.xml`. */
  path: string;
  format: FeedFormat;
  title: string;
  /** The HTML page the feed mirrors. */
  pageUrl: string;
  /** Newest first. */
  articles: Article[];
}

/**
 * The path of a feed: everything, or one category, tag or author.
 *
 * @example feedPath('atom', { kind: 'tag', name: 'Python' }) // '/feeds/tag/python.atom.xml'
 */
export function feedPath(format: FeedFormat, term?: { kind: TaxonomyKind; name: string }): string {
  return term ? `/feeds/${term.kind}/${termSlug(term.kind, term.name, site.slugs)}${EXTENSION[format]}` : `/feeds/all${EXTENSION[format]}`;
}

/** Every feed: all posts in Atom, RSS and JSON Feed; each category, tag and author in Atom and RSS. */
export async function allFeeds(): Promise<FeedSpec[]> {
  const articles = await listedArticles();
  const feeds: FeedSpec[] = (['atom', 'rss', 'json'] as const).map((format) => ({
    path: feedPath(format),
    format,
    title: site.title,
    pageUrl: '/',
    articles,
  }));
  for (const kind of TAXONOMIES) {
    for (const term of await terms(kind)) {
      for (const format of ['atom', 'rss'] as const) {
        feeds.push({
          path: feedPath(format, { kind, name: term.name }),
          format,
          title: `${site.title}: ${term.name}`,
          pageUrl: termUrl(kind, term.name) ?? '/',
          articles: term.articles,
        });
      }
    }
  }
  return feeds;
}

// A post sits in up to a dozen feeds (all, its category, tags and authors, in two formats): make
// its feed content once.
const feedContentOf = perBuild((article: Article) => feedHtml(bodyHtmlOf(article) || article.data.summary, site.url));
const feedDescriptionOf = perBuild((article: Article) => plainText(article.data.summary));

/** The posts a feed holds: its newest. */
export const feedItems = (spec: FeedSpec): Article[] => spec.articles.slice(0, FEED_ITEMS);

const WRITERS: Record<FeedFormat, (feed: FeedDocument) => string> = { atom: atomFeed, rss: rssFeed, json: jsonFeed };

/** A feed document: full content with absolute URLs, covers as images. */
export async function renderFeed(spec: FeedSpec): Promise<string> {
  const absolute = (path: string) => new URL(path, site.url).href;
  const person = (name: string) => {
    const url = termUrl('author', name);
    return { name, ...(url ? { url: absolute(url) } : {}) };
  };
  const category = (kind: TaxonomyKind, name: string) => ({ term: termSlug(kind, name, site.slugs), label: name });
  const entries = await Promise.all(
    feedItems(spec).map(async (article) => {
      const { data } = article;
      const cover = data.headerCover ? await getImage({ src: data.headerCover, width: 1200, format: 'jpeg' }) : undefined;
      return {
        url: absolute(data.url),
        title: data.title,
        summary: feedDescriptionOf(article),
        contentHtml: feedContentOf(article),
        published: data.date,
        updated: data.modified,
        // An entry may have no author (Pelican's `AUTHOR = ''`): the feed's publisher stands for it.
        authors: data.authors.map(person),
        categories: [category('category', data.category), ...data.tags.map((tag) => category('tag', tag))],
        ...(cover ? { image: { url: absolute(cover.src), type: 'image/jpeg' } } : {}),
      };
    }),
  );
  return WRITERS[spec.format]({
    title: spec.title,
    description: site.tagline,
    pageUrl: absolute(spec.pageUrl),
    selfUrl: absolute(spec.path),
    language: site.language,
    icon: absolute('/favicon.svg'),
    publisher: { name: site.defaultAuthor || site.title, url: absolute('/') },
    generator: 'Astro',
    entries,
  });
}
