// CI (.ci/run): fails when code outside the fence (src/build-accelerator/) reaches into Astro's
// internals: its private entry points (`astro/app`, `astro/entrypoints/*`, `astro/logger/*`,
// `astro/dist/*`), its virtual modules (`\0astro:…`, `astro:data-layer…`), or the prerender
// app's private setters. Public APIs (`astro`, `astro:content`, `astro/zod`, `astro/assets` …) are
// fine. Cheap: a text search of the project's own sources.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const FENCE = 'src/build-accelerator/';
const INTERNAL = [
  /['"]astro\/(?:app|entrypoints|logger|dist|runtime\/server)(?:\/[^'"]*)?['"]/,
  /\\0astro:|['"]astro:data-layer/,
  /\.(?:setInternals|setOptions|setManifestData)\(/,
  /\bglobalThis\.astro/,
];
const roots = ['src', 'scripts', 'astro.config.mjs'];
const offenders = [];
const walk = (path) => {
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path)) walk(join(path, name));
    return;
  }
  if (!/\.(?:[cm]?[jt]s|astro)$/.test(path) || path.startsWith(FENCE) || path === 'scripts/check-fence.mjs') return;
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (INTERNAL.some((pattern) => pattern.test(line))) offenders.push(`${relative('.', path)}:${index + 1}: ${line.trim()}`);
    });
};
for (const root of roots) walk(root);
if (offenders.length > 0) {
  console.error(`Astro internals used outside the fence (${FENCE}): move this code there, or use a public API.\n${offenders.join('\n')}`);
  process.exit(1);
}
console.log(`Fence: no Astro internals outside ${FENCE}.`);
