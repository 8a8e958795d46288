import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { lookup } from 'mrmime';
import { siteFileCandidates } from './site-files.ts';

/** Types worth compressing: text. Images and fonts are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml|atom\+xml|rss\+xml|feed\+json|manifest\+json|wasm)|image\/svg\+xml)/;

export interface CompressedFile {
  body: Buffer;
  encoding: 'br' | 'gzip';
  type: string;
  etag: string;
}

/** Which compressed encoding a request accepts, brotli first. */
export function acceptedEncoding(header: string | undefined): 'br' | 'gzip' | undefined {
  const accepted = (header ?? '').toLowerCase();
  if (/\bbr\b/.test(accepted)) return 'br';
  if (/\bgzip\b/.test(accepted)) return 'gzip';
  return undefined;
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
  const cache = new Map<string, CompressedFile | null>();
  return async (path: string, encoding: 'br' | 'gzip'): Promise<CompressedFile | undefined> => {
    const key = `${encoding} ${path}`;
    const cached = cache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const file = await fileOf(root, path);
    const type = file ? lookup(file) : undefined;
    if (!file || !type || !COMPRESSIBLE.test(type)) {
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
