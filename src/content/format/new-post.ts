import { slugify } from '../../lib/slugify';
import { toZonedIso } from '../../lib/zoned-time';

export interface NewPost {
  title: string;
  category?: string | undefined;
  tags?: readonly string[] | undefined;
  draft?: boolean | undefined;
  author: string;
  now: Date;
  timeZone: string;
}

/** Pelican's default category, for posts that name none. */
const DEFAULT_CATEGORY = 'misc';

/**
 * A new post's Markdown: a complete Pelican header (date and time in the site's zone) and a body
 * to replace.
 *
 * @example newPostSource({ title: 'Feature stores', author: 'Ana', now: new Date(), timeZone: 'Europe/Madrid' }).split('\n')[0] // 'Title: Feature stores'
 */
export function newPostSource(post: NewPost): string {
  const slug = slugify(post.title);
  const date = toZonedIso(post.now, post.timeZone).slice(0, 16).replace('T', ' ');
  return [
    `Title: ${post.title}`,
    `Date: ${date}`,
    `Category: ${post.category?.trim() || DEFAULT_CATEGORY}`,
    `Tags: ${(post.tags ?? []).join(', ')}`,
    `Slug: ${slug}`,
    `Authors: ${post.author}`,
    'Summary: One or two sentences for listings, feeds and search engines (at most 160 characters).',
    `Status: ${post.draft ? 'draft' : 'published'}`,
    '',
    `Write the post here. Its images go in images/posts/${slug}/ of the content folder.`,
    '',
  ].join('\n');
}
