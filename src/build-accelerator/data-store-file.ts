import { existsSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

// Astro's module for the content data store (`astro:data-layer-content`, resolved with Vite's
// `\0` prefix) and the mark that keeps it out of the incremental build's code hashes.
const DATA_STORE_MODULE = '\0astro:data-layer-content';
const CONTENT_DATA_META = { astroIncremental: { kind: 'content-data' } };

/** Stands for the store file's path from the chunk that reads it, until the chunk's place is known. */
const PLACEHOLDER = '__CONTENT_DATA_STORE_FILE__';
/** The store's name beside each bundle's entry (`dist/server/`, and the prerender bundle's folder). */
const FILE_NAME = 'data-store.json';

/**
 * In dev, Astro's module for the store is the store itself, as a string literal in JavaScript
 * (14 MB at 1,000 posts) that Vite transforms again after every edit before the page can show
 * it. This module reads the file when it runs instead: the same data, without the transform.
 * Astro invalidates the module when it writes the file, so an edit still shows on reload.
 */
function devStoreReader(storeFile: string): Plugin {
  return {
    name: 'data-store-file:dev',
    enforce: 'pre',
    load: loadStoreModule(storeFile, () => `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(storeFile)}, 'utf8'));`),
  };
}

/**
 * A `load` hook that stands in for Astro's module of the store while `storeFile` exists, with the
 * code `moduleCode` gives for the environment that loads it. It runs before Astro's own loader
 * of the module, which is a `pre` plugin too.
 */
function loadStoreModule(storeFile: string, moduleCode: (environment: string) => string): NonNullable<Plugin['load']> {
  return {
    order: 'pre',
    filter: { id: new RegExp(`^${DATA_STORE_MODULE}$`) },
    handler() {
      if (!existsSync(storeFile)) return null;
      return { code: moduleCode(this.environment.name), meta: CONTENT_DATA_META };
    },
  };
}

/**
 * In builds, ships the content data store as a file the server and prerender bundles read when
 * they start, instead of the string literal Astro writes into the bundle. At 10,000 posts the
 * store is about 200 MB: bundling it as code took 21 s of the two server builds, 4 GB of memory
 * at their peak, and another 21 s to load the prerender bundle (`npm run bench -- --posts 10000`).
 * Read as a file, it is the same data: Astro's runtime gets the same parsed JSON either way.
 * The file sits beside the server's entry, not in the public `client/` folder (a Vite asset
 * would be moved there): the store holds drafts. With `experimental.collectionStorage:
 * 'chunked'` there is no single file, and Astro's own module is kept.
 */
export default function dataStoreFile(): AstroIntegration {
  return {
    name: 'data-store-file',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        if (command === 'dev') {
          updateConfig({ vite: { plugins: [devStoreReader(fileURLToPath(new URL(`.astro/${FILE_NAME}`, config.root)))] } });
          return;
        }
        if (command !== 'build') return;
        const storeFile = fileURLToPath(new URL(FILE_NAME, config.cacheDir));
        // The environments (server, prerender) whose bundle reads the store; never the client's.
        const readers = new Set<string>();
        const plugin: Plugin = {
          name: 'data-store-file',
          enforce: 'pre',
          // Astro reads this module in a try block and takes a failure for an empty store: a
          // build would then write a site without posts, and say nothing. A missing or broken
          // file stops the process instead, saying which file.
          load: loadStoreModule(storeFile, (environment) => {
            readers.add(environment);
            return [
              `import { readFileSync } from 'node:fs';`,
              `const file = new URL(${JSON.stringify(PLACEHOLDER)}, import.meta.url);`,
              `let store;`,
              `try {`,
              `  store = JSON.parse(readFileSync(file, 'utf8'));`,
              `} catch (error) {`,
              `  console.error(\`Cannot read the content data store \${file.pathname}: \${error}\`);`,
              `  process.exit(1);`,
              `}`,
              `export default store;`,
            ].join('\n');
          }),
          renderChunk(code, chunk) {
            if (!code.includes(PLACEHOLDER)) return null;
            const path = relative(dirname(chunk.fileName), FILE_NAME).split(sep).join('/');
            return { code: code.replaceAll(PLACEHOLDER, path.startsWith('.') ? path : `./${path}`), map: null };
          },
          async writeBundle(options) {
            if (readers.has(this.environment.name) && options.dir) await copyFile(storeFile, join(options.dir, FILE_NAME));
          },
        };
        updateConfig({ vite: { plugins: [plugin] } });
      },
    },
  };
}
