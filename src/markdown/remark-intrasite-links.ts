import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Html, Image, Root } from 'mdast';
import { escapeAttribute } from 'entities';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { resolveIntrasiteLink, type IntrasiteContext } from '../content/format/intrasite-links';
import { LINKS_SOURCE, renderContextOf } from './render-context';

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/|\/|#)/i;

/**
 * remark plugin: Markdown links, images and link definitions written in Pelican's intrasite
 * syntax (`{filename}../x.md`, `{static}/images/a.png`, `{tag}python` …) get their final URL;
 * a target that does not exist, or a relative image that is not there, is a message of the file
 * (`file.message`), at its line.
 * Runs before Astro collects images, so resolved images are served as the static files they are;
 * an image that leads nowhere is left to the browser as written (Astro's image pipeline would stop
 * the build on it), as Pelican leaves it.
 */
export default function remarkIntrasiteLinks() {
  return (tree: Root, file: VFile) => {
    const context = renderContextOf(file);
    if (!context) return;
    const folder = file.path ? dirname(file.path.startsWith('file:') ? fileURLToPath(file.path) : file.path) : undefined;
    visit(tree, (node, index, parent) => {
      if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
      const resolution = resolveIntrasiteLink(node.url, context.links);
      let missing = false;
      if (resolution && 'url' in resolution) node.url = resolution.url;
      else if (resolution) {
        file.message(resolution.problem, { place: node.position, source: LINKS_SOURCE });
        missing = true;
      } else if (node.type === 'image' && folder && !EXTERNAL.test(node.url)) {
        const path = decodeURI(node.url.split(/[?#]/)[0] ?? '');
        if (!existsSync(resolve(folder, path))) {
          // Not next to the file; the browser resolves it against the page's URL, as on the Pelican
          // site (`images/a.png` in `posts/a/b.md`, published at `/b.html`, is `/images/a.png`).
          if (!servedFromPage(node.url, context.links)) {
            file.message(`image ${node.url} points to a file that does not exist next to this post, nor from its page (write {static}/path from the content folder?)`, { place: node.position, source: LINKS_SOURCE });
          }
          missing = true;
        }
      }
      if (missing && node.type === 'image' && parent && index !== undefined) parent.children.splice(index, 1, asHtml(node));
    });
  };
}

/** Whether a relative URL, resolved against the page's own URL, names a static file of the site. */
function servedFromPage(url: string, links: IntrasiteContext): boolean {
  const page = links.urlOfSource(links.sourcePath);
  if (!page) return false;
  try {
    const path = decodeURI(new URL(url, `http://site${page}`).pathname).replace(/^\/+/, '');
    return links.staticExists(path);
  } catch {
    return false;
  }
}

/** An image as the HTML Markdown makes of it, out of Astro's reach (it optimizes `image` nodes). */
function asHtml(image: Image): Html {
  const title = image.title ? ` title="${escapeAttribute(image.title)}"` : '';
  return { type: 'html', value: `<img src="${escapeAttribute(image.url)}" alt="${escapeAttribute(image.alt ?? '')}"${title}>` };
}
