// Runs one of the project's TypeScript command-line programs (src/cli/*.ts) on Node:
// `node scripts/run-ts.mjs src/cli/new-post.ts args…`. The program and the project modules it
// uses are bundled into one ES module first, with `@site-config` pointing at the site's settings as
// in Astro (SITE_CONFIG, default site.config.ts).
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleTs } from '../src/lib/bundle-ts.mjs';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('Usage: node scripts/run-ts.mjs src/cli/<program>.ts [arguments]');
  process.exit(2);
}
const outfile = resolve('node_modules/.cache/run-ts', `${basename(entry, '.ts')}.mjs`);
const siteConfig = resolve(process.env.SITE_CONFIG?.trim() || 'site.config.ts');
await bundleTs(resolve(entry), outfile, { '@site-config': siteConfig });
process.argv = [process.argv[0], outfile, ...args];
await import(pathToFileURL(outfile).href);
