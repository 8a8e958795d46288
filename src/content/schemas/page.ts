import { z } from 'astro/zod';
import type { SchemaContext } from 'astro/content/config';
import { commonFields } from './fields';

/** A static page: a Markdown file under `pages/` of the content folder. */
export const pageSchema = ({ image }: SchemaContext) =>
  z.object({
    ...commonFields,
    /** Optional publication time. */
    date: z.date().optional(),
    /** Optional last update; default: `date`. */
    modified: z.date().optional(),
    /** Header cover, optimized by astro:assets. */
    headerCover: image().optional(),
  });
