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
  const better = (a: { shared: number; date: number }, b: { shared: number; date: number }) =>
    a.shared > b.shared || (a.shared === b.shared && a.date > b.date);
  // Keep only the best `count` while scanning: on a large site a tag has thousands of posts, and
  // sorting them all for every page made builds slow.
  const best: { candidate: T; shared: number; date: number }[] = [];
  for (const candidate of candidates) {
    if (candidate.id === article.id) continue;
    let shared = 0;
    for (const tag of candidate.data.tags) if (tags.has(tag.toLowerCase())) shared += 1;
    if (shared === 0) continue;
    const scored = { candidate, shared, date: candidate.data.date.getTime() };
    const at = best.findIndex((kept) => better(scored, kept));
    if (at >= 0) best.splice(at, 0, scored);
    else best.push(scored);
    if (best.length > count) best.pop();
  }
  return best.map(({ candidate }) => candidate);
}
