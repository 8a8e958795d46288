import { termSlug, type SlugSettings } from '../../lib/slugify';

/** The taxonomies Pelican has: each gets an index page and a page per term. */
export type TaxonomyKind = 'category' | 'tag' | 'author';

/** What grouping needs of an article. */
export interface Classified {
  data: { category: string; tags: readonly string[]; authors: readonly string[]; date: Date; sourcePath: string };
}

export interface Term<T extends Classified> {
  kind: TaxonomyKind;
  slug: string;
  /** The spelling of the oldest article that uses the term. */
  name: string;
  /** Newest first, as given. */
  articles: T[];
}

const namesOf = (article: Classified, kind: TaxonomyKind): readonly string[] =>
  kind === 'category' ? [article.data.category] : kind === 'tag' ? article.data.tags : article.data.authors;

/**
 * Groups articles by category, tag or author, merging names by slug as Pelican does: `Python`
 * and `python` are one tag, named as the oldest post spells it. Terms come sorted by name.
 *
 * @example groupTerms(articles, 'tag').map((term) => term.name) // ['machine learning', 'production']
 */
export function groupTerms<T extends Classified>(articles: readonly T[], kind: TaxonomyKind, slugs: SlugSettings = {}): Term<T>[] {
  const slugify = (name: string) => termSlug(kind, name, slugs);
  const oldestFirst = [...articles].sort(
    (a, b) => a.data.date.getTime() - b.data.date.getTime() || a.data.sourcePath.localeCompare(b.data.sourcePath),
  );
  const terms = new Map<string, Term<T>>();
  for (const article of oldestFirst) {
    for (const name of namesOf(article, kind)) {
      const slug = slugify(name);
      if (!terms.has(slug)) terms.set(slug, { kind, slug, name, articles: [] });
    }
  }
  for (const article of articles) {
    for (const slug of new Set(namesOf(article, kind).map((name) => slugify(name)))) terms.get(slug)?.articles.push(article);
  }
  return [...terms.values()].sort((a, b) => a.name.localeCompare(b.name));
}
