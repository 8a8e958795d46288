// `npm run new -- "Post title" [--category c] [--tags a,b] [--draft]`: writes
// content/posts/{slug}.md (CONTENT_DIR) with a complete header, and an image folder for the post.
// Never overwrites a file. Prints the file and the post's URL in `npm run dev`.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import site from '@site-config';
import { contentDirFrom } from '../config/content-dir';
import { newPostSource } from '../content/format/new-post';
import { splitList } from '../content/format/pelican-metadata';
import { slugify } from '../lib/slugify';
import { expandUrlPattern } from '../lib/url-patterns';

const USAGE = 'Usage: npm run new -- "Post title" [--category name] [--tags a,b] [--draft]';
const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};

const { positionals, values } = (() => {
  try {
    return parseArgs({ allowPositionals: true, options: { category: { type: 'string' }, tags: { type: 'string' }, draft: { type: 'boolean', default: false } } });
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
})();
const title = positionals.join(' ').trim();
if (!title) fail(USAGE);
const slug = slugify(title);
if (!slug) fail(`"${title}" has no letters or digits to make a URL from: give the post a title with words.`);

/** The author as git knows them, else the site's default author. */
function gitAuthor(): string | undefined {
  try {
    return execFileSync('git', ['config', 'user.name'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

const contentDir = contentDirFrom(process.env, process.cwd(), site.contentDir);
const path = join(contentDir, 'posts', `${slug}.md`);
if (existsSync(path)) fail(`${relative(process.cwd(), path)} already exists: choose another title, or edit that post.`);
const now = new Date();
const source = newPostSource({
  title,
  category: values.category,
  tags: splitList(values.tags ? [values.tags] : []),
  draft: values.draft,
  author: gitAuthor() ?? site.defaultAuthor,
  now,
  timeZone: site.timeZone,
});
await mkdir(join(contentDir, 'posts'), { recursive: true });
// `wx`: fails rather than overwrite, should the file appear meanwhile.
await writeFile(path, source, { flag: 'wx' });
const images = join(contentDir, 'images', 'posts', slug);
await mkdir(images, { recursive: true });
const url = expandUrlPattern(site.urls.article, { slug, date: now, lang: site.language, category: slugify(values.category ?? 'misc') }, site.timeZone);
console.log(`Created ${relative(process.cwd(), path)}${values.draft ? ' (a draft: only `npm run dev` shows it)' : ''}`);
console.log(`Images: ${relative(process.cwd(), images)}/ — link them as ![What it shows]({static}/images/posts/${slug}/name.png)`);
console.log(`Preview: npm run dev, then http://localhost:4321${url}`);
