import type { Properties } from 'hast';
import type { Heading, Image, Link, ListItem, Paragraph, Root } from 'mdast';
// Declares `data.hProperties` on mdast nodes, which remark-rehype copies onto the HTML element.
import type {} from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';
import { parseAttributeList, type AttributeList } from './attribute-list';

// Python-Markdown's attr_list: right after a link or image; at the end of a heading's line; alone
// on the last line of a paragraph or list item.
const INLINE = /^\{:?[ \t]*([^}\n ][^}\n]*?)[ \t]*\}/;
const HEADING = /[ \t]*\{:?[ \t]*([^}\n ][^}\n]*?)[ \t]*\}[ \t]*$/;
const BLOCK = /\n[ \t]*\{:?[ \t]*([^}\n ][^}\n]*?)[ \t]*\}[ \t]*$/;

/**
 * remark plugin for Python-Markdown attribute lists (`{: #id .class key="value" }`, colon
 * optional), as Pelican sites write them: after a link or image
 * (`[text](url){:target="_blank"}`), at the end of a heading (`## Title {#anchor}`), and on the
 * last line of a paragraph or list item (`{: .note }`). The braces never show; braces that are not
 * an attribute list stay text.
 */
export default function remarkAttributeLists() {
  return (tree: Root) => {
    const tightItems = tightListItems(tree);
    visit(tree, (node, index, parent) => {
      if (node.type === 'heading') {
        takeTrailing(node, HEADING, node);
      } else if (node.type === 'paragraph') {
        takeTrailing(node, BLOCK, parent?.type === 'listItem' && tightItems.has(parent) ? parent : node);
      } else if (node.type === 'text' && parent && index !== undefined && index > 0) {
        const previous = parent.children[index - 1];
        if (previous?.type !== 'link' && previous?.type !== 'image') return;
        const match = INLINE.exec(node.value);
        const list = match ? parseAttributeList(match[1] ?? '') : undefined;
        if (!match || !list) return;
        applyAttributes(previous, list);
        node.value = node.value.slice(match[0].length);
        if (node.value === '') {
          parent.children.splice(index, 1);
          return index;
        }
      }
      return undefined;
    });
  };
}

/**
 * Items of tight lists, which render without `<p>`: their paragraph is no element, so the item
 * takes its attributes. Loose as mdast-util-to-hast decides it.
 */
function tightListItems(tree: Root): Set<unknown> {
  const items = new Set<unknown>();
  visit(tree, 'list', (list) => {
    if (list.spread || list.children.some((item) => item.spread)) return;
    for (const item of list.children) items.add(item);
  });
  return items;
}

/** Moves an attribute list ending `container`'s last text onto `target`. */
function takeTrailing(container: Heading | Paragraph, pattern: RegExp, target: Heading | Paragraph | ListItem): void {
  const last = container.children.at(-1);
  if (last?.type !== 'text') return;
  const match = pattern.exec(last.value);
  const list = match ? parseAttributeList(match[1] ?? '') : undefined;
  if (!match || !list) return;
  applyAttributes(target, list);
  last.value = last.value.slice(0, match.index).replace(/[ \t]+$/, '');
  if (last.value === '') container.children.pop();
}

function applyAttributes(node: Heading | Paragraph | ListItem | Link | Image, list: AttributeList): void {
  const properties: Properties = { ...node.data?.hProperties, ...list.attributes };
  if (list.id !== undefined) properties['id'] = list.id;
  if (list.className.length > 0) {
    const existing = properties['className'];
    properties['className'] = [...(Array.isArray(existing) ? existing.map(String) : []), ...list.className];
  }
  node.data = { ...node.data, hProperties: properties };
}
