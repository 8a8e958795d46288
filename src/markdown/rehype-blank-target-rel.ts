import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

const REQUIRED = ['noopener', 'noreferrer'];

/**
 * rehype plugin: every link that opens a new tab (`target="_blank"`) gets
 * `rel="noopener noreferrer"`, kept with any `rel` it already had, so the opened page cannot reach
 * back through `window.opener` nor learn where the reader came from.
 */
export default function rehypeBlankTargetRel() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'a' || node.properties['target'] !== '_blank') return;
      const current = node.properties['rel'];
      const rel = (Array.isArray(current) ? current : String(current ?? '').split(/\s+/)).map(String);
      node.properties['rel'] = [...new Set([...rel.filter(Boolean), ...REQUIRED])];
    });
  };
}
