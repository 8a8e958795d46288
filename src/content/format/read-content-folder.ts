import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { displayPath } from './content-error';
import { contentRole, listContentFiles, readerOf, type ContentLayout, type ContentRole } from './content-files';
import { decodeSource, parsePelicanSource, type ParsedSource } from './pelican-header';
import type { MetadataSettings } from './pelican-metadata';
import { readEntry, type ReadEntryResult } from './read-entry';
import { parseHtmlEntry } from './readers/html-reader';
import { articleSchema } from '../schemas/article';
import { pageSchema } from '../schemas/page';
import { parsedFromRst, readRstFiles, RstUnavailableError } from './readers/rst-reader';

/** One source file of the folder (a post, page, course or author), decoded and its header read. */
export interface FolderSource {
  relativePath: string;
  /** The path as messages name it (`content/posts/a.md`). */
  file: string;
  role: Exclude<ContentRole, 'static' | 'none'>;
  bytes: Buffer;
  text: string;
  lines: string[];
  parsed: ParsedSource;
  /** What a reader of its own (`.rst` through docutils, Pelican's `.html`) made of it. */
  own: ParsedSource | undefined;
}

export interface ContentFolder {
  contentDir: string;
  files: string[];
  staticFiles: Set<string>;
  sources: FolderSource[];
  /** Sources that are not UTF-8 text, as messages name them. */
  undecodable: string[];
  /** `.rst` sources left unread because docutils is not installed. */
  needDocutils: string[];
}

/**
 * Reads a content folder as the build does, outside Astro: every source decoded and its header
 * parsed (`.rst` files by docutils, all at once). What the files say is judged by the callers:
 * `npm run check` and the newsletter's commands.
 */
export async function readContentFolder(
  contentDir: string,
  { layout, defaultLang, yamlHeaders }: { layout?: ContentLayout | undefined; defaultLang: string; yamlHeaders: boolean },
): Promise<ContentFolder> {
  const files = await listContentFiles(contentDir);
  const staticFiles = new Set(files.filter((path) => contentRole(path, layout) === 'static'));
  const folder: ContentFolder = { contentDir, files, staticFiles, sources: [], undecodable: [], needDocutils: [] };
  const rstFiles = files.filter((path) => ['article', 'page'].includes(contentRole(path, layout)) && readerOf(path, layout) === 'rst');
  const rst = new Map<string, ParsedSource>();
  try {
    const reads = await readRstFiles(rstFiles.map((path) => join(contentDir, path)), { lang: defaultLang });
    rstFiles.forEach((path, position) => rst.set(path, parsedFromRst(reads[position] ?? { path, error: 'docutils returned nothing' })));
  } catch (error) {
    if (!(error instanceof RstUnavailableError)) throw error;
    folder.needDocutils.push(...rstFiles.map((path) => displayPath(join(contentDir, path))));
  }
  for (const relativePath of files) {
    const role = contentRole(relativePath, layout);
    if (role === 'static' || role === 'none') continue;
    const path = join(contentDir, relativePath);
    const file = displayPath(path);
    const bytes = await readFile(path);
    const text = decodeSource(bytes);
    if (text === undefined) {
      folder.undecodable.push(file);
      continue;
    }
    const reader = readerOf(relativePath, layout);
    if (reader === 'rst' && !rst.has(relativePath)) continue;
    const own = reader === 'rst' ? rst.get(relativePath) : reader === 'html' ? parseHtmlEntry(text) : undefined;
    const parsed = own ?? parsePelicanSource(text, { yaml: yamlHeaders });
    folder.sources.push({ relativePath, file, role, bytes, text, lines: text.split('\n'), parsed, own });
  }
  return folder;
}

/**
 * An article or page of a folder read as the build reads it (its schema, its header cover and
 * `{static}` targets looked for among the folder's files), for `npm run check` and the newsletter.
 */
export function readFolderEntry(
  folder: ContentFolder,
  source: FolderSource & { role: 'article' | 'page' },
  settings: MetadataSettings,
  incomplete: 'error' | 'skip',
): ReadEntryResult {
  const { bytes, relativePath, file, role, own } = source;
  return readEntry(
    { bytes, relativePath, displayPath: file, kind: role, ...(own ? { parsed: own } : {}) },
    {
      settings,
      schema: role === 'page' ? pageSchema : articleSchema,
      fileExists: (target) => folder.staticFiles.has(target) || existsSync(join(folder.contentDir, target)),
      incomplete,
    },
  );
}
