import { z } from 'astro/zod';
import type { SchemaContext } from 'astro/content/config';
import { commonFields } from './fields';

/** An article: every Markdown file of the content folder outside `pages/` and `training/`. */
export const articleSchema = ({ image }: SchemaContext) =>
  z.object({
    ...commonFields,
    /** Publication time (required; from `Date:` or a `YYYY-MM-DD` file name prefix). */
    date: z.date({ error: 'is missing (add a line such as "Date: 2019-06-04" to the header)' }),
    /** Last update; default: `date`. */
    modified: z.date(),
    /** Category name: `Category:`, else the folder the file is in, else `misc`. */
    category: z.string().min(1, 'is empty'),
    /** Tags in the order written, repeats dropped. */
    tags: z.array(z.string()).default([]),
    /** Author names; default: the site's default author, or none when the site has none (Pelican's `AUTHOR = ''`). */
    authors: z.array(z.string()),
    /** `Featured: yes`: shown first on the home page. */
    featured: z.boolean().default(false),
    /** Header cover, optimized by astro:assets. */
    headerCover: image().optional(),
  });
