import { z } from 'astro/zod';
import { isTimeZone } from '../lib/zoned-time';

/** The site configuration authors edit in `site.config.ts`. */
export const siteConfigSchema = z.object({
  /** Site name, shown in the header and the page titles. */
  title: z.string().min(1, 'give the site a name, e.g. title: "The Gurus"'),
  /** One line under the site name. Default: none. */
  tagline: z.string().default(''),
  /** Public origin of the site, for canonical URLs, feeds and JSON-LD. Default: http://localhost:4321. */
  url: z
    .url({ error: 'must be an absolute URL such as "https://example.com"' })
    .default('http://localhost:4321'),
  /** Language of the site and of entries that name none. Default: en. */
  language: z.string().min(2).default('en'),
  /** IANA zone for dates written without an offset. Default: Europe/Madrid. */
  timeZone: z
    .string()
    .refine(isTimeZone, 'is not a time zone name; use an IANA name such as "Europe/Madrid"')
    .default('Europe/Madrid'),
  /** Author of posts whose header names none. */
  defaultAuthor: z.string().min(1, 'name the author used when a post names none'),
});

/** What `site.config.ts` may write (defaults filled in later). */
export type SiteConfigInput = z.input<typeof siteConfigSchema>;
/** What code reads. */
export type SiteConfig = z.infer<typeof siteConfigSchema>;

/** Thrown when `site.config.ts` is invalid, listing every field to change. */
export class SiteConfigError extends Error {
  override name = 'SiteConfigError';
}

/**
 * Validates the site configuration, with an error that says which settings to change.
 *
 * @example defineSiteConfig({ title: 'Blog', defaultAuthor: 'Ana' }).timeZone // 'Europe/Madrid'
 */
export function defineSiteConfig(input: SiteConfigInput): SiteConfig {
  const result = siteConfigSchema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map(
    (issue) => `  site.config.ts ${issue.path.join('.') || '(root)'}: ${issue.message}`,
  );
  throw new SiteConfigError(`Invalid site configuration:\n${lines.join('\n')}`);
}
