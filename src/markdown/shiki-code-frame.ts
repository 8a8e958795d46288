import type { Element } from 'hast';
import type { ShikiTransformer } from 'shiki';
import { h } from 'hastscript';

/**
 * The file name or title a fence's info string gives after its language, as Astro themes write it:
 * ```` ```js title="src/config.ts" ```` (Starlight, Expressive Code) or ```` ```js file=src/config.ts ````
 * (AstroPaper).
 *
 * @example codeTitleOf('file=src/config.ts') // 'src/config.ts'
 */
export function codeTitleOf(meta: string | undefined): string | undefined {
  const match = /(?:^|\s)(?:title|file)=(?:"([^"]*)"|'([^']*)'|(\S+))/.exec(meta ?? '');
  const title = (match?.[1] ?? match?.[2] ?? match?.[3])?.trim();
  return title || undefined;
}

/**
 * Shiki transformer: each highlighted block sits in a frame with its title or language shown and a copy
 * button. The button starts hidden and the copy-code script reveals it, so readers without
 * JavaScript never see a button that does nothing.
 */
export const shikiCodeFrame: ShikiTransformer = {
  name: 'code-frame',
  root(root) {
    const language = this.options.lang;
    const pre = root.children.find((node): node is Element => node.type === 'element');
    if (!pre) return;
    const title = codeTitleOf((this.options.meta as { __raw?: string } | undefined)?.__raw);
    const label: Element[] = title
      ? [h('span.code-title', title)]
      : language && language !== 'plaintext' && language !== 'text'
        ? [h('span.code-language', language)]
        : [];
    const button = h('button', { type: 'button', className: ['copy-code'], hidden: true }, 'Copy');
    root.children = [h('div.code-block', [...label, button, pre])];
  },
};
