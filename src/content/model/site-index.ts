import { createHash } from 'node:crypto';
import type { ContentProblem } from '../format/content-error';
import type { EntryKind, EntryMetadata } from '../format/pelican-metadata';
import { termSlug, type SlugSettings } from '../../lib/slugify';
import { expandUrlPattern, type UrlKind, type UrlPatterns } from '../../lib/url-patterns';

/** A content file whose header was read, as the index knows it. */
export interface IndexInput {
  sourcePath: string;
  displayPath: string;
  kind: EntryKind;
  metadata: EntryMetadata & { title: string };
  /** Line of the `Slug:` (else `Title:`) field. */
  slugLine: number;
}

/** One translation of an entry, for `hreflang` alternates and the language switcher. */
export interface TranslationLink {
  lang: string;
  url: string;
  title: string;
}

export interface IndexedEntry extends IndexInput {
  url: string;
  /** Store id: the slug, with the language for translations. */
  id: string;
  /** True for a translation of an entry in another language. */
  isTranslation: boolean;
  /** The other language versions of this entry. */
  translations: TranslationLink[];
}

export interface SiteIndex {
  /** Readable content files by path from the content root. */
  entries: Map<string, IndexedEntry>;
  /** Slugs of the categories, tags and authors that published posts have. */
  terms: Record<'category' | 'tag' | 'author', Set<string>>;
  /** Changes whenever a URL, a translation or a term changes: pages linking to others must re-render. */
  fingerprint: string;
}

export interface IndexSettings {
  urls: UrlPatterns;
  timeZone: string;
  defaultLang: string;
  /** How the site makes slugs of categories, tags and authors. Default: Pelican's. */
  slugs?: SlugSettings | undefined;
}

/**
 * The URL of every article and page, with Pelican's translation rules: entries of one kind that
 * share a slug are translations of each other; the one in the site's language (else the one not
 * marked `Translation: true`, else the oldest) is the original and gets the plain URL, the others
 * the `…Lang` URL. Two entries that end up at one URL are a problem naming both files.
 */
export function buildSiteIndex(inputs: readonly IndexInput[], settings: IndexSettings): { index: SiteIndex; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const groups = new Map<string, IndexInput[]>();
  for (const input of inputs) {
    if (input.metadata.status === 'skip') continue;
    const key = `${input.kind}\0${input.metadata.slug}`;
    groups.set(key, [...(groups.get(key) ?? []), input]);
  }

  const entries = new Map<string, IndexedEntry>();
  const ownerOfUrl = new Map<string, IndexedEntry>();
  for (const group of groups.values()) {
    const original = pickOriginal(group, settings.defaultLang);
    const langs = new Map<string, IndexInput>();
    const members = [original, ...group.filter((input) => input !== original)].map((input) => {
      const twin = langs.get(input.metadata.lang);
      if (twin) {
        problems.push(sameUrlProblem(input, twin));
        return undefined;
      }
      langs.set(input.metadata.lang, input);
      const isTranslation = input !== original;
      const draft = input.metadata.status === 'draft' ? settings.urls.drafts?.[input.kind] : undefined;
      const pattern = draft ?? settings.urls[isTranslation ? (`${input.kind}Lang` satisfies UrlKind) : input.kind];
      const { slug, lang, category, date, authors, extra } = input.metadata;
      // Pelican formats URLs with every metadata field, and these (pelican/contents.py, url_format).
      const values = {
        ...extra,
        path: input.sourcePath,
        slug,
        lang,
        category: termSlug('category', category, settings.slugs),
        author: authors[0] ? termSlug('author', authors[0], settings.slugs) : '',
        ...(date ? { date } : {}),
      };
      let url: string;
      try {
        url = expandUrlPattern(pattern, values, settings.timeZone);
      } catch (error) {
        problems.push({ file: input.displayPath, line: 1, message: `has no URL: ${(error as Error).message}` });
        return undefined;
      }
      // An entry's own `url` (or `save_as`) metadata overrides the URL settings, as in Pelican.
      const own = extra['url'] ?? extra['save_as'];
      if (own !== undefined) url = `/${own.trim().replace(/^\/+/, '').replace(/(^|\/)index\.html$/, '$1')}`;
      const id = isTranslation ? `${slug}-${lang}` : slug;
      return { ...input, url, id, isTranslation, translations: [] as TranslationLink[] };
    });
    const indexed = members.filter((member): member is IndexedEntry => member !== undefined);
    for (const entry of indexed) {
      const owner = ownerOfUrl.get(entry.url);
      if (owner) {
        problems.push(sameUrlProblem(entry, owner));
        continue;
      }
      ownerOfUrl.set(entry.url, entry);
      entries.set(entry.sourcePath, entry);
    }
    for (const entry of indexed) {
      entry.translations = indexed
        .filter((other) => other !== entry && entries.get(other.sourcePath) === other)
        .map((other) => ({ lang: other.metadata.lang, url: other.url, title: other.metadata.title }));
    }
  }

  const terms = { category: new Set<string>(), tag: new Set<string>(), author: new Set<string>() };
  for (const entry of entries.values()) {
    if (entry.kind !== 'article' || entry.metadata.status !== 'published') continue;
    terms.category.add(termSlug('category', entry.metadata.category, settings.slugs));
    for (const tag of entry.metadata.tags) terms.tag.add(termSlug('tag', tag, settings.slugs));
    for (const author of entry.metadata.authors) terms.author.add(termSlug('author', author, settings.slugs));
  }

  const hash = createHash('sha1');
  for (const entry of [...entries.values()].sort((a, b) => a.sourcePath.localeCompare(b.sourcePath))) {
    hash.update(`${entry.sourcePath}\0${entry.url}\0${entry.metadata.lang}\0${entry.metadata.title}\0${entry.translations.length}\n`);
  }
  for (const [kind, slugs] of Object.entries(terms)) hash.update(`${kind}:${[...slugs].sort().join(',')}\n`);
  return { index: { entries, terms, fingerprint: hash.digest('hex') }, problems };
}

function sameUrlProblem(entry: IndexInput, owner: IndexInput): ContentProblem {
  return {
    file: entry.displayPath,
    line: entry.slugLine,
    message: `has the same URL (slug "${entry.metadata.slug}", lang "${entry.metadata.lang}") as ${owner.displayPath}; give one of them another Slug:`,
  };
}

function pickOriginal(group: readonly IndexInput[], defaultLang: string): IndexInput {
  const byDate = [...group].sort(
    (a, b) => (a.metadata.date?.getTime() ?? 0) - (b.metadata.date?.getTime() ?? 0) || a.sourcePath.localeCompare(b.sourcePath),
  );
  return (
    byDate.find((input) => input.metadata.lang === defaultLang && !input.metadata.translation) ??
    byDate.find((input) => !input.metadata.translation) ??
    (byDate[0] as IndexInput)
  );
}
