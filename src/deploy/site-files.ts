import { join } from 'node:path';

/**
 * The files of the static site that may serve a (decoded) path, in order: `/x/` is `x/index.html`;
 * `/x` is the file `x`, else `x.html` (file URLs), else `x/index.html`.
 *
 * @example siteFileCandidates('/tag/ml/') // ['/tag/ml/index.html']
 */
export function siteFileCandidates(path: string): string[] {
  return path.endsWith('/') ? [join(path, 'index.html')] : [path, `${path}.html`, join(path, 'index.html')];
}
