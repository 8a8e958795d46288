import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { contentRole, readerOf, type ContentLayout } from '../format/content-files';
import { staticLinks, type StaticLink } from '../format/intrasite-links';

/** Sources read at once: enough to keep the disk busy. */
const READS_AT_ONCE = 32;

/**
 * The files of the folder that its sources link with `{static}` or `{attach}` and that are not
 * static by the layout (outside `STATIC_PATHS`): Pelican copies them all the same. Empty for
 * this project's own layout, where every file that is no source is static already.
 *
 * @param files every file of the folder, from its root
 * @param linksOfSources each source's links to static files (`staticLinks`), as the caller read them
 */
export function linkedStaticFilesOf(files: readonly string[], layout: ContentLayout | undefined, linksOfSources: Iterable<readonly StaticLink[]>): Set<string> {
  const linked = new Set<string>();
  if (!layout || layout.staticPaths === null) return linked;
  const others = new Set(files.filter((path) => contentRole(path, layout) === 'none' && readerOf(path, layout) === undefined));
  if (others.size === 0) return linked;
  for (const links of linksOfSources) {
    for (const { candidates } of links) {
      const found = candidates.find((path) => others.has(path));
      if (found) linked.add(found);
    }
  }
  return linked;
}

/** The same, reading the sources itself (for the build's last step, which has no loader's reads). */
export async function linkedStaticFiles(contentDir: string, files: readonly string[], layout: ContentLayout | undefined): Promise<Set<string>> {
  if (!layout || layout.staticPaths === null) return new Set();
  const sources = files.filter((path) => ['article', 'page'].includes(contentRole(path, layout)));
  const limit = pLimit(READS_AT_ONCE);
  const links = await Promise.all(sources.map((source) => limit(async () => staticLinks(source, await readFile(join(contentDir, source), 'utf8')))));
  return linkedStaticFilesOf(files, layout, links);
}
