import { wallTimeIn } from './zoned-time';

/** The kinds of page whose URL is a setting. */
export const URL_KINDS = [
  'article',
  'articleLang',
  'page',
  'pageLang',
  'category',
  'tag',
  'author',
  'categories',
  'tags',
  'authors',
  'archives',
  'course',
  'courses',
] as const;
export type UrlKind = (typeof URL_KINDS)[number];
export type UrlPatterns = Record<UrlKind, string> & {
  /** How pages are written: `file` writes `x.html` as itself and a folder URL `x/` as `x/index.html`. Default: from `article`. */
  format?: 'file' | 'directory';
  /** Kinds of page the site does not have (Pelican's `AUTHOR_SAVE_AS = ''`): not written, not linked. */
  skip?: readonly UrlKind[];
  /** Where the list of posts starts (Pelican's `INDEX_SAVE_AS`, e.g. `blog/`). Default: the site's root. */
  index?: string;
  /** Drafts built at these URLs, listed nowhere (Pelican's `DRAFT_URL`, `DRAFT_PAGE_URL`). Default: drafts are only in `npm run dev`. */
  drafts?: { article: string; page: string };
};

/** URL presets: ours (folders, clean URLs) and Pelican's defaults (`.html` files). */
export const URL_PRESETS: Record<'default' | 'pelican', Record<UrlKind, string>> = {
  default: {
    article: 'posts/{slug}/',
    articleLang: 'posts/{slug}-{lang}/',
    page: 'pages/{slug}/',
    pageLang: 'pages/{slug}-{lang}/',
    category: 'category/{slug}/',
    tag: 'tag/{slug}/',
    author: 'author/{slug}/',
    categories: 'category/',
    tags: 'tag/',
    authors: 'author/',
    archives: 'archives/',
    course: 'training/{slug}/',
    courses: 'training/',
  },
  pelican: {
    article: '{slug}.html',
    articleLang: '{slug}-{lang}.html',
    page: 'pages/{slug}.html',
    pageLang: 'pages/{slug}-{lang}.html',
    category: 'category/{slug}.html',
    tag: 'tag/{slug}.html',
    author: 'author/{slug}.html',
    categories: 'categories.html',
    tags: 'tags.html',
    authors: 'authors.html',
    archives: 'archives.html',
    course: 'training/{slug}.html',
    courses: 'training.html',
  },
};

/** What a URL pattern's placeholders stand for. */
export interface UrlValues {
  slug?: string;
  lang?: string;
  /** The category's slug. */
  category?: string;
  date?: Date;
  /** Any other metadata of the entry, as Pelican's URL settings may name it (`{fullpath}`, `{author}`, `{path}`). */
  [name: string]: string | Date | undefined;
}

const PLACEHOLDER = /\{(\w+)(?::([^}]*))?\}/g;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Python's `strftime` in the C locale, which Pelican's URLs are formatted in unless a site sets LOCALE. */
function strftime(date: Date, format: string, timeZone: string): string {
  const wall = wallTimeIn(date, timeZone);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  const weekday = new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay();
  const dayOfYear = Math.round((Date.UTC(wall.year, wall.month - 1, wall.day) - Date.UTC(wall.year, 0, 1)) / 86_400_000) + 1;
  const month = MONTHS[wall.month - 1] ?? '';
  const day = DAYS[weekday] ?? '';
  const fields: Record<string, string> = {
    Y: String(wall.year),
    y: pad(wall.year % 100),
    m: pad(wall.month),
    d: pad(wall.day),
    H: pad(wall.hour),
    I: pad(((wall.hour + 11) % 12) + 1),
    p: wall.hour < 12 ? 'AM' : 'PM',
    M: pad(wall.minute),
    S: pad(wall.second),
    b: month.slice(0, 3),
    B: month,
    a: day.slice(0, 3),
    A: day,
    j: pad(dayOfYear, 3),
    w: String(weekday),
    '%': '%',
  };
  // glibc's `%-d` (no padding), which Pelican sites use in URLs, as Python passes it on.
  return format.replace(/%(-?)(.)/g, (whole, noPad: string, letter: string) => {
    const value = fields[letter];
    if (value === undefined) return whole;
    return noPad && /^\d+$/.test(value) ? String(Number(value)) : value;
  });
}

/**
 * Fills a Pelican URL pattern. Returns a site path with a leading slash.
 *
 * @example expandUrlPattern('{date:%Y}/{date:%m}/{slug}/', { slug: 'x', date }, 'Europe/Madrid') // '/2019/06/x/'
 * @throws when the pattern needs a value it is not given
 */
export function expandUrlPattern(pattern: string, values: UrlValues, timeZone: string): string {
  const path = pattern.replace(PLACEHOLDER, (_placeholder, name: string, format?: string) => {
    if (name === 'date') {
      if (!values.date) throw new Error(`the URL pattern "${pattern}" needs a date`);
      return strftime(values.date, format ?? '%Y-%m-%d', timeZone);
    }
    const value = values[name];
    if (value === undefined) throw new Error(`the URL pattern "${pattern}" needs a ${name}`);
    return value instanceof Date ? strftime(value, format ?? '%Y-%m-%d %H:%M:%S', timeZone) : value;
  });
  return `/${path.replace(/^\/+/, '')}`;
}

/** How Astro must write the site's files: `.html` URLs need file output, folder URLs directory output. */
export function buildFormatOf(patterns: UrlPatterns): 'file' | 'directory' {
  return patterns.format ?? (patterns.article.endsWith('.html') ? 'file' : 'directory');
}

/**
 * The file name a folder URL's page is written under in file output, then renamed `index.html`
 * (integrations/folder-pages.ts): Astro's file output cannot write `x/index.html` itself, it
 * reads a request for it as one for `x`.
 */
export const FOLDER_PAGE = '__folder_index__';

/**
 * What stands for a `.html` inside a page's name in file output (`x.html.html`, a Pelican slug
 * that ends in `.html`), renamed after the build: Astro reads `/x.html` as a request for `x`.
 */
export const HTML_IN_NAME = '__dot_html__';

/**
 * The route parameter that makes Astro write a URL's file: in file output Astro adds `.html`
 * itself (a folder URL `x/` is written as `x/__folder_index__.html`, renamed later), in
 * directory output it adds `index.html`.
 *
 * @example routePathOf('/category/ml.html') // 'category/ml'
 * @example routePathOf('/category/ml/', 'file') // 'category/ml/__folder_index__'
 */
export function routePathOf(url: string, format: 'file' | 'directory' = 'directory'): string {
  const path = url.replace(/^\/+/, '');
  if (format === 'file' && path !== '' && path.endsWith('/')) return `${path}${FOLDER_PAGE}`;
  if (format === 'file' && path.endsWith('/index.html')) return `${path.slice(0, -'index.html'.length)}${FOLDER_PAGE}`;
  const route = path.replace(/\.html$/, '').replace(/\/+$/, '');
  return format === 'file' && route.endsWith('.html') ? `${route.slice(0, -'.html'.length)}${HTML_IN_NAME}` : route;
}

/**
 * The site path of the page being rendered, from `Astro.url`: a folder page of file output is
 * rendered at `x/__folder_index__.html` and served at `x/`.
 *
 * @example sitePathOf(new URL('http://x/a/__folder_index__.html')) // '/a/'
 */
export function sitePathOf(url: URL): string {
  if (url.pathname.endsWith(`/${FOLDER_PAGE}.html`)) return url.pathname.slice(0, -`${FOLDER_PAGE}.html`.length);
  return url.pathname.replace(`${HTML_IN_NAME}.html`, '.html.html');
}

/**
 * The URL of page `n` of a paginated listing: `page/n/` under folder URLs, Pelican's `name{n}.html`
 * for file URLs. Page 1 is the listing's own URL.
 *
 * @example paginatedUrl('/tag/python/', 2) // '/tag/python/page/2/'
 * @example paginatedUrl('/tag/python.html', 2) // '/tag/python2.html'
 * @example paginatedUrl('/', 3, 'file') // '/index3.html'
 */
export function paginatedUrl(url: string, page: number, format: 'file' | 'directory' = 'directory'): string {
  if (page <= 1) return url;
  // File output names page n of a folder URL as Pelican names its file: `x/index2.html`.
  if (url.endsWith('/')) return format === 'file' ? `${url}index${page}.html` : url === '/' ? `/page/${page}/` : `${url}page/${page}/`;
  return url.endsWith('.html') ? url.replace(/\.html$/, `${page}.html`) : `${url}page/${page}/`;
}

/**
 * Splits a listing into pages of `size` items; an empty listing is one empty page.
 *
 * @example paginate([1, 2, 3], 2) // [[1, 2], [3]]
 */
export function paginate<T>(items: readonly T[], size: number): T[][] {
  const pages: T[][] = [];
  for (let start = 0; start < items.length; start += size) pages.push(items.slice(start, start + size));
  return pages.length > 0 ? pages : [[]];
}
