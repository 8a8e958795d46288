import { resolve } from 'node:path';
import type { Loader } from 'astro/loaders';
import type { ContentLayout } from '../format/content-files';
import type { ContentProblem } from '../format/content-error';
import { headerFilesLoader, type HeaderFile } from './header-files-loader';
import { splitList } from '../format/pelican-metadata';
import type { EntrySchema } from '../format/read-entry';
import { slugify } from '../../lib/slugify';

/**
 * Loads author profiles from `authors/*.md` of the content folder: `Name:`, optional `Slug:`,
 * `Avatar:` (path from the content folder), `Summary:` and `Links:` (URLs split like tags), and a
 * Markdown bio. A file with mistakes fails the build naming file, line and field.
 */
export function authorsLoader(options: { contentDir: string; layout?: ContentLayout; schema: EntrySchema }): Loader {
  return headerFilesLoader({
    name: 'pelican-authors-loader',
    contentDir: resolve(options.contentDir),
    ...(options.layout ? { layout: options.layout } : {}),
    schema: options.schema,
    ...AUTHOR_FILES,
  });
}

/** How author profiles are read, for the loader and for `npm run check`. */
export const AUTHOR_FILES = {
  role: 'author',
  noun: 'author',
  imageFields: ['avatar'],
  read: readAuthorHeader,
} as const;

/** The keys an author profile's header may have. */
export const AUTHOR_KEYS = new Set(['name', 'title', 'slug', 'avatar', 'summary', 'links']);

/** An author profile's header as data for the author schema. */
export function readAuthorHeader({ fields }: Pick<HeaderFile, 'fields'>): { data: Record<string, unknown>; problems: ContentProblem[] } {
  const value = (key: string) => fields.get(key)?.values.join(' ').trim() || undefined;
  const name = value('name') ?? value('title');
  const avatar = value('avatar')?.replace(/^\/+/, '');
  const data: Record<string, unknown> = {
    slug: value('slug') ?? slugify(name ?? ''),
    summary: value('summary') ?? '',
    links: splitList(fields.get('links')?.values ?? []),
  };
  if (name) data['name'] = name;
  if (avatar) data['avatar'] = avatar;
  return { data, problems: [] };
}
