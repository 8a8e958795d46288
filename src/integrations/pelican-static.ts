import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Connect } from 'vite';
import { contentRole, isInStaticPaths, listContentFiles, type ContentLayout } from '../content/format/content-files';
import type { MetadataSettings } from '../content/format/pelican-metadata';
import { isSkippedSource } from '../content/format/static-sources';
import { linkedStaticFiles } from '../content/loaders/linked-static';
import { attachedPlaces } from '../content/loaders/attached-places';
import { serveFolder } from './serve-folder';

export interface PelicanStaticOptions {
  contentDir: string;
  /** Which files are static (Pelican's `STATIC_PATHS`). Default: this project's layout, every file that is no entry. */
  layout?: ContentLayout;
  /** Pelican's `EXTRA_PATH_METADATA`: a static file's `path` says where it is written (`extra/robots.txt` → `robots.txt`). */
  extraPathMetadata?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** How entries are read: a source in `STATIC_PATHS` that Pelican would not publish is copied instead. */
  metadata?: MetadataSettings;
}

/**
 * Where Pelican writes a static file: its `EXTRA_PATH_METADATA` `path` (or `save_as`), else its
 * own path from the content root.
 *
 * @example staticTarget('extra/robots.txt', { 'extra/robots.txt': { path: 'robots.txt' } }) // 'robots.txt'
 */
export function staticTarget(path: string, extraPathMetadata: PelicanStaticOptions['extraPathMetadata'] = {}): string {
  const metadata = extraPathMetadata[path];
  return (metadata?.['save_as'] ?? metadata?.['path'] ?? path).replace(/^\/+/, '');
}

/**
 * Serves and copies the content folder's static files (`images/`, PDFs, …) at the same paths they
 * had under Pelican, so `/images/x.jpeg` keeps working after the move: a file linked with
 * `{attach}` beside the post that attaches it, as Pelican moves it (the loaders find where).
 */
export default function pelicanStatic({ contentDir, layout, extraPathMetadata, metadata }: PelicanStaticOptions): AstroIntegration {
  const isStatic = (path: string) => contentRole(path, layout) === 'static';
  /** A source file in STATIC_PATHS that Pelican does not publish (an HTML demo without a title) is copied as it is. */
  const isCopiedSource = async (path: string) => {
    const role = contentRole(path, layout);
    if ((role !== 'article' && role !== 'page') || !metadata || layout?.staticPaths == null || !isInStaticPaths(path, layout)) return false;
    return isSkippedSource(path, await readFile(join(contentDir, path)), role, metadata, layout);
  };
  return {
    name: 'pelican-static',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(serveAttached(contentDir));
        server.middlewares.use(serveFolder('/', contentDir, isStatic));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const listed = await listContentFiles(contentDir);
        const copiedSources = await Promise.all(listed.map(isCopiedSource));
        const linked = await linkedStaticFiles(contentDir, listed, layout);
        const files = listed.filter((path, position) => isStatic(path) || copiedSources[position] || linked.has(path));
        const attached = attachedPlaces(contentDir);
        for (const path of files) {
          const target = join(out, attached.get(path) ?? staticTarget(path, extraPathMetadata));
          await mkdir(dirname(target), { recursive: true });
          await copyFile(join(contentDir, path), target);
        }
        logger.info(`copied ${files.length} static file(s) from the content folder`);
      },
    },
  };
}

/** Dev-server middleware: a file `{attach}` moved, at its place beside the post. */
function serveAttached(contentDir: string): Connect.NextHandleFunction {
  const fromFolder = serveFolder('/', contentDir);
  return (request, response, next) => {
    let path: string;
    try {
      path = decodeURIComponent((request.url ?? '').split('?')[0] ?? '').replace(/^\/+/, '');
    } catch {
      return next();
    }
    const file = [...attachedPlaces(contentDir)].find(([, place]) => place === path)?.[0];
    if (file === undefined) return next();
    request.url = `/${file}`;
    fromFolder(request, response, next);
  };
}
