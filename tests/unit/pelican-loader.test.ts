// The Pelican loader against a content folder, with a content-layer context as Astro gives one:
// where each entry's rendered body goes, by the loader's `bodies` option (the entry contract).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHash } from 'node:crypto';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, describe, expect, it } from 'vitest';
import { entrySettingsOf } from '../../src/config/entry-settings';
import { defineSiteConfig } from '../../src/config/site-schema';
import { pelicanLoader } from '../../src/content/loaders/pelican-loader';
import { RENDERED_HTML_DIR } from '../../src/content/model/rendered-html';
import { articleSchema } from '../../src/content/schemas/article';
import { pageSchema } from '../../src/content/schemas/page';
import { markdownProcessor, rendererDefaults, shikiConfig } from '../../src/markdown/pipeline';

interface StoredEntry {
  id: string;
  data: Record<string, unknown>;
  digest?: string;
  rendered?: { html: string; metadata?: Record<string, unknown> };
}

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** The parts of Astro's loader context the Pelican loader uses, over an in-memory store. */
function contextFor(collection: string) {
  const root = mkdtempSync(join(tmpdir(), 'loader-'));
  roots.push(root);
  const entries = new Map<string, StoredEntry>();
  const meta = new Map<string, string>();
  const store = {
    get: (id: string) => entries.get(id),
    set: (entry: StoredEntry) => void entries.set(entry.id, entry),
    delete: (id: string) => void entries.delete(id),
    has: (id: string) => entries.has(id),
    keys: () => [...entries.keys()],
    values: () => [...entries.values()],
    entries: () => [...entries.entries()],
    clear: () => entries.clear(),
    addAssetImports: () => undefined,
  };
  const logger = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined, fork: () => logger, label: collection, options: {} };
  const context = {
    collection,
    store,
    meta: { get: (key: string) => meta.get(key), set: (key: string, value: string) => void meta.set(key, value), has: (key: string) => meta.has(key), delete: (key: string) => void meta.delete(key) },
    logger,
    config: { root: pathToFileURL(`${root}/`), markdown: { processor: markdownProcessor, shikiConfig, ...rendererDefaults }, image: {} },
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
    generateDigest: (value: string | Uint8Array) => createHash('sha1').update(value).digest('hex').slice(0, 16),
    watcher: undefined,
  };
  return { context: context as unknown as LoaderContext, entries, root };
}

const site = defineSiteConfig({ title: 'Fixture', defaultAuthor: 'Ana' });
const options = (bodies: 'store' | 'files') => ({
  contentDir: 'tests/fixtures/sites/pelican-blog',
  kind: 'article' as const,
  schemas: { article: articleSchema, page: pageSchema },
  settings: entrySettingsOf(site),
  bodies,
});

describe('the Pelican loader', () => {
  it("keeps every post's body in the store by default, where render(entry) finds it", async () => {
    const { context, entries } = contextFor('articles');
    await pelicanLoader(options('store')).load(context);
    expect(entries.size).toBeGreaterThan(3);
    for (const entry of entries.values()) expect([entry.id, (entry.rendered?.html ?? '').length > 0]).toEqual([entry.id, true]);
  }, 60_000);

  it('keeps bodies in files of their own, out of the store, when the build accelerator asks', async () => {
    const { context, entries, root } = contextFor('articles');
    await pelicanLoader(options('files')).load(context);
    const files = readdirSync(join(root, RENDERED_HTML_DIR, 'build', 'articles'));
    const withImages = [...entries.values()].filter((entry) => (entry.rendered?.metadata?.['imagePaths'] as unknown[] | undefined)?.length);
    // A body with images of its own stays in the store: Astro optimizes them when a page renders it.
    for (const entry of entries.values()) expect(Boolean(entry.rendered?.html)).toBe(withImages.includes(entry));
    expect(files.length).toBe(entries.size - withImages.length);
  }, 60_000);
});
