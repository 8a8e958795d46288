/** The filters a search can narrow by, as the pages mark them for Pagefind. */
export const FILTER_NAMES: readonly string[] = ['type', 'category', 'tag', 'author', 'year'];

/** A search as the URL keeps it: `?q=madrid&tag=python&sort=date`. */
export interface SearchState {
  query: string;
  filters: Record<string, string>;
  sort: 'relevance' | 'date';
}

/**
 * Reads a search from a URL's query string; unknown parameters are ignored.
 *
 * @example searchStateFromQuery('?q=drift&tag=python') // { query: 'drift', filters: { tag: 'python' }, sort: 'relevance' }
 */
export function searchStateFromQuery(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: Record<string, string> = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name)?.trim();
    if (value) filters[name] = value;
  }
  return { query: params.get('q')?.trim() ?? '', filters, sort: params.get('sort') === 'date' ? 'date' : 'relevance' };
}

/**
 * Writes a search as a query string, in a stable order, leaving out what is empty.
 *
 * @example searchStateToQuery({ query: 'drift', filters: { tag: 'python' }, sort: 'date' }) // '?q=drift&tag=python&sort=date'
 */
export function searchStateToQuery(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const name of FILTER_NAMES) {
    const value = state.filters[name];
    if (value) params.set(name, value);
  }
  if (state.sort === 'date') params.set('sort', 'date');
  const query = params.toString();
  return query ? `?${query}` : '';
}
