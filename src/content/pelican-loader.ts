import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroMarkdownOptions, MarkdownRenderer } from '@astrojs/markdown-remark';
import type { Loader, LoaderContext } from 'astro/loaders';
import pLimit from 'p-limit';
import { contentRole, listContentFiles } from './content-files';
import { ContentError, displayPath, formatProblem, type ContentProblem } from './content-error';
import type { IntrasiteContext } from './intrasite-links';
import type { EntryKind, MetadataSettings } from './pelican-metadata';
import { readEntry, type EntrySchema } from './read-entry';
import { buildSiteIndex, type IndexedEntry, type IndexInput, type SiteIndex } from './site-index';
import { forgetOtherFolders } from './store-source';
import { renderContextOption } from '../markdown/render-context';
import { slugify } from '../lib/slugify';
import { summaryBeforeMarker, truncateHtmlWords } from '../lib/truncate-html';
import { expandUrlPattern, type UrlPatterns } from '../lib/url-patterns';

/** One content file as read and checked, before rendering. */
interface FileRead {
  relativePath: string;
  path: string;
  /** Digest of the file's bytes. */
  bytesDigest: string;
  kind: EntryKind;
  result: ReturnType<typeof readEntry>;
}

export interface PelicanLoaderOptions {
  /** Absolute path of the Pelican content folder. */
  contentDir: string;
  /** Which files of the folder this collection takes. */
  kind: EntryKind;
  /** Every collection's schema: links between collections need every file read. */
  schemas: Record<EntryKind, EntrySchema>;
  settings: MetadataSettings & { urls: UrlPatterns };
}

/** Pelican's SUMMARY_MAX_LENGTH: words of the body used when a post has no `Summary:`. */
const SUMMARY_WORDS = 50;
/** Files read at once: enough to keep the disk busy, far below the open-files limit at 10,000 posts. */
const READ_CONCURRENCY = 64;
/** Bump when what the loader stores changes, so cached entries are rebuilt. */
const STORE_VERSION = '2';

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
  /**
   * What each file read to last time, by path, with its modification time and size: in dev every
   * edit resyncs the folder, and re-reading and re-validating 1,000 unchanged files per keystroke
   * is what made an edit slow to show.
   */
  const readCache = new Map<string, { mtimeMs: number; size: number; read: FileRead }>();

  return {
    name: `pelican-${options.kind}-loader`,
    load: async (context) => {
      forgetOtherFolders(context, contentDir);
      const problems = await syncAll(context);
      const { watcher } = context;
      // A build stops on any problem; the dev server keeps serving and reports each one, so
      // the author can fix the file and see the result without restarting.
      if (!watcher) {
        if (problems.length > 0) throw new ContentError(problems);
        return;
      }
      const report = (found: ContentProblem[]) => found.forEach((problem) => context.logger.error(formatProblem(problem)));
      report(problems);
      // An edit resyncs everything: unchanged files cost one digest each.
      watcher.add(contentDir);
      watcher.on('all', async (_event, path) => {
        if (!path.startsWith(contentDir + sep)) return;
        const changed = contentRole(toRelative(path));
        // A header cover that appeared or vanished changes what its post's header means.
        if (changed === 'static') readCache.clear();
        if (changed === 'article' || changed === 'page' || changed === 'static') report(await syncAll(context));
      });
    },
  };

  function toRelative(path: string): string {
    return relative(contentDir, path).split(sep).join('/');
  }

  /** The site's configured Markdown processor, called with a per-file render context. */
  function markdownRenderer({ config }: LoaderContext): Promise<MarkdownRenderer> {
    const { markdown, image } = config;
    // The same options Astro's own content layer passes; its resolved config types are looser.
    renderer ??= markdown.processor.createRenderer({
      image,
      syntaxHighlight: markdown.syntaxHighlight,
      shikiConfig: markdown.shikiConfig,
      gfm: markdown.gfm,
      smartypants: markdown.smartypants,
    } as AstroMarkdownOptions);
    return renderer;
  }

  async function syncAll(context: LoaderContext): Promise<ContentProblem[]> {
    const { store } = context;
    const root = fileURLToPath(context.config.root);
    const allFiles = await listContentFiles(contentDir);
    const staticFiles = new Set(allFiles.filter((path) => contentRole(path) === 'static'));
    const sources = allFiles.filter((path) => ['article', 'page'].includes(contentRole(path)));

    const problems: ContentProblem[] = [];
    const counts = { rendered: 0, unchanged: 0, skipped: 0, invalid: 0 };
    const limit = pLimit(READ_CONCURRENCY);
    const readOne = async (relativePath: string): Promise<FileRead> => {
      const path = join(contentDir, relativePath);
      const { mtimeMs, size } = await stat(path);
      const cached = readCache.get(path);
      // Only clean reads are reused; the watcher drops them all when an image comes or goes.
      if (cached && cached.mtimeMs === mtimeMs && cached.size === size && cached.read.result.status === 'ok') return cached.read;
      const bytes = await readFile(path);
      const kind: EntryKind = contentRole(relativePath) === 'page' ? 'page' : 'article';
      const result = readEntry(
        { bytes, relativePath, displayPath: displayPath(path), kind },
        {
          settings: options.settings,
          schema: options.schemas[kind],
          fileExists: (target) => staticFiles.has(target) || existsSync(join(contentDir, target)),
        },
      );
      const read: FileRead = { relativePath, path, bytesDigest: context.generateDigest(bytes.toString('latin1')), kind, result };
      readCache.set(path, { mtimeMs, size, read });
      return read;
    };
    const read = await Promise.all(sources.map((relativePath) => limit(() => readOne(relativePath))));
    const inputs: IndexInput[] = [];
    for (const { relativePath, path, kind, result } of read) {
      if (result.status !== 'ok') continue;
      inputs.push({ sourcePath: relativePath, displayPath: displayPath(path), kind, metadata: result.metadata, slugLine: result.slugLine });
    }
    const { index, problems: indexProblems } = buildSiteIndex(inputs, {
      urls: options.settings.urls,
      timeZone: options.settings.timeZone,
      defaultLang: options.settings.defaultLang,
    });
    const mine = new Set(read.filter((file) => file.kind === options.kind).map((file) => displayPath(file.path)));
    problems.push(...indexProblems.filter((problem) => mine.has(problem.file)));

    const settingsKey = JSON.stringify([STORE_VERSION, options.settings, index.fingerprint]);
    const stale = new Set(store.keys());
    for (const { relativePath, path, bytesDigest, kind, result } of read) {
      if (kind !== options.kind) continue;
      if (result.status === 'skip') {
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
      if (store.get(entry.id)?.digest === digest) {
        counts.unchanged += 1;
        continue;
      }
      const rendered = await renderEntry(context, entry, result.body, result.bodyLine, path, index, staticFiles);
      if (rendered.problems.length > 0) {
        problems.push(...rendered.problems);
        store.delete(entry.id);
        counts.invalid += 1;
        continue;
      }
      const parsed = await context.parseData({ id: entry.id, data: rendered.data, filePath: path });
      const stored = {
        id: entry.id,
        data: parsed,
        body: result.body,
        filePath: relative(root, path).split(sep).join('/'),
        digest,
        rendered: rendered.html,
      };
      const imagePaths = rendered.html.metadata?.imagePaths;
      store.set(imagePaths?.length ? { ...stored, assetImports: imagePaths } : stored);
      counts.rendered += 1;
    }
    for (const id of stale) store.delete(id);
    context.logger.info(Object.entries(counts).map(([what, count]) => `${count} ${what}`).join(', '));
    return problems;
  }

  async function renderEntry(
    context: LoaderContext,
    entry: IndexedEntry,
    body: string,
    bodyLine: number,
    path: string,
    index: SiteIndex,
    staticFiles: ReadonlySet<string>,
  ) {
    const problems: ContentProblem[] = [];
    const links = intrasiteContext(entry.sourcePath, index, staticFiles);
    const render = await markdownRenderer(context);
    const fileURL = pathToFileURL(path);
    const renderAt = async (markdown: string, firstLine: number) => {
      const frontmatter = renderContextOption({
        links,
        report: (message, line) =>
          problems.push({ file: entry.displayPath, line: line === undefined ? firstLine : firstLine + line - 1, message }),
      });
      const { code, metadata } = await render.render(markdown, { fileURL, frontmatter });
      // The render context holds functions: it must not reach the data store.
      const imagePaths = [...metadata.localImagePaths, ...metadata.remoteImagePaths];
      return { html: code, metadata: { ...metadata, frontmatter: {}, imagePaths } };
    };
    const html = await renderAt(body, bodyLine);
    const { metadata } = entry;
    const summary =
      metadata.summary === undefined
        ? (summaryBeforeMarker(html.html) ?? truncateHtmlWords(html.html, SUMMARY_WORDS))
        : (await renderAt(metadata.summary, 1)).html;
    const { headerCover, ...fields } = metadata;
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
    return { html, data, problems };
  }

  function intrasiteContext(sourcePath: string, index: SiteIndex, staticFiles: ReadonlySet<string>): IntrasiteContext {
    const { urls, timeZone } = options.settings;
    return {
      sourcePath,
      contentLabel: displayPath(contentDir),
      urlOfSource: (path) => {
        const found = index.entries.get(path);
        if (found) return found.url;
        return ['article', 'page'].includes(contentRole(path)) && existsSync(join(contentDir, path)) ? null : undefined;
      },
      staticExists: (path) => staticFiles.has(path),
      termUrl: (kind, name) => {
        const slug = slugify(name);
        return index.terms[kind].has(slug) ? expandUrlPattern(urls[kind], { slug }, timeZone) : undefined;
      },
      indexUrl: '/',
    };
  }
}
