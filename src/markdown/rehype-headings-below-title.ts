import type { Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { shiftHeading } from 'hast-util-shift-heading';
import { visit } from 'unist-util-visit';

/**
 * rehype plugin: the page title is the one `<h1>`, so when a body uses `#` headings (as many
 * Pelican posts do) every heading moves down until the highest is an `<h2>`. Bodies that already
 * start at `##` are left as written.
 */
export default function rehypeHeadingsBelowTitle() {
  return (tree: Root) => {
    let highest = 7;
    visit(tree, 'element', (node) => {
      highest = Math.min(highest, headingRank(node) ?? 7);
    });
    if (highest === 1) shiftHeading(tree, 1);
  };
}
