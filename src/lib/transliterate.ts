import unidecode from 'unidecode';
import data from './unidecode-overrides.json' with { type: 'json' };

/**
 * Where Python's Unidecode (what Pelican slugifies with) differs from the npm `unidecode` tables,
 * by hexadecimal code point; written by `scripts/pelican/unidecode-overrides.mjs` from Python's.
 */
const overrides = new Map(Object.entries(data.overrides).map(([hex, ascii]) => [Number.parseInt(hex, 16), ascii]));

/**
 * Unicode text as ASCII, exactly as Python's `unidecode.unidecode` writes it: `Straße` →
 * `Strasse`, `关于` → `Guan Yu `, `こんにちは` → `konnichiha`; characters it has no reading for
 * vanish.
 *
 * @example transliterate('Łódź') // 'Lodz'
 */
export function transliterate(text: string): string {
  // Most slugs are plain ASCII already.
  if (!/[^\x00-\x7f]/.test(text)) return text;
  let ascii = '';
  for (const char of text) {
    const codePoint = char.codePointAt(0) as number;
    if (codePoint < 0x80) ascii += char;
    else ascii += overrides.get(codePoint) ?? (codePoint > 0xffff ? '' : unidecode(char));
  }
  return ascii;
}
