import type { Heading, ListItem, Paragraph, PhrasingContent, Root, TableCell } from 'mdast';
// Declares `data.hProperties` on mdast nodes, which remark-rehype copies onto the HTML element.
import type {} from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';
import { parseAttributeList, scanAttributeList, withAttributes, type Attribute } from './attribute-list';

export interface Options {
  /**
   * Read every word between the braces as Python-Markdown does (`{bash}` sets `bash="bash"`,
   * and a `{% tag %}` line the site has no plugin for disappears, as on Pelican), instead of
   * only ids, classes and `key=value`, leaving other braces as text. Default: false.
   */
  anyWord?: boolean;
}

// Python-Markdown's attr_list patterns, spaces only (a tab is part of a word there): right after
// an inline element; at the end of a heading or table cell after a space; on the last line of a
// paragraph or list item.
const BASE = String.raw`\{:?[ ]*([^}\n ][^}\n]*)[ ]*\}`;
const INLINE = new RegExp(`^${BASE}`);
const AT_END = new RegExp(`[ ]+${BASE}[ ]*$`);
const LAST_LINE = new RegExp(`\\n[ ]*${BASE}[ ]*$`);

// mdast's counterparts of the elements Python-Markdown reads an attribute list after (its
// non-block elements: a, img, em, strong, code, br, sup, del …).
const INLINE_ELEMENTS = new Set<PhrasingContent['type']>([
  'link', 'image', 'linkReference', 'imageReference', 'emphasis', 'strong', 'inlineCode', 'break', 'delete', 'footnoteReference',
]);

type Target = Heading | Paragraph | ListItem | TableCell | PhrasingContent;

/**
 * remark plugin for Python-Markdown attribute lists (`{: #id .class key="value" }`, colon
 * optional), as Pelican sites write them: after a link, image, emphasis or code span
 * (`[text](url){:target="_blank"}`), at the end of a heading (`## Title {#anchor}`) or table cell,
 * and on the last line of a paragraph or list item (`{: .note }`). The braces never show.
 */
export default function remarkAttributeLists(options: Options = {}) {
  const read = options.anyWord ? scanAttributeList : parseAttributeList;
  return (tree: Root) => {
    const tightItems = tightListItems(tree);
    visit(tree, (node, index, parent) => {
      if (node.type === 'heading') {
        takeTrailing(node, AT_END, node, read, { closingHashes: true });
      } else if (node.type === 'tableCell') {
        takeTrailing(node, AT_END, node, read);
      } else if (node.type === 'paragraph') {
        takeTrailing(node, LAST_LINE, parent?.type === 'listItem' && tightItems.has(parent) ? parent : node, read);
      } else if (node.type === 'text' && parent && index !== undefined && index > 0) {
        const previous = parent.children[index - 1] as PhrasingContent | undefined;
        if (!previous || !INLINE_ELEMENTS.has(previous.type)) return undefined;
        const match = INLINE.exec(node.value);
        const attributes = match ? read(match[1] ?? '') : undefined;
        if (!match || !attributes) return undefined;
        apply(previous, attributes);
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
function takeTrailing(
  container: Heading | Paragraph | TableCell,
  pattern: RegExp,
  target: Target,
  read: (inside: string) => Attribute[] | undefined,
  { closingHashes = false } = {},
): void {
  const last = container.children.at(-1);
  if (last?.type !== 'text') return;
  const match = pattern.exec(last.value);
  const attributes = match ? read(match[1] ?? '') : undefined;
  if (!match || !attributes) return;
  apply(target, attributes);
  // A heading's closing hashes before the list (`## Title ## {#t}`) go too, as in Python-Markdown.
  const before = last.value.slice(0, match.index);
  last.value = (closingHashes ? before.replace(/#+$/, '') : before).replace(/\s+$/, '');
  if (last.value === '') container.children.pop();
}

function apply(node: Target, attributes: readonly Attribute[]): void {
  node.data = { ...node.data, hProperties: withAttributes(node.data?.hProperties ?? {}, attributes) };
}
