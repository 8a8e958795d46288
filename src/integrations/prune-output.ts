import { readdirSync, statSync, type Dirent } from 'node:fs';
import { rm, rmdir } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import pLimit from 'p-limit';

/** Each file under a folder (by its path, the folder's included) with its modification time. */
export type FileTimes = Map<string, number>;

/** Files removed at once. */
const AT_ONCE = 64;

/**
 * The files of `dir` and when each was last written; an empty map when there is no such folder.
 * Synchronous: the build waits for it either way, and a `stat` of a file the system has just
 * listed takes microseconds, where each asynchronous one took 65 µs of round trip (1,000 posts:
 * 4,000 files, 250 ms a listing).
 */
export function fileTimes(dir: string): FileTimes {
  const times: FileTimes = new Map();
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return times;
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    const time = statSync(file, { throwIfNoEntry: false })?.mtimeMs;
    if (time !== undefined) times.set(file, time);
  }
  return times;
}

/**
 * The files a build left from the one before and did not make itself: there before it started and
 * not written since, and not one of the pages it kept (an unchanged page is left as it was).
 *
 * @example staleFiles(new Map([['a', 1], ['b', 1]]), new Map([['a', 1], ['b', 2]]), new Set()) // ['a']
 */
export function staleFiles(before: FileTimes, after: FileTimes, kept: ReadonlySet<string>): string[] {
  return [...after].filter(([file, time]) => before.get(file) === time && !kept.has(file)).map(([file]) => file);
}

/** Removes files, some at a time. */
export async function removeFiles(files: readonly string[]): Promise<void> {
  const limit = pLimit(AT_ONCE);
  await Promise.all(files.map((file) => limit(() => rm(file, { force: true }))));
}

/** Removes the folders that removing `files` left empty, up to (not including) `root`. */
async function removeEmptiedFolders(files: readonly string[], root: string): Promise<void> {
  const folders = new Set<string>();
  const inside = `${resolve(root)}${sep}`;
  for (const file of files) {
    for (let folder = dirname(file); folder.startsWith(inside); folder = dirname(folder)) folders.add(folder);
  }
  // Deepest first: a folder is empty only once its own folders are gone.
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) await rmdir(folder).catch(() => {});
}

/**
 * Builds into the last build's output instead of emptying it first. Astro empties the output
 * folder and then copies every unchanged page back from its incremental cache: at 10,000 posts a
 * rebuild after one edit spent 7 s deleting 25,000 files and 9 s copying them back, and the end of
 * the build ran slower for the disk's churn (`npm run bench`). Left in place, an unchanged page
 * is not touched.
 *
 * What the last build made and this one did not (a deleted post's page, a renamed asset, an old
 * search index fragment) is then removed, before the link check and the search index see the
 * site: a file is stale when it was there before the build, was not written since, and is not
 * one of the pages the build kept (Astro lists those in `astro:build:done`). Must come after the
 * integrations that copy files into the site at `astro:build:done`, and before the ones that read it.
 * The folders of `leave` (relative to the site) are left to the integration that writes them.
 */
export default function pruneOutput(options: { leave?: readonly string[] } = {}): AstroIntegration {
  let [clientDir, serverDir] = ['', ''];
  let clientBefore: FileTimes | undefined;
  let serverBefore: FileTimes | undefined;
  return {
    name: 'prune-output',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command === 'build') updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        [clientDir, serverDir] = [fileURLToPath(config.build.client), fileURLToPath(config.build.server)];
      },
      // Every file is looked at before the build writes any (Vite copies `public/` early, and a
      // copy seen after it was made would look untouched).
      'astro:build:start': () => {
        [clientBefore, serverBefore] = [fileTimes(clientDir), fileTimes(serverDir)];
      },
      'astro:build:done': async ({ assets, logger }) => {
        const kept = new Set([...assets.values()].flat().map((url) => fileURLToPath(url)));
        const left = (options.leave ?? []).map((folder) => join(clientDir, ...folder.split('/').filter(Boolean)) + sep);
        const stale = staleFiles(clientBefore ?? new Map(), fileTimes(clientDir), kept).filter((file) => !left.some((folder) => file.startsWith(folder)));
        const staleServer = staleFiles(serverBefore ?? new Map(), fileTimes(serverDir), new Set());
        await removeFiles([...stale, ...staleServer]);
        await Promise.all([removeEmptiedFolders(stale, clientDir), removeEmptiedFolders(staleServer, serverDir)]);
        if (stale.length + staleServer.length > 0) logger.info(`removed ${stale.length + staleServer.length} file(s) the last build made and this one did not`);
      },
    },
  };
}
