import { describe, expect, it } from 'vitest';
import { pagefindConfig } from '../../src/integrations/pagefind';
import { searchStateFromQuery, searchStateToQuery } from '../../src/lib/search-state';

describe('pagefindConfig', () => {
  it('indexes in the site language and leaves out controls that are not words of a post', () => {
    const config = pagefindConfig({ language: 'es' });
    expect(config.forceLanguage).toBe('es');
    expect(config.excludeSelectors).toEqual(expect.arrayContaining(['.copy-code', '.heading-anchor']));
    // Only marked regions are indexed: the pages carry data-pagefind-body, so no root selector.
    expect(config.rootSelector).toBeUndefined();
  });
});

describe('search state in the URL', () => {
  it('reads query, filters and order, ignoring anything else', () => {
    expect(searchStateFromQuery('?q=+madrid+&tag=python&year=2019&sort=date&utm_source=x')).toEqual({
      query: 'madrid',
      filters: { tag: 'python', year: '2019' },
      sort: 'date',
    });
    expect(searchStateFromQuery('')).toEqual({ query: '', filters: {}, sort: 'relevance' });
  });

  it('writes them back in a stable order, round-tripping', () => {
    const state = { query: 'feature store', filters: { author: 'Ana López', category: 'mlops' }, sort: 'relevance' as const };
    expect(searchStateToQuery(state)).toBe('?q=feature+store&category=mlops&author=Ana+L%C3%B3pez');
    expect(searchStateFromQuery(searchStateToQuery(state))).toEqual(state);
    expect(searchStateToQuery({ query: '', filters: {}, sort: 'relevance' })).toBe('');
  });
});
