import type { Root, RootContent } from 'mdast';
import { toc } from 'mdast-util-toc';
import { visit } from 'unist-util-visit';

const MARKER = /^\s*\[TOC\]\s*$/;

/**
 * remark plugin for Python-Markdown's `[TOC]` marker: a paragraph holding only `[TOC]` becomes a
 * `<nav class="toc">` listing the post's headings, linked to their ids.
 */
export default function remarkTocMarker() {
  return (tree: Root) => {
    visit(tree, 'paragraph', (node, index, parent) => {
      const only = node.children.length === 1 ? node.children[0] : undefined;
      if (only?.type !== 'text' || !MARKER.test(only.value) || !parent || index === undefined) return undefined;
      const { map } = toc(tree, { tight: true });
      const nav: RootContent = {
        type: 'blockquote',
        children: map ? [map] : [],
        data: { hName: 'nav', hProperties: { className: ['toc'], ariaLabel: 'Table of contents' } },
      };
      parent.children.splice(index, 1, nav);
      return index + 1;
    });
  };
}
