import type { Root } from 'hast';
import rehypeRaw, { type Options } from 'rehype-raw';
import { EXIT, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/**
 * rehype-raw, only for posts that hold raw HTML: it parses the whole tree again through parse5,
 * about a millisecond per post, and most posts have no HTML of their authors at all (Shiki's
 * code comes as elements). Without raw nodes the tree is left as it is, which is what rehype-raw
 * would give back.
 */
export default function rehypeRawWhenNeeded(options?: Options) {
  const raw = rehypeRaw(options) as (tree: Root, file: VFile) => Root;
  return (tree: Root, file: VFile): Root | undefined => {
    let hasRaw = false;
    visit(tree, 'raw', () => {
      hasRaw = true;
      return EXIT;
    });
    return hasRaw ? raw(tree, file) : undefined;
  };
}
