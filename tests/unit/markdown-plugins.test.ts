// Each plugin alone, on fixture folders: tests/fixtures/markdown/<plugin>/<case>/{input.md,output.html}.
// Run with UPDATE=1 to write output.html from the current behaviour, then review the diff.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Pluggable } from 'unified';
import { describe, expect, it } from 'vitest';
import remarkGfm from 'remark-gfm';
import rehypeBlankTargetRel from '../../src/markdown/rehype-blank-target-rel';
import rehypeHeadingsBelowTitle from '../../src/markdown/rehype-headings-below-title';
import rehypeRawWhenNeeded from '../../src/markdown/rehype-raw-when-needed';
import remarkAbbreviations from '../../src/markdown/remark-abbreviations';
import remarkAttributeLists from '../../src/markdown/remark-attribute-lists';
import remarkCodehilite from '../../src/markdown/remark-codehilite';
import remarkMarkdownInHtml from '../../src/markdown/remark-markdown-in-html';
import remarkTocMarker from '../../src/markdown/remark-toc-marker';
import remarkLiquidTags from '../../src/markdown/remark-liquid-tags';

interface PluginUnderTest {
  remark?: Pluggable[];
  rehype?: Pluggable[];
  /** Whether rehype-raw runs before the rehype plugins, as on the site. Default: true. */
  raw?: boolean;
}

const plugins: Record<string, PluginUnderTest> = {
  'remark-attribute-lists': { remark: [remarkAttributeLists] },
  'remark-abbreviations': { remark: [remarkAbbreviations] },
  'remark-codehilite': { remark: [remarkCodehilite] },
  // With GFM, as on the site: the inner Markdown of an HTML block may hold tables.
  'remark-markdown-in-html': { remark: [remarkGfm, remarkMarkdownInHtml] },
  'remark-toc-marker': { remark: [remarkTocMarker] },
  'remark-liquid-tags': { remark: [remarkLiquidTags] },
  'rehype-blank-target-rel': { rehype: [rehypeBlankTargetRel] },
  'rehype-headings-below-title': { rehype: [rehypeHeadingsBelowTitle] },
  'rehype-raw-when-needed': { rehype: [rehypeRawWhenNeeded], raw: false },
};

const root = new URL('../fixtures/markdown/', import.meta.url).pathname;

async function render(markdown: string, plugin: PluginUnderTest): Promise<string> {
  const processor = unified()
    .use(remarkParse)
    .use(plugin.remark ?? [])
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(plugin.raw === false ? [] : [rehypeRaw])
    .use(plugin.rehype ?? [])
    .use(rehypeStringify);
  return String(await processor.process(markdown));
}

for (const name of readdirSync(root)) {
  const plugin = plugins[name];
  describe(name, () => {
    it('has a plugin', () => expect(plugin).toBeDefined());
    for (const fixture of readdirSync(join(root, name))) {
      it(fixture, async () => {
        const folder = join(root, name, fixture);
        const actual = await render(readFileSync(join(folder, 'input.md'), 'utf8'), plugin ?? {});
        const expectedFile = join(folder, 'output.html');
        if (process.env['UPDATE'] || !existsSync(expectedFile)) writeFileSync(expectedFile, actual);
        expect(actual).toBe(readFileSync(expectedFile, 'utf8'));
      });
    }
  });
}

describe('rehype-raw-when-needed, without raw HTML', () => {
  it('gives the tree back untouched instead of parsing it again', async () => {
    const processor = unified().use(remarkParse).use(remarkRehype, { allowDangerousHtml: true });
    const tree = await processor.run(processor.parse('Text with *emphasis*.'));
    const transform = rehypeRawWhenNeeded() as unknown as (tree: unknown, file: unknown) => unknown;
    expect(transform(tree, undefined)).toBeUndefined();
  });
});
