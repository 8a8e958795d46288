import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cborg';

/** What Pagefind's `pagefind-entry.json` says of each language's index. */
interface PagefindEntry {
  languages: Record<string, { hash: string; page_count: number }>;
}

/** Pagefind's metadata file: gzip, this signature, then CBOR naming every fragment, chunk and filter. */
const META_SIGNATURE = 'pagefind_dcd';

/** The folders of an index whose files are named by a digest of their contents. */
const HASHED_FOLDERS = ['fragment', 'index', 'filter'];

/** Every string in a decoded CBOR value, at any depth. */
function stringsIn(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) value.forEach((item) => stringsIn(item, into));
  else if (value instanceof Map) value.forEach((item, key) => stringsIn([key, item], into));
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => stringsIn(item, into));
  return into;
}

/** The names a language's metadata file gives: its pages' fragments, its index chunks, its filters. */
async function namesInMeta(indexDir: string, hash: string): Promise<Set<string>> {
  const bytes = gunzipSync(await readFile(join(indexDir, `pagefind.${hash}.pf_meta`)));
  if (bytes.subarray(0, META_SIGNATURE.length).toString('latin1') !== META_SIGNATURE) {
    throw new Error(`pagefind.${hash}.pf_meta does not start with "${META_SIGNATURE}"`);
  }
  return stringsIn(decode(bytes.subarray(META_SIGNATURE.length)));
}

/**
 * The files of a Pagefind index folder that its last writing does not use: the fragments of
 * pages since changed or deleted, old index chunks and filters, metadata of an older index.
 *
 * Pagefind names these files by a digest of their contents and leaves alone a file already there
 * under the name it would write, so the folder can be kept from one build to the next and only
 * its stale files removed: at 1,000 posts, writing 1,058 files into an emptied folder took 0.8 s,
 * into the last build's folder 0.4 s (`npm run bench`).
 *
 * Throws when the index is not in the form this expects (another Pagefind version): nothing
 * must then be removed, or the site's search would break.
 */
export async function staleSearchFiles(indexDir: string): Promise<string[]> {
  const entry = JSON.parse(await readFile(join(indexDir, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
  const languages = Object.values(entry.languages);
  const named = new Set<string>();
  for (const { hash } of languages) for (const name of await namesInMeta(indexDir, hash)) named.add(name);
  const metas = new Set(languages.map(({ hash }) => `pagefind.${hash}.pf_meta`));

  const stale = (await readdir(indexDir)).filter((file) => file.endsWith('.pf_meta') && !metas.has(file)).map((file) => join(indexDir, file));
  let liveFragments = 0;
  for (const folder of HASHED_FOLDERS) {
    const files = await readdir(join(indexDir, folder)).catch(() => []);
    for (const file of files) {
      // `en_4489d48.pf_fragment` is named `en_4489d48` in the metadata.
      const live = named.has(file.replace(/\.[^.]+$/, ''));
      if (!live) stale.push(join(indexDir, folder, file));
      else if (folder === 'fragment') liveFragments += 1;
    }
  }
  const pages = languages.reduce((sum, { page_count }) => sum + page_count, 0);
  if (pages > 0 && liveFragments === 0) throw new Error(`the metadata names none of the ${pages} page(s)' fragments`);
  return stale;
}
