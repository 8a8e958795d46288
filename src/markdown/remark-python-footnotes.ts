import type { BlockContent, DefinitionContent, FootnoteDefinition, List, ListItem, Paragraph, PhrasingContent, Root } from 'mdast';
import { visit } from 'unist-util-visit';

/** Options: none; the plugin is on for sites whose Python-Markdown has `footnotes` (or `extra`). */
export interface Options {}

/**
 * remark plugin: footnotes as Python-Markdown's `footnotes` extension writes them, which is what
 * a Pelican site's readers and links know: ids `fn:label` and `fnref:label` (`fnref2:label` for a
 * second reference), numbered in the order the footnotes are defined, every definition listed
 * (a footnote no one refers to too), in a `<div class="footnote">` after an `<hr>`, each ending
 * with its `↩` links back.
 */
export default function remarkPythonFootnotes(_options: Options = {}) {
  return (tree: Root) => {
    const definitions: FootnoteDefinition[] = [];
    visit(tree, 'footnoteDefinition', (node, index, parent) => {
      definitions.push(node);
      if (parent && index !== undefined) {
        parent.children.splice(index, 1);
        return index;
      }
      return undefined;
    });
    if (definitions.length === 0) return;
    const labelOf = (node: { label?: string | null | undefined; identifier: string }) => node.label ?? node.identifier;
    const number = new Map(definitions.map((definition, position) => [definition.identifier, position + 1]));
    const references = new Map<string, string[]>();
    visit(tree, 'footnoteReference', (node, index, parent) => {
      const position = number.get(node.identifier);
      if (position === undefined || !parent || index === undefined) return undefined;
      const label = labelOf(definitions[position - 1]!);
      const ids = references.get(node.identifier) ?? [];
      const id = ids.length === 0 ? `fnref:${label}` : `fnref${ids.length + 1}:${label}`;
      ids.push(id);
      references.set(node.identifier, ids);
      const link: PhrasingContent = {
        type: 'link',
        url: `#fn:${label}`,
        children: [{ type: 'text', value: String(position) }],
        data: { hProperties: { className: ['footnote-ref'] } },
      };
      const sup = { type: 'footnoteSup', children: [link], data: { hName: 'sup', hProperties: { id } } } as unknown as PhrasingContent;
      parent.children.splice(index, 1, sup);
      return index + 1;
    });
    const items: ListItem[] = definitions.map((definition, position) => {
      const label = labelOf(definition);
      const backrefs: PhrasingContent[] = (references.get(definition.identifier) ?? [`fnref:${label}`]).map((id) => ({
        type: 'link',
        url: `#${id}`,
        children: [{ type: 'text', value: '↩' }],
        data: { hProperties: { className: ['footnote-backref'], title: `Jump back to footnote ${position + 1} in the text` } },
      }));
      const children = [...definition.children] as (BlockContent | DefinitionContent)[];
      const last = children.at(-1);
      if (last?.type === 'paragraph') last.children.push({ type: 'text', value: '\u00a0' }, ...backrefs);
      else children.push({ type: 'paragraph', children: backrefs } satisfies Paragraph);
      return { type: 'listItem', spread: true, children, data: { hProperties: { id: `fn:${label}` } } };
    });
    const list: List = { type: 'list', ordered: true, spread: true, children: items };
    tree.children.push({
      type: 'footnoteSection',
      children: [{ type: 'thematicBreak' }, list],
      data: { hName: 'div', hProperties: { className: ['footnote'] } },
    } as unknown as BlockContent);
  };
}
