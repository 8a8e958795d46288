import type { Element, ElementContent, Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { h } from 'hastscript';

/** Python-Markdown's `toc` extension's options, as a site's `MARKDOWN` setting writes them. */
export interface Options {
  /** Wrap each heading's text in a link to itself (`toclink`). */
  anchorlink?: boolean;
  /** Add a link to each heading after its text: `true` for `¶`, or the text to show. */
  permalink?: boolean | string;
  /** The level the highest heading is given (`baselevel: 2` makes `#` an `<h2>`). */
  baselevel?: number | string;
  /** Ids kept to letters of any script (`slugify_unicode`), not transliterated to ASCII. */
  unicodeIds?: boolean;
  /** What joins words in an id. */
  separator?: string;
}

/**
 * Python-Markdown's `toc` slugify (markdown/extensions/toc.py): NFKD and ASCII only (unless
 * `unicode`), what is not a word character, space or `-` dropped, lower case, runs of spaces and
 * separators made one separator. CJK headings come out empty, and get `_1`, `_2` …
 *
 * @example pythonMarkdownSlug('¿Por qué Docker?') // 'por-que-docker'
 */
export function pythonMarkdownSlug(value: string, separator = '-', unicode = false): string {
  let text = value;
  if (!unicode) text = text.normalize('NFKD').replace(/[^\x00-\x7f]/g, '');
  text = text.replace(unicode ? /[^\p{L}\p{N}_\s-]/gu : /[^\w\s-]/g, '').trim().toLowerCase();
  const escaped = separator.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(`[${escaped}\\s]+`, 'g'), separator);
}

/** Python-Markdown's `unique`: `x` taken gives `x_1`, `x_1` taken gives `x_2`; an empty id is `_1`. */
function unique(id: string, ids: Set<string>): string {
  let candidate = id;
  while (ids.has(candidate) || candidate === '') {
    const numbered = /^(.*)_([0-9]+)$/.exec(candidate);
    candidate = numbered ? `${numbered[1]}_${Number(numbered[2]) + 1}` : `${candidate}_1`;
  }
  ids.add(candidate);
  return candidate;
}

/**
 * rehype plugin for Python-Markdown's `toc` extension, for sites that enable it: each heading's
 * id as Python-Markdown makes it (an id written with `{#id}` is kept), which is what authors and
 * other sites link to, and the `anchorlink`, `permalink` and `baselevel` options.
 */
export default function rehypePythonMarkdownToc(options: Options = {}) {
  const separator = options.separator ?? '-';
  const shift = Number(options.baselevel ?? 1) - 1;
  return (tree: Root) => {
    const ids = new Set<string>();
    // Ids already given (`{#id}`, HTML) are taken first, as Python-Markdown collects them.
    visit(tree, 'element', (node: Element) => {
      if (node.properties['id'] !== undefined) ids.add(String(node.properties['id']));
    });
    visit(tree, 'element', (node: Element) => {
      const rank = headingRank(node);
      if (!rank) return;
      if (shift > 0) node.tagName = `h${Math.min(6, rank + shift)}`;
      const id = node.properties['id'] === undefined ? unique(pythonMarkdownSlug(toString(node), separator, options.unicodeIds), ids) : String(node.properties['id']);
      node.properties['id'] = id;
      if (options.anchorlink) {
        node.children = [h('a.toclink', { href: `#${id}` }, node.children as ElementContent[])];
      }
      if (options.permalink) {
        const text = options.permalink === true ? '¶' : String(options.permalink);
        node.children.push(h('a.headerlink', { href: `#${id}`, title: 'Permanent link' }, text));
      }
    });
  };
}
