import { cp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { serveFolder } from './serve-folder';

/** Where KaTeX's stylesheet and fonts are served, self-hosted: no request leaves the site. */
export const KATEX_BASE = '/_katex/';

const katexDist = () => join(dirname(createRequire(import.meta.url).resolve('katex/package.json')), 'dist');

/**
 * Serves (in dev) and copies (in builds) KaTeX's stylesheet and fonts under `/_katex/`, for the
 * pages whose math was rendered at build time. Pages link the stylesheet only when they have math.
 */
export default function katexAssets(): AstroIntegration {
  return {
    name: 'katex-assets',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(serveFolder(KATEX_BASE, katexDist()));
      },
      'astro:build:done': async ({ dir }) => {
        const target = join(fileURLToPath(dir), KATEX_BASE);
        await cp(join(katexDist(), 'katex.min.css'), join(target, 'katex.min.css'));
        await cp(join(katexDist(), 'fonts'), join(target, 'fonts'), { recursive: true });
      },
    },
  };
}
