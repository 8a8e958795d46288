import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/content/format/content-error';
import { buildSiteIndex, type IndexInput } from '../../src/content/model/site-index';
import { pelicanRedirects } from '../../src/content/model/legacy-urls';
import { URL_PRESETS } from '../../src/lib/url-patterns';

function input(sourcePath: string, metadata: Partial<IndexInput['metadata']>, kind: IndexInput['kind'] = 'article'): IndexInput {
  return {
    sourcePath,
    displayPath: `content/${sourcePath}`,
    kind,
    slugLine: 2,
    metadata: {
      title: 'T',
      slug: 'x',
      category: 'ml',
      tags: [],
      authors: ['Ana'],
      status: 'published',
      lang: 'en',
      translation: false,
      featured: false,
      extra: {},
      date: new Date('2021-01-01T00:00:00Z'),
      ...metadata,
    },
  };
}

const settings = { urls: URL_PRESETS.default, timeZone: 'Europe/Madrid', defaultLang: 'en' };

describe('buildSiteIndex', () => {
  it('gives every entry its URL from the patterns', () => {
    const { index, problems } = buildSiteIndex(
      [input('a.md', { slug: 'a' }), input('pages/about.md', { slug: 'about' }, 'page')],
      { ...settings, urls: { ...URL_PRESETS.default, article: '{date:%Y}/{category}/{slug}/' } },
    );
    expect(problems).toEqual([]);
    expect(index.entries.get('a.md')?.url).toBe('/2021/ml/a/');
    expect(index.entries.get('pages/about.md')?.url).toBe('/pages/about/');
  });

  it('links translations: the site language is the original, the others get the lang URL', () => {
    const { index } = buildSiteIndex(
      [input('es.md', { lang: 'es', title: 'Hola', date: new Date('2020-01-01') }), input('en.md', { title: 'Hello' })],
      settings,
    );
    expect(index.entries.get('en.md')).toMatchObject({ url: '/posts/x/', id: 'x', isTranslation: false });
    expect(index.entries.get('es.md')).toMatchObject({ url: '/posts/x-es/', id: 'x-es', isTranslation: true });
    expect(index.entries.get('en.md')?.translations).toEqual([{ lang: 'es', url: '/posts/x-es/', title: 'Hola' }]);
  });

  it('reports two entries at one URL, naming both files', () => {
    const { problems } = buildSiteIndex([input('a.md', {}), input('b.md', {})], settings);
    expect(problems.map(formatProblem)).toEqual([
      'content/b.md:2 has the same URL (slug "x", lang "en") as content/a.md; give one of them another Slug:',
    ]);
  });

  it('knows the terms of published posts by slug, and changes its fingerprint when a URL changes', () => {
    const first = buildSiteIndex([input('a.md', { tags: ['Python', 'ML Ops'], authors: ['Ana López'] })], settings).index;
    expect([...first.terms.tag]).toEqual(['python', 'ml-ops']);
    expect([...first.terms.author]).toEqual(['ana-lopez']);
    const renamed = buildSiteIndex([input('a.md', { slug: 'y', tags: ['Python', 'ML Ops'], authors: ['Ana López'] })], settings).index;
    expect(renamed.fingerprint).not.toBe(first.fingerprint);
  });
});

describe('pelicanRedirects', () => {
  it("maps Pelican's default URLs to the new ones, skipping unchanged ones", () => {
    expect(
      pelicanRedirects(
        [
          { kind: 'article', slug: 'x', lang: 'en', translation: false, url: '/posts/x/' },
          { kind: 'article', slug: 'x', lang: 'es', translation: true, url: '/posts/x-es/' },
          { kind: 'page', slug: 'about', lang: 'en', translation: false, url: '/pages/about.html' },
        ],
        [{ kind: 'tag', name: 'Machine Learning', url: '/tag/machine-learning/' }],
        { archives: '/archives/', categories: '/category/', tags: '/tag/', authors: '/author/' },
        'UTC',
      ),
    ).toEqual([
      { from: '/x.html', to: '/posts/x/' },
      { from: '/x-es.html', to: '/posts/x-es/' },
      { from: '/tag/machine-learning.html', to: '/tag/machine-learning/' },
      { from: '/archives.html', to: '/archives/' },
      { from: '/categories.html', to: '/category/' },
      { from: '/tags.html', to: '/tag/' },
      { from: '/authors.html', to: '/author/' },
    ]);
  });
});
