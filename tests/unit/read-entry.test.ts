import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/content/format/content-error';
import { readEntry, type ReadEntryResult } from '../../src/content/format/read-entry';
import { articleSchema } from '../../src/content/schemas/article';
import { pageSchema } from '../../src/content/schemas/page';

const settings = { timeZone: 'Europe/Madrid', defaultAuthor: 'The Gurus Team', defaultLang: 'en' };

function read(source: string | Uint8Array, relativePath = 'posts/post.md', existing: string[] = []): ReadEntryResult {
  const bytes = typeof source === 'string' ? new TextEncoder().encode(source) : source;
  const kind = relativePath.startsWith('pages/') ? 'page' : 'article';
  return readEntry(
    { bytes, relativePath, displayPath: `content/${relativePath}`, kind },
    { settings, schema: kind === 'page' ? pageSchema : articleSchema, fileExists: (path) => existing.includes(path) },
  );
}

function ok(source: string, relativePath?: string, existing?: string[]) {
  const result = read(source, relativePath, existing);
  if (result.status !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result;
}

function problems(source: string | Uint8Array, relativePath?: string): string[] {
  const result = read(source, relativePath);
  if (result.status !== 'invalid') throw new Error(`expected problems, got ${result.status}`);
  return result.problems.map(formatProblem);
}

describe('readEntry: the seed post header', () => {
  const seed = `Title: Machine Learning in Production. Where 99% of companies screw up
Date: 2019-06-04
Category: training
Tags: training, machine learning, production
Slug: ml-in-production
Authors: Pedro Muñoz Botas
Summary: People complain about Machine Learning models in production. Let's dig into what is really happening.
Header_Cover: images/posts/ml-in-production/ml_in_production.jpeg
Headline: Why people fail to deploy Machine Learning models into production

# General complaint
`;

  it('reads every field', () => {
    const { metadata, body } = ok(seed, 'posts/ml-in-production.md', ['images/posts/ml-in-production/ml_in_production.jpeg']);
    expect(metadata).toMatchObject({
      title: 'Machine Learning in Production. Where 99% of companies screw up',
      category: 'training',
      tags: ['training', 'machine learning', 'production'],
      slug: 'ml-in-production',
      authors: ['Pedro Muñoz Botas'],
      summary: "People complain about Machine Learning models in production. Let's dig into what is really happening.",
      headerCover: 'images/posts/ml-in-production/ml_in_production.jpeg',
      headline: 'Why people fail to deploy Machine Learning models into production',
      status: 'published',
      lang: 'en',
      translation: false,
      extra: {},
    });
    expect(metadata.date?.toISOString()).toBe('2019-06-03T22:00:00.000Z');
    expect(metadata.modified).toEqual(metadata.date);
    expect(body).toBe('# General complaint\n');
  });
});

describe('readEntry: defaults, as Pelican has them', () => {
  it('takes the date from a YYYY-MM-DD file name prefix when the header has none', () => {
    const { metadata } = ok('Title: T\n\nx', 'posts/2020-02-29-leap.md');
    expect(metadata.date?.toISOString()).toBe('2020-02-28T23:00:00.000Z');
  });

  it('takes the category from the folder, or misc at the content root', () => {
    expect(ok('Title: T\nDate: 2020-01-01\n\nx', 'posts/x.md').metadata.category).toBe('posts');
    expect(ok('Title: T\nDate: 2020-01-01\n\nx', 'blog/mlops/x.md').metadata.category).toBe('mlops');
    expect(ok('Title: T\nDate: 2020-01-01\n\nx', 'x.md').metadata.category).toBe('misc');
  });

  it('splits tags and authors on ; when present, else on ,, trimmed, empties and repeats dropped, order kept', () => {
    const { metadata } = ok('Title: T\nDate: 2020-01-01\nTags: b, a, , b ,c\nAuthors: Ana López; Smith, John\n\nx');
    expect(metadata.tags).toEqual(['b', 'a', 'c']);
    expect(metadata.authors).toEqual(['Ana López', 'Smith, John']);
  });

  it('accepts Author: and defaults to the site author', () => {
    expect(ok('Title: T\nDate: 2020-01-01\nAuthor: Ana\n\nx').metadata.authors).toEqual(['Ana']);
    expect(ok('Title: T\nDate: 2020-01-01\n\nx').metadata.authors).toEqual(['The Gurus Team']);
  });

  it('slugifies the title when there is no slug, and keeps an explicit slug as written', () => {
    expect(ok('Title: Análisis de datos: ¿por qué falla el 99%?\nDate: 2020-01-01\n\nx').metadata.slug).toBe(
      'analisis-de-datos-por-que-falla-el-99',
    );
    expect(ok('Title: T\nSlug: My_Slug-2019\nDate: 2020-01-01\n\nx').metadata.slug).toBe('My_Slug-2019');
  });

  it('reads modified, status case-insensitively, lang, translation, and keeps unknown keys in extra', () => {
    const { metadata } = ok(
      'Title: T\nDate: 2020-01-01\nModified: 2020-02-01 12:00\nStatus: DRAFT\nLang: es\nTranslation: true\nSeries: MLOps\nTwitter_Image: a.png\n\nx',
    );
    expect(metadata.modified?.toISOString()).toBe('2020-02-01T11:00:00.000Z');
    expect(metadata.status).toBe('draft');
    expect(metadata.lang).toBe('es');
    expect(metadata.translation).toBe(true);
    expect(metadata.extra).toEqual({ series: 'MLOps', twitter_image: 'a.png' });
  });

  it('joins a summary continued on indented lines with new lines (it is Markdown)', () => {
    expect(ok('Title: T\nDate: 2020-01-01\nSummary: one\n    *two*\n\nx').metadata.summary).toBe('one\n*two*');
  });

  it('ignores files with Status: skip entirely, even with other mistakes', () => {
    expect(read('Status: skip\nDate: nope\n\nx').status).toBe('skip');
  });

  it('does not need a date on pages', () => {
    const { metadata } = ok('Title: About\n\nWho we are', 'pages/about.md');
    expect(metadata.date).toBeUndefined();
    expect(metadata.slug).toBe('about');
  });

  it('reads YAML front matter', () => {
    const { metadata } = ok('---\ntitle: Hola\ndate: 2019-06-04 10:00\ntags: [a, b]\n---\n\nx');
    expect(metadata).toMatchObject({ title: 'Hola', tags: ['a', 'b'] });
    expect(metadata.date?.toISOString()).toBe('2019-06-04T08:00:00.000Z');
  });

  it('reads a header with no body', () => {
    expect(ok('Title: Only header\nDate: 2020-01-01').body).toBe('');
  });

  it('reads 1 MB of body', () => {
    const body = 'Lorem ipsum dolor sit amet. '.repeat(40_000);
    expect(ok(`Title: Big\nDate: 2020-01-01\n\n${body}`).body.length).toBe(body.length);
  });
});

describe('readEntry: bad input names file, line, field and value', () => {
  it('a bad date', () => {
    expect(problems('Title: T\nDate: 2019-13-04\n\nx', 'posts/x.md')).toEqual([
      expect.stringMatching(/^content\/posts\/x\.md:2 date "2019-13-04" is not a date \(expected YYYY-MM-DD/),
    ]);
  });

  it('no title', () => {
    expect(problems('Date: 2020-01-01\n\nx')).toEqual(['content/posts/post.md:1 title is missing (add a "Title:" line to the header)']);
  });

  it('no date on an article', () => {
    expect(problems('Title: T\n\nx')).toEqual([expect.stringMatching(/^content\/posts\/post\.md:1 date is missing/)]);
  });

  it('an unknown status', () => {
    expect(problems('Title: T\nDate: 2020-01-01\nStatus: publised\n\nx')).toEqual([
      'content/posts/post.md:3 status "publised" is not a status (expected published, draft, hidden or skip)',
    ]);
  });

  it('a header cover that does not exist', () => {
    expect(problems('Title: T\nDate: 2020-01-01\nHeader_Cover: images/gone.jpg\n\nx')).toEqual([
      'content/posts/post.md:3 header_cover "images/gone.jpg" points to images/gone.jpg in the content folder, which does not exist',
    ]);
  });

  it('every problem of a file at once', () => {
    expect(problems('Date: 2019-02-30\nStatus: nope\nModified: later\n\nx')).toHaveLength(4);
  });

  it('an empty file', () => {
    expect(problems('')).toEqual([expect.stringMatching(/^content\/posts\/post\.md:1 is empty/)]);
    expect(problems('\n  \n')).toEqual([expect.stringMatching(/is empty/)]);
  });

  it('binary garbage', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    expect(problems(png)).toEqual([expect.stringMatching(/^content\/posts\/post\.md:1 is not a UTF-8 text file/)]);
  });

  it('a title with nothing to make a slug from', () => {
    expect(problems('Title: 🚀 🎉\nDate: 2020-01-01\n\nx')).toEqual([expect.stringMatching(/:1 slug is empty/)]);
  });

  it('a title in another script gets Pelican\'s transliterated slug', () => {
    const result = read('Title: 关于\nDate: 2020-01-01\n\nx');
    expect(result.status === 'ok' && result.metadata.slug).toBe('guan-yu');
  });
});

describe('readEntry: Featured', () => {
  it('reads yes and no as Pelican headers and YAML front matter write them, and names a typo', () => {
    expect(ok('Title: A\nDate: 2024-01-01\nFeatured: yes\n\nBody\n').metadata.featured).toBe(true);
    expect(ok('---\ntitle: A\ndate: 2024-01-01\nfeatured: true\n---\nBody\n').metadata.featured).toBe(true);
    expect(ok('Title: A\nDate: 2024-01-01\nFeatured: No\n\nBody\n').metadata.featured).toBe(false);
    expect(ok('Title: A\nDate: 2024-01-01\n\nBody\n').metadata.featured).toBe(false);
    expect(problems('Title: A\nDate: 2024-01-01\nFeatured: ture\n\nBody\n')).toEqual([expect.stringMatching(/content\/posts\/post\.md:3.*featured.*is not yes or no/)]);
  });
});
