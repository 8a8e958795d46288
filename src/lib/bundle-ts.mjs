// Plain JavaScript, so that both Node scripts (scripts/run-ts.mjs) and the project's TypeScript can
// import it.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
// Imported up front, not when first needed: the build's integrations are loaded by Vite's module
// runner, which is closed by the time pages render, and a later import through it fails.
import { build } from 'esbuild';

/**
 * Bundles a TypeScript entry and the project modules it imports into one ES module for Node;
 * npm packages stay imports, resolved from the project's node_modules. esbuild comes with Astro,
 * and a bundle takes a fraction of a second.
 *
 * @param {string} entry absolute path of the `.ts` entry
 * @param {string} outfile absolute path of the `.mjs` to write
 * @param {Record<string, string>} [alias] import names to redirect, e.g. `@site-config`
 * @returns {Promise<string>} `outfile`
 */
export async function bundleTs(entry, outfile, alias = {}) {
  await mkdir(dirname(outfile), { recursive: true });
  await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node22', packages: 'external', alias, logLevel: 'warning' });
  return outfile;
}
