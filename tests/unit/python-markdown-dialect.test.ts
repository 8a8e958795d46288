import { readFileSync } from 'node:fs';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { markdownPipelineFor, shikiConfig } from '../../src/markdown/pipeline';
import { bodyBlocks } from '../../src/pelican-diff/body-blocks';
import { diffBlocks } from '../../src/pelican-diff/compare';

// What Python-Markdown itself makes of each file, with Pelican's settings: scripts/pelican/expected-markdown.py.
const folder = new URL('../fixtures/python-markdown/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', folder), 'utf8')) as {
  markdown: string;
  cases: Record<string, { extensions: string[]; html: string }>;
};

describe(`the python-markdown dialect renders as Python-Markdown ${expected.markdown} with Pelican's settings`, () => {
  it.each(Object.entries(expected.cases))('%s', async (name, { extensions, html }) => {
    const processor = await createMarkdownProcessor({
      ...markdownPipelineFor({ dialect: 'python-markdown', extensions: Object.fromEntries(extensions.map((extension) => [extension, {}])), math: false }),
      gfm: false,
      shikiConfig,
    });
    const ours = (await processor.render(readFileSync(new URL(name, folder), 'utf8'))).code;
    expect(diffBlocks(bodyBlocks(html), bodyBlocks(ours))).toEqual([]);
  });
});
