import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { contentRole, listContentFiles } from '../content/content-files';
import { serveFolder } from './serve-folder';

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
        server.middlewares.use(serveFolder('/', contentDir, (path) => contentRole(path) === 'static'));
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
