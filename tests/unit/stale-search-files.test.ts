import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { close, createIndex } from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { staleSearchFiles } from '../../src/deploy/stale-search-files';

const page = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${text}</p></main></body></html>`;

/** Indexes `pages` (path → HTML) with Pagefind into `indexDir`, as a build does. */
async function indexPages(pages: Record<string, string>, indexDir: string): Promise<void> {
  const { index } = await createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error('Pagefind did not start');
  for (const [url, content] of Object.entries(pages)) await index.addHTMLFile({ url, content });
  await index.writeFiles({ outputPath: indexDir });
}

const filesUnder = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name)));

afterAll(async () => {
  await close();
});

describe('staleSearchFiles', () => {
  it('is what the index written last does not use, once the last build’s index is written over', async () => {
    const indexDir = join(mkdtempSync(join(tmpdir(), 'search-')), 'pagefind');
    await indexPages({ '/a/': page('Feature stores', 'Serving features online.'), '/b/': page('Drift', 'Watching the data drift.') }, indexDir);
    expect(await staleSearchFiles(indexDir)).toEqual([]);
    const before = new Set(filesUnder(indexDir));

    // A rebuild: one post edited, one deleted, one new.
    await indexPages({ '/a/': page('Feature stores', 'Serving features online, edited.'), '/c/': page('Canary releases', 'Shipping a model to a few first.') }, indexDir);
    const stale = (await staleSearchFiles(indexDir)).map((file) => relative(indexDir, file));
    expect(stale.length).toBeGreaterThan(0);
    // Only files of the last build go: nothing the new index wrote.
    expect(stale.every((file) => before.has(file))).toBe(true);
    expect(stale.filter((file) => file.startsWith('fragment/'))).toHaveLength(2);
    expect(stale).toContainEqual(expect.stringMatching(/^pagefind\..+\.pf_meta$/));

    // What is left is exactly what a fresh index of the new pages writes.
    stale.forEach((file) => rmSync(join(indexDir, file)));
    const fresh = join(mkdtempSync(join(tmpdir(), 'search-')), 'pagefind');
    await indexPages({ '/a/': page('Feature stores', 'Serving features online, edited.'), '/c/': page('Canary releases', 'Shipping a model to a few first.') }, fresh);
    expect(filesUnder(indexDir).sort()).toEqual(filesUnder(fresh).sort());
  });

  it('throws, removing nothing, for an index whose metadata it cannot read', async () => {
    const indexDir = mkdtempSync(join(tmpdir(), 'search-'));
    mkdirSync(join(indexDir, 'fragment'));
    writeFileSync(join(indexDir, 'fragment', 'en_1234567.pf_fragment'), '');
    writeFileSync(join(indexDir, 'pagefind-entry.json'), JSON.stringify({ languages: { en: { hash: 'en_abc', page_count: 1 } } }));
    writeFileSync(join(indexDir, 'pagefind.en_abc.pf_meta'), 'not gzip');
    await expect(staleSearchFiles(indexDir)).rejects.toThrow();
  });
});
