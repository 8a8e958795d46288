// Runs one of the project's TypeScript command-line programs (src/cli/*.ts) on Node:
// `node scripts/run-ts.mjs src/cli/new-post.ts args…`. The program and the project modules it
// uses are bundled into one ES module first, with `@site-config` pointing at the site's settings as
// in Astro (SITE_CONFIG, default site.config.ts).
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleTs } from '../src/lib/bundle-ts.mjs';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('Usage: node scripts/run-ts.mjs src/cli/<program>.ts [arguments]');
  process.exit(2);
}
const root = fileURLToPath(new URL('..', import.meta.url));
const cache = join(root, 'node_modules/.cache/run-ts');
const outfile = join(cache, `${basename(entry, '.ts')}.mjs`);
// SITE_CONFIG may be a pelicanconf.py, read into a settings module as astro.config.mjs does.
const resolver = await bundleTs(join(root, 'src/config/resolve-site-config.ts'), join(cache, 'resolve-site-config.mjs'));
const { resolveSiteConfig } = await import(pathToFileURL(resolver).href);
const { modulePath, notes } = resolveSiteConfig(process.env, process.cwd(), root);
for (const note of notes) console.warn(`[site-config] ${note}`);
await bundleTs(resolve(entry), outfile, { '@site-config': modulePath });
process.argv = [process.argv[0], outfile, ...args];
await import(pathToFileURL(outfile).href);
