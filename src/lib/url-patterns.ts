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
  /** Pelican's `*_SAVE_AS` where a page is not written at its URL; `''`: not written at all. */
  saveAs?: Partial<Record<UrlKind, string>>;
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
}

const PLACEHOLDER = /\{(slug|lang|category|date)(?::([^}]*))?\}/g;

function strftime(date: Date, format: string, timeZone: string): string {
  const wall = wallTimeIn(date, timeZone);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  const fields: Record<string, string> = {
    Y: String(wall.year),
    y: pad(wall.year % 100),
    m: pad(wall.month),
    d: pad(wall.day),
    H: pad(wall.hour),
    M: pad(wall.minute),
    S: pad(wall.second),
    '%': '%',
  };
  return format.replace(/%(.)/g, (whole, letter: string) => fields[letter] ?? whole);
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
    const value = values[name as 'slug' | 'lang' | 'category'];
    if (value === undefined) throw new Error(`the URL pattern "${pattern}" needs a ${name}`);
    return value;
  });
  return `/${path.replace(/^\/+/, '')}`;
}

/** How Astro must write the site's files: `.html` URLs need file output, folder URLs directory output. */
export function buildFormatOf(patterns: UrlPatterns): 'file' | 'directory' {
  return patterns.article.endsWith('.html') ? 'file' : 'directory';
}

/**
 * The route parameter that makes Astro write a URL's file: in file output Astro adds `.html`
 * itself, in directory output it adds `index.html`.
 *
 * @example routePathOf('/category/ml.html') // 'category/ml'
 */
export function routePathOf(url: string): string {
  return url.replace(/^\/+/, '').replace(/\.html$/, '').replace(/\/+$/, '');
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
  if (url === '/') return format === 'file' ? `/index${page}.html` : `/page/${page}/`;
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
