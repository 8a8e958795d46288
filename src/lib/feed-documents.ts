// Feed documents (Atom 1.0, RSS 2.0, JSON Feed 1.1) written from one model, to the rules the W3C
// feed validator checks: Atom categories carry a `term`, RSS authors without an email are
// `dc:creator`, an image without a known size is an Atom enclosure link and a Media RSS element
// (RSS's `enclosure` requires a byte length), JSON Feed 1.1 has `authors` and `language`.
import { escapeHtml } from './escape-html.ts';

export interface FeedPerson {
  name: string;
  url?: string | undefined;
}

export interface FeedCategory {
  /** A stable identifier: the term's slug. */
  term: string;
  /** What readers see: the term's name. */
  label: string;
}

export interface FeedEntry {
  /** Absolute URL of the entry's page, also its id. */
  url: string;
  title: string;
  /** Plain text. */
  summary: string;
  /** HTML, with absolute URLs. */
  contentHtml: string;
  published: Date;
  updated: Date;
  authors: FeedPerson[];
  categories: FeedCategory[];
  image?: { url: string; type: string } | undefined;
}

export interface FeedDocument {
  title: string;
  /** Plain text; may be empty. */
  description: string;
  /** Absolute URL of the HTML page the feed mirrors, also its id. */
  pageUrl: string;
  /** Absolute URL of the feed itself. */
  selfUrl: string;
  /** BCP 47, e.g. `en`. */
  language: string;
  /** Absolute URL of the site's icon. */
  icon: string;
  /** Who publishes the site: the author of entries that name none (Atom requires one). */
  publisher: FeedPerson;
  generator: string;
  /** Newest first. */
  entries: FeedEntry[];
}

/** Characters XML 1.0 cannot carry at all, even escaped. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text for XML, in an element or a double-quoted attribute.
 *
 * @example xmlText('a < b & "c"') // 'a &lt; b &amp; &quot;c&quot;'
 */
export function xmlText(text: string): string {
  return escapeHtml(text.replace(NOT_XML, ''));
}

const element = (name: string, text: string, attributes = '') => `<${name}${attributes}>${xmlText(text)}</${name}>`;
const updatedOf = (feed: FeedDocument) => feed.entries.reduce((newest, entry) => (entry.updated > newest ? entry.updated : newest), new Date(0));

/** The Atom 1.0 document of a feed. */
export function atomFeed(feed: FeedDocument): string {
  const person = (tag: string, { name, url }: FeedPerson) => `<${tag}>${element('name', name)}${url ? element('uri', url) : ''}</${tag}>`;
  const entries = feed.entries.map((entry) =>
    [
      '<entry>',
      element('title', entry.title),
      `<link rel="alternate" type="text/html" href="${xmlText(entry.url)}"/>`,
      element('id', entry.url),
      element('published', entry.published.toISOString()),
      element('updated', entry.updated.toISOString()),
      ...entry.authors.map((author) => person('author', author)),
      ...entry.categories.map(({ term, label }) => `<category term="${xmlText(term)}" label="${xmlText(label)}"/>`),
      ...(entry.summary ? [element('summary', entry.summary)] : []),
      element('content', entry.contentHtml, ' type="html"'),
      ...(entry.image ? [`<link rel="enclosure" type="${xmlText(entry.image.type)}" href="${xmlText(entry.image.url)}"/>`] : []),
      '</entry>',
    ].join(''),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(feed.language)}">`,
    element('title', feed.title),
    ...(feed.description ? [element('subtitle', feed.description)] : []),
    `<link rel="alternate" type="text/html" href="${xmlText(feed.pageUrl)}"/>`,
    `<link rel="self" type="application/atom+xml" href="${xmlText(feed.selfUrl)}"/>`,
    // The page's URL, as before this writer: a reader that keys on ids keeps its place.
    element('id', feed.pageUrl),
    element('updated', updatedOf(feed).toISOString()),
    person('author', feed.publisher),
    element('generator', feed.generator),
    element('icon', feed.icon),
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

/** The RSS 2.0 document of a feed. */
export function rssFeed(feed: FeedDocument): string {
  const items = feed.entries.map((entry) =>
    [
      '<item>',
      element('title', entry.title),
      element('link', entry.url),
      element('guid', entry.url, ' isPermaLink="true"'),
      element('pubDate', entry.published.toUTCString()),
      ...entry.authors.map(({ name }) => element('dc:creator', name)),
      ...entry.categories.map(({ label }) => element('category', label)),
      element('description', entry.summary || entry.title),
      element('content:encoded', entry.contentHtml),
      ...(entry.image ? [`<media:content url="${xmlText(entry.image.url)}" type="${xmlText(entry.image.type)}" medium="image"/>`] : []),
      '</item>',
    ].join(''),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">',
    '<channel>',
    element('title', feed.title),
    element('link', feed.pageUrl),
    // RSS requires a description; a site without a tagline is described by its title.
    element('description', feed.description || feed.title),
    `<atom:link rel="self" type="application/rss+xml" href="${xmlText(feed.selfUrl)}"/>`,
    element('language', feed.language),
    element('lastBuildDate', updatedOf(feed).toUTCString()),
    element('generator', feed.generator),
    ...items,
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}

/** The JSON Feed 1.1 document of a feed. */
export function jsonFeed(feed: FeedDocument): string {
  const person = ({ name, url }: FeedPerson) => ({ name, ...(url ? { url } : {}) });
  return `${JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: feed.title,
      home_page_url: feed.pageUrl,
      feed_url: feed.selfUrl,
      ...(feed.description ? { description: feed.description } : {}),
      favicon: feed.icon,
      language: feed.language,
      authors: [person(feed.publisher)],
      items: feed.entries.map((entry) => ({
        id: entry.url,
        url: entry.url,
        title: entry.title,
        content_html: entry.contentHtml,
        ...(entry.summary ? { summary: entry.summary } : {}),
        ...(entry.image ? { image: entry.image.url } : {}),
        date_published: entry.published.toISOString(),
        date_modified: entry.updated.toISOString(),
        ...(entry.authors.length > 0 ? { authors: entry.authors.map(person) } : {}),
        tags: entry.categories.map(({ label }) => label),
      })),
    },
    null,
    2,
  )}\n`;
}
