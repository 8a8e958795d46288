import { z } from 'astro/zod';
import type { SchemaContext } from 'astro/content/config';

/** An author profile: `content/authors/*.md`, a Pelican-style header and a bio as the body. */
export const authorSchema = ({ image }: SchemaContext) =>
  z.object({
    /** The name as posts write it in `Author:`/`Authors:`. */
    name: z.string({ error: 'is missing (add a "Name:" line to the header)' }).min(1, 'is empty'),
    /** Slug of the author page; default: the name slugified, as posts link to it. */
    slug: z.string().min(1),
    /** A portrait, path from the content folder; optimized by astro:assets. */
    avatar: image().optional(),
    /** One line about the author. */
    summary: z.string().default(''),
    /** Profiles and websites, absolute URLs. */
    links: z.array(z.url({ error: 'must be an absolute URL such as https://…' })).default([]),
  });
