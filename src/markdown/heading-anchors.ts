import type { Element } from 'hast';
import type { Options } from 'rehype-autolink-headings';
import { toString } from 'hast-util-to-string';
import { h } from 'hastscript';

/**
 * rehype-autolink-headings settings: a `#` link beside each section heading, named for screen
 * readers after the section it points to. The link sits after the heading, in a wrapper, so the
 * heading's own accessible name stays its text. Built into the HTML, not added in the browser.
 */
export const headingAnchors: Options = {
  behavior: 'after',
  test: ['h2', 'h3', 'h4'],
  group: () => h('div.heading-wrapper'),
  properties: (heading: Element) => ({
    className: ['heading-anchor'],
    ariaLabel: `Link to the section “${toString(heading)}”`,
  }),
  content: { type: 'text', value: '#' },
};
