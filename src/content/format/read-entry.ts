import { z } from 'astro/zod';
import type { ImageFunction, SchemaContext } from 'astro/content/config';
import { decodeSource, parsePelicanSource, type ParsedSource } from './pelican-header';
import {
  HEADER_KEY_OF_FIELD,
  missingRequiredField,
  readEntryMetadata,
  type EntryKind,
  type EntryMetadata,
  type MetadataSettings,
} from './pelican-metadata';
import type { ContentProblem } from './content-error';

/** A collection schema as `content.config.ts` declares it. */
export type EntrySchema = (context: SchemaContext) => z.ZodObject;

export interface EntrySource {
  bytes: Uint8Array;
  /** Path from the content root, `/` separators. */
  relativePath: string;
  /** Path as shown in messages. */
  displayPath: string;
  kind: EntryKind;
  /**
   * The file as a reader other than Markdown's read it (`.rst`, `.html`): fields and an HTML body
   * made ready for the renderer. Default: the bytes are read as a Pelican Markdown file.
   */
  parsed?: ParsedSource;
}

export interface ReadEntryOptions {
  settings: MetadataSettings;
  /** The schema of the file's collection. */
  schema: EntrySchema;
  /** Whether a path relative to the content root names an existing file. */
  fileExists: (relativePath: string) => boolean;
  /** When git last committed a change to the file; stands in for a `Modified:` the header lacks. */
  lastCommitted?: Date | undefined;
  /** The file's modification time, for Pelican's `DEFAULT_DATE = 'fs'`. */
  fileModified?: Date | undefined;
  /**
   * What to do with an entry without a title (or an article without a date): `error` (this
   * project's sites), or `skip` it with a warning, as Pelican does. Default: `error`.
   */
  incomplete?: 'error' | 'skip';
}

export type ReadEntryResult =
  /** `Status: skip`, or an entry Pelican would not publish (`warning` says why). */
  | { status: 'skip'; warning?: ContentProblem }
  | { status: 'invalid'; problems: ContentProblem[] }
  | {
      status: 'ok';
      metadata: EntryMetadata & { title: string };
      body: string;
      bodyLine: number;
      /** Line of the `Slug:` (else `Title:`) field, where a duplicate URL is reported. */
      slugLine: number;
    };

/**
 * An `image()` that takes the path as written: checks the shape of the data before Astro resolves
 * images, so a schema error can name its line.
 */
export const imageAsPath = (() => z.string()) as unknown as ImageFunction;

/**
 * Reads one content file into metadata and body, or every problem it has, each naming file, line,
 * field and value. Files with `Status: skip` are ignored entirely, as Pelican does.
 */
export function readEntry(source: EntrySource, options: ReadEntryOptions): ReadEntryResult {
  const problem = (line: number, message: string, field?: string, value?: string): ContentProblem => {
    const located: ContentProblem = { file: source.displayPath, line, message };
    if (field !== undefined) located.field = field;
    if (value !== undefined) located.value = value;
    return located;
  };
  const parsed = source.parsed ?? readMarkdownSource(source.bytes, options.settings.yamlHeaders ?? true);
  if (!('fields' in parsed)) return { status: 'invalid', problems: [problem(1, parsed.unreadable)] };
  // A file its reader cannot read (an `.rst` using a plugin's directive): Pelican logs it and
  // publishes the rest.
  if (options.incomplete === 'skip' && parsed.problems.length > 0) {
    const [first] = parsed.problems;
    return { status: 'skip', warning: { ...problem(first?.line ?? 1, `is not published: it ${first?.message ?? 'cannot be read'}; Pelican skips it too`), severity: 'warning' } };
  }
  const { metadata, problems: fieldProblems } = readEntryMetadata(parsed, source.relativePath, options.settings, options.fileModified);
  if (metadata.status === 'skip') return { status: 'skip' };
  // A file its reader could not read says why, not that it lacks a title.
  if (options.incomplete === 'skip' && parsed.problems.length === 0) {
    const missing = missingRequiredField(metadata, source.kind);
    if (missing) {
      const warning = problem(1, `is not published: it has no ${missing}, and Pelican skips such a file (add a "${missing === 'title' ? 'Title' : 'Date'}:" line)`);
      return { status: 'skip', warning: { ...warning, severity: 'warning' } };
    }
  }
  // "Updated on" stays true without authors remembering: the last commit that changed the file.
  const committed = options.lastCommitted;
  if (!parsed.fields.has('modified') && committed && metadata.date && committed > metadata.date) metadata.modified = committed;

  const problems = [
    ...parsed.problems.map((p) => problem(p.line, p.message)),
    ...fieldProblems.map((p) => problem(p.line, p.message, p.field, p.value)),
  ];
  const cover = metadata.headerCover;
  if (cover !== undefined && !options.fileExists(cover)) {
    const field = parsed.fields.get('header_cover');
    problems.push(
      problem(field?.line ?? 1, `points to ${cover} in the content folder, which does not exist`, 'header_cover', cover),
    );
  }
  const reported = new Set(problems.map((p) => p.field));
  // A missing or bad date also leaves `modified`, which defaults to it, empty: report the cause only.
  if (metadata.date === undefined) reported.add('modified');
  // The URL comes from the site index, which needs every file: a placeholder passes the check here.
  const shape = options.schema({ image: imageAsPath }).safeParse({ ...metadata, sourcePath: source.relativePath, url: '/' });
  if (!shape.success) {
    for (const issue of shape.error.issues) {
      const name = String(issue.path[0] ?? '');
      const located = headerFieldOf(parsed, name);
      const field = located?.key.toLowerCase() ?? toHeaderKey(name);
      if (reported.has(field)) continue;
      reported.add(field);
      problems.push(problem(located?.line ?? 1, issue.message, field, located?.values.join(' ')));
    }
  }
  if (problems.length > 0) return { status: 'invalid', problems };
  return {
    status: 'ok',
    metadata: metadata as EntryMetadata & { title: string },
    body: parsed.body,
    bodyLine: parsed.bodyLine,
    slugLine: (parsed.fields.get('slug') ?? parsed.fields.get('title'))?.line ?? 1,
  };
}

/** A Markdown file's header and body, or why it has none. */
function readMarkdownSource(bytes: Uint8Array, yaml: boolean): ParsedSource | { unreadable: string } {
  const text = decodeSource(bytes);
  if (text === undefined) return { unreadable: 'is not a UTF-8 text file (is it an image or a document saved as .md?)' };
  if (text.trim() === '') return { unreadable: 'is empty (a post starts with a header such as "Title: My post")' };
  return parsePelicanSource(text, { yaml });
}

function toHeaderKey(field: string): string {
  return HEADER_KEY_OF_FIELD[field]?.[0] ?? field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

function headerFieldOf(parsed: ParsedSource, field: string) {
  const keys = HEADER_KEY_OF_FIELD[field] ?? [toHeaderKey(field)];
  for (const key of keys) {
    const found = parsed.fields.get(key);
    if (found) return found;
  }
  return undefined;
}
