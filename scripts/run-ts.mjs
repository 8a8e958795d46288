// Runs one of the project's TypeScript command-line programs (src/cli/*.ts) on Node:
// `node scripts/run-ts.mjs src/cli/new-post.ts args…`. The program and the project modules it
// uses are bundled into one ES module first (npm packages stay imports), with `@site-config`
// pointing at the site's settings as in Astro (SITE_CONFIG, default site.config.ts). esbuild
// comes with Astro, and bundling takes a fraction of a second.
import { mkdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('Usage: node scripts/run-ts.mjs src/cli/<program>.ts [arguments]');
  process.exit(2);
}
const cacheDir = resolve('node_modules/.cache/run-ts');
mkdirSync(cacheDir, { recursive: true });
const outfile = resolve(cacheDir, `${basename(entry, '.ts')}.mjs`);
const siteConfig = resolve(process.env.SITE_CONFIG?.trim() || 'site.config.ts');
await build({
  entryPoints: [resolve(entry)],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  alias: { '@site-config': siteConfig },
  logLevel: 'warning',
});
process.argv = [process.argv[0], outfile, ...args];
await import(pathToFileURL(outfile).href);
