import { z } from 'astro/zod';
import { translator } from '../i18n/translate';
import { DEFAULT_CARD_COLOURS } from '../lib/social-card-colours';
import { buildFormatOf, URL_KINDS, URL_PRESETS, type UrlKind, type UrlPatterns } from '../lib/url-patterns';
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
    /**
     * `file`: every page is a file, `x.html` as itself and a folder URL `x/` as `x/index.html`, so
     * the two can mix (a Pelican site's URLs). Default: `file` when `article` ends in `.html`, else
     * `directory` (every URL a folder).
     */
    format: z.enum(['file', 'directory']).optional(),
    /** Kinds of page the site does not have (Pelican's `AUTHOR_SAVE_AS = ''`): not written, not linked. */
    skip: z.array(z.enum(URL_KINDS)).default([]),
    /** Where the list of posts starts, e.g. `blog/` (Pelican's `INDEX_SAVE_AS`). Default: the site's root. */
    index: z.string().regex(/^$|^[^/].*(\/|\.html)$/, 'must be empty (the root), or a path ending in "/" or ".html"').default(''),
    /** Build drafts at these URLs, listed nowhere, as Pelican does (`DRAFT_URL`). Default: drafts only in `npm run dev`. */
    drafts: z.object({ article: urlPattern, page: urlPattern }).optional(),
  })
  .default({ preset: 'default', skip: [], index: '' })
  .transform((urls): UrlPatterns => {
    const patterns: UrlPatterns = { ...URL_PRESETS[urls.preset] };
    for (const kind of URL_KINDS) patterns[kind] = urls[kind] ?? patterns[kind];
    if (urls.format) patterns.format = urls.format;
    if (urls.skip.length > 0) patterns.skip = urls.skip;
    if (urls.index) patterns.index = urls.index;
    if (urls.drafts) patterns.drafts = urls.drafts;
    return patterns;
  })
  .superRefine((patterns, context) => {
    // Directory output writes every page as a folder's index.html: a `.html` URL needs file output.
    if (buildFormatOf(patterns) === 'directory') {
      for (const kind of URL_KINDS) {
        if (!patterns[kind].endsWith('/')) {
          context.addIssue({
            code: 'custom',
            path: [kind],
            message: 'ends differently from urls.article: end every URL with "/", or set urls.format to "file" (Astro writes one kind of file per site)',
          });
        }
      }
    }
    for (const kind of ['article', 'page', 'category', 'tag', 'author', 'course'] as const) {
      if (!/\{(?!date\b|lang\b)\w+/.test(patterns[kind]) && !patterns.skip?.includes(kind)) {
        context.addIssue({ code: 'custom', path: [kind], message: 'needs a {slug} placeholder (or another field of the entry), or every entry gets one URL' });
      }
    }
  });

/** A Python regular expression and its replacement, as Pelican's `SLUG_REGEX_SUBSTITUTIONS` lists them. */
const substitution = z.tuple([z.string(), z.string()]);

/** How slugs are made from titles, categories, tags and authors (Pelican's slug settings). */
const slugsSchema = z
  .object({
    /** `SLUG_REGEX_SUBSTITUTIONS`. Default: Pelican's. */
    substitutions: z.array(substitution).optional(),
    /** `CATEGORY_REGEX_SUBSTITUTIONS`, `TAG_…`, `AUTHOR_…`. Default: `substitutions`. */
    category: z.array(substitution).optional(),
    tag: z.array(substitution).optional(),
    author: z.array(substitution).optional(),
    /** `SLUGIFY_PRESERVE_CASE`. */
    preserveCase: z.boolean().default(false),
    /** `SLUGIFY_USE_UNICODE`: keep letters of every script instead of transliterating them. */
    useUnicode: z.boolean().default(false),
    /** `SLUGIFY_SOURCE`: make an entry's slug from its `title` or its file's `basename`. */
    source: z.enum(['title', 'basename']).default('title'),
  })
  .prefault({});

/** Where entries and static files are in the content folder, and how their metadata defaults (Pelican's settings). */
const contentSchema = z
  .object({
    /** `ARTICLE_PATHS`: folders of articles, `''` for the whole content folder. */
    articlePaths: z.array(z.string()).default(['']),
    articleExcludes: z.array(z.string()).default(['pages']),
    /** `PAGE_PATHS`. */
    pagePaths: z.array(z.string()).default(['pages']),
    pageExcludes: z.array(z.string()).default([]),
    /** `STATIC_PATHS`: folders copied as they are. Default: every file that is not an entry. */
    staticPaths: z.array(z.string()).nullable().default(null),
    staticExcludes: z.array(z.string()).default([]),
    /** `IGNORE_FILES`: shell patterns of names to leave out. */
    ignoreFiles: z.array(z.string()).default(['.#*']),
    /** Which readers read entries (Pelican's `READERS` can turn one off). */
    readers: z.array(z.enum(['markdown', 'rst', 'html'])).default(['markdown', 'rst', 'html']),
    /** Extensions no reader takes (Pelican's `READERS = {'html': None}`), without the dot. */
    disabledExtensions: z.array(z.string()).default([]),
    /** This project's own `training/` (courses) and `authors/` folders. */
    ownFolders: z.boolean().default(true),
    /** `EXTRA_PATH_METADATA`: metadata by file path, e.g. `{ "extra/robots.txt": { "path": "robots.txt" } }`. */
    extraPathMetadata: z.record(z.string(), z.record(z.string(), z.string())).default({}),
    /** `PATH_METADATA`: a Python regex on the file's path whose named groups are metadata. */
    pathMetadata: z.string().default(''),
    /** `FILENAME_METADATA`: the same on the file name without its extension. */
    filenameMetadata: z.string().default('(?P<date>\\d{4}-\\d{2}-\\d{2}).*'),
    /** `USE_FOLDER_AS_CATEGORY`. */
    useFolderAsCategory: z.boolean().default(true),
    /** `DEFAULT_CATEGORY`. */
    defaultCategory: z.string().default('misc'),
    /** `DEFAULT_METADATA`: metadata every entry has unless it says otherwise. */
    defaultMetadata: z.record(z.string(), z.string()).default({}),
    /** `DEFAULT_DATE`: `fs` (the file's modification time), a date (`2019-06-04T10:30`), or none. */
    defaultDate: z.string().nullable().default(null),
    /**
     * An entry without a title, or an article without a date: an `error` that stops the build, or
     * `skip` it with a warning as Pelican does (a `pelicanconf.py` site). Default: `error`.
     */
    incomplete: z.enum(['error', 'skip']).default('error'),
    /** Whether a `---` block opening a Markdown file is YAML, or `Key: value` lines as Pelican reads it. Default: YAML. */
    yamlHeaders: z.boolean().default(true),
    /** Which of `04/06/2019`'s numbers is the month: `month-first` as Pelican reads dates (April 6), or `day-first`. Default: `day-first`. */
    dateOrder: z.enum(['day-first', 'month-first']).default('day-first'),
    /** `SUMMARY_MAX_LENGTH`: words of the body used as summary when an entry has none; `null` for all. */
    summaryMaxLength: z.number().int().min(0).nullable().default(50),
  })
  .prefault({});

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
  /** The site's logo: a path in `public/` (`/logo.png`) or a URL, shown beside the name in the header and given to search engines as the publisher's logo. Default: none (the favicon for search engines). */
  logo: z.string().min(1).optional(),
  /** The colours of the link-preview cards drawn for pages without a cover (CSS colours). */
  socialCard: z
    .object({
      background: z.string().min(1).default(DEFAULT_CARD_COLOURS.background),
      accent: z.string().min(1).default(DEFAULT_CARD_COLOURS.accent),
      title: z.string().min(1).default(DEFAULT_CARD_COLOURS.title),
      siteName: z.string().min(1).default(DEFAULT_CARD_COLOURS.siteName),
    })
    .prefault({}),
  /** A sentence or two at the top of the home page, saying what the site is about. Default: none. */
  intro: z.string().min(1).optional(),
  /** The training page's first paragraph. Default: the interface's, in the site's language. */
  trainingIntro: z.string().min(1).optional(),
  /** Language of the site and of entries that name none. Default: en. */
  language: z.string().min(2).default('en'),
  /** IANA zone for dates written without an offset. Default: Europe/Madrid. */
  timeZone: z
    .string()
    .refine(isTimeZone, 'is not a time zone name; use an IANA name such as "Europe/Madrid"')
    .default('Europe/Madrid'),
  /** Author of posts whose header names none; `''`: such posts have no author (Pelican's `AUTHOR = ''`). */
  defaultAuthor: z.string().default(''),
  /** The content folder, when the configuration says where it is (a `pelicanconf.py`'s `PATH`); `CONTENT_DIR` overrides it. */
  contentDir: z.string().optional(),
  /** Links in the header, in order. Default: Blog, Archives and every listed page, at their configured URLs. */
  navigation: z.array(z.object({ label: z.string().min(1), href: z.string().min(1) })).optional(),
  /** Without `navigation`: what the default menu lists besides Blog, Archives and Search (Pelican's `MENUITEMS`, `DISPLAY_PAGES_ON_MENU`, `DISPLAY_CATEGORIES_ON_MENU`). */
  menu: z
    .object({
      items: z.array(z.object({ label: z.string().min(1), href: z.string().min(1) })).default([]),
      pages: z.boolean().default(true),
      categories: z.boolean().default(false),
    })
    .prefault({}),
  /** A blogroll shown in the footer (Pelican's `LINKS`). Default: none. */
  links: z.array(z.object({ label: z.string().min(1), url: z.string().min(1) })).default([]),
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
  /** How slugs are made. Default: as Pelican makes them. */
  slugs: slugsSchema,
  /** Where entries are in the content folder, and their metadata's defaults. Default: this project's layout. */
  content: contentSchema,
  /** How Markdown renders where this project and Pelican differ. Default: this project's way. */
  markdown: z
    .object({
      /**
       * `project`: GFM (bare URLs linked, `~~`, task lists) with Python-Markdown's extras, and a
       * body's `#` headings moved below the page title. `python-markdown`: as Pelican renders it
       * (a `pelicanconf.py` site). Default: `project`.
       */
      dialect: z.enum(['project', 'python-markdown']).default('project'),
      /**
       * For `python-markdown`: the Python-Markdown extensions the site enables, by short name, with
       * their options (a `pelicanconf.py`'s `MARKDOWN`), e.g. `{ toc: { anchorlink: true } }`.
       */
      extensions: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
      /** `$…$` and `$$…$$` are math, typeset with KaTeX (a Pelican site's render_math plugin). Default: true. */
      math: z.boolean().default(true),
      /** For `python-markdown`: the liquid tags written as Pelican's `liquid_tags` plugin writes them. Default: none. */
      liquidTags: z.array(z.enum(['youtube', 'vimeo', 'img', 'video'])).default([]),
    })
    .prefault({}),
  /** The newsletter signup forms (footer, end of posts, course pages). */
  newsletter: z
    .object({
      /**
       * A provider's form endpoint (Buttondown, Mailchimp …): forms post there, and the site needs
       * no server of its own. Default: this site's own signup API, subscribers kept in SQLite.
       */
      action: z.url({ error: 'must be an absolute URL, a provider\'s form endpoint' }).optional(),
      /** What the signup box says the newsletter is. Default: the interface's, in the site's language. */
      blurb: z.string().min(1).optional(),
      /** The consent the reader ticks; stored with each subscriber, with its version. Default: the interface's, in the site's language. */
      consentText: z.string().min(1).optional(),
      /** Change it whenever the consent text changes: each subscriber's record says which one they agreed to. */
      consentVersion: z.string().min(1).default('1'),
      /** Sender of the emails, e.g. `"The Gurus" <news@example.com>`. Default: newsletter@ the site's host. */
      from: z.string().min(3).optional(),
      /**
       * Who sends the newsletter, in every email's footer: a postal address or legal line, as
       * anti-spam laws (CAN-SPAM, the EU's e-Privacy rules) ask of bulk senders.
       */
      address: z.string().min(3).optional(),
      /** Emails a campaign sends per minute at most (`--rate N` overrides): inside a provider's limits. */
      ratePerMinute: z.number().int().positive('must be at least 1').default(120),
    })
    .prefault({}),
  /** `pelican`: old Pelican URLs (and feed URLs) redirect to the new ones, for sites moved from Pelican. */
  redirectFrom: z.enum(['pelican']).optional(),
})
  // What the site says by default is said in its language.
  .transform((config) => {
    const t = translator(config.language);
    const { blurb = t('newsletter.blurb'), consentText = t('newsletter.consent') } = config.newsletter;
    return { ...config, newsletter: { ...config.newsletter, blurb, consentText } };
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
