import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { contentRole, listContentFiles } from './content-files';
import { ContentError, displayPath, type ContentProblem } from './content-error';
import { decodeSource, parsePelicanSource } from './pelican-header';
import { splitList } from './pelican-metadata';
import { imageAsPath, type EntrySchema } from './read-entry';
import { slugify } from '../lib/slugify';
import { forgetOtherFolders } from './store-source';

/**
 * Loads author profiles from `authors/*.md` of the content folder: `Name:`, optional `Slug:`,
 * `Avatar:` (path from the content folder), `Summary:` and `Links:` (URLs split like tags), and a
 * Markdown bio. A file with mistakes fails the build naming file, line and field.
 */
export function authorsLoader(options: { contentDir: string; schema: EntrySchema }): Loader {
  const contentDir = resolve(options.contentDir);
  return {
    name: 'pelican-authors-loader',
    load: async (context) => {
      forgetOtherFolders(context, contentDir);
      const { store, parseData, renderMarkdown, config, generateDigest } = context;
      const root = fileURLToPath(config.root);
      const files = (await listContentFiles(contentDir)).filter((path) => contentRole(path) === 'author');
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
        const { fields, body } = parsePelicanSource(text);
        const value = (key: string) => fields.get(key)?.values.join(' ').trim() || undefined;
        const name = value('name') ?? value('title');
        const avatar = value('avatar')?.replace(/^\/+/, '');
        const data: Record<string, unknown> = {
          slug: value('slug') ?? slugify(name ?? ''),
          summary: value('summary') ?? '',
          links: splitList(fields.get('links')?.values ?? []),
        };
        if (name) data['name'] = name;
        if (avatar && !existsSync(join(contentDir, avatar))) {
          problems.push({ file: display, line: fields.get('avatar')?.line ?? 1, field: 'avatar', value: avatar, message: 'points to a file that does not exist in the content folder' });
          continue;
        }
        const shape = options.schema({ image: imageAsPath }).safeParse({ ...data, ...(avatar ? { avatar } : {}) });
        if (!shape.success) {
          for (const issue of shape.error.issues) {
            const field = String(issue.path[0] ?? '');
            problems.push({ file: display, line: fields.get(field)?.line ?? 1, field, message: issue.message });
          }
          continue;
        }
        const id = String(data['slug']);
        if (seen.has(id)) {
          problems.push({ file: display, line: 1, message: `describes the author "${id}" a second time` });
          continue;
        }
        seen.add(id);
        if (avatar) data['avatar'] = relative(dirname(path), join(contentDir, avatar)).split(sep).join('/');
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
