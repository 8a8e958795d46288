import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/lib/slugify';

describe('slugify (Pelican rules)', () => {
  it.each([
    ['Análisis de datos: ¿por qué falla el 99%?', 'analisis-de-datos-por-que-falla-el-99'],
    ['Machine Learning in Production. Where 99% of companies screw up', 'machine-learning-in-production-where-99-of-companies-screw-up'],
    ['  Ñandú -- über   cool  ', 'nandu-uber-cool'],
    ['snake_case stays', 'snake_case-stays'],
    ['日本語', ''],
  ])('%j → %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });
});
