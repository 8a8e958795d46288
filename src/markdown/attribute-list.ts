import type { Properties } from 'hast';

/** One attribute of an attribute list, in order; the name `.` adds a class, as in Python-Markdown. */
export type Attribute = readonly [name: string, value: string];

// Python-Markdown's attr_list scanner, tried in this order at each position (re.Scanner takes the
// first alternative that matches, not the longest); scanning stops at the first character none
// matches (a lone `=`), and what follows is ignored.
const TOKENS: ReadonlyArray<readonly [RegExp, (token: string) => Attribute | 'word' | undefined]> = [
  [/[^ =]+=".*?"/y, (token) => keyValue(token, '"')],
  [/[^ =]+='.*?'/y, (token) => keyValue(token, "'")],
  [/[^ =]+=[^ =]+/y, (token) => keyValue(token)],
  [/[^ =]+/y, () => 'word'],
  [/ /y, () => undefined],
];

interface Scanned {
  attributes: Attribute[];
  /** Whether every token was an id, a class or `key=value`: no bare word, nothing left unread. */
  strict: boolean;
}

function scan(inside: string): Scanned {
  const attributes: Attribute[] = [];
  let strict = true;
  let position = 0;
  while (position < inside.length) {
    let matched = false;
    for (const [pattern, read] of TOKENS) {
      pattern.lastIndex = position;
      const token = pattern.exec(inside)?.[0];
      if (token === undefined) continue;
      const attribute = read(token);
      if (attribute === 'word') {
        if (token.startsWith('.')) attributes.push(['.', token.slice(1)]);
        else if (token.startsWith('#')) attributes.push(['id', token.slice(1)]);
        else {
          attributes.push([token, token]);
          strict = false;
        }
      } else if (attribute) attributes.push(attribute);
      position += token.length;
      matched = true;
      break;
    }
    if (!matched) return { attributes, strict: false };
  }
  return { attributes, strict };
}

function keyValue(token: string, quote?: string): Attribute {
  const equals = token.indexOf('=');
  const value = token.slice(equals + 1);
  return [token.slice(0, equals), quote ? trimAll(value, quote) : value];
}

/** Python's `str.strip(quote)`: every leading and trailing `quote`. */
function trimAll(value: string, quote: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && value[start] === quote) start++;
  while (end > start && value[end - 1] === quote) end--;
  return value.slice(start, end);
}

/**
 * Reads the inside of an attribute list as Python-Markdown's attr_list reads it: ids (`#top`),
 * classes (`.wide`), `key=value` pairs, and any other word as an attribute of its own name
 * (`{% photo a.png %}` sets `photo="photo"`: that is how a Pelican site without the liquid plugin
 * loses such a line).
 *
 * @example scanAttributeList('#top .wide target="_blank"') // [['id', 'top'], ['.', 'wide'], ['target', '_blank']]
 */
export function scanAttributeList(inside: string): Attribute[] {
  return scan(inside).attributes;
}

/**
 * Reads the inside of an attribute list strictly: `undefined` unless every token is an id, a
 * class or a `key=value` pair, so that braces in prose stay text.
 *
 * @example parseAttributeList('#top .wide') // [['id', 'top'], ['.', 'wide']]
 * @example parseAttributeList('a, b') // undefined
 */
export function parseAttributeList(inside: string): Attribute[] | undefined {
  const { attributes, strict } = scan(inside);
  return strict ? attributes : undefined;
}

// Python-Markdown's sanitize_name: what is not an XML name character becomes `_`.
const NOT_NAME =
  /[^A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd:\-.0-9\u00b7\u0300-\u036f\u203f-\u2040]+/gu;

/**
 * Adds `attributes` to hast `properties` as Python-Markdown's assign_attrs does: classes append,
 * `class=` replaces the classes so far, any other name (sanitized) sets or replaces its value.
 */
export function withAttributes(properties: Properties, attributes: readonly Attribute[]): Properties {
  const result: Properties = { ...properties };
  for (const [name, value] of attributes) {
    if (name === '.' || name === 'class') {
      const existing = name === '.' && Array.isArray(result['className']) ? result['className'].map(String) : [];
      result['className'] = [...existing, ...value.split(' ').filter(Boolean)];
    } else {
      result[name.replace(NOT_NAME, '_')] = value;
    }
  }
  return result;
}
