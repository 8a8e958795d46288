import { readdir, rm, rmdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import pLimit from 'p-limit';

/** Each file of a folder (recursively, by path from the folder) with its modification time. */
export type FileTimes = Map<string, number>;

/** Files looked at once. */
const AT_ONCE = 64;

/** The files of `dir` and when each was last written; an empty map when there is no such folder. */
export async function fileTimes(dir: string): Promise<FileTimes> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const limit = pLimit(AT_ONCE);
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  const times = await Promise.all(files.map((file) => limit(() => stat(file).then((info) => info.mtimeMs, () => undefined))));
  return new Map(files.flatMap((file, at) => (times[at] === undefined ? [] : [[file, times[at]]])));
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

/** Removes the folders under `dir` left empty, deepest first. */
async function removeEmptyFolders(dir: string): Promise<void> {
  const folders = (await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []))
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort((a, b) => b.length - a.length);
  for (const folder of folders) await rmdir(folder).catch(() => {});
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
 */
export default function pruneOutput(): AstroIntegration {
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
      // Awaited: every file must be looked at before the build writes any (Vite copies `public/`
      // early, and a copy seen after it was made would look untouched).
      'astro:build:start': async () => {
        [clientBefore, serverBefore] = await Promise.all([fileTimes(clientDir), fileTimes(serverDir)]);
      },
      'astro:build:done': async ({ assets, logger }) => {
        const kept = new Set([...assets.values()].flat().map((url) => fileURLToPath(url)));
        const [stale, staleServer] = await Promise.all([
          fileTimes(clientDir).then((after) => staleFiles(clientBefore ?? new Map(), after, kept)),
          fileTimes(serverDir).then((after) => staleFiles(serverBefore ?? new Map(), after, new Set())),
        ]);
        const limit = pLimit(AT_ONCE);
        await Promise.all([...stale, ...staleServer].map((file) => limit(() => rm(file, { force: true }))));
        await Promise.all([removeEmptyFolders(clientDir), removeEmptyFolders(serverDir)]);
        if (stale.length + staleServer.length > 0) logger.info(`removed ${stale.length + staleServer.length} file(s) the last build made and this one did not`);
      },
    },
  };
}
