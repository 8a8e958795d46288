import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Plugin } from 'vite';
import dataStoreFile from '../../src/build-accelerator/data-store-file';

/** The Vite plugin the integration adds to a build whose cache folder is `cacheDir` (or to `astro dev` in `root`). */
function pluginFor(cacheDir: string, { command = 'build', root = cacheDir } = {}): Plugin {
  let plugin: Plugin | undefined;
  const setup = dataStoreFile().hooks['astro:config:setup'] as unknown as (options: object) => void;
  setup({
    command,
    config: { cacheDir: pathToFileURL(`${cacheDir}/`), root: pathToFileURL(`${root}/`) },
    updateConfig: ({ vite }: { vite: { plugins: Plugin[] } }) => {
      plugin = vite.plugins[0];
    },
  });
  if (!plugin) throw new Error('no plugin');
  return plugin;
}

const call = (hook: unknown, context: object, ...args: unknown[]) =>
  (typeof hook === 'function' ? hook : (hook as { handler: (...a: unknown[]) => unknown }).handler).apply(context, args);

describe('data-store-file', () => {
  it('has the server bundle read the store from a file beside its entry, never the client bundle', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'store-'));
    writeFileSync(join(cacheDir, 'data-store.json'), '[{"posts":1}]');
    const plugin = pluginFor(cacheDir);
    const ssr = { environment: { name: 'ssr' } };
    const loaded = (await call(plugin.load, ssr, '\0astro:data-layer-content')) as { code: string; meta: object };
    expect(loaded.meta).toEqual({ astroIncremental: { kind: 'content-data' } });
    const chunk = (await call(plugin.renderChunk, ssr, loaded.code, { fileName: 'chunks/store_x.mjs' })) as { code: string };
    expect(chunk.code).toContain('new URL("../data-store.json", import.meta.url)');
    expect(chunk.code).not.toContain('__CONTENT_DATA_STORE_FILE__');

    const serverDir = mkdtempSync(join(tmpdir(), 'server-'));
    const clientDir = mkdtempSync(join(tmpdir(), 'client-'));
    await call(plugin.writeBundle, ssr, { dir: serverDir });
    await call(plugin.writeBundle, { environment: { name: 'client' } }, { dir: clientDir });
    expect(readFileSync(join(serverDir, 'data-store.json'), 'utf8')).toBe('[{"posts":1}]');
    expect(existsSync(join(clientDir, 'data-store.json'))).toBe(false);
  });

  it('leaves Astro its own module when there is no single store file (chunked storage)', async () => {
    const plugin = pluginFor(mkdtempSync(join(tmpdir(), 'store-')));
    expect(await call(plugin.load, { environment: { name: 'ssr' } }, '\0astro:data-layer-content')).toBeNull();
  });

  it('in dev, has the store read from .astro/ when the module runs, not written into it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'site-'));
    mkdirSync(join(root, '.astro'));
    const plugin = pluginFor(join(root, 'node_modules/.astro'), { command: 'dev', root });
    expect(await call(plugin.load, { environment: { name: 'ssr' } }, '\0astro:data-layer-content')).toBeNull();

    writeFileSync(join(root, '.astro', 'data-store.json'), '[{"posts":1}]');
    const loaded = (await call(plugin.load, { environment: { name: 'ssr' } }, '\0astro:data-layer-content')) as { code: string };
    expect(loaded.code).not.toContain('posts');
    const module = join(root, 'store.mjs');
    writeFileSync(module, loaded.code);
    expect((await import(pathToFileURL(module).href)).default).toEqual([{ posts: 1 }]);
  });
});
