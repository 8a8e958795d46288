import { z } from 'astro/zod';
import { URL_KINDS, URL_PRESETS, type UrlKind, type UrlPatterns } from '../lib/url-patterns';
import { isTimeZone } from '../lib/zoned-time';

const urlPattern = z
  .string()
  .regex(/^[^/]/, 'must not start with "/" (write "posts/{slug}/")')
  .regex(/(\/|\.html)$/, 'must end with "/" (a folder URL) or ".html" (a file URL)');

/** URL settings: a preset, and any pattern to change. Placeholders: {slug} {lang} {category} {date:%Y} {date:%m} {date:%d}. */
const urlsSchema = z
  .object({
    /** `default` (`posts/{slug}/` …) or `pelican` (Pelican's own defaults: `{slug}.html` …). */
    preset: z.enum(['default', 'pelican']).default('default'),
    ...(Object.fromEntries(URL_KINDS.map((kind) => [kind, urlPattern.optional()])) as Record<
      UrlKind,
      z.ZodOptional<typeof urlPattern>
    >),
  })
  .default({ preset: 'default' })
  .transform((urls): UrlPatterns => {
    const patterns = { ...URL_PRESETS[urls.preset] };
    for (const kind of URL_KINDS) patterns[kind] = urls[kind] ?? patterns[kind];
    return patterns;
  })
  .superRefine((patterns, context) => {
    const style = patterns.article.endsWith('.html') ? '.html' : '/';
    for (const kind of URL_KINDS) {
      if (!patterns[kind].endsWith(style)) {
        context.addIssue({
          code: 'custom',
          path: [kind],
          message: `ends differently from urls.article: end every URL with "${style}" (Astro writes one kind of file per site)`,
        });
      }
    }
    for (const kind of ['article', 'page', 'category', 'tag', 'author', 'course'] as const) {
      if (!patterns[kind].includes('{slug}')) {
        context.addIssue({ code: 'custom', path: [kind], message: 'needs a {slug} placeholder, or every entry gets one URL' });
      }
    }
  });

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
  /** Links in the header, in order. Default: Blog, Archives and every listed page, at their configured URLs. */
  navigation: z.array(z.object({ label: z.string().min(1), href: z.string().min(1) })).optional(),
  /** Profiles shown in the footer, e.g. `{ label: 'LinkedIn', url: 'https://…' }`. Default: none. */
  social: z.array(z.object({ label: z.string().min(1), url: z.url({ error: 'must be an absolute URL' }) })).default([]),
  /** Posts per page on the home page and term pages. Default: 10. */
  pageSize: z.number({ error: 'must be a number' }).int().min(1, 'must be at least 1').default(10),
  /**
   * "Edit this page" link for every post and page: a URL with `{path}`, the file's path in the
   * content folder, e.g. `https://github.com/org/site/edit/main/content/{path}`. Default: none.
   */
  editUrl: z
    .string()
    .regex(/^https?:\/\/.*\{path\}/, 'must be an http(s) URL holding {path}, e.g. https://github.com/org/site/edit/main/content/{path}')
    .optional(),
  /** Where each kind of page lives. Default: the `default` preset. */
  urls: urlsSchema,
  /** The newsletter signup forms (footer, end of posts, course pages). */
  newsletter: z
    .object({
      /**
       * A provider's form endpoint (Buttondown, Mailchimp …): forms post there, and the site needs
       * no server of its own. Default: this site's own signup API, subscribers kept in SQLite.
       */
      action: z.url({ error: 'must be an absolute URL, a provider\'s form endpoint' }).optional(),
      /** The consent the reader ticks; stored with each subscriber, with its version. */
      consentText: z.string().min(1).default('I agree to receive emails from this site about new posts and courses. I can unsubscribe at any time.'),
      /** Change it whenever the consent text changes: each subscriber's record says which one they agreed to. */
      consentVersion: z.string().min(1).default('1'),
      /** Sender of the emails, e.g. `"The Gurus" <news@example.com>`. Default: newsletter@ the site's host. */
      from: z.string().min(3).optional(),
    })
    .prefault({}),
  /** `pelican`: old Pelican URLs (and feed URLs) redirect to the new ones, for sites moved from Pelican. */
  redirectFrom: z.enum(['pelican']).optional(),
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
