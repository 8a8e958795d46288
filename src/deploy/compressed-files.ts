import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { lookup } from 'mrmime';
import Negotiator from 'negotiator';
import { siteFileCandidates } from './site-files.ts';

/** Types worth compressing: text. Images and fonts are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml|atom\+xml|rss\+xml|feed\+json|manifest\+json|wasm)|image\/svg\+xml)/;

export interface CompressedFile {
  body: Buffer;
  encoding: 'br' | 'gzip';
  type: string;
  etag: string;
}

/**
 * Which compressed encoding a request accepts, as HTTP negotiates it (q-values, `*`, `br;q=0`
 * refusing brotli): brotli when the client likes it as much as gzip, else what it prefers.
 *
 * @example acceptedEncoding('br;q=0, gzip') // 'gzip'
 */
export function acceptedEncoding(header: string | undefined): 'br' | 'gzip' | undefined {
  if (!header) return undefined;
  const available = ['br', 'gzip', 'identity'];
  // negotiator 1's `preferred` breaks ties the server's way (its published types predate it).
  const negotiator = new Negotiator({ headers: { 'accept-encoding': header } }) as unknown as { encoding(available: string[], options: { preferred: string[] }): string | undefined };
  const chosen = negotiator.encoding(available, { preferred: available });
  return chosen === 'br' || chosen === 'gzip' ? chosen : undefined;
}

/** The file of the static site a path names (`/x/` is `x/index.html`), never outside the folder. */
async function fileOf(root: string, path: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  for (const candidate of siteFileCandidates(decoded)) {
    const file = normalize(join(root, candidate));
    if (!file.startsWith(root + sep)) return undefined;
    const info = await stat(file).catch(() => undefined);
    if (info?.isFile()) return file;
  }
  return undefined;
}

/**
 * The static site's text files, compressed once and kept in memory: compressing every response
 * again cost more than half of the server's throughput (`npm run bench -- --load`). Files of a
 * build never change while it is served.
 */
export function compressedFiles(root: string) {
  // Keyed by the file's path, not the request's: `/x/` and `/x/index.html` are one entry.
  const cache = new Map<string, CompressedFile | null>();
  return async (path: string, encoding: 'br' | 'gzip'): Promise<CompressedFile | undefined> => {
    const key = `${encoding} ${path}`;
    const cached = cache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const file = await fileOf(root, path);
    const type = file ? lookup(file) : undefined;
    // Only the build's own files are remembered (a bounded set): a flood of made-up paths must
    // not grow the cache.
    if (!file || !type) return undefined;
    if (!COMPRESSIBLE.test(type)) {
      cache.set(key, null);
      return undefined;
    }
    const raw = await readFile(file);
    const body =
      encoding === 'br'
        ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
        : gzipSync(raw, { level: 9 });
    const entry: CompressedFile = {
      body,
      encoding,
      type: type.startsWith('text/') || type.includes('json') || type.includes('xml') || type.includes('javascript') ? `${type}; charset=utf-8` : type,
      etag: `"${createHash('sha1').update(raw).digest('base64url')}-${encoding}"`,
    };
    cache.set(key, entry);
    return entry;
  };
}
