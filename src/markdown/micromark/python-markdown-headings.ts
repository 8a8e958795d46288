import { factorySpace } from 'micromark-factory-space';
import { markdownLineEnding, markdownSpace } from 'micromark-util-character';
import { splice } from 'micromark-util-chunked';
import type { Code, Construct, Effects, Event, Extension, Resolver, State, TokenizeContext } from 'micromark-util-types';

/**
 * The content of a heading: what is between the opening `#`s and the closing ones, less the
 * white space around it. Python-Markdown drops closing `#`s whether or not a space comes first
 * (`###Title###` is "Title", and so, as in Python-Markdown, `# About C#` is "About C").
 */
const resolveHeading: Resolver = (events: Event[], context: TokenizeContext) => {
  let contentEnd = events.length - 2;
  let contentStart = 3;
  if (events[contentStart]?.[1].type === 'whitespace') contentStart += 2;
  if (contentEnd - 2 > contentStart && events[contentEnd]?.[1].type === 'whitespace') contentEnd -= 2;
  if (events[contentEnd]?.[1].type === 'atxHeadingSequence' && contentEnd > contentStart) {
    contentEnd -= 2;
    if (contentEnd > contentStart && events[contentEnd]?.[1].type === 'whitespace') contentEnd -= 2;
  }
  if (contentEnd > contentStart) {
    const start = events[contentStart]![1].start;
    const end = events[contentEnd]![1].end;
    const content = { type: 'atxHeadingText' as const, start, end };
    const text = { type: 'chunkText' as const, start, end, contentType: 'text' as const };
    splice(events, contentStart, contentEnd - contentStart + 1, [
      ['enter', content, context],
      ['enter', text, context],
      ['exit', text, context],
      ['exit', content, context],
    ]);
  }
  return events;
};

function tokenizeHeading(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let size = 0;
  const sequenceOpen: State = (code: Code) => {
    if (code === 35 && size < 6) {
      size++;
      effects.consume(code);
      return sequenceOpen;
    }
    // Python-Markdown needs no space after the `#`s: `#Heading` is a heading.
    effects.exit('atxHeadingSequence');
    return atBreak(code);
  };
  const atBreak: State = (code: Code) => {
    if (code === 35) {
      effects.enter('atxHeadingSequence');
      return sequenceFurther(code);
    }
    if (code === null || markdownLineEnding(code)) {
      effects.exit('atxHeading');
      return ok(code);
    }
    if (markdownSpace(code)) return factorySpace(effects, atBreak, 'whitespace')(code);
    effects.enter('atxHeadingText');
    return data(code);
  };
  const sequenceFurther: State = (code: Code) => {
    if (code === 35) {
      effects.consume(code);
      return sequenceFurther;
    }
    effects.exit('atxHeadingSequence');
    return atBreak(code);
  };
  const data: State = (code: Code) => {
    if (code === null || code === 35 || markdownLineEnding(code) || markdownSpace(code)) {
      effects.exit('atxHeadingText');
      return atBreak(code);
    }
    effects.consume(code);
    return data;
  };
  return (code: Code) => {
    if (code !== 35) return nok(code);
    effects.enter('atxHeading');
    effects.enter('atxHeadingSequence');
    return sequenceOpen(code);
  };
}

/** A `#` heading as Python-Markdown reads one. */
const pythonHeading: Construct = { name: 'pythonHeadingAtx', tokenize: tokenizeHeading, resolve: resolveHeading };

/**
 * micromark extension: `#` headings as Python-Markdown (Pelican's Markdown) reads them, where
 * CommonMark does not: no space is needed after the `#`s (`#Heading`, `###繼承###`), and closing
 * `#`s go whether or not a space comes before them. It replaces CommonMark's heading construct
 * (tried first, at the same `#`); the mdast it makes is the same.
 */
export function pythonMarkdownHeadings(): Extension {
  return { flow: { 35: pythonHeading }, disable: { null: ['headingAtx'] } };
}
