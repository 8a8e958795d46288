import type { ShikiTransformer } from 'shiki';
import { LINE_NUMBERS_META } from './remark-codehilite';

/**
 * Shiki transformer: a code block whose meta asks for line numbers (`#!python` in codehilite
 * syntax, or ```python linenums```) gets the `line-numbers` class; CSS counters draw the numbers,
 * so copying the code never copies them.
 */
export const shikiLineNumbers: ShikiTransformer = {
  name: 'line-numbers',
  pre(node) {
    const meta = this.options.meta?.__raw ?? '';
    if (meta.split(/\s+/).includes(LINE_NUMBERS_META)) this.addClassToHast(node, 'line-numbers');
  },
};
