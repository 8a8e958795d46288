import { describe, expect, it } from 'vitest';
import { findMojibake } from '../../src/lint/mojibake';

/** What a UTF-8 text looks like when read as another encoding. */
const misread = (text: string, encoding: string) =>
  encoding === 'iso-8859-1' ? String.fromCharCode(...Buffer.from(text, 'utf8')) : new TextDecoder(encoding).decode(Buffer.from(text, 'utf8'));

describe('mis-decoded UTF-8', () => {
  it('is found and repaired: the seed post\'s author, read as Mac Roman', () => {
    expect(findMojibake('Pedro Mu√±oz Botas')).toEqual({ repaired: 'Pedro Muñoz Botas', encoding: 'macintosh', index: 8 });
  });

  it.each(['windows-1252', 'macintosh', 'iso-8859-1'])('is repaired when read as %s', (encoding) => {
    for (const text of ['Pedro Muñoz Botas', 'Ingeniería de datos en España', 'it’s “quoted” — dashed', 'Zürich, Kraków, São Paulo']) {
      const broken = misread(text, encoding);
      expect(broken).not.toBe(text);
      expect(findMojibake(broken)?.repaired).toBe(text);
    }
  });

  it('leaves correct text alone', () => {
    for (const text of ['Pedro Muñoz Botas', 'Ingeniería — “bien”', 'Plain ASCII', 'naïve café', '日本語', 'emoji 🚀', '±5 °C, ½ cup']) {
      expect(findMojibake(text)).toBeUndefined();
    }
  });
});
