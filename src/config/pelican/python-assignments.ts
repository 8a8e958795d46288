/**
 * Reads the plain assignments of a `pelicanconf.py` without Python: `NAME = literal` at the top
 * level, where the literal is a string, number, `True`/`False`/`None`, a list, tuple, dict or set
 * of literals, an earlier name, or a `+` of those. Everything else (imports, function calls,
 * loops) is named in `skipped` with its line, so the build can say which settings it could not read.
 * For when `python3` is not on the machine; `evaluate-settings.py` runs the file itself otherwise.
 */

export interface SkippedLine {
  line: number;
  /** The setting it assigns, when it is an assignment. */
  name?: string;
  reason: string;
}

export interface ReadAssignments {
  settings: Record<string, unknown>;
  skipped: SkippedLine[];
}

class Unreadable extends Error {}

/** A string literal's prefix and opening quote. */
const STRING_START = /^([rRuUbB]{0,2})("""|'''|"|')/;

/** Splits the source into top-level statements: brackets and strings may span lines. */
function statements(source: string): { line: number; text: string }[] {
  const result: { line: number; text: string }[] = [];
  let depth = 0;
  let start = 0;
  let startLine = 1;
  let line = 1;
  let i = 0;
  const push = (end: number) => {
    const text = source.slice(start, end);
    if (text.trim() === '') return;
    // An indented line is part of the compound statement above it (a def, an if, a loop).
    const previous = result.at(-1);
    if (previous && /^[ \t]/.test(text) && !text.trimStart().startsWith('#')) previous.text += `\n${text}`;
    else result.push({ line: startLine + leadingNewlines(text), text: text.trim() });
  };
  while (i < source.length) {
    const char = source[i] as string;
    if (char === '#') {
      while (i < source.length && source[i] !== '\n') i++;
      continue;
    }
    if (char === '"' || char === "'") {
      const triple = source.startsWith(char.repeat(3), i);
      const quote = triple ? char.repeat(3) : char;
      i += quote.length;
      while (i < source.length && !source.startsWith(quote, i)) {
        if (source[i] === '\\') i++;
        if (source[i] === '\n') line++;
        i++;
      }
      i += quote.length;
      continue;
    }
    if ('([{'.includes(char)) depth++;
    if (')]}'.includes(char)) depth = Math.max(0, depth - 1);
    if (char === '\\' && source[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    if (char === '\n') {
      line++;
      if (depth === 0) {
        push(i);
        start = i + 1;
        startLine = line;
      }
    }
    i++;
  }
  push(source.length);
  return result;
}

function leadingNewlines(text: string): number {
  return (/^\s*/.exec(text)?.[0].match(/\n/g) ?? []).length;
}

/** A tiny recursive-descent reader of Python literal expressions. */
class LiteralReader {
  private position = 0;
  constructor(
    private readonly text: string,
    private readonly names: Record<string, unknown>,
  ) {}

  read(): unknown {
    const value = this.sum();
    this.space();
    if (this.position < this.text.length) throw new Unreadable(`unexpected "${this.text.slice(this.position, this.position + 20)}"`);
    return value;
  }

  private space(): void {
    while (this.position < this.text.length) {
      const char = this.text[this.position] as string;
      if (char === '#') while (this.position < this.text.length && this.text[this.position] !== '\n') this.position++;
      else if (/\s/.test(char) || (char === '\\' && this.text[this.position + 1] === '\n')) this.position++;
      else break;
    }
  }

  private sum(): unknown {
    let value = this.atom();
    for (;;) {
      this.space();
      if (this.text[this.position] !== '+') return value;
      this.position++;
      const right = this.atom();
      if (typeof value === 'string' && typeof right === 'string') value = value + right;
      else if (Array.isArray(value) && Array.isArray(right)) value = [...value, ...right];
      else if (typeof value === 'number' && typeof right === 'number') value = value + right;
      else throw new Unreadable('adds values of different kinds');
    }
  }

  private atom(): unknown {
    this.space();
    const rest = this.text.slice(this.position);
    const string = STRING_START.exec(rest);
    if (string) {
      let value = '';
      // Python joins adjacent strings: 'a' 'b' is 'ab'.
      for (let next: RegExpExecArray | null = string; next; next = STRING_START.exec(this.text.slice(this.position))) {
        value += this.string(next[1] ?? '', next[2] as string);
        this.space();
      }
      return value;
    }
    const number = /^-?(?:\d[\d_]*\.?\d*(?:[eE][-+]?\d+)?|\.\d+)/.exec(rest);
    if (number) {
      this.position += number[0].length;
      return Number(number[0].replace(/_/g, ''));
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (name) {
      this.position += name[0].length;
      const word = name[0];
      if (word === 'True') return true;
      if (word === 'False') return false;
      if (word === 'None') return null;
      if (word === 'dict' && /^\s*\(/.test(this.text.slice(this.position))) return this.dictCall();
      if (/^\s*[(.[]/.test(this.text.slice(this.position))) throw new Unreadable(`calls or indexes ${word}`);
      if (!(word in this.names)) throw new Unreadable(`uses ${word}, which is not a setting read before it`);
      return structuredClone(this.names[word]);
    }
    const open = rest[0];
    if (open === '[' || open === '(') return this.sequence(open === '[' ? ']' : ')');
    if (open === '{') return this.mapping();
    throw new Unreadable(`unexpected "${rest.slice(0, 20)}"`);
  }

  private string(prefix: string, quote: string): string {
    this.position += prefix.length + quote.length;
    const raw = /r/i.test(prefix);
    let value = '';
    while (!this.text.startsWith(quote, this.position)) {
      if (this.position >= this.text.length) throw new Unreadable('a string does not end');
      const char = this.text[this.position] as string;
      if (char === '\\' && !raw) {
        const next = this.text[this.position + 1] ?? '';
        const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '\n': '' };
        const unicode = /^(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8}))/.exec(this.text.slice(this.position + 1));
        if (unicode) {
          value += String.fromCodePoint(Number.parseInt(unicode[1] ?? unicode[2] ?? unicode[3] ?? '0', 16));
          this.position += 1 + unicode[0].length;
          continue;
        }
        value += escapes[next] ?? `\\${next}`;
        this.position += 2;
        continue;
      }
      if (char === '\\' && raw) {
        value += char + (this.text[this.position + 1] ?? '');
        this.position += 2;
        continue;
      }
      value += char;
      this.position++;
    }
    this.position += quote.length;
    return value;
  }

  private sequence(close: string): unknown[] {
    this.position++;
    const items: unknown[] = [];
    for (;;) {
      this.space();
      if (this.text[this.position] === close) {
        this.position++;
        // (x) is x, not a tuple; (x,) is a tuple.
        return close === ')' && items.length === 1 && !this.text.slice(0, this.position - 1).trimEnd().endsWith(',') ? (items[0] as unknown[]) : items;
      }
      items.push(this.sum());
      this.space();
      if (this.text[this.position] === ',') this.position++;
      else if (this.text[this.position] !== close) throw new Unreadable(`expected "," or "${close}"`);
    }
  }

  /** `dict(a=1, b="x")`: keyword arguments only. */
  private dictCall(): Record<string, unknown> {
    this.space();
    this.position++;
    const entries: [string, unknown][] = [];
    for (;;) {
      this.space();
      if (this.text[this.position] === ')') {
        this.position++;
        return Object.fromEntries(entries);
      }
      const key = /^([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)/.exec(this.text.slice(this.position));
      if (!key) throw new Unreadable('calls dict with something other than keyword arguments');
      this.position += key[0].length;
      entries.push([key[1] as string, this.sum()]);
      this.space();
      if (this.text[this.position] === ',') this.position++;
      else if (this.text[this.position] !== ')') throw new Unreadable('expected "," or ")"');
    }
  }

  private mapping(): unknown {
    this.position++;
    const entries: [string, unknown][] = [];
    const setItems: unknown[] = [];
    for (;;) {
      this.space();
      if (this.text[this.position] === '}') {
        this.position++;
        return setItems.length > 0 ? setItems : Object.fromEntries(entries);
      }
      const key = this.sum();
      this.space();
      if (this.text[this.position] === ':') {
        this.position++;
        entries.push([String(key), this.sum()]);
      } else setItems.push(key);
      this.space();
      if (this.text[this.position] === ',') this.position++;
      else if (this.text[this.position] !== '}') throw new Unreadable('expected "," or "}"');
    }
  }
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)\s*(?::[^=]+)?=(?!=)\s*([\s\S]*)$/;

/**
 * @example readAssignments('SITENAME = "Blog"\nimport x\n').skipped // [{ line: 2, reason: 'not an assignment: import x' }]
 */
export function readAssignments(source: string): ReadAssignments {
  const settings: Record<string, unknown> = {};
  const names: Record<string, unknown> = {};
  const skipped: SkippedLine[] = [];
  for (const { line, text } of statements(source.replace(/\r\n?/g, '\n'))) {
    const assignment = ASSIGNMENT.exec(text);
    if (!assignment) {
      if (!/^(from __future__ import|#)/.test(text)) skipped.push({ line, reason: `not an assignment: ${text.split('\n')[0]}` });
      continue;
    }
    const [, name = '', expression = ''] = assignment;
    try {
      const value = new LiteralReader(expression, names).read();
      names[name] = value;
      if (name === name.toUpperCase()) settings[name] = value;
    } catch (error) {
      if (!(error instanceof Unreadable)) throw error;
      delete settings[name];
      skipped.push({ line, name, reason: error.message });
    }
  }
  return { settings, skipped };
}
