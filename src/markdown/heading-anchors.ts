import type { Element } from 'hast';
import type { Options } from 'rehype-autolink-headings';
import { toString } from 'hast-util-to-string';

/**
 * rehype-autolink-headings settings: a `#` link after each heading's text, named for screen
 * readers after the section it points to. Built into the HTML, not added in the browser.
 */
export const headingAnchors: Options = {
  behavior: 'append',
  test: ['h2', 'h3', 'h4'],
  properties: (heading: Element) => ({
    className: ['heading-anchor'],
    ariaLabel: `Link to the section “${toString(heading)}”`,
  }),
  content: { type: 'text', value: '#' },
};
