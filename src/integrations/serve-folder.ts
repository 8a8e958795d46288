import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import type { Connect } from 'vite';
import { lookup } from 'mrmime';

/**
 * Dev-server middleware that answers requests under `prefix` with the files of `folder` (what a
 * build copies to the site), and passes on anything it does not have. `accept` can narrow which
 * site paths it serves. Paths that climb out of the folder are never served.
 *
 * @example server.middlewares.use(serveFolder('/_katex/', katexDist))
 */
export function serveFolder(
  prefix: string,
  folder: string,
  accept: (path: string) => boolean = () => true,
): Connect.NextHandleFunction {
  const root = normalize(folder + sep);
  return (request, response, next) => {
    const url = (request.url ?? '').split('?')[0] ?? '';
    const path = decodeURIComponent(url.startsWith(prefix) ? url.slice(prefix.length) : '');
    if (!url.startsWith(prefix) || path === '' || !accept(path)) return next();
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) return next();
    stat(file).then(
      (found) => {
        if (!found.isFile()) return next();
        response.setHeader('Content-Type', lookup(file) ?? 'application/octet-stream');
        response.setHeader('Content-Length', found.size);
        createReadStream(file).pipe(response);
      },
      () => next(),
    );
  };
}
