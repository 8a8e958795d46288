import site from '@site-config';
import { getImage } from 'astro:assets';
import { Feed } from 'feed';
import { absoluteUrls } from '../../lib/absolute-urls';
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
// its absolute-URL content once.
const feedContentOf = perBuild((article: Article) => absoluteUrls(bodyHtmlOf(article) || article.data.summary, site.url));
const feedDescriptionOf = perBuild((article: Article) => plainText(article.data.summary));

/** The posts a feed holds: its newest. */
export const feedItems = (spec: FeedSpec): Article[] => spec.articles.slice(0, FEED_ITEMS);

/** A feed document: full content with absolute URLs, covers as enclosures. */
export async function renderFeed(spec: FeedSpec): Promise<string> {
  const absolute = (path: string) => new URL(path, site.url).href;
  const items = feedItems(spec);
  const feed = new Feed({
    title: spec.title,
    description: site.tagline,
    id: absolute(spec.pageUrl),
    link: absolute(spec.pageUrl),
    language: site.language,
    favicon: absolute('/favicon.svg'),
    copyright: `© ${site.title}`,
    updated: items.reduce((newest, { data }) => (data.modified > newest ? data.modified : newest), new Date(0)),
    generator: 'Astro',
    feedLinks: { [spec.format]: absolute(spec.path) },
  });
  for (const article of items) {
    const { data } = article;
    const cover = data.headerCover ? await getImage({ src: data.headerCover, width: 1200, format: 'jpeg' }) : undefined;
    feed.addItem({
      title: data.title,
      id: absolute(data.url),
      link: absolute(data.url),
      description: feedDescriptionOf(article),
      content: feedContentOf(article),
      // An entry may have no author (Pelican's `AUTHOR = ''`); the feed library then wants none given.
      ...(data.authors.length > 0
        ? {
            author: data.authors.map((name) => {
              const url = termUrl('author', name);
              return url ? { name, link: absolute(url) } : { name };
            }),
          }
        : {}),
      date: data.modified,
      published: data.date,
      category: [data.category, ...data.tags].map((name) => ({ name })),
      ...(cover ? { image: { url: absolute(cover.src), type: 'image/jpeg' } } : {}),
    });
  }
  return spec.format === 'atom' ? feed.atom1() : spec.format === 'rss' ? feed.rss2() : feed.json1();
}
