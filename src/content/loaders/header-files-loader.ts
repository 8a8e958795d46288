import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { contentRole, listContentFiles, type ContentLayout, type ContentRole } from '../format/content-files';
import { ContentError, displayPath, type ContentProblem } from '../format/content-error';
import { decodeSource, parsePelicanSource, type HeaderField } from '../format/pelican-header';
import { imageAsPath, type EntrySchema } from '../format/read-entry';
import { forgetOtherFolders } from './store-source';
import { intrasiteLinksIn } from '../format/intrasite-links';

/** A content file's header and body, for a collection to make its data from. */
export interface HeaderFile {
  displayPath: string;
  /** Fields by lower-cased key. */
  fields: Map<string, HeaderField>;
  body: string;
}

export interface HeaderFilesLoaderOptions {
  name: string;
  contentDir: string;
  /** Which files of the folder the collection takes (`authors/`, `training/`). */
  role: ContentRole;
  /** The folder's layout. Default: this project's. */
  layout?: ContentLayout;
  /** What one entry is, in messages: `author`, `course`. */
  noun: string;
  schema: EntrySchema;
  /** The data for the schema (with a `slug`, the entry's id), and problems only the file shows. */
  read: (file: HeaderFile) => { data: Record<string, unknown>; problems: ContentProblem[] };
  /** Data fields that hold an image path from the content root, e.g. `avatar`, `headerCover`. */
  imageFields?: readonly string[];
}


/** `registrationUrl` is written `registration_url` in a header. */
const headerKeyOf = (field: string) => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/**
 * A content loader for small collections written as Pelican-style header files, one entry per
 * file: reads each header, validates it against the schema before Astro does (so every problem
 * names its file, line and field), renders the body with the site's Markdown, and skips
 * unchanged files. Any problem fails the build, listing them all.
 */
export function headerFilesLoader(options: HeaderFilesLoaderOptions): Loader {
  const contentDir = resolve(options.contentDir);
  return {
    name: options.name,
    load: async (context) => {
      forgetOtherFolders(context, contentDir);
      const { store, parseData, renderMarkdown, config, generateDigest } = context;
      const root = fileURLToPath(config.root);
      const files = (await listContentFiles(contentDir)).filter((path) => contentRole(path, options.layout) === options.role);
      const problems: ContentProblem[] = [];
      const seen = new Set<string>();
      for (const relativePath of files) {
        const path = join(contentDir, relativePath);
        const display = displayPath(path);
        const bytes = await readFile(path);
        const text = decodeSource(bytes);
        if (text === undefined) {
          problems.push({ file: display, line: 1, message: 'is not a UTF-8 text file' });
          continue;
        }
        const { fields, body, data, problems: found } = checkHeaderFile(text, display, { ...options, contentDir });
        if (found.length > 0) {
          problems.push(...found);
          continue;
        }
        const id = String(data['slug']);
        if (seen.has(id)) {
          problems.push({ file: display, line: fields.get('slug')?.line ?? 1, message: `describes the ${options.noun} "${id}" a second time` });
          continue;
        }
        seen.add(id);
        // Astro resolves `image()` fields relative to the entry file; headers write them from the content root.
        for (const field of options.imageFields ?? []) {
          const image = data[field];
          if (typeof image === 'string') data[field] = relative(dirname(path), join(contentDir, image)).split(sep).join('/');
        }
        const digest = generateDigest(`${path}\0${bytes.toString('latin1')}`);
        if (store.get(id)?.digest === digest) continue;
        const rendered = await renderMarkdown(body, { fileURL: new URL(`file://${path}`) });
        const parsed = await parseData({ id, data, filePath: path });
        store.set({ id, data: parsed, body, filePath: relative(root, path).split(sep).join('/'), digest, rendered });
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      if (problems.length > 0) throw new ContentError(problems);
    },
  };
}

/**
 * Reads one header file and checks it as the loader does, without Astro: the collection's own
 * reading, the images it names, the schema. Every problem names its line and header key.
 */
export function checkHeaderFile(
  text: string,
  displayPath: string,
  options: Pick<HeaderFilesLoaderOptions, 'read' | 'schema' | 'imageFields'> & { contentDir: string },
): {
  fields: Map<string, HeaderField>;
  body: string;
  bodyLine: number;
  data: Record<string, unknown>;
  /** The data as the schema reads it (its defaults filled in), when it passes. */
  parsed: Record<string, unknown> | undefined;
  problems: ContentProblem[];
} {
  const { fields, body, bodyLine } = parsePelicanSource(text);
  const { data, problems } = options.read({ displayPath, fields, body });
  // These files are rendered without the site's link index: a `{filename}` link would reach readers as written.
  body.split('\n').forEach((line, index) => {
    for (const written of intrasiteLinksIn(line)) {
      problems.push({ file: displayPath, line: bodyLine + index, message: `${written} is an intrasite link, which works in posts and pages only: link to the page's URL instead (e.g. /posts/my-post/)` });
    }
  });
  for (const field of options.imageFields ?? []) {
    const image = data[field];
    if (typeof image === 'string' && !existsSync(join(options.contentDir, image))) {
      const key = headerKeyOf(field);
      problems.push({ file: displayPath, line: fields.get(key)?.line ?? 1, field: key, value: image, message: 'points to a file that does not exist in the content folder' });
      delete data[field];
    }
  }
  const shape = options.schema({ image: imageAsPath }).safeParse(data);
  if (!shape.success) {
    for (const issue of shape.error.issues) {
      const field = headerKeyOf(String(issue.path[0] ?? ''));
      problems.push({ file: displayPath, line: fields.get(field)?.line ?? 1, field, message: issue.message });
    }
  }
  return { fields, body, bodyLine, data, parsed: shape.success ? (shape.data as Record<string, unknown>) : undefined, problems };
}
