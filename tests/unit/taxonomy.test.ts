import { describe, expect, it } from 'vitest';
import { groupTerms, type Classified } from '../../src/content/model/taxonomy';

const article = (sourcePath: string, date: string, tags: string[], category = 'ml', authors = ['Ana']): Classified => ({
  data: { sourcePath, date: new Date(date), tags, category, authors },
});

describe('groupTerms', () => {
  const newestFirst = [
    article('c.md', '2021-01-01', ['python', 'MLOps'], 'Machine Learning'),
    article('b.md', '2020-01-01', ['Python'], 'machine learning', ['Ana', 'Luis']),
    article('a.md', '2019-01-01', ['Drift'], 'ML Ops'),
  ];

  it('merges terms by slug, named as the oldest post spells them, articles kept newest first', () => {
    const tags = groupTerms(newestFirst, 'tag');
    expect(tags.map((tag) => [tag.slug, tag.name, tag.articles.map((a) => a.data.sourcePath)])).toEqual([
      ['drift', 'Drift', ['a.md']],
      ['mlops', 'MLOps', ['c.md']],
      ['python', 'Python', ['c.md', 'b.md']],
    ]);
  });

  it('groups categories and authors the same way', () => {
    expect(groupTerms(newestFirst, 'category').map((term) => [term.name, term.articles.length])).toEqual([
      ['machine learning', 2],
      ['ML Ops', 1],
    ]);
    expect(groupTerms(newestFirst, 'author').map((term) => [term.slug, term.articles.length])).toEqual([
      ['ana', 3],
      ['luis', 1],
    ]);
  });
});
