import { posix } from 'node:path';
import type { StaticLink } from '../format/intrasite-links';

/** An entry of the folder, as far as `{attach}` is concerned. */
export interface AttachingEntry {
  kind: 'article' | 'page';
  /** Path from the content root. */
  sourcePath: string;
  /** Publication time (ms); pages have none. */
  time?: number;
  /** Its URL on the site (`/blog/2025/01/17/slug/`, `/posts/a.html`). */
  url: string;
  /** Its links to static files, in the order they are written (see `staticLinks`). */
  links: readonly StaticLink[];
}

/**
 * Where Pelican writes the files linked with `{attach}`: in the folder of the entry that attaches
 * it, at the path the file has from that entry's own folder (or, when the file is not below it, by
 * its name alone), and nowhere else; every link to the file, `{static}` ones too, then leads there.
 * As in Pelican, a file stays where it is once a link has led to it there: entries are taken in
 * the order Pelican fills them in (see `pelicanFillOrder`), their links in the order written, and
 * an `{attach}` after a `{static}` link to the same file, or after another entry attached it,
 * moves nothing. Files whose place `EXTRA_PATH_METADATA` sets stay there too.
 *
 * @returns the path from the site root each moved file is written to, by its path from the content root
 * @example attachedFiles([{ kind: 'article', sourcePath: 'a.md', url: '/blog/a/', links: [{ kind: 'attach', candidates: ['media/x.gif'] }] }], () => true) // Map { 'media/x.gif' => 'blog/a/media/x.gif' }
 */
export function attachedFiles(
  entries: readonly AttachingEntry[],
  isStatic: (path: string) => boolean,
  placed: (path: string) => boolean = () => false,
): Map<string, string> {
  const attached = new Map<string, string>();
  const referenced = new Set<string>();
  for (const { sourcePath, url, links } of [...entries].sort(pelicanFillOrder)) {
    for (const { kind, candidates } of links) {
      const file = candidates.find(isStatic);
      if (file === undefined) continue;
      if (kind === 'attach' && !referenced.has(file) && !placed(file)) {
        const sourceFolder = posix.dirname(sourcePath);
        const fromSource = posix.relative(sourceFolder === '.' ? '' : sourceFolder, file);
        const tail = fromSource.startsWith('..') ? posix.basename(file) : fromSource;
        attached.set(file, posix.join(outputFolderOf(url), tail));
      }
      referenced.add(file);
    }
  }
  return attached;
}

/**
 * The order Pelican fills entries in, and so resolves their links, when its default feeds take
 * them: articles newest first, then pages by file name (seen with Pelican 4.8: of two posts
 * attaching one file, the newer keeps it).
 */
function pelicanFillOrder(a: AttachingEntry, b: AttachingEntry): number {
  if (a.kind !== b.kind) return a.kind === 'article' ? -1 : 1;
  if (a.kind === 'page') return posix.basename(a.sourcePath).localeCompare(posix.basename(b.sourcePath));
  return (b.time ?? 0) - (a.time ?? 0) || a.sourcePath.localeCompare(b.sourcePath);
}

/** The folder an entry's page is written in: its URL's, without the file name of a `.html` URL. */
function outputFolderOf(url: string): string {
  const path = url.replace(/^\/+/, '').split(/[?#]/)[0] ?? '';
  if (path === '' || path.endsWith('/')) return path;
  const folder = posix.dirname(path);
  return folder === '.' ? '' : `${folder}/`;
}
