import type { Element, Root } from 'hast';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import { toString } from 'hast-util-to-string';
import { h } from 'hastscript';
import type { VFile } from 'vfile';
import { translator } from '../i18n/translate';
import { renderContextOf } from './render-context';

export interface Options {
  /** The language of the link names when the render context names none. Default: `en`. */
  lang?: string;
}

/**
 * A `#` link beside each section heading, named for screen readers after the section it points
 * to, in the entry's language (its render context's `lang`). The link sits after the heading, in
 * a wrapper, so the heading's own accessible name stays its text. Built into the HTML, not added
 * in the browser.
 */
export default function rehypeHeadingAnchors(options: Options = {}) {
  return (tree: Root, file: VFile) => {
    const t = translator(renderContextOf(file)?.lang ?? options.lang ?? 'en');
    const link = rehypeAutolinkHeadings({
      behavior: 'after',
      test: ['h2', 'h3', 'h4'],
      group: () => h('div.heading-wrapper'),
      properties: (heading: Element) => ({ className: ['heading-anchor'], ariaLabel: t('heading.anchor', { title: toString(heading) }) }),
      content: { type: 'text', value: '#' },
    });
    link(tree);
  };
}
