/** What ordering and relating articles needs. */
export interface Relatable {
  id: string;
  data: { tags: readonly string[]; date: Date };
}

/**
 * The articles before (older) and after (newer) one, in a newest-first listing.
 *
 * @example adjacentArticles([c, b, a], b) // { older: a, newer: c }
 */
export function adjacentArticles<T extends Relatable>(newestFirst: readonly T[], article: Relatable): { older?: T; newer?: T } {
  const index = newestFirst.findIndex((candidate) => candidate.id === article.id);
  if (index < 0) return {};
  const older = newestFirst[index + 1];
  const newer = index > 0 ? newestFirst[index - 1] : undefined;
  return { ...(older ? { older } : {}), ...(newer ? { newer } : {}) };
}

/**
 * Up to `count` articles sharing the most tags with one (case-insensitive), newest first among
 * equals; articles sharing none are left out.
 */
export function relatedArticles<T extends Relatable>(candidates: readonly T[], article: Relatable, count = 3): T[] {
  const tags = new Set(article.data.tags.map((tag) => tag.toLowerCase()));
  return candidates
    .filter((candidate) => candidate.id !== article.id)
    .map((candidate) => ({ candidate, shared: candidate.data.tags.filter((tag) => tags.has(tag.toLowerCase())).length }))
    .filter(({ shared }) => shared > 0)
    .sort((a, b) => b.shared - a.shared || b.candidate.data.date.getTime() - a.candidate.data.date.getTime())
    .slice(0, count)
    .map(({ candidate }) => candidate);
}
