// The W3C feed validator's rules (validator.w3.org/feed/docs/) that a generated feed can break,
// written down: its software is not packaged for npm or Debian. Each rule names the element and
// the validator message it stands for. Used on the writer's output (unit tests) and on the built
// site's feeds (e2e).
import { XMLParser, XMLValidator } from 'fast-xml-parser';

type Node = Record<string, unknown>;

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'item', 'link', 'category', 'author', 'dc:creator'].includes(name), parseTagValue: false });

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
// RFC 822 as RSS wants it, four-digit years: `Mon, 03 Jun 2019 22:00:00 GMT`.
const RFC822 = /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}(?::\d{2})? (?:GMT|UT|[+-]\d{4})$/;
const EMAIL_AUTHOR = /^[^@\s]+@[^@\s]+\.[^@\s]+(?: \(.+\))?$/;

const text = (value: unknown): string => (Array.isArray(value) ? text(value[0]) : typeof value === 'object' && value !== null ? String((value as Node)['#text'] ?? '') : String(value ?? ''));
const absolute = (url: string) => /^https?:\/\/[^/]/.test(url);

function wellFormed(xml: string): string[] {
  const result = XMLValidator.validate(xml);
  return result === true ? [] : [`not well-formed XML: ${result.err.msg} (line ${result.err.line})`];
}

/** Problems the validator would report in an Atom 1.0 document (RFC 4287). */
export function atomProblems(xml: string): string[] {
  const problems = wellFormed(xml);
  if (problems.length > 0) return problems;
  const feed = parser.parse(xml)['feed'] as Node | undefined;
  if (!feed) return ['the root element is not feed'];
  if (feed['@xmlns'] !== 'http://www.w3.org/2005/Atom') problems.push('feed: not in the Atom namespace');
  for (const required of ['id', 'title', 'updated']) if (!text(feed[required])) problems.push(`feed: Missing feed element: ${required}`);
  if (!RFC3339.test(text(feed['updated']))) problems.push(`feed: updated must be an RFC 3339 date-time: ${text(feed['updated'])}`);
  const links = (feed['link'] as Node[] | undefined) ?? [];
  if (!links.some((link) => link['@rel'] === 'self')) problems.push('feed: Missing atom:link with rel="self"');
  const entries = (feed['entry'] as Node[] | undefined) ?? [];
  const feedHasAuthor = ((feed['author'] as Node[] | undefined) ?? []).some((author) => text(author['name']));
  for (const [index, entry] of entries.entries()) {
    const at = `entry ${index + 1}`;
    for (const required of ['id', 'title', 'updated']) if (!text(entry[required])) problems.push(`${at}: Missing entry element: ${required}`);
    if (!absolute(text(entry['id']))) problems.push(`${at}: id must be a full URI: ${text(entry['id'])}`);
    for (const date of ['updated', 'published']) if (entry[date] !== undefined && !RFC3339.test(text(entry[date]))) problems.push(`${at}: ${date} must be an RFC 3339 date-time`);
    const authors = (entry['author'] as Node[] | undefined) ?? [];
    if (!feedHasAuthor && !authors.some((author) => text(author['name']))) problems.push(`${at}: Missing entry element: author`);
    for (const category of (entry['category'] as Node[] | undefined) ?? []) if (!category['@term']) problems.push(`${at}: Missing category attribute: term`);
    const entryLinks = (entry['link'] as Node[] | undefined) ?? [];
    if (!entry['content'] && !entryLinks.some((link) => (link['@rel'] ?? 'alternate') === 'alternate')) problems.push(`${at}: Missing entry element: link rel="alternate" (no content)`);
    for (const link of entryLinks) if (!absolute(String(link['@href'] ?? ''))) problems.push(`${at}: link href must be absolute: ${String(link['@href'])}`);
    const content = entry['content'] as Node | string | undefined;
    if (content !== undefined && typeof content === 'object' && !['text', 'html', 'xhtml', undefined].includes(content['@type'] as string)) problems.push(`${at}: content type ${String(content['@type'])}`);
  }
  return problems;
}

/** Problems the validator would report in an RSS 2.0 document. */
export function rssProblems(xml: string): string[] {
  const problems = wellFormed(xml);
  if (problems.length > 0) return problems;
  const rss = parser.parse(xml)['rss'] as Node | undefined;
  if (!rss || rss['@version'] !== '2.0') return ['the root element is not rss version="2.0"'];
  const channel = rss['channel'] as Node | undefined;
  if (!channel) return ['Missing channel element'];
  for (const required of ['title', 'link', 'description']) if (!text(channel[required])) problems.push(`channel: Missing channel element: ${required}`);
  if (!((channel['atom:link'] as Node[] | Node | undefined) ?? false)) problems.push('channel: Missing atom:link with rel="self"');
  for (const date of ['lastBuildDate', 'pubDate']) if (channel[date] !== undefined && !RFC822.test(text(channel[date]))) problems.push(`channel: ${date} must be an RFC 822 date-time`);
  for (const [index, item] of ((channel['item'] as Node[] | undefined) ?? []).entries()) {
    const at = `item ${index + 1}`;
    if (!text(item['title']) && !text(item['description'])) problems.push(`${at}: item must have a title or a description`);
    if (item['pubDate'] !== undefined && !RFC822.test(text(item['pubDate']))) problems.push(`${at}: pubDate must be an RFC 822 date-time: ${text(item['pubDate'])}`);
    if (item['author'] !== undefined && !EMAIL_AUTHOR.test(text(item['author']))) problems.push(`${at}: author must be an email address (use dc:creator for a name)`);
    if (!text(item['guid'])) problems.push(`${at}: item should contain a guid element`);
    const enclosure = item['enclosure'] as Node | undefined;
    if (enclosure && !(Number(enclosure['@length']) > 0)) problems.push(`${at}: enclosure length must be a positive number of bytes`);
    for (const link of ['link', 'guid']) if (item[link] !== undefined && !absolute(text(item[link]))) problems.push(`${at}: ${link} must be a full URL`);
  }
  return problems;
}

/** Problems in a JSON Feed 1.1 document (jsonfeed.org/version/1.1). */
export function jsonFeedProblems(json: string): string[] {
  const problems: string[] = [];
  const feed = JSON.parse(json) as Node;
  if (feed['version'] !== 'https://jsonfeed.org/version/1.1') problems.push(`version is ${String(feed['version'])}, not 1.1`);
  if (!feed['title']) problems.push('title is required');
  if ('author' in feed) problems.push('author is deprecated in 1.1: use authors');
  if (!Array.isArray(feed['items'])) return [...problems, 'items is required'];
  for (const [index, item] of (feed['items'] as Node[]).entries()) {
    const at = `item ${index + 1}`;
    if (!item['id']) problems.push(`${at}: id is required`);
    if (!item['content_html'] && !item['content_text']) problems.push(`${at}: content_html or content_text is required`);
    if ('author' in item) problems.push(`${at}: author is deprecated in 1.1: use authors`);
    for (const date of ['date_published', 'date_modified']) if (item[date] !== undefined && !RFC3339.test(String(item[date]))) problems.push(`${at}: ${date} must be RFC 3339`);
  }
  return problems;
}

/** What a feed reader would show of a page's chrome in an entry's HTML. */
export function chromeInFeedHtml(html: string): string[] {
  const found: string[] = [];
  if (/class="heading-anchor"/.test(html)) found.push('heading anchors (#)');
  if (/class="code-language"/.test(html)) found.push('code language labels');
  if (/class="copy-code"/.test(html)) found.push('copy buttons');
  if (/class="katex-html"/.test(html)) found.push("KaTeX's visual HTML beside its MathML (math twice)");
  return found;
}
