import { readdir } from 'node:fs/promises';
import { sep } from 'node:path';

/** What Pelican makes of a file in the content folder. */
export type ContentRole = 'article' | 'page' | 'course' | 'author' | 'static';

/** Extensions Pelican's Markdown reader takes. */
export const MARKDOWN_EXTENSIONS = ['.md', '.markdown', '.mkd', '.mdown'] as const;

/** Top-level folders with a meaning of their own; every other Markdown file is an article. */
const ROLE_OF_FOLDER: Record<string, ContentRole> = { pages: 'page', training: 'course', authors: 'author' };

/**
 * The role of a file from its path relative to the content root (`/` separators).
 *
 * @example contentRole('pages/about.md') // 'page'
 * @example contentRole('images/a.jpeg') // 'static'
 */
export function contentRole(relativePath: string): ContentRole {
  const lower = relativePath.toLowerCase();
  if (!MARKDOWN_EXTENSIONS.some((extension) => lower.endsWith(extension))) return 'static';
  const top = relativePath.split('/')[0] ?? '';
  return relativePath.includes('/') ? (ROLE_OF_FOLDER[top] ?? 'article') : 'article';
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
