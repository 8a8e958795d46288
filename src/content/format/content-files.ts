import { readdir } from 'node:fs/promises';
import { sep } from 'node:path';

/** What Pelican makes of a file in the content folder; `none` for a file it neither reads nor copies. */
export type ContentRole = 'article' | 'page' | 'course' | 'author' | 'static' | 'none';

/** Extensions Pelican's Markdown reader takes. */
export const MARKDOWN_EXTENSIONS = ['.md', '.markdown', '.mkd', '.mdown'] as const;

/** Which reader reads a file, by Pelican's extensions (pelican/readers.py). */
export type ReaderName = 'markdown' | 'rst' | 'html';
export const READER_EXTENSIONS: Record<ReaderName, readonly string[]> = {
  markdown: ['md', 'markdown', 'mkd', 'mdown'],
  rst: ['rst'],
  html: ['htm', 'html'],
};

/**
 * Where the entries and static files of a content folder are: Pelican's `ARTICLE_PATHS`,
 * `PAGE_PATHS`, `STATIC_PATHS`, their `*_EXCLUDES`, `IGNORE_FILES` and `READERS`.
 */
export interface ContentLayout {
  /** Folders (or files) from the content root whose sources are articles; `''` is the whole folder. */
  articlePaths: readonly string[];
  /** Folders below which nothing is an article; Pelican adds the page paths. */
  articleExcludes: readonly string[];
  pagePaths: readonly string[];
  pageExcludes: readonly string[];
  /** Folders copied as they are; `null`: every file that is no source (this project's own sites). */
  staticPaths: readonly string[] | null;
  staticExcludes: readonly string[];
  /** Shell patterns of file and folder names to leave out (`fnmatch`). */
  ignoreFiles: readonly string[];
  /** The readers that read entries. */
  readers: readonly ReaderName[];
  /** Extensions no reader takes (Pelican's `READERS = {'html': None}`), without the dot. */
  disabledExtensions?: readonly string[];
  /** This project's own folders, `training/` (courses) and `authors/` (author profiles). */
  ownFolders: boolean;
}

/** This project's own layout: Pelican's defaults, every other file static, courses and authors in their folders. */
export const DEFAULT_LAYOUT: ContentLayout = {
  articlePaths: [''],
  articleExcludes: ['pages'],
  pagePaths: ['pages'],
  pageExcludes: [],
  staticPaths: null,
  staticExcludes: [],
  ignoreFiles: ['.#*'],
  readers: ['markdown', 'rst', 'html'],
  ownFolders: true,
};

/** Top-level folders of this project's own layout with a meaning of their own. */
const OWN_FOLDERS: Record<string, ContentRole> = { training: 'course', authors: 'author' };

const fnmatchCache = new Map<string, RegExp>();
/** Python's `fnmatch.fnmatch` on a name (case-sensitive, as on Linux). */
export function fnmatch(name: string, pattern: string): boolean {
  let regex = fnmatchCache.get(pattern);
  if (!regex) {
    let source = '';
    for (let i = 0; i < pattern.length; i++) {
      const char = pattern[i] as string;
      if (char === '*') source += '[\\s\\S]*';
      else if (char === '?') source += '[\\s\\S]';
      else if (char === '[') {
        const end = pattern.indexOf(']', i + 2);
        if (end === -1) source += '\\[';
        else {
          let set = pattern.slice(i + 1, end).replace(/\\/g, '\\\\');
          if (set.startsWith('!')) set = `^${set.slice(1)}`;
          source += `[${set}]`;
          i = end;
        }
      } else source += char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
    regex = new RegExp(`^${source}$`);
    fnmatchCache.set(pattern, regex);
  }
  return regex.test(name);
}

const trimSlashes = (path: string) => path.replace(/^\.?\/+|\/+$/g, '');

/** Whether `path` is `root` or below it; `''` holds everything. */
function isUnder(path: string, root: string): boolean {
  const clean = trimSlashes(root);
  return clean === '' || clean === '.' || path === clean || path.startsWith(`${clean}/`);
}

/** Whether a folder of `path`'s parents is excluded: Pelican's excludes name folders from the content root. */
function isExcluded(path: string, excludes: readonly string[]): boolean {
  return excludes.some((exclude) => {
    const clean = trimSlashes(exclude);
    return clean !== '' && clean !== '.' && (path === clean || path.startsWith(`${clean}/`));
  });
}

/** The reader of a file, by its extension, if the layout reads it. */
export function readerOf(relativePath: string, layout: ContentLayout = DEFAULT_LAYOUT): ReaderName | undefined {
  const extension = /\.([^./]+)$/.exec(relativePath)?.[1] ?? '';
  if (layout.disabledExtensions?.includes(extension)) return undefined;
  return layout.readers.find((reader) => READER_EXTENSIONS[reader].includes(extension));
}

/** Whether some part of the path matches `IGNORE_FILES`. */
function isIgnoredBy(relativePath: string, layout: ContentLayout): boolean {
  return relativePath.split('/').some((part) => layout.ignoreFiles.some((pattern) => fnmatch(part, pattern)));
}

/**
 * The role of a file from its path relative to the content root (`/` separators), as Pelican's
 * generators decide it: a page under `PAGE_PATHS`, else an article under `ARTICLE_PATHS`, when a
 * reader takes its extension; else static under `STATIC_PATHS`.
 *
 * @example contentRole('pages/about.md') // 'page'
 * @example contentRole('images/a.jpeg') // 'static'
 */
export function contentRole(relativePath: string, layout: ContentLayout = DEFAULT_LAYOUT): ContentRole {
  if (isIgnoredBy(relativePath, layout)) return 'none';
  const top = relativePath.includes('/') ? (relativePath.split('/')[0] ?? '') : '';
  const reader = readerOf(relativePath, layout);
  if (reader) {
    if (layout.ownFolders && OWN_FOLDERS[top]) return reader === 'markdown' ? (OWN_FOLDERS[top] as ContentRole) : 'none';
    if (layout.pagePaths.some((root) => isUnder(relativePath, root)) && !isExcluded(relativePath, layout.pageExcludes)) return 'page';
    if (layout.articlePaths.some((root) => isUnder(relativePath, root)) && !isExcluded(relativePath, layout.articleExcludes)) {
      return 'article';
    }
    // Pelican copies no source file as a static one (STATIC_EXCLUDE_SOURCES).
    if (layout.staticPaths === null) return 'none';
  }
  return isInStaticPaths(relativePath, layout) ? 'static' : 'none';
}

/** Whether a file is under the layout's `STATIC_PATHS` (every file is, in this project's own layout). */
export function isInStaticPaths(relativePath: string, layout: ContentLayout = DEFAULT_LAYOUT): boolean {
  if (layout.staticPaths === null) return true;
  return layout.staticPaths.some((root) => isUnder(relativePath, root)) && !isExcluded(relativePath, layout.staticExcludes);
}

/** Whether a path is one no site wants: dot files and folders (`.git`, `.DS_Store`), editor backups. */
export function isIgnored(relativePath: string): boolean {
  return relativePath.split('/').some((part) => part.startsWith('.') || part.endsWith('~'));
}

/**
 * Every file below the content root, as sorted `/`-separated relative paths.
 * Sorted so that builds, messages and duplicate reports come out the same on every machine.
 */
export async function listContentFiles(contentDir: string): Promise<string[]> {
  const entries = await readdir(contentDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const folder = entry.parentPath.slice(contentDir.length).split(sep).filter(Boolean);
      return [...folder, entry.name].join('/');
    })
    .filter((path) => !isIgnored(path))
    .sort();
}
