import { htmlFlow } from 'micromark-core-commonmark';
import { asciiAlpha, asciiAlphanumeric } from 'micromark-util-character';
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';

/** Python-Markdown's block-level elements (markdown/util.py `BLOCK_LEVEL_ELEMENTS`): only these start raw HTML blocks. */
const BLOCK_LEVEL = new Set(
  'address article aside blockquote details div dl fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre section table ul canvas colgroup dd body dt group iframe li legend math map noscript output object option progress script style summary tbody td textarea tfoot th thead tr video'.split(
    ' ',
  ),
);

/** Looks ahead at `<tag` or `</tag` (or a comment, `<!…`, `<?…`): whether Python-Markdown reads it as a block. */
function tokenizeBlockStart(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let name = '';
  const tagName: State = (code: Code) => {
    if (asciiAlphanumeric(code)) {
      name += String.fromCharCode(code as number).toLowerCase();
      effects.consume(code);
      return tagName;
    }
    return BLOCK_LEVEL.has(name) ? ok(code) : nok(code);
  };
  const open: State = (code: Code) => {
    if (code === 33 || code === 63) return ok(code); // `<!--`, `<!DOCTYPE`, `<?php`: raw, as in Python-Markdown.
    if (code === 47) {
      effects.consume(code);
      return (next: Code) => (asciiAlpha(next) ? tagName(next) : nok(next));
    }
    return asciiAlpha(code) ? tagName(code) : nok(code);
  };
  return (code: Code) => {
    // A check: its tokens are dropped once it has said yes or no.
    effects.enter('data');
    effects.consume(code);
    return open;
  };
}

const blockStart: Construct = { partial: true, tokenize: tokenizeBlockStart };

/**
 * CommonMark's HTML block, for the tags Python-Markdown takes as blocks only: a line holding
 * `<img …>` or `<a …>` is a paragraph there (`<p><img …></p>`), not raw HTML.
 */
const pythonHtmlFlow: Construct = {
  ...htmlFlow,
  name: 'pythonHtmlFlow',
  tokenize(this: TokenizeContext, effects, ok, nok) {
    return effects.check(blockStart, htmlFlow.tokenize.call(this, effects, ok, nok), nok);
  },
};

/** micromark extension: raw HTML blocks as Python-Markdown starts them (see `pythonHtmlFlow`). */
export function pythonMarkdownHtmlBlocks(): Extension {
  return { flow: { 60: pythonHtmlFlow }, disable: { null: ['htmlFlow'] } };
}
