import { EXPECTED_DATE, parsePelicanDate, type DateOrder } from './pelican-date';
import type { HeaderField, ParsedSource } from './pelican-header';
import { pathMetadataFields, PELICAN_PATH_METADATA, type PathMetadataSettings } from './path-metadata';
import { slugify, type SlugSettings } from '../../lib/slugify';

/** Which collection a file belongs to decides which fields it needs. */
export type EntryKind = 'article' | 'page';

export interface MetadataSettings {
  /** IANA zone for dates written without an offset. */
  timeZone: string;
  /** Author of entries that name none. */
  defaultAuthor: string;
  /** Language of entries that name none. */
  defaultLang: string;
  /** Metadata from paths and defaults (Pelican's settings). Default: Pelican's. */
  pathMetadata?: PathMetadataSettings;
  /** Whether a `---` block opening a Markdown file is YAML (this project's sites) or `Key: value` lines (Pelican's). Default: YAML. */
  yamlHeaders?: boolean;
  /** Which of `04/06/2019`'s numbers is the month: Pelican's dateutil reads it month first. Default: day first. */
  dateOrder?: DateOrder;
  /** How entries' slugs are made (`SLUG_REGEX_SUBSTITUTIONS` …), and from what (`SLUGIFY_SOURCE`). */
  slugs?: SlugSettings & { source?: 'title' | 'basename' };
}

/** A mistake in one field of one file, with the header line it stands on. */
export interface FieldProblem {
  line: number;
  field: string;
  value?: string;
  message: string;
}

/** The fields of a Pelican entry, read and defaulted as Pelican does, before schema validation. */
export interface EntryMetadata {
  title?: string;
  date?: Date;
  modified?: Date;
  category: string;
  tags: string[];
  authors: string[];
  slug: string;
  /** Markdown, rendered by the loader; absent when the body's start is to be used. */
  summary?: string;
  status: string;
  lang: string;
  translation: boolean;
  /** Image path relative to the content root. */
  headerCover?: string;
  headline?: string;
  /** `Featured: yes`: shown first on the home page, as Ghost and AstroPaper feature posts. */
  featured: boolean;
  /** Every key not listed above, lower-cased, its values joined. */
  extra: Record<string, string>;
}

/** How a header says yes or no (YAML front matter's `true`/`false` included). */
const YES = new Set(['yes', 'true', '1']);
const NO = new Set(['no', 'false', '0']);

/** Header keys this reader gives a meaning to; the rest land in `extra`. */
export const KNOWN_KEYS = new Set([
  'title',
  'date',
  'modified',
  'category',
  'tags',
  'authors',
  'author',
  'slug',
  'summary',
  'status',
  'lang',
  'translation',
  'header_cover',
  'headline',
  'featured',
]);

/** The header key a schema field comes from, to find the line of a schema error. */
export const HEADER_KEY_OF_FIELD: Record<string, readonly string[]> = {
  headerCover: ['header_cover'],
  authors: ['authors', 'author'],
};

/**
 * Pelican's list splitting for tags and authors: on `;` when the value has one, else on `,`;
 * trimmed, empty and repeated items dropped, order kept.
 *
 * @example splitList(['a; b, c', 'a']) // ['a', 'b, c']
 */
export function splitList(values: readonly string[]): string[] {
  const items = values.flatMap((value) => value.split(value.includes(';') ? ';' : ','));
  return [...new Set(items.map((item) => item.trim()).filter(Boolean))];
}

/**
 * The field without which Pelican does not publish a file: a title, and for an article a date.
 * The loader warns about such a file; in `STATIC_PATHS` it is copied as a static file instead.
 */
export function missingRequiredField(metadata: Pick<EntryMetadata, 'title' | 'date'>, kind: EntryKind): 'title' | 'date' | undefined {
  if (metadata.title === undefined) return 'title';
  return kind === 'article' && metadata.date === undefined ? 'date' : undefined;
}

/**
 * Turns a parsed header into entry metadata with Pelican's defaults: category from the folder,
 * date from a `YYYY-MM-DD` file name prefix (or as the site's path settings say), slug from the
 * title, the site's default author.
 *
 * @param relativePath the file's path from the content root, with `/` separators
 */
export function readEntryMetadata(
  parsed: Pick<ParsedSource, 'fields'>,
  relativePath: string,
  settings: MetadataSettings,
  fileModified?: Date,
): { metadata: EntryMetadata; problems: FieldProblem[] } {
  // The header overrides what the path and the site's defaults give (Pelican's readers' order).
  const fields = new Map([...pathMetadataFields(relativePath, settings.pathMetadata ?? PELICAN_PATH_METADATA, fileModified), ...parsed.fields]);
  const problems: FieldProblem[] = [];
  const text = (key: string, separator = ' '): string | undefined => {
    const field = fields.get(key);
    if (!field) return undefined;
    const joined = field.values.join(separator).trim();
    return joined === '' ? undefined : joined;
  };
  const readDate = (key: string): Date | undefined => {
    const field = fields.get(key);
    const value = text(key);
    if (!field || value === undefined) return undefined;
    const date = parsePelicanDate(value, settings.timeZone, settings.dateOrder);
    if (!date) problems.push(dateProblem(field, value));
    return date;
  };

  const fileName = relativePath.split('/').at(-1) ?? relativePath;
  const date = fields.has('date') ? readDate('date') : undefined;
  const title = text('title');
  const { source: slugSource = 'title', ...slugOptions } = settings.slugs ?? {};
  const slugFrom = slugSource === 'basename' || title === undefined ? fileName.replace(/\.[^.]+$/, '') : title;
  // `Authors:` is a list; `Author:` is one name, commas and all, as Pelican reads them.
  const authorsField = fields.get('authors');
  const authorField = fields.get('author');
  const authors = authorsField ? splitList(authorsField.values) : authorField ? [authorField.values.join(' ').trim()].filter(Boolean) : [];
  const translation = text('translation')?.toLowerCase();
  const featured = text('featured')?.toLowerCase();
  const featuredField = fields.get('featured');
  if (featured !== undefined && featuredField && !YES.has(featured) && !NO.has(featured)) {
    problems.push({ line: featuredField.line, field: 'featured', value: featured, message: 'is not yes or no (true/false, 1/0 work too)' });
  }

  const extra: Record<string, string> = {};
  for (const [key, field] of fields) {
    if (!KNOWN_KEYS.has(key)) extra[key] = field.values.join('\n').trim();
  }

  const metadata: EntryMetadata = {
    category: text('category') ?? 'misc',
    tags: splitList(fields.get('tags')?.values ?? []),
    authors: authors.length > 0 ? authors : settings.defaultAuthor ? [settings.defaultAuthor] : [],
    slug: text('slug') ?? slugify(slugFrom, slugOptions),
    status: (text('status') ?? 'published').toLowerCase(),
    lang: text('lang') ?? settings.defaultLang,
    translation: translation === 'true' || translation === 'yes' || translation === '1',
    featured: featured !== undefined && YES.has(featured),
    extra,
  };
  const modified = fields.has('modified') ? readDate('modified') : date;
  const summary = text('summary', '\n');
  const headerCover = text('header_cover');
  const headline = text('headline');
  if (title !== undefined) metadata.title = title;
  if (date) metadata.date = date;
  if (modified) metadata.modified = modified;
  if (summary !== undefined) metadata.summary = summary;
  if (headerCover !== undefined) metadata.headerCover = headerCover.replace(/^\/+/, '');
  if (headline !== undefined) metadata.headline = headline;
  return { metadata, problems };
}

function dateProblem(field: HeaderField, value: string): FieldProblem {
  return {
    line: field.line,
    field: field.key.toLowerCase(),
    value,
    message: `is not a date (${EXPECTED_DATE})${field.origin ? `; it comes from the ${field.origin} setting` : ''}`,
  };
}
