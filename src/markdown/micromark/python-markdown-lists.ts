import { factorySpace } from 'micromark-factory-space';
import { blankLine, list } from 'micromark-core-commonmark';
import { markdownSpace } from 'micromark-util-character';
import type { Code, Construct, Effects, Event, Extension, State, TokenizeContext } from 'micromark-util-types';

/** How many lists are open where the document tokenizer stands: their enter events not yet exited. */
function openLists(events: readonly Event[]): number {
  let open = 0;
  for (const [action, token] of events) {
    if (token.type !== 'listOrdered' && token.type !== 'listUnordered') continue;
    open += action === 'enter' ? 1 : -1;
  }
  return open;
}

// The list's continuation, as micromark-core-commonmark's list.js has it (MIT, Titus Wormer), but
// trying this module's list for the next item: CommonMark's is disabled, and a disabled construct
// cannot be attempted, even from within.

const indent: Construct = {
  partial: true,
  tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    const self = this;
    const size = () => Number(self.containerState?.['size'] ?? 0);
    return factorySpace(
      effects,
      (code: Code) => {
        const tail = self.events[self.events.length - 1];
        return tail && tail[1].type === 'listItemIndent' && tail[2].sliceSerialize(tail[1], true).length === size() ? ok(code) : nok(code);
      },
      'listItemIndent',
      size() + 1,
    );
  },
};

function tokenizeContinuation(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  const state = self.containerState as Record<string, unknown>;
  state['_closeFlow'] = undefined;
  const notInCurrentItem: State = (code: Code) => {
    state['_closeFlow'] = true;
    self.interrupt = undefined;
    return factorySpace(effects, effects.attempt(pythonList, ok, nok), 'linePrefix', self.parser.constructs.disable.null?.includes('codeIndented') ? undefined : 4)(code);
  };
  const onBlank: State = (code: Code) => {
    state['furtherBlankLines'] = state['furtherBlankLines'] || state['initialBlankLine'];
    return factorySpace(effects, ok, 'listItemIndent', Number(state['size'] ?? 0) + 1)(code);
  };
  const notBlank: State = (code: Code) => {
    const further = state['furtherBlankLines'];
    state['furtherBlankLines'] = undefined;
    state['initialBlankLine'] = undefined;
    if (further || !markdownSpace(code)) return notInCurrentItem(code);
    return effects.attempt(indent, ok, notInCurrentItem)(code);
  };
  return effects.check(blankLine, onBlank, notBlank);
}

/**
 * The line before the one being tokenized, as its flow chunk (what follows the containers'
 * markers), or `undefined` at the start of the document.
 */
function previousLine(context: TokenizeContext): string | undefined {
  const line = context.now().line;
  for (let index = context.events.length - 1; index >= 0; index--) {
    const [action, token] = context.events[index]!;
    if (action === 'exit' && token.type === 'chunkFlow' && token.start.line < line) return context.sliceSerialize(token);
  }
  return undefined;
}

/** Whether a line is paragraph text (not a heading, a fence, indented code or HTML) a list would interrupt. */
const isParagraphText = (line: string) => line.trim() !== '' && !/^(?: {4}|\t|\s*(?:#|```|~~~|<|>|\|))/.test(line);

/** Python-Markdown's `tab_length`: what a list item's content is indented by, whatever its marker. */
const ITEM_INDENT = 4;

/**
 * CommonMark's list, as Python-Markdown reads lists: a list does not start in the middle of a
 * paragraph at the top level (`Related posts:` followed by `1. [one](…)` is one paragraph), while
 * a sub-list of a list item needs no blank line; and an item's content is indented 4 spaces,
 * whatever the width of its marker: a sub-list indented 2 is a sibling, one indented 4 under
 * `100. ` nests, code in an item is indented 8.
 */
const pythonList: Construct = {
  ...list,
  name: 'pythonList',
  continuation: { tokenize: tokenizeContinuation },
  tokenize(this: TokenizeContext, effects, ok, nok) {
    const nested = openLists(this.events) > 0;
    if (this.interrupt && !nested && isParagraphText(previousLine(this) ?? '')) return nok;
    // In a list item, a sub-list starts at any number (`13.`), as in Python-Markdown; CommonMark
    // lets only a `1.` interrupt the item's paragraph.
    if (nested) this.interrupt = undefined;
    const self = this;
    return list.tokenize.call(
      this,
      effects,
      (code: Code) => {
        if (self.containerState) self.containerState['size'] = ITEM_INDENT;
        return ok(code);
      },
      nok,
    );
  },
};

const LIST_MARKERS = [42, 43, 45, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57];

/** micromark extension: lists as Python-Markdown starts them (see `pythonList`). */
export function pythonMarkdownLists(): Extension {
  return { document: Object.fromEntries(LIST_MARKERS.map((code) => [code, pythonList])), disable: { null: ['list'] } };
}
