// Worker threads render a post exactly as the main thread does, problems and summary included.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { LinkIndex } from '../../src/content/model/link-index';
import { renderBody, type RenderJob } from '../../src/content/model/render-body';
import { parsePelicanSource } from '../../src/content/format/pelican-header';
import { markdownProcessor, rendererDefaults, shikiConfig } from '../../src/markdown/pipeline';
import { startRenderPool } from '../../src/content/loaders/render-pool';

const seedPath = fileURLToPath(new URL('../../content/posts/ml-in-production.md', import.meta.url));
const links: LinkIndex = {
  attached: new Map(),
  contentDir: fileURLToPath(new URL('../../content/', import.meta.url)),
  contentLabel: 'content',
  urls: new Map([['pages/about.md', '/pages/about/']]),
  terms: { category: new Set(), tag: new Set(['mlops']), author: new Set() },
  staticFiles: new Set(),
  urlPatterns: { tag: 'tag/{slug}/', category: 'category/{slug}/', author: 'author/{slug}/' } as LinkIndex['urlPatterns'],
  timeZone: 'Europe/Madrid',
};
const job = (body: string, summary?: string): RenderJob => ({
  sourcePath: 'posts/x.md',
  path: seedPath,
  displayPath: 'content/posts/x.md',
  body,
  bodyLine: 10,
  summary,
});
const options = rendererDefaults;
const pool = await startRenderPool(options, links, { size: 2, cacheDir: 'node_modules/.cache/render-pool-test' });
afterAll(() => pool.close());
const inThread = await markdownProcessor.createRenderer({ ...options, shikiConfig });

describe('the render pool', () => {
  it('renders the seed post byte for byte as the main thread does', async () => {
    const seed = job(parsePelicanSource(readFileSync(seedPath, 'utf8')).body);
    const [fromPool, fromThread] = await Promise.all([pool.render(seed), renderBody(inThread, seed, links)]);
    expect(fromPool).toEqual(fromThread);
    expect(fromPool.html.html).toContain('<h2 id="general-complaint">');
  });

  it('resolves intrasite links and reports broken ones with their line', async () => {
    const result = await pool.render(job('See [about]({filename}/pages/about.md) and [tag]({tag}MLOps).\n\n[gone]({filename}nothing.md)\n', 'Short *summary*.'));
    expect(result.html.html).toContain('href="/pages/about/"');
    expect(result.html.html).toContain('href="/tag/mlops/"');
    expect(result.summary).toBe('<p>Short <em>summary</em>.</p>');
    expect(result.problems).toEqual([
      { file: 'content/posts/x.md', line: 12, message: '{filename}nothing.md points to content/posts/nothing.md, which does not exist' },
    ]);
  });

  it('keeps the order of many jobs sent at once', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, n) => pool.render(job(`# Post ${n}\n\nBody ${n}.\n`))));
    expect(results.map((result) => /Body (\d+)/.exec(result.html.html)?.[1])).toEqual(Array.from({ length: 20 }, (_, n) => String(n)));
  });
});
