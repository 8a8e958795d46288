import { watch, type FSWatcher } from 'node:fs';
import { sep } from 'node:path';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { ContentChange } from '../content/content-change';
import { contentRole, type ContentRole } from '../content/content-files';

/**
 * The loaders to run again when a file of each role changes. An article or page can link to any
 * other, so both collections are synced together; a static file (a cover image that appeared or
 * vanished) changes what the headers naming it mean.
 */
export type LoadersByRole = Partial<Record<ContentRole, readonly string[]>>;

/**
 * Which loaders a batch of changed files needs, in a stable order.
 *
 * @example loadersFor(['posts/a.md'], { article: ['articles', 'pages'] }) // ['articles', 'pages']
 */
export function loadersFor(changedFiles: readonly string[], loadersByRole: LoadersByRole): string[] {
  return [...new Set(changedFiles.flatMap((file) => loadersByRole[contentRole(file)] ?? []))].sort();
}

/**
 * Runs the given content loaders again when a file of the content folder changes in
 * `astro dev`, through Astro's `refreshContent`, which saves the store as soon as they finish.
 * A loader's own watcher handler writes to the store too, but Astro saves the store 500 ms after
 * the last write, and only the saved store reaches the pages: an edited post showed in the
 * browser after 944 ms (median, 1,000 posts, `npm run bench -- --dev`), 500 of them that wait.
 *
 * The folder is watched here, not by Vite (astro.config.mjs keeps it out of Vite's watcher):
 * Astro takes any `.md` file Vite reports changed for one of `src/content/` and reloads the
 * content config, and `refreshContent` does nothing while that reload runs.
 * Changes that come while a refresh runs are gathered into the next one.
 */
export default function contentRefresh(options: { contentDir: string; loadersByRole: LoadersByRole }): AstroIntegration {
  const { contentDir, loadersByRole } = options;
  let watcher: FSWatcher | undefined;
  return {
    name: 'content-refresh',
    hooks: {
      'astro:server:setup': ({ refreshContent, logger }) => {
        if (!refreshContent) return;
        const refresh = batchedRefresh(refreshContent, loadersByRole, logger);
        watcher = watch(contentDir, { recursive: true }, (_event, file) => {
          if (file) refresh(file.split(sep).join('/'));
        });
        watcher.on('error', (error) => logger.error(`Stopped watching ${contentDir}: ${error.message}`));
      },
      'astro:server:done': () => {
        watcher?.close();
      },
    },
  };
}

type RefreshContent = (options: { loaders: string[]; context: ContentChange }) => Promise<void>;

/**
 * A function to call with each changed file: at most one refresh runs and one waits, the waiting
 * one gathering every file that changes meanwhile (an editor's save is often two events).
 */
export function batchedRefresh(refreshContent: RefreshContent, loadersByRole: LoadersByRole, logger: AstroIntegrationLogger): (file: string) => void {
  let running: Promise<void> = Promise.resolve();
  let waiting: string[] | undefined;
  return (file) => {
    if (loadersFor([file], loadersByRole).length === 0) return;
    if (waiting) {
      waiting.push(file);
      return;
    }
    const changedFiles = [file];
    waiting = changedFiles;
    running = running.then(async () => {
      waiting = undefined;
      try {
        await refreshContent({ loaders: loadersFor(changedFiles, loadersByRole), context: { changedFiles } });
      } catch (error) {
        // The dev server goes on: the author fixes the file, and the next save refreshes again.
        logger.error(error instanceof Error ? error.message : String(error));
      }
    });
  };
}
