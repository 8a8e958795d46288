import { join } from 'node:path';
import type { AstroMarkdownOptions } from '@astrojs/markdown-remark';
import { AUTHOR_FILES, AUTHOR_KEYS } from '../content/loaders/authors-loader';
import type { ContentLayout } from '../content/format/content-files';
import { displayPath, type ContentProblem } from '../content/format/content-error';
import { courseFiles } from '../content/format/course-header';
import { checkHeaderFile } from '../content/loaders/header-files-loader';
import { linkIndexOf } from '../content/model/link-index';
import { KNOWN_KEYS, splitList, type MetadataSettings } from '../content/format/pelican-metadata';
import { readContentFolder, readFolderEntry } from '../content/format/read-content-folder';
import { renderBody } from '../content/model/render-body';
import { authorSchema } from '../content/schemas/author';
import { buildSiteIndex, type IndexInput } from '../content/model/site-index';
import type { UrlPatterns } from '../lib/url-patterns';
import { markdownProcessorFor, PROJECT_MARKDOWN, rendererDefaults, shikiConfig, type MarkdownSettings } from '../markdown/pipeline';
import type { Diagnostic } from './diagnostic';
import { entryDiagnostics } from './entry-checks';
import { mojibakeDiagnostics, unknownKeyDiagnostics } from './header-checks';
import { renderedDiagnostics, type RenderedEntry } from './rendered-checks';
import { tagSpellingDiagnostics, type TagUse } from './tag-spelling';

export interface LintOptions {
  contentDir: string;
  settings: MetadataSettings & { urls: UrlPatterns; summaryWords?: number | null };
  /** Where the folder's entries and static files are. Default: this project's layout. */
  layout?: ContentLayout;
  /** The site's Markdown settings. Default: this project's. */
  markdown?: MarkdownSettings;
  /** Entries Pelican would not publish (no title, no date): an `error`, or a warning, as the build says. Default: `error`. */
  incomplete?: 'error' | 'skip';
  /** "Today", for future dates and old drafts. */
  now: Date;
}

/** Keys Pelican and its themes read besides ours: not typos. */
const ARTICLE_KEYS = new Set([...KNOWN_KEYS, 'og_image', 'twitter_image', 'save_as', 'url', 'template', 'keywords', 'description']);

/** A content problem (the build's own checks) as a diagnostic. */
const fromProblem = (problem: ContentProblem, rule: string): Diagnostic => ({
  file: problem.file,
  line: problem.line,
  column: 1,
  severity: 'error',
  rule,
  message: problem.field ? `${problem.field}${problem.value === undefined ? '' : ` "${problem.value}"`} ${problem.message}` : problem.message,
});

/**
 * Everything `npm run check` says about a content folder: what would stop the build (header and
 * schema errors, duplicate URLs, broken links and images, links to missing headings), and what
 * readers would notice (mis-encoded text, images without alt text, tags spelled two ways, typos in
 * header keys, scheduled posts, forgotten drafts, over-long summaries).
 */
export async function lintContent({ contentDir, settings, layout, markdown = PROJECT_MARKDOWN, incomplete = 'error', now }: LintOptions): Promise<Diagnostic[]> {
  const folder = await readContentFolder(contentDir, { layout, defaultLang: settings.defaultLang, yamlHeaders: settings.yamlHeaders ?? true });
  const { staticFiles } = folder;
  const diagnostics: Diagnostic[] = [];
  const inputs: IndexInput[] = [];
  const sources = new Map<string, { lines: string[]; body: string; bodyLine: number; summary: string | undefined }>();
  const tagUses: TagUse[] = [];
  for (const file of folder.undecodable) diagnostics.push({ file, line: 1, column: 1, severity: 'error', rule: 'encoding', message: 'is not a UTF-8 text file' });
  for (const file of folder.needDocutils) diagnostics.push({ file, line: 1, column: 1, severity: 'error', rule: 'schema', message: 'needs docutils to be read (apt-get install python3-docutils, or pip install docutils)' });

  for (const source of folder.sources) {
    const { relativePath, role, file, text, lines, parsed } = source;
    diagnostics.push(...mojibakeDiagnostics(file, lines, parsed.fields, parsed.bodyLine));

    if (role === 'course' || role === 'author') {
      const options = role === 'course' ? courseFiles(settings.timeZone) : { ...AUTHOR_FILES, schema: authorSchema };
      const checked = checkHeaderFile(text, file, { ...options, contentDir });
      diagnostics.push(...checked.problems.map((problem) => fromProblem(problem, 'schema')));
      if (role === 'author') diagnostics.push(...unknownKeyDiagnostics(file, parsed.fields, AUTHOR_KEYS));
      continue;
    }
    diagnostics.push(...unknownKeyDiagnostics(file, parsed.fields, ARTICLE_KEYS));
    const kind = role === 'page' ? 'page' : 'article';
    const result = readFolderEntry(folder, { ...source, role: kind }, settings, incomplete);
    if (result.status === 'skip') {
      if (result.warning) diagnostics.push({ ...fromProblem(result.warning, 'unpublished'), severity: 'warning' });
      continue;
    }
    if (result.status === 'invalid') {
      diagnostics.push(...result.problems.map((problem) => fromProblem(problem, 'schema')));
      continue;
    }
    const { metadata } = result;
    const lineOf = (key: string) => parsed.fields.get(key)?.line ?? 1;
    diagnostics.push(...entryDiagnostics({ file, lineOf }, metadata, now, settings.timeZone));
    const tagsField = parsed.fields.get('tags');
    if (tagsField) {
      for (const tag of splitList(tagsField.values)) tagUses.push({ file, line: tagsField.line, tag, lineText: lines[tagsField.line - 1] ?? '' });
    }
    inputs.push({ sourcePath: relativePath, displayPath: file, kind, metadata, slugLine: result.slugLine });
    sources.set(relativePath, { lines, body: result.body, bodyLine: result.bodyLine, summary: metadata.summary });
  }
  diagnostics.push(...tagSpellingDiagnostics(tagUses));

  const { index, problems } = buildSiteIndex(inputs, { urls: settings.urls, timeZone: settings.timeZone, defaultLang: settings.defaultLang, slugs: settings.slugs });
  diagnostics.push(...problems.map((problem) => fromProblem(problem, 'duplicate-url')));

  // Rendered as the build renders them: links resolved, images looked for, headings given ids.
  const links = linkIndexOf(index, staticFiles, { contentDir, contentLabel: displayPath(contentDir), urlPatterns: settings.urls, timeZone: settings.timeZone, ...(layout ? { layout } : {}), slugs: settings.slugs });
  const renderer = await markdownProcessorFor(markdown).createRenderer({ ...rendererDefaults, gfm: markdown.dialect === 'project', shikiConfig } as AstroMarkdownOptions);
  const rendered: RenderedEntry[] = [];
  for (const entry of index.entries.values()) {
    const source = sources.get(entry.sourcePath)!;
    const path = join(contentDir, entry.sourcePath);
    const { html, problems: found } = await renderBody(renderer, { sourcePath: entry.sourcePath, path, displayPath: entry.displayPath, body: source.body, bodyLine: source.bodyLine, summary: source.summary }, links);
    diagnostics.push(...found.map((problem) => fromProblem(problem, 'broken-link')));
    rendered.push({ file: entry.displayPath, url: entry.url, html: html.html, lines: source.lines, bodyLine: source.bodyLine });
  }
  diagnostics.push(...renderedDiagnostics(rendered));
  return diagnostics;
}
