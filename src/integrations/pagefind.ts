import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { close, createIndex, type PagefindServiceConfig } from 'pagefind';
import { staleSearchFiles } from '../deploy/stale-search-files';
import { removeFiles } from './prune-output';
import { serveFolder } from './serve-folder';

/** Where the index is served, in builds and (from the last build) in dev. */
export const PAGEFIND_BASE = '/pagefind/';

/**
 * Pagefind's settings for this site: only regions marked `data-pagefind-body` are indexed (so
 * navigation, footers and listings never are), in the site's language.
 *
 * @example pagefindConfig({ language: 'en' }) // { forceLanguage: 'en', excludeSelectors: [...] }
 */
export function pagefindConfig(site: { language: string }): PagefindServiceConfig {
  return {
    forceLanguage: site.language,
    // Code is searchable, but line numbers and copy buttons are not words of the post.
    excludeSelectors: ['.copy-code', '.code-language', '.heading-anchor', 'nav.toc'],
  };
}

/** Thrown when Pagefind reports a problem: the build must not ship without its search index. */
export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

function check(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new SearchIndexError(`Pagefind could not ${step}:\n${errors.join('\n')}`);
}

/**
 * Removes what the last build's index has and this one does not use (the folder is kept between
 * builds: `prune-output` leaves it alone). An index this cannot read is left whole, with a warning.
 */
async function removeStaleSearchFiles(indexDir: string, logger: AstroIntegrationLogger): Promise<void> {
  let stale: string[];
  try {
    stale = await staleSearchFiles(indexDir);
  } catch (error) {
    logger.warn(`kept every file of ${indexDir}: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  await removeFiles(stale);
}

/** Indexes the built site in `root` with Pagefind's Node API, writing the index to `/pagefind/`. */
export async function indexSite(root: string, options: { language: string }, logger: AstroIntegrationLogger): Promise<void> {
  const { index, errors } = await createIndex(pagefindConfig(options));
  check('start', errors);
  if (!index) throw new SearchIndexError('Pagefind did not create an index');
  try {
    const added = await index.addDirectory({ path: root });
    check('index the site', added.errors);
    const indexDir = join(root, PAGEFIND_BASE);
    const written = await index.writeFiles({ outputPath: indexDir });
    check('write the index', written.errors);
    await removeStaleSearchFiles(indexDir, logger);
    logger.info(`indexed ${added.page_count} page(s) for search`);
  } finally {
    await close();
  }
}

/**
 * In `astro dev`, serves the last build's search index, so search works while writing (builds
 * write the index in `finish-site.ts`).
 */
export default function pagefindInDev(options: { devIndexDir: string }): AstroIntegration {
  return {
    name: 'pagefind',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        const root = fileURLToPath(new URL(`.${PAGEFIND_BASE}`, options.devIndexDir));
        if (!existsSync(root)) logger.warn('Search needs an index: run `npm run build` once, and search works in dev too.');
        server.middlewares.use(serveFolder(PAGEFIND_BASE, root));
      },
    },
  };
}
