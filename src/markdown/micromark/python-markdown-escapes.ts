import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';

/**
 * The characters a backslash escapes in Python-Markdown (markdown/core.py `ESCAPED_CHARS`), and
 * `|` when the site has tables: CommonMark escapes every ASCII punctuation mark, so `5\%` and
 * `\$` lose their backslash there and keep it on a Pelican site.
 */
const ESCAPED = new Set([...'\\`*_{}[]()>#+-.!|'].map((char) => char.charCodeAt(0)));

function tokenizeEscape(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const inside: State = (code: Code) => {
    if (code === null || !ESCAPED.has(code)) return nok(code);
    effects.enter('characterEscapeValue');
    effects.consume(code);
    effects.exit('characterEscapeValue');
    effects.exit('characterEscape');
    return ok;
  };
  return (code: Code) => {
    effects.enter('characterEscape');
    effects.enter('escapeMarker');
    effects.consume(code);
    effects.exit('escapeMarker');
    return inside;
  };
}

const pythonEscape: Construct = { name: 'pythonCharacterEscape', tokenize: tokenizeEscape };

/**
 * micromark extension: backslash escapes as Python-Markdown reads them: only its characters are
 * escaped, and a backslash at the end of a line is a backslash, not a line break.
 */
export function pythonMarkdownEscapes(): Extension {
  return { text: { 92: pythonEscape }, disable: { null: ['characterEscape', 'hardBreakEscape'] } };
}
