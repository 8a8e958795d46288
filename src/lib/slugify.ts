import { decodeHTML } from 'entities';
import { pythonRegex, pythonReplacement } from './python-regex';
import { transliterate } from './transliterate';

/** A `(pattern, replacement)` pair in Python's syntax, as `SLUG_REGEX_SUBSTITUTIONS` holds them. */
export type RegexSubstitution = readonly [pattern: string, replacement: string];

/** How slugs are made: Pelican's `SLUG_REGEX_SUBSTITUTIONS`, `SLUGIFY_PRESERVE_CASE`, `SLUGIFY_USE_UNICODE`. */
export interface SlugOptions {
  substitutions?: readonly RegexSubstitution[] | undefined;
  preserveCase?: boolean | undefined;
  useUnicode?: boolean | undefined;
}

/** A site's slug settings: Pelican's `CATEGORY_`, `TAG_` and `AUTHOR_REGEX_SUBSTITUTIONS` beside the others. */
export interface SlugSettings extends SlugOptions {
  category?: readonly RegexSubstitution[] | undefined;
  tag?: readonly RegexSubstitution[] | undefined;
  author?: readonly RegexSubstitution[] | undefined;
}

/** Pelican's default `SLUG_REGEX_SUBSTITUTIONS` (pelican/settings.py). */
export const PELICAN_SLUG_SUBSTITUTIONS: readonly RegexSubstitution[] = [
  ['[^\\w\\s-]', ''],
  ['(?u)\\A\\s*', ''],
  ['(?u)\\s*\\Z', ''],
  ['[-\\s]+', '-'],
];

type Compiled = { pattern: RegExp; replacement: string }[];
const compiled = new Map<string, Compiled>();

function compile(substitutions: readonly RegexSubstitution[]): Compiled {
  const key = JSON.stringify(substitutions);
  let rules = compiled.get(key);
  if (!rules) {
    // Pelican NFKC-normalizes both sides and always substitutes case-insensitively.
    rules = substitutions.map(([pattern, replacement]) => ({
      pattern: pythonRegex(pattern.normalize('NFKC'), { ignoreCase: true, unicode: true }),
      replacement: pythonReplacement(replacement.normalize('NFKC')),
    }));
    compiled.set(key, rules);
  }
  return rules;
}

/** Markupsafe's `striptags`, which Pelican's slugify starts with: comments and tags out, spaces collapsed, entities decoded. */
function stripTags(value: string): string {
  const text = value
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[\s\S]*?>/g, '')
    .split(/\s+/u)
    .filter(Boolean)
    .join(' ');
  return decodeHTML(text);
}

/**
 * Pelican's `slugify` (pelican/utils.py), step for step: tags stripped, NFKC, transliterated to
 * ASCII as Python's Unidecode does, the substitutions applied in order, lower case. Matching it
 * keeps the URLs of a site moved from Pelican, in every script: `关于` → `guan-yu`, `Straße` →
 * `strasse`. `tests/fixtures/slugs/expected.json` holds what Pelican itself makes.
 *
 * @example slugify('Análisis de datos: ¿por qué falla el 99%?') // 'analisis-de-datos-por-que-falla-el-99'
 */
export function slugify(value: string, options: SlugOptions = {}): string {
  const { substitutions = PELICAN_SLUG_SUBSTITUTIONS, preserveCase = false, useUnicode = false } = options;
  let slug = stripTags(value).normalize('NFKC');
  if (!useUnicode) slug = transliterate(slug);
  for (const { pattern, replacement } of compile(substitutions)) slug = slug.replace(pattern, replacement);
  if (!preserveCase) slug = slug.toLowerCase();
  // Python's str.strip(): whitespace only.
  return slug.trim();
}

/**
 * The slug of a category, tag or author, as Pelican's URLWrapper makes it: with the kind's own
 * substitutions when the site sets them, else the site's slug substitutions.
 *
 * @example termSlug('tag', 'C++', { tag: [['\\+', 'p']] }) // 'cpp'
 */
export function termSlug(kind: 'category' | 'tag' | 'author', name: string, settings: SlugSettings = {}): string {
  return slugify(name, { ...settings, substitutions: settings[kind] ?? settings.substitutions });
}
