import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroMarkdownOptions, MarkdownRenderer } from '@astrojs/markdown-remark';
import type { Loader, LoaderContext } from 'astro/loaders';
import pLimit from 'p-limit';
import { isContentChange } from './content-change';
import { contentRole, isInStaticPaths, listContentFiles, readerOf, type ContentLayout } from '../format/content-files';
import { decodeSource, type ParsedSource } from '../format/pelican-header';
import { parseHtmlEntry } from '../format/readers/html-reader';
import { parsedFromRst, readRstFiles } from '../format/readers/rst-reader';
import { ContentError, displayPath, formatProblem, type ContentProblem } from '../format/content-error';
import { linkIndexOf, type LinkIndex } from '../model/link-index';
import { linkedStaticFilesOf } from './linked-static';
import { setAttachedPlaces } from './attached-places';
import { attachedFiles } from '../model/attached-files';
import { staticLinks, type StaticLink } from '../format/intrasite-links';
import type { EntryKind, MetadataSettings } from '../format/pelican-metadata';
import { readEntry, type EntrySchema } from '../format/read-entry';
import { renderBody, type RenderedBody, type RenderJob } from '../model/render-body';
import { finishedByAstro, pruneRenderedHtml, renderedHtmlFile, writeRenderedHtml, type BodyStore } from '../model/rendered-html';
import { buildSiteIndex, type IndexedEntry, type IndexInput, type SiteIndex } from '../model/site-index';
import { setDevProblems } from './dev-problems';
import { lastCommitDates } from './git-dates';
import { forgetOtherFolders } from './store-source';
import { startRenderPool } from './render-pool';
import type { MarkdownSettings } from '../../markdown/pipeline';
import { isStrictBuild } from '../../config/strict-build';
import type { UrlPatterns } from '../../lib/url-patterns';

/** One content file as read and checked, before rendering. */
interface FileRead {
  relativePath: string;
  path: string;
  /** Digest of the file's bytes. */
  bytesDigest: string;
  kind: EntryKind;
  result: ReturnType<typeof readEntry>;
  /** Its links to static files, in the order written: where `{attach}` moves a file depends on them. */
  staticLinks: StaticLink[];
}

export interface PelicanLoaderOptions {
  /** Absolute path of the Pelican content folder. */
  contentDir: string;
  /** Where its entries and static files are. Default: this project's layout. */
  layout?: ContentLayout;
  /** Which files of the folder this collection takes. */
  kind: EntryKind;
  /** Every collection's schema: links between collections need every file read. */
  schemas: Record<EntryKind, EntrySchema>;
  settings: MetadataSettings & { urls: UrlPatterns; summaryWords?: number | null };
  /** The site's Markdown settings, for the worker threads' processors (the main thread's is Astro's). Default: this project's. */
  markdown?: MarkdownSettings;
  /** Entries without a title (articles without a date): an `error`, or skipped with a warning as Pelican does. */
  incomplete?: 'error' | 'skip';
  /**
   * Where rendered bodies go: `store`, Astro's own contract (`render(entry)` gives every body), or
   * `files`, one file per body outside the store (rendered-html.ts), which the build accelerator
   * asks for: at 10,000 posts the store then holds 400 MB less in every rendering thread.
   * Default: `store`.
   */
  bodies?: 'store' | 'files';
}

/**
 * Files to render before it pays to start worker threads: a worker takes about half a second to
 * load the processor and Shiki, a post about 7 ms to render.
 */
const POOL_THRESHOLD = 150;
/** Files read (or bodies written) at once: enough to keep the disk busy, far below the open-files limit at 10,000 posts. */
const READ_CONCURRENCY = 64;
/** Bump when what the loader stores changes, so cached entries are rebuilt. */
const STORE_VERSION = '8';

/** Astro's store as it is at run time: its type leaves out the method that lists an entry's images. */
type StoreWithImages = LoaderContext['store'] & { addAssetImports?: (assets: string[], filePath?: string) => void };

/**
 * Has Astro write its list of the content's images again, from the entries of this build. The
 * dev server and builds share that list (`.astro/content-assets.mjs`), and Astro writes it only
 * when an entry changes: after `npm run dev` on another folder (`CONTENT_DIR`), an unchanged
 * build read the dev server's list and failed with ImageNotFound.
 */
function reassertImages(store: StoreWithImages): void {
  for (const entry of store.values()) {
    if (entry.assetImports?.length) store.addAssetImports?.(entry.assetImports, entry.filePath);
  }
}

/**
 * A read of the whole folder: the files of every kind, checked; the site index they make (URLs,
 * translations) with its problems; the links between them.
 */
interface FolderRead {
  read: FileRead[];
  index: SiteIndex;
  indexProblems: ContentProblem[];
  links: LinkIndex;
}

/**
 * What each file read to last time, by settings and path, with its modification time, size and
 * commit date: in dev every edit resyncs the folder, and re-reading and re-validating 1,000
 * unchanged files per keystroke is what made an edit slow to show.
 */
const readCache = new Map<string, { mtimeMs: number; size: number; lastCommitted: number | undefined; read: FileRead }>();
/** Reads under way, by folder and settings: the articles' and pages' loaders sync at the same time. */
const readsUnderWay = new Map<string, Promise<FolderRead>>();

/** Forgets every read: a header cover that appeared or vanished changes what its header means. */
function forgetReads(): void {
  readCache.clear();
}

/** The folder's files and commit dates when it was last listed, by folder and settings. */
const listings = new Map<string, { files: string[]; committed: Map<string, Date> }>();

/**
 * Reads and checks every Markdown file of the folder and indexes them, once for both loaders:
 * each needs all of them (links cross collections), and at 10,000 posts a second read and
 * `git log` took 7 s. `changedFiles`, after an edit in dev, names the files that changed.
 */
function readFolder(
  contentDir: string,
  options: PelicanLoaderOptions,
  generateDigest: LoaderContext['generateDigest'],
  changedFiles: readonly string[] | undefined,
): Promise<FolderRead> {
  const key = JSON.stringify([contentDir, options.settings]);
  let reading = readsUnderWay.get(key);
  if (!reading) {
    reading = readFolderNow(contentDir, options, generateDigest, key, changedFiles).finally(() => readsUnderWay.delete(key));
    readsUnderWay.set(key, reading);
  }
  return reading;
}

async function readFolderNow(
  contentDir: string,
  options: PelicanLoaderOptions,
  generateDigest: LoaderContext['generateDigest'],
  key: string,
  changedFiles: readonly string[] | undefined,
): Promise<FolderRead> {
  // When the files that changed are named and none came or went, the last listing stands, with
  // its commit dates (an edit is not a commit), and the others are taken as last read without a
  // look at each: at 1,000 posts, listing the folder, `git log` and looking at every file were
  // 80 ms of the 150 an edit's resync took in dev. A commit made meanwhile shows at the next start.
  const listed = listings.get(key);
  const listedFiles = new Set(listed?.files);
  const changed = changedFiles && listed && changedFiles.every((file) => existsSync(join(contentDir, file)) === listedFiles.has(file)) ? new Set(changedFiles) : undefined;
  const allFiles = changed && listed ? listed.files : await listContentFiles(contentDir);
  const committed = changed && listed ? listed.committed : await lastCommitDates(contentDir);
  listings.set(key, { files: allFiles, committed });
  const roleOf = (path: string) => contentRole(path, options.layout);
  // Static by the layout; those linked with {static} from outside STATIC_PATHS (Pelican copies
  // them too) are added once the sources are read, from their links.
  const staticFiles = new Set(allFiles.filter((path) => roleOf(path) === 'static'));
  const sources = allFiles.filter((path) => ['article', 'page'].includes(roleOf(path)));
  const limit = pLimit(READ_CONCURRENCY);
  // `.rst` files that need reading go to docutils together: one Python process per batch.
  const readRst = batched((paths: string[]) =>
    readRstFiles(paths.map((path) => join(contentDir, path)), { lang: options.settings.defaultLang }).then((reads) =>
      reads.map((read) => parsedFromRst(read)),
    ),
  );
  const readOne = async (relativePath: string): Promise<FileRead> => {
    const path = join(contentDir, relativePath);
    const cacheKey = `${key}\0${path}`;
    const cached = readCache.get(cacheKey);
    const lastCommitted = committed.get(relativePath);
    // Only clean reads are reused; the watcher drops them all when an image comes or goes.
    const reusable = cached && cached.lastCommitted === lastCommitted?.getTime() && cached.read.result.status === 'ok';
    if (reusable && changed && !changed.has(relativePath)) return cached.read;
    const { mtimeMs, size } = await stat(path);
    if (reusable && cached.mtimeMs === mtimeMs && cached.size === size) return cached.read;
    const bytes = await readFile(path);
    const kind: EntryKind = roleOf(relativePath) === 'page' ? 'page' : 'article';
    const reader = readerOf(relativePath, options.layout);
    const parsed = reader === 'rst' ? await readRst(relativePath) : reader === 'html' ? htmlSource(bytes) : undefined;
    const result = readEntry(
      { bytes, relativePath, displayPath: displayPath(path), kind, ...(parsed ? { parsed } : {}) },
      {
        settings: options.settings,
        schema: options.schemas[kind],
        fileExists: (target) => staticFiles.has(target) || existsSync(join(contentDir, target)),
        lastCommitted,
        fileModified: new Date(mtimeMs),
        incomplete: options.incomplete ?? 'error',
      },
    );
    // The commit date is part of the digest: committing an edit changes "updated on", not the bytes.
    const bytesDigest = generateDigest(`${bytes.toString('latin1')}\0${lastCommitted?.toISOString() ?? ''}`);
    // Most sources link no static file that way: only those that name one are searched.
    const links = bytes.includes('attach') || bytes.includes('static') ? staticLinks(relativePath, bytes.toString('utf8')) : [];
    const read: FileRead = { relativePath, path, bytesDigest, kind, result, staticLinks: links };
    readCache.set(cacheKey, { mtimeMs, size, lastCommitted: lastCommitted?.getTime(), read });
    return read;
  };
  const read = await Promise.all(sources.map((relativePath) => limit(() => readOne(relativePath))));
  for (const path of linkedStaticFilesOf(allFiles, options.layout, read.map(({ staticLinks: links }) => links))) staticFiles.add(path);
  // A source Pelican does not publish, in STATIC_PATHS, is copied as it is (pelican-static).
  for (const { relativePath, result } of read) {
    if (result.status === 'skip' && result.warning && options.layout?.staticPaths != null && isInStaticPaths(relativePath, options.layout)) staticFiles.add(relativePath);
  }
  const inputs: IndexInput[] = [];
  for (const { relativePath, path, kind, result } of read) {
    if (result.status !== 'ok') continue;
    inputs.push({ sourcePath: relativePath, displayPath: displayPath(path), kind, metadata: result.metadata, slugLine: result.slugLine });
  }
  const { index, problems: indexProblems } = buildSiteIndex(inputs, {
    urls: options.settings.urls,
    timeZone: options.settings.timeZone,
    defaultLang: options.settings.defaultLang,
    slugs: options.settings.slugs,
  });
  // Only needed when a file is attached at all.
  const attaching = !read.some(({ staticLinks: links }) => links.some(({ kind }) => kind === 'attach'))
    ? []
    : read.flatMap(({ relativePath, kind, staticLinks: links }) => {
        const entry = links.length > 0 ? index.entries.get(relativePath) : undefined;
        const time = entry?.metadata.date?.getTime();
        return entry ? [{ kind, sourcePath: relativePath, url: entry.url, ...(time !== undefined ? { time } : {}), links }] : [];
      });
  const placedBySettings = (path: string) => {
    const metadata = options.settings.pathMetadata?.extraPathMetadata[path];
    return metadata !== undefined && ['save_as', 'path', 'url'].some((key) => key in metadata);
  };
  const attached = attachedFiles(attaching, (path) => staticFiles.has(path), placedBySettings);
  setAttachedPlaces(contentDir, attached);
  const links = linkIndexOf(
    index,
    staticFiles,
    {
      contentDir,
      contentLabel: displayPath(contentDir),
      urlPatterns: options.settings.urls,
      timeZone: options.settings.timeZone,
      ...(options.layout ? { layout: options.layout } : {}),
      slugs: options.settings.slugs,
    },
    attached,
  );
  return { read, index, indexProblems, links };
}

/**
 * A function of one item that runs `all` once for the items asked for in the same turn of the
 * event loop: the files read at once share one Python process.
 */
function batched<T, R>(all: (items: T[]) => Promise<R[]>): (item: T) => Promise<R> {
  let pending: { item: T; resolve: (result: R) => void; reject: (error: unknown) => void }[] = [];
  return (item) =>
    new Promise<R>((resolve, reject) => {
      if (pending.length === 0) {
        setImmediate(() => {
          const batch = pending;
          pending = [];
          all(batch.map(({ item: asked }) => asked)).then(
            (results) => batch.forEach(({ resolve: done }, position) => done(results[position] as R)),
            (error: unknown) => batch.forEach(({ reject: fail }) => fail(error)),
          );
        });
      }
      pending.push({ item, resolve, reject });
    });
}

/** An `.html` entry as Pelican's HTML reader reads it; `undefined` (read as Markdown, and refused) when it is not text. */
function htmlSource(bytes: Uint8Array): ParsedSource | undefined {
  const text = decodeSource(bytes);
  return text === undefined ? undefined : parseHtmlEntry(text);
}

/**
 * An Astro content loader for a Pelican content folder: reads the `Key: value` (or YAML) header of
 * every Markdown file, validates it, works out every URL (Pelican's translation rules included),
 * renders the bodies of its own kind with the site's Markdown processor — intrasite links
 * resolved — and skips files whose bytes, settings and links have not changed since the last
 * build. Every problem of every file is reported at once, then the build fails.
 */
export function pelicanLoader(options: PelicanLoaderOptions): Loader {
  const contentDir = resolve(options.contentDir);
  let renderer: Promise<MarkdownRenderer> | undefined;

  return {
    name: `pelican-${options.kind}-loader`,
    load: async (context) => {
      forgetOtherFolders(context, contentDir);
      // In dev, `content-refresh` runs the loader again for each edit, naming the files.
      const change = context.refreshContextData;
      const changedFiles = isContentChange(change) ? change.changedFiles : undefined;
      // A header cover that appeared or vanished changes what its post's header means.
      if (changedFiles?.some((file) => contentRole(file, options.layout) === 'static')) forgetReads();
      const found = await syncAll(context, changedFiles);
      // Warnings (broken links, as Pelican warns of them) fail only a strict build.
      const strict = isStrictBuild();
      const problems = strict ? found : found.filter((problem) => problem.severity !== 'warning');
      for (const warning of found.filter((problem) => !strict && problem.severity === 'warning')) context.logger.warn(formatProblem(warning));
      // A build stops on any problem; the dev server keeps serving and reports each one, so
      // the author can fix the file and see the result without restarting.
      if (!context.watcher) {
        if (problems.length > 0) throw new ContentError(problems);
        return;
      }
      problems.forEach((problem) => context.logger.error(formatProblem(problem)));
      setDevProblems(`pelican-${options.kind}-loader`, problems);
    },
  };

  /** The Markdown options Astro's own content layer passes, but Shiki's (which hold functions). */
  function markdownOptions({ config }: LoaderContext): Omit<AstroMarkdownOptions, 'shikiConfig'> {
    const { markdown, image } = config;
    // Astro's resolved config types are looser than the renderer's options.
    return { image, syntaxHighlight: markdown.syntaxHighlight, gfm: markdown.gfm, smartypants: markdown.smartypants } as Omit<
      AstroMarkdownOptions,
      'shikiConfig'
    >;
  }

  /** The site's configured Markdown processor, called with a per-file render context. */
  function markdownRenderer(context: LoaderContext): Promise<MarkdownRenderer> {
    const { markdown } = context.config;
    renderer ??= markdown.processor.createRenderer({ ...markdownOptions(context), shikiConfig: markdown.shikiConfig } as AstroMarkdownOptions);
    return renderer;
  }

  /** Syncs the collection with the folder; `changedFiles`, after an edit in dev, names what changed. */
  async function syncAll(context: LoaderContext, changedFiles?: readonly string[]): Promise<ContentProblem[]> {
    const { store } = context;
    const root = fileURLToPath(context.config.root);
    const { read, index, indexProblems, links } = await readFolder(contentDir, options, context.generateDigest, changedFiles);
    const problems: ContentProblem[] = [];
    const counts = { rendered: 0, unchanged: 0, skipped: 0, invalid: 0 };
    const mine = new Set(read.filter((file) => file.kind === options.kind).map((file) => displayPath(file.path)));
    problems.push(...indexProblems.filter((problem) => mine.has(problem.file)));

    const bodiesInFiles = options.bodies === 'files';
    // Where bodies go is part of what is stored: switching re-renders, so that no entry keeps an
    // empty body in the store that `render(entry)` would show.
    // Where `{attach}` put files is in it too: links to them lead there.
    const settingsKey = JSON.stringify([STORE_VERSION, options.settings, options.markdown, index.fingerprint, bodiesInFiles, [...links.attached]]);
    // The dev server keeps its own store (and so its own bodies) apart from the builds'.
    const bodyStore: BodyStore = context.watcher ? 'dev' : 'build';
    const stale = new Set(store.keys());
    const toRender: { entry: IndexedEntry; job: RenderJob; digest: string }[] = [];
    let sampleJob: RenderJob | undefined;
    for (const { relativePath, path, bytesDigest, kind, result } of read) {
      if (kind !== options.kind) continue;
      if (result.status === 'skip') {
        if (result.warning) problems.push(result.warning);
        counts.skipped += 1;
        continue;
      }
      if (result.status === 'invalid') {
        problems.push(...result.problems);
        counts.invalid += 1;
        continue;
      }
      const entry = index.entries.get(relativePath);
      if (!entry) continue;
      // The path is part of the digest: two files with the same bytes are still two entries.
      const digest = context.generateDigest(`${settingsKey}\0${path}\0${bytesDigest}`);
      stale.delete(entry.id);
      const stored = store.get(entry.id);
      const { body, bodyLine } = result;
      const job: RenderJob = {
        sourcePath: relativePath,
        path,
        displayPath: entry.displayPath,
        body,
        bodyLine,
        summary: entry.metadata.summary,
        summaryWords: options.settings.summaryWords,
        lang: entry.metadata.lang,
      };
      sampleJob ??= job;
      // Unchanged, and its body still where the loader left it (a cleared cache renders it again).
      if (stored?.digest === digest && (finishedByAstro(stored) || (bodiesInFiles && existsSync(renderedHtmlFile(context.collection, digest, bodyStore, root))))) {
        counts.unchanged += 1;
        continue;
      }
      toRender.push({ entry, job, digest });
    }

    const writeLimit = pLimit(READ_CONCURRENCY);
    const writes: Promise<void>[] = [];
    // Each body is stored as soon as it and those before it are rendered, in the order of the
    // files, while the workers render the rest: holding all of them until the last was 400 MB of
    // this thread's heap at 10,000 posts, and storing them afterwards was seconds of its own.
    await renderJobs(context, toRender.map(({ job }) => job), links, async (position, rendered) => {
      const { entry, job, digest: sourceDigest } = toRender[position]!;
      // What rendering finds is links and images that lead nowhere: Pelican publishes the page and
      // warns, and so do we (a strict build fails). Such an entry is stored under a digest no
      // source has, so the next build renders it again and says so again.
      problems.push(...rendered.problems.map((problem): ContentProblem => ({ ...problem, severity: 'warning' })));
      const digest = rendered.problems.length > 0 ? `${sourceDigest}-warned` : sourceDigest;
      const parsed = await context.parseData({ id: entry.id, data: entryData(entry, rendered.summary, job.path), filePath: job.path });
      // No `body`: nothing reads the Markdown once it is rendered, and at 1,000 posts it was a third
      // of the data store Astro serializes after every edit in dev and bundles into the server.
      // The rendered body is kept in a file of its own (rendered-html.ts), for the same reason.
      const { imagePaths } = rendered.html.metadata;
      const filePath = relative(root, job.path).split(sep).join('/');
      if (imagePaths.length || !bodiesInFiles) {
        // In the store: Astro's contract, and where Astro optimizes the body's own images when a
        // page renders it.
        store.set({ id: entry.id, data: parsed, filePath, digest, rendered: rendered.html, assetImports: imagePaths });
      } else {
        writes.push(writeLimit(() => writeRenderedHtml(context.collection, digest, rendered.html.html, bodyStore, root)));
        // The HTML's own digest stays: pages' cache keys change when it does, source unchanged.
        const metadata = { ...rendered.html.metadata, bodyDigest: context.generateDigest(rendered.html.html) };
        store.set({ id: entry.id, data: parsed, filePath, digest, rendered: { ...rendered.html, html: '', metadata } });
      }
      counts.rendered += 1;
    });
    // In dev, when this thread has not rendered yet (nothing changed, or worker threads did it),
    // loads its renderer (Shiki, the plugins) and runs it once while the author reads: the first
    // edit waited for that (1,000 posts: 880 ms, against 400 for the next ones).
    if (context.watcher && !renderer && sampleJob) warmUp(context, sampleJob, links);
    await Promise.all(writes);
    for (const id of stale) store.delete(id);
    if (!context.watcher) reassertImages(store);
    // Not after an edit in dev: the pages read the store Astro last saved, which names the bodies
    // this sync replaced until it is saved again. They go at the dev server's next start.
    if (!changedFiles) await pruneRenderedHtml(context.collection, new Set(store.values().flatMap(({ digest }) => (typeof digest === 'string' ? [digest] : []))), bodyStore, root);
    context.logger.info(Object.entries(counts).map(([what, count]) => `${count} ${what}`).join(', '));
    return problems;
  }

  /** Renders a job with this thread's renderer and drops the result; an edit reports any failure. */
  function warmUp(context: LoaderContext, job: RenderJob, links: LinkIndex): void {
    markdownRenderer(context)
      .then((loaded) => renderBody(loaded, job, links))
      .catch(() => {});
  }

  /**
   * Renders the files that changed: on worker threads when there are many (a cold build), in this
   * thread when there are few (an edit in dev), where starting the workers would cost more than it
   * saves. Each result is handed to `take` in the order of the jobs, and then let go.
   */
  async function renderJobs(context: LoaderContext, jobs: RenderJob[], links: LinkIndex, take: (position: number, rendered: RenderedBody) => Promise<void>): Promise<void> {
    if (jobs.length >= POOL_THRESHOLD) {
      const pool = await startRenderPool(markdownOptions(context), links, options.markdown ? { markdown: options.markdown } : {}).catch((error: unknown) => {
        context.logger.warn(`rendering on one thread: the worker threads did not start (${String(error)})`);
        return undefined;
      });
      if (pool) {
        try {
          const pending: (Promise<RenderedBody> | undefined)[] = jobs.map((job) => pool.render(job));
          // A failure anywhere fails the sync at once, not when its turn comes (and without
          // holding every result, as `Promise.all` would).
          const failed = new Promise<never>((_, reject) => {
            for (const rendering of pending) rendering?.catch(reject);
          });
          for (let position = 0; position < pending.length; position++) {
            const rendered = await Promise.race([pending[position]!, failed]);
            pending[position] = undefined;
            await take(position, rendered);
          }
          return;
        } finally {
          await pool.close();
        }
      }
    }
    const renderer = await markdownRenderer(context);
    for (const [position, job] of jobs.entries()) await take(position, await renderBody(renderer, job, links));
  }

  /** What the collection's schema receives for an entry. */
  function entryData(entry: IndexedEntry, summary: string, path: string): Record<string, unknown> {
    const { headerCover, ...fields } = entry.metadata;
    const data: Record<string, unknown> = {
      ...fields,
      summary,
      sourcePath: entry.sourcePath,
      url: entry.url,
      translation: entry.isTranslation,
      translations: entry.translations,
    };
    // Astro resolves `image()` fields relative to the entry file; Pelican writes them from the content root.
    if (headerCover !== undefined) data['headerCover'] = relative(dirname(path), join(contentDir, headerCover)).split(sep).join('/');
    return data;
  }
}
