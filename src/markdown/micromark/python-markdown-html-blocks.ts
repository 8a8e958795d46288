import { htmlFlow } from 'micromark-core-commonmark';
import { asciiAlpha, asciiAlphanumeric, markdownLineEnding } from 'micromark-util-character';
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';

/** Python-Markdown's block-level elements (markdown/util.py `BLOCK_LEVEL_ELEMENTS`): only these start raw HTML blocks. */
const BLOCK_LEVEL = new Set(
  'address article aside blockquote details div dl fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre section table ul canvas colgroup dd body dt group iframe li legend math map noscript output object option progress script style summary tbody td textarea tfoot th thead tr video'.split(
    ' ',
  ),
);
/** Elements that have no closing tag: their block is their line. */
const VOID = new Set(['hr', 'br', 'img', 'input', 'link', 'meta', 'col', 'embed', 'source', 'track', 'wbr', 'area', 'base', 'param']);

/** A line ending, when the next line is not a lazy continuation of a container (micromark's own partial, which it does not export). */
const nonLazyContinuation: Construct = {
  partial: true,
  tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    const self = this;
    return (code: Code) => {
      if (code === null) return nok(code);
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      return (next: Code) => (self.parser.lazy[self.now().line] ? nok(next) : ok(next));
    };
  },
};

/**
 * A raw HTML block as Python-Markdown takes one: from a block-level tag at the start of a line to
 * its matching closing tag, blank lines and all (CommonMark ends the block at the first blank line
 * and reads what follows as Markdown). `<div markdown="1">` blocks are read whole too, for md_in_html.
 */
function tokenizeRawBlock(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let name = '';
  let closing = false;
  let depth = 0;
  let line = '';
  const count = (pattern: RegExp) => (line.match(pattern) ?? []).length;
  const after: State = (code: Code) => {
    effects.exit('htmlFlow');
    return ok(code);
  };
  const lineEnd: State = (code: Code) => {
    if (VOID.has(name) || closing) depth = 0;
    else {
      // An opening tag may run over several lines (`<video controls` … `poster="…">`): its `<name` counts.
      const opens = count(new RegExp(`<${name}(?=[\\s>/]|$)`, 'gim')) - count(new RegExp(`<${name}\\b[^>]*/>`, 'gi'));
      depth += opens - count(new RegExp(`</${name}\\s*>`, 'gi'));
    }
    line = '';
    effects.exit('htmlFlowData');
    if (depth <= 0 || code === null) return after(code);
    return effects.check(nonLazyContinuation, nextLine, after)(code);
  };
  const data: State = (code: Code) => {
    if (code === null || markdownLineEnding(code)) return lineEnd(code);
    line += String.fromCodePoint(code);
    effects.consume(code);
    return data;
  };
  const before: State = (code: Code) => {
    if (code === null) return after(code);
    if (markdownLineEnding(code)) return effects.check(nonLazyContinuation, nextLine, after)(code);
    effects.enter('htmlFlowData');
    return data(code);
  };
  const nextLine: State = (code: Code) => {
    effects.enter('lineEnding');
    effects.consume(code);
    effects.exit('lineEnding');
    return before;
  };
  const tagName: State = (code: Code) => {
    if (asciiAlphanumeric(code)) {
      name += String.fromCharCode(code as number).toLowerCase();
      line += String.fromCharCode(code as number);
      effects.consume(code);
      return tagName;
    }
    if (!BLOCK_LEVEL.has(name)) return nok(code);
    return data(code);
  };
  const open: State = (code: Code) => {
    if (code === 47 && !closing) {
      closing = true;
      line += '/';
      effects.consume(code);
      return open;
    }
    return asciiAlpha(code) ? tagName(code) : nok(code);
  };
  return (code: Code) => {
    if (code !== 60) return nok(code);
    effects.enter('htmlFlow');
    effects.enter('htmlFlowData');
    line = '<';
    effects.consume(code);
    return open;
  };
}

const pythonRawBlock: Construct = { name: 'pythonHtmlBlock', tokenize: tokenizeRawBlock, concrete: true };

/** Comments, `<!DOCTYPE>` and `<?…?>` stay CommonMark's HTML blocks. */
const otherHtml: Construct = {
  ...htmlFlow,
  name: 'pythonHtmlOther',
  tokenize(this: TokenizeContext, effects, ok, nok) {
    const start = htmlFlow.tokenize.call(this, effects, ok, nok);
    return (code: Code) => (code === 60 ? effects.check(markupDeclaration, start, nok)(code) : nok(code));
  },
};

/** Looks ahead at `<!` or `<?`. */
const markupDeclaration: Construct = {
  partial: true,
  tokenize(effects: Effects, ok: State, nok: State): State {
    return (code: Code) => {
      effects.enter('data');
      effects.consume(code);
      return (next: Code) => (next === 33 || next === 63 ? ok(next) : nok(next));
    };
  },
};

/**
 * micromark extension: raw HTML blocks as Python-Markdown reads them: only block-level tags start
 * one (a line holding `<img>` or `<a>` is a paragraph), and it runs to the matching closing tag.
 */
export function pythonMarkdownHtmlBlocks(): Extension {
  return { flow: { 60: [pythonRawBlock, otherHtml] }, disable: { null: ['htmlFlow'] } };
}
