import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { slugify, termSlug, type RegexSubstitution } from '../../src/lib/slugify';
import { pythonRegex, pythonReplacement } from '../../src/lib/python-regex';
import { transliterate } from '../../src/lib/transliterate';

interface Expected {
  pelican: string;
  custom: RegexSubstitution[];
  cases: { name: string; slug: string; custom: string; preserveCase: string }[];
}

// Written by Pelican itself: scripts/pelican/expected-slugs.py.
const expected = JSON.parse(
  readFileSync(new URL('../fixtures/slugs/expected.json', import.meta.url), 'utf8'),
) as Expected;

describe(`slugify matches Pelican ${expected.pelican}`, () => {
  it.each(expected.cases.map((c) => [c.name, c] as const))('%j', (name, c) => {
    expect(slugify(name)).toBe(c.slug);
    expect(slugify(name, { substitutions: expected.custom })).toBe(c.custom);
    expect(slugify(name, { preserveCase: true })).toBe(c.preserveCase);
  });

  it('gives categories, tags and authors their own substitutions when the site sets them', () => {
    for (const c of expected.cases) {
      expect(termSlug('tag', c.name, { tag: expected.custom })).toBe(c.custom);
      expect(termSlug('category', c.name, { tag: expected.custom })).toBe(c.slug);
    }
  });

  it('keeps apart the names Pelican keeps apart, and merges the ones it merges', () => {
    expect(slugify('Airflow 開發生情報')).not.toBe(slugify('Airflow'));
    expect(slugify('PYTHON')).toBe(slugify('python'));
  });

  it('keeps letters of any script with SLUGIFY_USE_UNICODE', () => {
    expect(slugify('開源 貢獻', { useUnicode: true })).toBe('開源-貢獻');
    expect(slugify('Größe & Co', { useUnicode: true })).toBe('größe-co');
  });
});

describe('transliterate (Python Unidecode)', () => {
  it.each([
    ['Straße', 'Strasse'],
    ['こんにちは', 'konnichiha'],
    ['关于', 'Guan Yu '],
    ['𝐀𝐁', 'AB'],
    ['plain ascii', 'plain ascii'],
  ])('%j → %j', (text, ascii) => {
    expect(transliterate(text)).toBe(ascii);
  });
});

describe('Python regular expressions', () => {
  it.each([
    ['(?u)\\A\\s*', '  x  ', 'x  '],
    ['(?u)\\s*\\Z', '  x  ', '  x'],
    ['x$', 'ax\n', 'a\n'],
    ['(?P<w>o)(?P=w)', 'foo', 'f'],
    ['(?i)A', 'bab', 'bb'],
    ['(?x) a  b  # comment', 'ab', ''],
  ])('%j on %j', (pattern, input, output) => {
    expect(input.replace(pythonRegex(pattern), '')).toBe(output);
  });

  it('reads replacements with group references', () => {
    expect('ab'.replace(pythonRegex('(a)(?P<x>b)'), pythonReplacement('\\2\\g<x>\\1\\g<1>$'))).toBe('bbaa$');
  });

  it('says what a pattern uses that JavaScript lacks', () => {
    expect(() => pythonRegex('a++')).toThrow(/possessive/);
    expect(() => pythonRegex('(?(1)a|b)')).toThrow(/conditional/);
  });
});
