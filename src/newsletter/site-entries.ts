import { relative, resolve, sep } from 'node:path';
import type { EntrySettings } from '../config/entry-settings.ts';
import type { ContentLayout } from '../content/format/content-files.ts';
import { courseFiles } from '../content/format/course-header.ts';
import { checkHeaderFile } from '../content/loaders/header-files-loader.ts';
import { readContentFolder, readFolderEntry } from '../content/format/read-content-folder.ts';
import { buildSiteIndex, type IndexedEntry, type IndexInput } from '../content/model/site-index.ts';
import { expandUrlPattern } from '../lib/url-patterns.ts';
import type { CourseForLetter } from './letters.ts';

export interface SiteCourse extends Omit<CourseForLetter, 'calendar'> {
  slug: string;
  sourcePath: string;
  /** Problems of its header: a course that has them is not announced. */
  problems: string[];
}

/** The site's entries and courses, read from the content folder as the build reads them. */
export interface SiteEntries {
  /** Articles and pages, drafts included (to say so), by path from the content root. */
  entries: Map<string, IndexedEntry>;
  courses: SiteCourse[];
}

/** Reads the content folder's entries and courses, without Astro. */
export async function readSiteEntries(contentDir: string, settings: EntrySettings, layout: ContentLayout | undefined): Promise<SiteEntries> {
  const folder = await readContentFolder(contentDir, { layout, defaultLang: settings.defaultLang, yamlHeaders: settings.yamlHeaders ?? true });
  const inputs: IndexInput[] = [];
  const courses: SiteCourse[] = [];
  for (const source of folder.sources) {
    const { relativePath, role, file, text } = source;
    if (role === 'course') {
      const checked = checkHeaderFile(text, file, { ...courseFiles(settings.timeZone), contentDir });
      // As the schema reads it, defaults filled in; a course whose header fails has its problems.
      const data = (checked.parsed ?? checked.data) as Omit<SiteCourse, 'url' | 'sourcePath' | 'problems'>;
      courses.push({
        ...data,
        url: expandUrlPattern(settings.urls.course, { slug: data.slug }, settings.timeZone),
        sourcePath: relativePath,
        problems: checked.problems.map((problem) => `${problem.file}:${problem.line} ${problem.field ?? ''} ${problem.message}`.replace(/\s+/g, ' ')),
      });
      continue;
    }
    if (role !== 'article' && role !== 'page') continue;
    const result = readFolderEntry(folder, { ...source, role }, settings, 'skip');
    if (result.status !== 'ok') continue;
    inputs.push({ sourcePath: relativePath, displayPath: file, kind: role, metadata: result.metadata, slugLine: result.slugLine });
  }
  const { index } = buildSiteIndex(inputs, { urls: settings.urls, timeZone: settings.timeZone, defaultLang: settings.defaultLang, slugs: settings.slugs });
  return { entries: index.entries, courses };
}

/** Published articles, newest first. */
export function publishedPosts(site: SiteEntries): IndexedEntry[] {
  return [...site.entries.values()]
    .filter((entry) => entry.kind === 'article' && entry.metadata.status === 'published' && !entry.isTranslation && entry.metadata.date)
    .sort((a, b) => b.metadata.date!.getTime() - a.metadata.date!.getTime());
}

/**
 * The entry an operator named: a file path (from the working folder or the content folder) or a
 * slug. Says why when there is none, or when it cannot be sent (a draft, a hidden page).
 */
export function findEntry(site: SiteEntries, written: string, contentDir: string, cwd: string): { entry: IndexedEntry } | { problem: string } {
  // As a path from the content root: written from the working folder, or from the root itself.
  const paths = [relative(resolve(contentDir), resolve(cwd, written)), written].map((candidate) => candidate.split(sep).join('/'));
  const byPath = paths.filter((path) => !path.startsWith('..')).map((path) => site.entries.get(path)).find(Boolean);
  const entry = byPath ?? [...site.entries.values()].find((candidate) => candidate.metadata.slug === written && !candidate.isTranslation);
  if (!entry) return { problem: `${written}: no post or page with this path or slug in ${contentDir}` };
  if (entry.metadata.status !== 'published') return { problem: `${entry.displayPath} is ${entry.metadata.status === 'draft' ? 'a draft' : entry.metadata.status}: only published entries are sent` };
  return { entry };
}
