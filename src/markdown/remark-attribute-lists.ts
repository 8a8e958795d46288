import type { Root } from 'mdast';
import type { Data } from 'unist';
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
      previous.data = withProperties(previous.data, list);
      node.value = node.value.slice(match[0].length);
      if (node.value === '') {
        parent.children.splice(index, 1);
        return index;
      }
      return undefined;
    });
  };
}

function withProperties<T extends Data>(data: T | undefined, list: AttributeList): T {
  const properties: Record<string, unknown> = { ...(data?.hProperties ?? {}), ...list.attributes };
  if (list.id !== undefined) properties['id'] = list.id;
  if (list.className.length > 0) properties['className'] = list.className;
  return { ...data, hProperties: properties } as T;
}
