import { createHash } from 'node:crypto';

/**
 * A short digest of some values, for Astro's incremental builds (`cacheKey` in `getStaticPaths`):
 * a page is rendered again only when its key changes. Dates hash as their ISO time, `undefined`
 * like a missing key, so equal data always gives the same key.
 *
 * @example cacheKey('article', { title: 'A' }) === cacheKey('article', { title: 'A' }) // true
 */
export function cacheKey(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 22);
}

/**
 * What a content entry holds: its data, the digest of the file it was read from, its HTML (or,
 * for a body kept in a file of its own, the digest of that HTML: `metadata.bodyDigest`).
 */
export interface KeyedEntry {
  id: string;
  digest?: string | number | undefined;
  data: Record<string, unknown>;
  rendered?: { html: string; metadata?: Record<string, unknown> } | undefined;
}

/**
 * The fields of an entry that other pages show (title, URL, date, tags, cover…): everything but
 * its summary and its date of last change, which only the pages listing it show. A change to the
 * body alone (the usual edit) leaves this, and so every other page, unchanged.
 *
 * @example sharedFields({ title: 'A', summary: '<p>…</p>', modified: new Date() }) // { title: 'A' }
 */
export function sharedFields(data: Record<string, unknown>): Record<string, unknown> {
  const { summary: _summary, modified: _modified, ...shared } = data;
  return shared;
}

/**
 * The key of an entry as a whole: its data, the digest of its source and its rendered HTML (which
 * changes without the source when the Markdown pipeline does), or the digest of the HTML when the
 * body is kept in a file (`src/content/model/rendered-html.ts`).
 */
export function entryKey(entry: KeyedEntry): string {
  const body = entry.rendered?.html || entry.rendered?.metadata?.['bodyDigest'];
  return cacheKey(entry.id, entry.digest ?? null, entry.data, body ?? null);
}
