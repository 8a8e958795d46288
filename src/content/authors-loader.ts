import { resolve } from 'node:path';
import type { Loader } from 'astro/loaders';
import { headerFilesLoader } from './header-files-loader';
import { splitList } from './pelican-metadata';
import type { EntrySchema } from './read-entry';
import { slugify } from '../lib/slugify';

/**
 * Loads author profiles from `authors/*.md` of the content folder: `Name:`, optional `Slug:`,
 * `Avatar:` (path from the content folder), `Summary:` and `Links:` (URLs split like tags), and a
 * Markdown bio. A file with mistakes fails the build naming file, line and field.
 */
export function authorsLoader(options: { contentDir: string; schema: EntrySchema }): Loader {
  const contentDir = resolve(options.contentDir);
  return headerFilesLoader({
    name: 'pelican-authors-loader',
    contentDir,
    role: 'author',
    noun: 'author',
    schema: options.schema,
    imageFields: ['avatar'],
    read: ({ fields }) => {
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
    },
  });
}
