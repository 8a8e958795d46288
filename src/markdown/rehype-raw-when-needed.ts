import type { Root } from 'hast';
import { remove } from 'unist-util-remove';
import rehypeRaw, { type Options } from 'rehype-raw';
import { EXIT, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/**
 * rehype-raw, only for posts that hold raw HTML: it parses the whole tree again through parse5,
 * about a millisecond per post, and most posts have no HTML of their authors at all (Shiki's
 * code comes as elements). Without raw nodes the tree is left as it is, which is what rehype-raw
 * would give back. Empty comments (`<!---->`) are dropped, and `<div data-entry-html>` unwrapped:
 * they hold an HTML body passed through Markdown (an `.rst` or `.html` entry).
 */
export default function rehypeRawWhenNeeded(options?: Options) {
  const raw = rehypeRaw(options) as (tree: Root, file: VFile) => Root;
  return (tree: Root, file: VFile): Root | undefined => {
    let hasRaw = false;
    visit(tree, 'raw', () => {
      hasRaw = true;
      return EXIT;
    });
    if (!hasRaw) return undefined;
    const parsed = raw(tree, file);
    // Empty comments hold the blank lines of HTML entries (readers/html-as-markdown.ts), and an
    // element wraps them: both go.
    remove(parsed, (node) => node.type === 'comment' && 'value' in node && node.value === '');
    visit(parsed, 'element', (node, index, parent) => {
      if (!parent || index === undefined || node.properties['dataEntryHtml'] === undefined) return undefined;
      parent.children.splice(index, 1, ...node.children);
      return index;
    });
    return parsed;
  };
}
