import { statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { ContentChange } from '../content/loaders/content-change';
import { contentRole, isIgnored, type ContentLayout, type ContentRole } from '../content/format/content-files';

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
export function loadersFor(changedFiles: readonly string[], loadersByRole: LoadersByRole, layout?: ContentLayout): string[] {
  // Dot files and editor backups (`.post.md.swp`, `post.md~`) are no one's content.
  const content = changedFiles.filter((file) => !isIgnored(file));
  return [...new Set(content.flatMap((file) => loadersByRole[contentRole(file, layout)] ?? []))].sort();
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
export default function contentRefresh(options: { contentDir: string; layout?: ContentLayout; loadersByRole: LoadersByRole }): AstroIntegration {
  const { contentDir, loadersByRole, layout } = options;
  let watcher: FSWatcher | undefined;
  return {
    name: 'content-refresh',
    hooks: {
      'astro:server:setup': ({ refreshContent, logger }) => {
        if (!refreshContent) return;
        const refresh = batchedRefresh(refreshContent, { contentDir, loadersByRole, logger, ...(layout ? { layout } : {}) });
        // Chokidar, as Vite uses: Node's own recursive watch lost a file an editor had replaced.
        const relativePath = (path: string) => relative(contentDir, path).split(sep).join('/');
        // Not into `.git` and the like: a content folder may be a repository of its own.
        // Editors that save in place truncate the file, then write it: without waiting for the
        // writes to settle the loaders read an empty file 3 times in 9 saves (the page 404ed, then
        // healed). 40 ms of quiet is a settled file; the edit still shows well within 500 ms.
        watcher = watch(contentDir, {
          ignoreInitial: true,
          ignored: (path) => isIgnored(relativePath(path)),
          awaitWriteFinish: { stabilityThreshold: 40, pollInterval: 10 },
        });
        watcher.on('all', (_event, path) => refresh(relativePath(path)));
        watcher.on('error', (error) => logger.error(`Cannot watch ${contentDir}: ${String(error)}`));
      },
      'astro:server:done': async () => {
        await watcher?.close();
      },
    },
  };
}

type RefreshContent = (options: { loaders: string[]; context: ContentChange }) => Promise<void>;

/** A file's size and time of writing, or `gone`: what tells a file written again. */
function stampOf(path: string): string {
  const stats = statSync(path, { throwIfNoEntry: false });
  return stats ? `${stats.size}:${stats.mtimeMs}` : 'gone';
}

/**
 * A function to call with each changed file (relative to `contentDir`): at most one refresh runs
 * and one waits, the waiting one gathering every file that changes meanwhile (an editor's save
 * is often two events). A file still being written when the loaders read it is read again: the
 * watcher reports a file's first write and drops the next ones for 50 ms, so a save that
 * truncates and then writes could leave an empty read behind, with no event to mend it.
 */
export function batchedRefresh(
  refreshContent: RefreshContent,
  options: { contentDir: string; loadersByRole: LoadersByRole; logger: AstroIntegrationLogger; layout?: ContentLayout },
): (file: string) => void {
  const { contentDir, loadersByRole, logger, layout } = options;
  let running: Promise<void> = Promise.resolve();
  let waiting: string[] | undefined;
  const refresh = (file: string): void => {
    if (loadersFor([file], loadersByRole, layout).length === 0) return;
    if (waiting) {
      if (!waiting.includes(file)) waiting.push(file);
      return;
    }
    const changedFiles = [file];
    waiting = changedFiles;
    running = running.then(async () => {
      waiting = undefined;
      const stamps = changedFiles.map((changed) => stampOf(join(contentDir, changed)));
      try {
        await refreshContent({ loaders: loadersFor(changedFiles, loadersByRole, layout), context: { changedFiles } });
      } catch (error) {
        // The dev server goes on: the author fixes the file, and the next save refreshes again.
        logger.error(error instanceof Error ? error.message : String(error));
      }
      changedFiles.forEach((changed, position) => {
        if (stampOf(join(contentDir, changed)) !== stamps[position]) refresh(changed);
      });
    });
  };
  return refresh;
}
