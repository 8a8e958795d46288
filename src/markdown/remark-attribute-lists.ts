import type { Properties } from 'hast';
import type { Image, Link, Root } from 'mdast';
// Declares `data.hProperties` on mdast nodes, which remark-rehype copies onto the HTML element.
import type {} from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';
import { ATTRIBUTE_LIST, parseAttributeList, type AttributeList } from './attribute-list';

/**
 * remark plugin for Python-Markdown attribute lists right after a link or an image, as Pelican
 * sites write them: `[text](url){:target="_blank"}` gives the `<a>` a `target`, and the braces
 * never show. Braces that are not an attribute list stay text.
 */
export default function remarkAttributeLists() {
  return (tree: Root) => {
    visit(tree, 'text', (node, index, parent) => {
      if (index === undefined || index === 0 || !parent) return;
      const previous = parent.children[index - 1];
      if (previous?.type !== 'link' && previous?.type !== 'image') return;
      const match = ATTRIBUTE_LIST.exec(node.value);
      const list = match ? parseAttributeList(match[1] ?? '') : undefined;
      if (!match || !list) return;
      applyAttributes(previous, list);
      node.value = node.value.slice(match[0].length);
      if (node.value === '') {
        parent.children.splice(index, 1);
        return index;
      }
      return undefined;
    });
  };
}

function applyAttributes(node: Link | Image, list: AttributeList): void {
  const properties: Properties = { ...node.data?.hProperties, ...list.attributes };
  if (list.id !== undefined) properties['id'] = list.id;
  if (list.className.length > 0) properties['className'] = list.className;
  node.data = { ...node.data, hProperties: properties };
}
