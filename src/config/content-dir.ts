import { resolve } from 'node:path';

/**
 * The Pelican content folder: `CONTENT_DIR` when set (relative to the working folder), else the
 * folder the site configuration names (a `pelicanconf.py`'s `PATH`), else `content/`.
 *
 * @example contentDirFrom({ CONTENT_DIR: '../old-site/content' }, '/work/site') // '/work/old-site/content'
 */
export function contentDirFrom(env: Record<string, string | undefined>, cwd: string, configured?: string): string {
  const fromEnv = env['CONTENT_DIR']?.trim();
  return resolve(cwd, fromEnv ? fromEnv : (configured ?? 'content'));
}
