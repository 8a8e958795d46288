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
import rehypeBlankTargetRel from '../../src/markdown/rehype-blank-target-rel';
import rehypeHeadingsBelowTitle from '../../src/markdown/rehype-headings-below-title';
import remarkAttributeLists from '../../src/markdown/remark-attribute-lists';

const plugins: Record<string, { remark?: Pluggable; rehype?: Pluggable }> = {
  'remark-attribute-lists': { remark: remarkAttributeLists },
  'rehype-blank-target-rel': { rehype: rehypeBlankTargetRel },
  'rehype-headings-below-title': { rehype: rehypeHeadingsBelowTitle },
};

const root = new URL('../fixtures/markdown/', import.meta.url).pathname;

async function render(markdown: string, plugin: { remark?: Pluggable; rehype?: Pluggable }): Promise<string> {
  const processor = unified().use(remarkParse);
  if (plugin.remark) processor.use([plugin.remark]);
  processor.use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw);
  if (plugin.rehype) processor.use([plugin.rehype]);
  return String(await processor.use(rehypeStringify).process(markdown));
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
