import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { isIntrasiteLink, resolveIntrasiteLink } from '../content/format/intrasite-links';
import { LINKS_SOURCE, renderContextOf } from './render-context';

// The attributes Pelican rewrites in HTML.
const URL_ATTRIBUTES = ['href', 'src', 'poster', 'data', 'cite', 'formAction', 'action', 'content'];

/**
 * rehype plugin: Pelican intrasite links in authors' raw HTML (`<a href="{filename}x.md">`,
 * `<img src="{static}/a.png">`) get their final URL, as Pelican rewrites them; a missing target
 * is a message of the file (`file.message`), at its line.
 */
export default function rehypeIntrasiteLinks() {
  return (tree: Root, file: VFile) => {
    const context = renderContextOf(file);
    if (!context) return;
    visit(tree, 'element', (node) => {
      for (const attribute of URL_ATTRIBUTES) {
        const value = node.properties[attribute];
        if (typeof value !== 'string' || !isIntrasiteLink(value)) continue;
        const resolution = resolveIntrasiteLink(value, context.links);
        if (resolution && 'url' in resolution) node.properties[attribute] = resolution.url;
        else if (resolution) file.message(resolution.problem, { place: node.position, source: LINKS_SOURCE });
      }
    });
  };
}
