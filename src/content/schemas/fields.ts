import { z } from 'astro/zod';

/** Publication states Pelican knows; `skip` files never reach a schema. */
export const STATUSES = ['published', 'draft', 'hidden'] as const;

/** Fields shared by articles and pages, as the Pelican reader produces them. */
export const commonFields = {
  /** The entry's title; required. */
  title: z.string({ error: 'is missing (add a "Title:" line to the header)' }).min(1, 'is empty'),
  /** URL slug: written in `Slug:`, or the title slugified as Pelican does. */
  slug: z
    .string()
    .min(1, 'is empty (the title has no letters or digits to make a slug from; add a "Slug:" line)')
    // Pelican takes any slug (`email, english` is written as `email, english.html`); a "?" or "#"
    // would end the URL's path, and a leading "/" or a ".." would leave the site's folder.
    .regex(/^(?![/\s])(?!.*(?:^|\/)\.\.(?:\/|$))[^?#]+$/, 'cannot hold "?" or "#", start with "/" or a space, or hold ".." (it becomes part of the URL)'),
  /** Rendered summary HTML: `Summary:` rendered as Markdown, or the body's first 50 words. */
  summary: z.string().default(''),
  /** `published` (default), `draft` (only in `npm run dev`) or `hidden` (by URL only, never listed). */
  status: z.enum(STATUSES, { error: 'is not a status (expected published, draft, hidden or skip)' }),
  /** Language code; default: the site's language. */
  lang: z.string().min(1),
  /** True for a translation of another entry with the same slug (in another language). */
  translation: z.boolean().default(false),
  /** The entry's URL on the site, from the URL settings. */
  url: z.string().startsWith('/'),
  /** The other language versions of this entry. */
  translations: z.array(z.object({ lang: z.string(), url: z.string(), title: z.string() })).default([]),
  /** A subtitle shown under the title. */
  headline: z.string().optional(),
  /** Every other header key, lower-cased, values joined by new lines: for themes to use. */
  extra: z.record(z.string(), z.string()).default({}),
  /** The source file's path from the content root, for messages and "edit this page" links. */
  sourcePath: z.string(),
};
