import type { Paragraph, PhrasingContent, Root, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';

/** An abbreviation: rendered as `<abbr title>` by remark-rehype through `data.hName`. */
export interface Abbreviation {
  type: 'abbreviation';
  children: Text[];
  data: { hName: 'abbr'; hProperties: { title: string } };
}

declare module 'mdast' {
  interface PhrasingContentMap {
    abbreviation: Abbreviation;
  }
}

const DEFINITION = /^\*\[([^\]]+)\]:[ \t]*(.*)$/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The definitions of a paragraph made only of `*[ABBR]: Meaning` lines, or `undefined`. */
function definitionsOf(paragraph: Paragraph): Map<string, string> | undefined {
  const lines = toString(paragraph).split('\n');
  const found = new Map<string, string>();
  for (const line of lines) {
    const match = DEFINITION.exec(line.trim());
    if (!match) return undefined;
    found.set(match[1] ?? '', (match[2] ?? '').trim());
  }
  return found;
}

/**
 * remark plugin for Python-Markdown abbreviations: `*[HTML]: Hyper Text Markup Language` lines
 * are removed, and every whole-word `HTML` in the text becomes `<abbr title="…">HTML</abbr>`
 * (code stays as written).
 */
export default function remarkAbbreviations() {
  return (tree: Root) => {
    const abbreviations = new Map<string, string>();
    visit(tree, 'paragraph', (node, index, parent) => {
      const found = definitionsOf(node);
      if (!found || !parent || index === undefined) return undefined;
      for (const [abbr, title] of found) abbreviations.set(abbr, title);
      parent.children.splice(index, 1);
      return [SKIP, index];
    });
    if (abbreviations.size === 0) return;
    // Longest first, so `HTML5` wins over `HTML`.
    const names = [...abbreviations.keys()].sort((a, b) => b.length - a.length);
    const pattern = new RegExp(`\\b(?:${names.map(escapeRegExp).join('|')})\\b`, 'g');
    visit(tree, 'text', (node, index, parent) => {
      if (!parent || index === undefined || parent.type === 'abbreviation') return undefined;
      const parts: PhrasingContent[] = [];
      let last = 0;
      for (const match of node.value.matchAll(pattern)) {
        const start = match.index ?? 0;
        if (start > last) parts.push({ type: 'text', value: node.value.slice(last, start) });
        parts.push({
          type: 'abbreviation',
          children: [{ type: 'text', value: match[0] }],
          data: { hName: 'abbr', hProperties: { title: abbreviations.get(match[0]) ?? '' } },
        });
        last = start + match[0].length;
      }
      if (parts.length === 0) return undefined;
      if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
      (parent.children as PhrasingContent[]).splice(index, 1, ...parts);
      return [SKIP, index + parts.length];
    });
  };
}
