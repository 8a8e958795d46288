import { readFileSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MarkdownHeading } from 'astro';

/**
 * Where the Pelican loader keeps rendered bodies, from the project's folder: one file per entry,
 * named by its collection and digest. Bodies are four fifths of the content store (10.9 of 13.4 MB
 * at 1,000 posts): kept there, Astro serialized them after every edit in dev and every build, and
 * each thread that renders pages held all of them in memory (400 MB more at 10,000 posts, and
 * 8 s more prerendering; `npm run bench`). A page reads the one body it shows.
 */
export const RENDERED_HTML_DIR = 'node_modules/.cache/rendered-html';

/**
 * Whose bodies: the dev server's and the builds' are kept apart, as their content stores are
 * (`.astro/` and `node_modules/.astro/`), so that neither removes a body the other still reads.
 */
export type BodyStore = 'dev' | 'build';

/** The store of the code that reads: pages in `astro dev`, or in a build. */
const currentStore = (): BodyStore => (import.meta.env?.DEV ? 'dev' : 'build');

/** An entry as the store holds it: a body Astro must finish (its images) stays in `rendered.html`. */
export interface EntryWithBody {
  id: string;
  collection: string;
  digest?: string | number | undefined;
  rendered?: { html: string; metadata?: Record<string, unknown> } | undefined;
}

/** Whether Astro finishes the entry's body (it has images of its own), which then stays in the store. */
export function finishedByAstro<T extends Pick<EntryWithBody, 'rendered'>>(entry: T): entry is T & { rendered: { html: string } } {
  return Boolean(entry.rendered?.html);
}

/** The file of an entry's body. */
export function renderedHtmlFile(collection: string, digest: string, store: BodyStore, root = '.'): string {
  return join(root, RENDERED_HTML_DIR, store, collection, `${digest}.html`);
}

/** Keeps a rendered body in its file. */
export async function writeRenderedHtml(collection: string, digest: string, html: string, store: BodyStore, root: string): Promise<void> {
  const file = renderedHtmlFile(collection, digest, store, root);
  await mkdir(join(file, '..'), { recursive: true });
  await writeFile(file, html);
}

/** Removes the bodies of a collection that no entry of the store has any more (the end of a sync). */
export async function pruneRenderedHtml(collection: string, digests: ReadonlySet<string>, store: BodyStore, root: string): Promise<void> {
  const dir = join(root, RENDERED_HTML_DIR, store, collection);
  const files = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(files.filter((file) => !digests.has(file.replace(/\.html$/, ''))).map((file) => rm(join(dir, file), { force: true })));
}

/**
 * An entry's rendered body: from the store when Astro must finish it, else from its file.
 *
 * @throws when the file is missing (the loader re-renders an entry whose file is gone, so this
 *   means the cache folder was removed after the content was synced)
 */
export function bodyHtmlOf(entry: EntryWithBody, store = currentStore(), root = '.'): string {
  if (finishedByAstro(entry)) return entry.rendered.html;
  if (entry.digest === undefined) return '';
  const file = renderedHtmlFile(entry.collection, String(entry.digest), store, root);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`The rendered body of ${entry.collection} "${entry.id}" is missing (${file}): build again, or restart the dev server. ${String(error)}`);
  }
}

/** Minutes an entry's body takes to read, as the loader counted them when it rendered it. */
export function readingMinutesOf(entry: EntryWithBody): number | undefined {
  const minutes = entry.rendered?.metadata?.['readingMinutes'];
  return typeof minutes === 'number' ? minutes : undefined;
}

/** The headings of an entry's body, as the Markdown processor found them (for a table of contents). */
export function headingsOf(entry: EntryWithBody): MarkdownHeading[] {
  return (entry.rendered?.metadata?.['headings'] as MarkdownHeading[] | undefined) ?? [];
}
