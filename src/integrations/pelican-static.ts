import { createReadStream } from 'node:fs';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { lookup } from 'mrmime';
import { contentRole, listContentFiles } from '../content/content-files';

/**
 * Serves and copies the content folder's static files (`images/`, PDFs, …) at the same paths they
 * had under Pelican, so `/images/x.jpeg` keeps working after the move.
 */
export default function pelicanStatic(contentDir: string): AstroIntegration {
  const staticFiles = async () =>
    (await listContentFiles(contentDir)).filter((path) => contentRole(path) === 'static');
  return {
    name: 'pelican-static',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(async (request, response, next) => {
          const path = decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/').replace(/^\/+/, '');
          if (path === '' || path.includes('..') || contentRole(path) !== 'static') return next();
          const file = join(contentDir, path);
          const found = await stat(file).catch(() => undefined);
          if (!found?.isFile()) return next();
          response.setHeader('Content-Type', lookup(file) ?? 'application/octet-stream');
          response.setHeader('Content-Length', found.size);
          createReadStream(file).pipe(response);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const files = await staticFiles();
        for (const path of files) {
          const target = join(out, path);
          await mkdir(dirname(target), { recursive: true });
          await copyFile(join(contentDir, path), target);
        }
        logger.info(`copied ${files.length} static file(s) from the content folder`);
      },
    },
  };
}
