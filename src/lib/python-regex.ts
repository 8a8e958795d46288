/**
 * Python `re` patterns, as `pelicanconf.py` writes them (`SLUG_REGEX_SUBSTITUTIONS`), turned into
 * JavaScript ones. Covers what differs in the syntax sites use: inline flags, `\A` `\Z`, named
 * groups, `$` before a final newline, and `\1`/`\g<name>` in replacements. A pattern using
 * something JavaScript lacks (possessive quantifiers, conditionals) throws, naming it.
 */

export class PythonRegexError extends Error {
  override name = 'PythonRegexError';
}

export interface PythonRegexOptions {
  /** Python's `re.IGNORECASE`. */
  ignoreCase?: boolean;
  /** `\w`, `\d`, `\s` match any script, as Python's do on `str`. Default: true. */
  unicode?: boolean;
  /** Matches at the start only, as `re.match` does (not `re.sub`'s every match). */
  anchored?: boolean;
}

const INLINE_FLAGS = /^\(\?([aiLmsux]+)\)/;

/**
 * @example pythonRegex('(?u)\\A\\s*').test('  x') // true
 */
export function pythonRegex(pattern: string, options: PythonRegexOptions = {}): RegExp {
  let source = pattern;
  const flags = new Set<string>(options.anchored ? [] : ['g']);
  if (options.ignoreCase) flags.add('i');
  let unicode = options.unicode ?? true;
  // Global inline flags, as Python allows at the start: (?u), (?i), (?s), (?m), (?x) and (?a).
  for (let match = INLINE_FLAGS.exec(source); match; match = INLINE_FLAGS.exec(source)) {
    for (const flag of match[1] ?? '') {
      if (flag === 'i') flags.add('i');
      else if (flag === 's') flags.add('s');
      else if (flag === 'm') flags.add('m');
      else if (flag === 'a') unicode = false;
      else if (flag === 'x') source = stripVerbose(source);
    }
    source = source.slice(match[0].length);
  }
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string;
    const next = source[i + 1];
    if (char === '\\' && next !== undefined) {
      i++;
      if (next === 'A' && !inClass) out += '(?<![\\s\\S])';
      else if (next === 'Z' && !inClass) out += '(?![\\s\\S])';
      else if (unicode && next === 'w') out += inClass ? '\\p{L}\\p{N}_' : '[\\p{L}\\p{N}_]';
      else if (unicode && next === 'W') out += inClass ? throwUnsupported('\\W inside [...]', pattern) : '[^\\p{L}\\p{N}_]';
      else if (unicode && next === 'd') out += '\\p{Nd}';
      else if (unicode && next === 'D') out += '\\P{Nd}';
      else if (next === 'a') out += '\\x07';
      else if (next === 'U' && /^[0-9a-fA-F]{8}/.test(source.slice(i + 1))) {
        out += `\\u{${source.slice(i + 1, i + 9)}}`;
        i += 8;
      } else out += `\\${next}`;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      out += char;
      continue;
    }
    if (char === '[') {
      inClass = true;
      out += char;
      if (source[i + 1] === '^') out += source[++i];
      if (source[i + 1] === ']') out += `\\${source[++i]}`;
      continue;
    }
    if (char === '(' && next === '?') {
      const rest = source.slice(i);
      if (rest.startsWith('(?P<')) {
        out += '(?<';
        i += 3;
        continue;
      }
      const backReference = /^\(\?P=(\w+)\)/.exec(rest);
      if (backReference) {
        out += `\\k<${backReference[1]}>`;
        i += backReference[0].length - 1;
        continue;
      }
      if (rest.startsWith('(?(')) throwUnsupported('conditional groups', pattern);
      if (/^\(\?[aiLmsux]+[:)]/.test(rest) && !rest.startsWith('(?:')) throwUnsupported('inline flags inside the pattern', pattern);
    }
    if ((char === '+' || char === '*' || char === '?' || char === '}') && next === '+') throwUnsupported('possessive quantifiers', pattern);
    // Python's `$` also matches before a newline that ends the string.
    if (char === '$') {
      out += flags.has('m') ? '$' : '(?=\\n?$(?![\\s\\S]))';
      continue;
    }
    out += char;
  }
  if (unicode) flags.add('u');
  if (options.anchored) out = `(?<![\\s\\S])(?:${out})`;
  try {
    return new RegExp(out, [...flags].join(''));
  } catch (error) {
    throw new PythonRegexError(`cannot read the regular expression ${JSON.stringify(pattern)}: ${(error as Error).message}`);
  }
}

/**
 * A Python replacement (`\1`, `\g<1>`, `\g<name>`, `\\`, `\n`) as a JavaScript one.
 *
 * @example pythonReplacement('\\1-x') // '$1-x'
 */
export function pythonReplacement(replacement: string): string {
  return replacement.replace(/\\(?:g<(\w+)>|(\d{1,2})|(.))|\$/gs, (whole, group?: string, number?: string, other?: string) => {
    if (whole === '$') return '$$';
    if (group !== undefined) return /^\d+$/.test(group) ? `$${group}` : `$<${group}>`;
    if (number !== undefined) return `$${number}`;
    if (other === 'n') return '\n';
    if (other === 't') return '\t';
    if (other === '\\') return '\\';
    return `\\${other}`;
  });
}

function stripVerbose(source: string): string {
  // (?x): whitespace outside classes and comments to the end of the line are not part of the pattern.
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string;
    if (char === '\\') {
      out += char + (source[++i] ?? '');
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      out += char;
    } else if (char === '[') {
      inClass = true;
      out += char;
    } else if (char === '#') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (!/\s/.test(char)) out += char;
  }
  return out;
}

function throwUnsupported(what: string, pattern: string): never {
  throw new PythonRegexError(`the regular expression ${JSON.stringify(pattern)} uses ${what}, which JavaScript has not`);
}
