import { readdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { FOLDER_PAGE, HTML_IN_NAME } from '../lib/url-patterns';

/**
 * Renames the folder pages of file output (`x/__folder_index__.html`) to `x/index.html`: a Pelican
 * site mixes `x.html` URLs with folder ones (`CATEGORY_URL = '{slug}/'`), and Astro's file output
 * cannot write an `index.html` below the root itself. Pages named `x.html.html` (a slug ending in
 * `.html`) take their name the same way.
 */
export default function folderPages(): AstroIntegration {
  return {
    name: 'folder-pages',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = await readdir(root, { recursive: true });
        const pages = files.filter((path) => path.endsWith(`${FOLDER_PAGE}.html`));
        await Promise.all(pages.map((path) => rename(join(root, path), join(root, path.slice(0, -`${FOLDER_PAGE}.html`.length), 'index.html'))));
        if (pages.length > 0) logger.info(`${pages.length} folder page(s) written as index.html`);
        const htmlNames = files.filter((path) => path.endsWith(`${HTML_IN_NAME}.html`));
        await Promise.all(htmlNames.map((path) => rename(join(root, path), join(root, `${path.slice(0, -`${HTML_IN_NAME}.html`.length)}.html.html`))));
      },
    },
  };
}
