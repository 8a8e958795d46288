import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { contentRole, listContentFiles } from './content-files';
import { ContentError, formatProblem, type ContentProblem } from './content-error';
import type { EntryKind, MetadataSettings } from './pelican-metadata';
import { readEntry, type EntrySchema } from './read-entry';
import { truncateHtmlWords } from '../lib/truncate-html';

export interface PelicanLoaderOptions {
  /** Absolute path of the Pelican content folder. */
  contentDir: string;
  /** Which files of the folder this collection takes. */
  kind: EntryKind;
  /** The collection's schema, also used to report schema errors with their header line. */
  schema: EntrySchema;
  settings: MetadataSettings;
}

/** Pelican's SUMMARY_MAX_LENGTH: words of the body used when a post has no `Summary:`. */
const SUMMARY_WORDS = 50;
/** Bump when what the loader stores changes, so cached entries are rebuilt. */
const STORE_VERSION = '1';

/**
 * An Astro content loader for a Pelican content folder: reads the `Key: value` (or YAML) header of
 * every Markdown file of one kind, validates it, renders the body with the site's Markdown
 * processor, and skips files whose bytes and settings have not changed since the last build.
 * Every problem of every file is reported at once, then the build fails.
 */
export function pelicanLoader(options: PelicanLoaderOptions): Loader {
  const contentDir = resolve(options.contentDir);
  const role = options.kind === 'article' ? 'article' : 'page';
  return {
    name: `pelican-${options.kind}-loader`,
    load: async (context) => {
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
        if (!path.startsWith(contentDir + sep) || contentRole(toRelative(path)) !== role) return;
        report(await syncAll(context));
      });
    },
  };

  function toRelative(path: string): string {
    return relative(contentDir, path).split(sep).join('/');
  }

  async function syncAll(context: LoaderContext): Promise<ContentProblem[]> {
    const { store } = context;
    const root = fileURLToPath(context.config.root);
    const settingsKey = JSON.stringify([STORE_VERSION, options.settings]);
    const files = (await listContentFiles(contentDir)).filter((path) => contentRole(path) === role);
    const problems: ContentProblem[] = [];
    const fileOfId = new Map<string, string>();
    const displayPath = (path: string) => {
      const shown = relative(process.cwd(), path);
      return shown.startsWith('..') ? path : shown.split(sep).join('/');
    };
    const claim = (id: string, path: string, line = 1): boolean => {
      const other = fileOfId.get(id);
      if (other && other !== path) {
        problems.push({
          file: displayPath(path),
          line,
          message: `has the same URL (slug "${id}") as ${displayPath(other)}; give one of them another Slug:`,
        });
        return false;
      }
      fileOfId.set(id, path);
      return true;
    };
    const idsByFile = new Map<string, string>();
    for (const entry of store.values()) {
      if (entry.filePath) idsByFile.set(resolve(root, entry.filePath), entry.id);
    }
    const stale = new Set(store.keys());
    const counts = { rendered: 0, unchanged: 0, skipped: 0, invalid: 0 };

    for (const relativePath of files) {
      const path = join(contentDir, relativePath);
      const bytes = await readFile(path);
      // The path is part of the digest: two files with the same bytes are still two entries.
      const digest = context.generateDigest(`${settingsKey}\0${path}\0${bytes.toString('latin1')}`);
      const cachedId = idsByFile.get(path);
      const cached = cachedId === undefined ? undefined : store.get(cachedId);
      if (cached && cached.digest === digest) {
        if (claim(cached.id, path)) stale.delete(cached.id);
        counts.unchanged += 1;
        continue;
      }
      const result = readEntry(
        { bytes, relativePath, displayPath: displayPath(path), kind: options.kind },
        {
          settings: options.settings,
          schema: options.schema,
          fileExists: (target) => existsSync(join(contentDir, target)),
        },
      );
      if (result.status === 'skip') {
        counts.skipped += 1;
        continue;
      }
      if (result.status === 'invalid') {
        problems.push(...result.problems);
        counts.invalid += 1;
        continue;
      }
      const { metadata, body } = result;
      const id = metadata.translation ? `${metadata.slug}-${metadata.lang}` : metadata.slug;
      if (!claim(id, path, result.slugLine)) continue;
      counts.rendered += 1;
      const fileURL = pathToFileURL(path);
      // Astro's renderer strips front matter again: keep a body that opens with a `---` rule intact.
      const html = await context.renderMarkdown(body.startsWith('---') ? `\n${body}` : body, { fileURL });
      const summary =
        metadata.summary === undefined
          ? truncateHtmlWords(html.html, SUMMARY_WORDS)
          : (await context.renderMarkdown(metadata.summary, { fileURL })).html;
      const { headerCover, ...fields } = metadata;
      const data: Record<string, unknown> = { ...fields, summary, sourcePath: relativePath };
      // Astro resolves `image()` fields relative to the entry file; Pelican writes them from the content root.
      if (headerCover !== undefined) data['headerCover'] = relative(dirname(path), join(contentDir, headerCover)).split(sep).join('/');
      const parsed = await context.parseData({ id, data, filePath: path });
      stale.delete(id);
      const entry = {
        id,
        data: parsed,
        body,
        filePath: relative(root, path).split(sep).join('/'),
        digest,
        rendered: html,
      };
      const imagePaths = html.metadata?.imagePaths;
      store.set(imagePaths?.length ? { ...entry, assetImports: imagePaths } : entry);
    }
    for (const id of stale) store.delete(id);
    context.logger.info(Object.entries(counts).map(([what, count]) => `${count} ${what}`).join(', '));
    return problems;
  }
}
