import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { Diagnostic } from './diagnostic';

/** An entry as rendered, with its source to point back into. */
export interface RenderedEntry {
  file: string;
  url: string;
  html: string;
  /** The source file's lines, and where the body starts among them (1-based). */
  lines: readonly string[];
  bodyLine: number;
}

const property = (node: Element, name: string) => {
  const value = node.properties?.[name];
  return typeof value === 'string' ? value : undefined;
};

/** The source line (and column) where a piece of text appears in the body, else the body's first line. */
function locate(entry: RenderedEntry, needle: string): { line: number; column: number } {
  for (let index = entry.bodyLine - 1; index < entry.lines.length; index += 1) {
    const column = entry.lines[index]!.indexOf(needle);
    if (column >= 0) return { line: index + 1, column: column + 1 };
  }
  return { line: entry.bodyLine, column: 1 };
}

interface Parsed {
  entry: RenderedEntry;
  ids: Set<string>;
  links: string[];
  images: { src: string; alt: string | undefined }[];
}

function parse(entry: RenderedEntry): Parsed {
  const tree: Root = fromHtml(entry.html, { fragment: true });
  const parsed: Parsed = { entry, ids: new Set(), links: [], images: [] };
  visit(tree, 'element', (node: Element) => {
    const id = property(node, 'id');
    if (id) parsed.ids.add(id);
    if (node.tagName === 'a' && property(node, 'href')) parsed.links.push(property(node, 'href')!);
    if (node.tagName === 'img') {
      // Astro leaves local images as a placeholder holding their attributes, until it optimizes them.
      const placeholder = property(node, '__ASTRO_IMAGE_') ?? property(node, '__astro_image_');
      const attributes = placeholder ? (JSON.parse(placeholder) as { src?: string; alt?: string }) : { src: property(node, 'src'), alt: property(node, 'alt') };
      parsed.images.push({ src: attributes.src ?? '', alt: attributes.alt });
    }
  });
  return parsed;
}

/**
 * Links to a heading that is not there: `#section` within a post, or `/posts/other/#section` (as
 * `{filename}other.md#section` becomes) to another post or page of the site. Images without
 * alternative text, which screen readers cannot describe.
 */
export function renderedDiagnostics(entries: readonly RenderedEntry[]): Diagnostic[] {
  const parsed = entries.map(parse);
  const byUrl = new Map(parsed.map((item) => [item.entry.url, item]));
  const found: Diagnostic[] = [];
  for (const { entry, ids, links, images } of parsed) {
    for (const href of links) {
      const hash = href.indexOf('#');
      if (hash < 0 || hash === href.length - 1) continue;
      const path = href.slice(0, hash);
      const fragment = decodeURIComponent(href.slice(hash + 1));
      const target = path === '' ? { entry, ids } : byUrl.get(path);
      if (!target || target.ids.has(fragment)) continue;
      const where = locate(entry, `#${fragment}`);
      const page = path === '' ? 'this page' : target.entry.file;
      found.push({ file: entry.file, ...where, severity: 'error', rule: 'broken-anchor', message: `#${fragment} is not a heading or anchor of ${page}` });
    }
    for (const image of images) {
      // An image without a source is a missing file, reported as a broken link already.
      if (image.alt?.trim() || image.src === '') continue;
      const name = image.src.split('/').pop() ?? image.src;
      const where = locate(entry, image.src);
      found.push({
        file: entry.file,
        ...(where.line === entry.bodyLine && where.column === 1 ? locate(entry, name) : where),
        severity: 'warning',
        rule: 'image-alt',
        message: `image ${image.src} has no alternative text: say what it shows (in Markdown between the brackets: ![what it shows](${name}))`,
      });
    }
  }
  return found;
}
