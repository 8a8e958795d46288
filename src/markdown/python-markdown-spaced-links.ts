import type { Image, Link, PhrasingContent, Root, Text } from 'mdast';
import { SKIP, visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';

// `[text](dest)` or `![alt](dest "title")` whose destination has spaces (and balanced
// parentheses), which CommonMark leaves as text and Python-Markdown reads as a link: it takes
// everything up to the closing parenthesis, and a quoted last part as the title.
const SPACED_LINK = /(!?)\[([^[\]\n]*)\]\(\s*((?:[^()\n"']|\([^()\n]*\))*?)(?:\s+(["'])([^\n]*?)\4)?\s*\)/g;

/**
 * Links and images whose destination has spaces (`![my cat](/images/my cat.png)`,
 * `[PDF]({static}/media/Anatomía del mal diseño.pdf)`), as Python-Markdown reads them: CommonMark
 * leaves them as text. Only what the parser left as text changes; a bracket written `\[` in the
 * source stays text.
 */
export function spacedLinksAsPythonMarkdown(tree: Root, file: VFile): void {
  const source = String(file.value);
  visitParents(tree, 'text', (text: Text, ancestors) => {
    const parent = ancestors.at(-1);
    if (!parent || !('children' in parent) || !text.value.includes('](')) return;
    const insideLink = ancestors.some((node) => node.type === 'link' || node.type === 'linkReference');
    const written = text.position ? source.slice(text.position.start.offset, text.position.end.offset) : '';
    const pieces: PhrasingContent[] = [];
    let last = 0;
    for (const match of text.value.matchAll(SPACED_LINK)) {
      const [whole, bang, label = '', url = '', , title] = match;
      const at = written.indexOf(whole);
      if ((!bang && insideLink) || !url.includes(' ') || at < 0 || written[at - 1] === '\\') continue;
      if (match.index > last) pieces.push({ type: 'text', value: text.value.slice(last, match.index) });
      const node: Link | Image = bang
        ? { type: 'image', url: url.trim(), alt: label, title: title ?? null }
        : { type: 'link', url: url.trim(), title: title ?? null, children: [{ type: 'text', value: label }] };
      pieces.push(withPosition(node, text, written, at, whole.length));
      last = match.index + whole.length;
    }
    if (pieces.length === 0) return;
    if (last < text.value.length) pieces.push({ type: 'text', value: text.value.slice(last) });
    const siblings = parent.children as PhrasingContent[];
    siblings.splice(siblings.indexOf(text), 1, ...pieces);
    return SKIP;
  });
}

/** The new node's place in the source, from its text node's, so that warnings name its line. */
function withPosition<T extends Link | Image>(node: T, text: Text, written: string, at: number, length: number): T {
  const start = text.position?.start;
  if (!start || start.offset === undefined) return node;
  const line = (slice: string) => start.line + (slice.match(/\n/g)?.length ?? 0);
  return {
    ...node,
    position: {
      start: { line: line(written.slice(0, at)), column: 1, offset: start.offset + at },
      end: { line: line(written.slice(0, at + length)), column: 1, offset: start.offset + at + length },
    },
  };
}
