import { resolve } from 'node:path';

/**
 * The Pelican content folder: `CONTENT_DIR` when set (relative to the working folder), else `content/`.
 *
 * @example contentDirFrom({ CONTENT_DIR: '../old-site/content' }, '/work/site') // '/work/old-site/content'
 */
export function contentDirFrom(env: Record<string, string | undefined>, cwd: string): string {
  const configured = env['CONTENT_DIR']?.trim();
  return resolve(cwd, configured ? configured : 'content');
}
