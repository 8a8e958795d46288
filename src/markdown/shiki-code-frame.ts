import type { Element } from 'hast';
import type { ShikiTransformer } from 'shiki';
import { h } from 'hastscript';

/**
 * Shiki transformer: each highlighted block sits in a frame with its language shown and a copy
 * button. The button starts hidden and the copy-code script reveals it, so readers without
 * JavaScript never see a button that does nothing.
 */
export const shikiCodeFrame: ShikiTransformer = {
  name: 'code-frame',
  root(root) {
    const language = this.options.lang;
    const pre = root.children.find((node): node is Element => node.type === 'element');
    if (!pre) return;
    const label: Element[] =
      language && language !== 'plaintext' && language !== 'text'
        ? [h('span.code-language', language)]
        : [];
    const button = h('button', { type: 'button', className: ['copy-code'], hidden: true }, 'Copy');
    root.children = [h('div.code-block', [...label, button, pre])];
  },
};
