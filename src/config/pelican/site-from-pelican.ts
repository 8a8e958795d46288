import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { SiteConfigInput } from '../site-schema';
import type { UrlKind } from '../../lib/url-patterns';
import { isTimeZone } from '../../lib/zoned-time';
import { NOTHING_TO_EMULATE, PELICAN_DEFAULTS } from './pelican-defaults';

/** One line of what a `pelicanconf.py` asks that this project does differently, for the build log. */
export interface SettingWarning {
  setting: string;
  message: string;
}

export interface SiteFromPelican {
  config: SiteConfigInput;
  warnings: SettingWarning[];
}

/** Pelican's `*_URL`/`*_SAVE_AS` settings, by the kind of page they place. */
const URL_SETTINGS: Record<string, UrlKind> = {
  ARTICLE: 'article',
  ARTICLE_LANG: 'articleLang',
  PAGE: 'page',
  PAGE_LANG: 'pageLang',
  CATEGORY: 'category',
  TAG: 'tag',
  AUTHOR: 'author',
  CATEGORIES: 'categories',
  TAGS: 'tags',
  AUTHORS: 'authors',
  ARCHIVES: 'archives',
};

/** The settings read here; the rest are a theme's or a plugin's, or Pelican's with nothing to do here. */
const READ = new Set([
  ...Object.keys(PELICAN_DEFAULTS),
  ...Object.keys(URL_SETTINGS).flatMap((name) => [`${name}_URL`, `${name}_SAVE_AS`]),
  'CATEGORY_REGEX_SUBSTITUTIONS',
  'TAG_REGEX_SUBSTITUTIONS',
  'AUTHOR_REGEX_SUBSTITUTIONS',
  'SITESUBTITLE',
  'DISPLAY_CATEGORIES_ON_MENU',
]);

/** Pelican settings with an effect here that is not quite Pelican's, and what differs. */
const DIFFERS: Record<string, string> = {
  TYPOGRIFY: 'quotes and dashes stay as written (Typogrify is not emulated)',
  YEAR_ARCHIVE_SAVE_AS: 'there are no yearly archive pages',
  MONTH_ARCHIVE_SAVE_AS: 'there are no monthly archive pages',
  DAY_ARCHIVE_SAVE_AS: 'there are no daily archive pages',
  FEED_ALL_RSS: 'feeds are written at /feeds/ (Atom, RSS, JSON), and Pelican\'s feed paths redirect there',
  FEED_ATOM: 'feeds are written at /feeds/ (Atom, RSS, JSON), and Pelican\'s feed paths redirect there',
  FEED_RSS: 'feeds are written at /feeds/ (Atom, RSS, JSON), and Pelican\'s feed paths redirect there',
  TAG_FEED_ATOM: 'tag feeds are written at /feeds/tag/{slug}.atom.xml',
  TAG_FEED_RSS: 'tag feeds are written at /feeds/tag/{slug}.rss.xml',
  CATEGORY_FEED_RSS: 'category feeds are written at /feeds/category/{slug}.rss.xml',
};

const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asStrings = (value: unknown): string[] => asList(value).filter((item): item is string => typeof item === 'string');
const LINK_TARGET = /^(?:https?:\/\/|mailto:|\/|#)/;

/**
 * `(label, url)` pairs from `LINKS`, `SOCIAL`, `MENUITEMS`. Themes extend the tuples
 * (`('<i class="fa">…</i> GitHub', 'GitHub', 'https://github.com/x', 'me')`): the link is the first
 * item that is a URL, the label the first before it that is plain text, else the first with its
 * HTML taken out.
 */
const asPairs = (value: unknown): [string, string][] =>
  asList(value).flatMap((item) => {
    if (!Array.isArray(item)) return [];
    const texts = item.filter((part): part is string => typeof part === 'string');
    const at = texts.findIndex((text, position) => position > 0 && LINK_TARGET.test(text));
    const target = at === -1 ? texts[1] : texts[at];
    const labels = (at === -1 ? texts.slice(0, 1) : texts.slice(0, at)).map((text) => text.trim());
    const label = labels.find((text) => !/[<>]/.test(text)) ?? labels[0]?.replace(/<[^>]*>/g, '').replace(/&#?\w+;/g, '').trim();
    return label && target !== undefined ? [[label, target] as [string, string]] : [];
  });

/** A Pelican `DEFAULT_LANG` (`zh_CN`, `en-us`) as a language tag; `undefined` when it is none. */
export function languageTag(value: string): string | undefined {
  const tag = value.trim().replace(/_/g, '-');
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/** A Pelican URL setting as this project's pattern: no leading slash. */
const urlPattern = (value: string) => value.replace(/^\/+/, '');

/**
 * The site configuration a `pelicanconf.py`'s settings make, with a warning for each setting
 * this project reads differently or not at all (never an error: a Pelican site builds).
 *
 * @param settings the file's upper-case names, as Pelican reads them (Pelican's defaults fill the rest)
 * @param configPath the file, for its folder: Pelican's `PATH` is relative to it
 */
export function siteFromPelican(settings: Record<string, unknown>, configPath: string, env: Record<string, string | undefined> = {}): SiteFromPelican {
  const warnings: SettingWarning[] = [];
  const warn = (setting: string, message: string) => warnings.push({ setting, message });
  const get = (name: string): unknown => (name in settings ? settings[name] : PELICAN_DEFAULTS[name]);

  const siteUrl = asString(get('SITEURL')) ?? '';
  const absoluteSiteUrl = /^https?:\/\//.test(siteUrl) ? siteUrl.replace(/\/+$/, '') : undefined;
  if (absoluteSiteUrl && new URL(absoluteSiteUrl).pathname !== '/') {
    warn('SITEURL', `${siteUrl} has a path: the site is built to be served from the root of its host`);
  }
  const language = languageTag(asString(get('DEFAULT_LANG')) ?? 'en');
  if (!language) warn('DEFAULT_LANG', `${JSON.stringify(get('DEFAULT_LANG'))} is not a language code; using "en"`);
  const timeZone = asString(get('TIMEZONE')) ?? 'UTC';
  if (!isTimeZone(timeZone)) warn('TIMEZONE', `${JSON.stringify(timeZone)} is not a time zone; using UTC`);
  const pagination = get('DEFAULT_PAGINATION');

  // URLs: Pelican's `*_URL` is what links say, `*_SAVE_AS` where the file is written. File output
  // writes a folder URL `x/` as `x/index.html`, which is what Pelican's sites save it as.
  const urls: Record<string, unknown> = { preset: 'pelican', format: 'file' };
  const skip: UrlKind[] = [];
  for (const [name, kind] of Object.entries(URL_SETTINGS)) {
    const url = urlPattern(asString(get(`${name}_URL`)) ?? '');
    const save = urlPattern(asString(get(`${name}_SAVE_AS`)) ?? url);
    if (save === '') {
      skip.push(kind);
      continue;
    }
    // A URL ending neither in "/" nor ".html" (`blog/{slug}`) is served from the file it is saved as.
    const pattern = /(\/|\.html)$/.test(url) ? url : save;
    urls[kind] = pattern;
    const written = pattern.endsWith('/') ? `${pattern}index.html` : pattern;
    if (written !== save) warn(`${name}_SAVE_AS`, `${save} differs from ${name}_URL: pages are written at their URL, ${written}`);
  }
  urls['skip'] = skip;
  // Pelican publishes drafts at DRAFT_URL (drafts/{slug}.html), listed nowhere.
  const draftUrl = (name: string, fallback: string) => {
    const url = urlPattern(asString(get(`${name}_URL`)) ?? fallback);
    return /(\/|\.html)$/.test(url) ? url : urlPattern(asString(get(`${name}_SAVE_AS`)) ?? fallback);
  };
  urls['drafts'] = { article: draftUrl('DRAFT', 'drafts/{slug}.html'), page: draftUrl('DRAFT_PAGE', 'drafts/pages/{slug}.html') };
  // INDEX_SAVE_AS: `index.html` is the root; `blog/index.html` is served at `blog/`.
  const index = urlPattern(asString(get('INDEX_SAVE_AS')) ?? 'index.html').replace(/(^|\/)index\.html$/, '$1');
  if (index) urls['index'] = index;

  const contentDir = contentDirOf(settings, configPath);
  if (!('PATH' in settings)) warn('PATH', `is not set: Pelican reads the folder it is given (pelican-quickstart's Makefile gives content/); reading ${contentDir}`);
  // READERS maps extensions to readers; `None` turns an extension off. A plugin's reader is not ours.
  const configuredReaders = get('READERS');
  const disabledExtensions = Object.entries(configuredReaders && typeof configuredReaders === 'object' ? configuredReaders : {})
    .filter(([, reader]) => reader === null)
    .map(([extension]) => extension);
  const articlePaths = asStrings(get('ARTICLE_PATHS'));
  const pagePaths = asStrings(get('PAGE_PATHS'));
  // Pelican adds each kind's paths to the other's excludes (pelican/settings.py, configure_settings).
  const articleExcludes = [...new Set([...asStrings(get('ARTICLE_EXCLUDES')), ...pagePaths])];
  const pageExcludes = [...new Set([...asStrings(get('PAGE_EXCLUDES')), ...articlePaths])];
  const defaultDate = get('DEFAULT_DATE');
  const plugins = asList(get('PLUGINS'));

  const config: SiteConfigInput = {
    title: asString(get('SITENAME')) || 'A Pelican Blog',
    tagline: asString(get('SITESUBTITLE')) ?? '',
    url: env['SITE_URL'] ?? absoluteSiteUrl ?? 'http://localhost:4321',
    language: language ?? 'en',
    timeZone: isTimeZone(timeZone) ? timeZone : 'UTC',
    defaultAuthor: asString(get('AUTHOR')) ?? '',
    contentDir,
    menu: {
      items: asPairs(get('MENUITEMS')).map(([label, href]) => ({ label, href })),
      pages: get('DISPLAY_PAGES_ON_MENU') !== false,
      categories: get('DISPLAY_CATEGORIES_ON_MENU') !== false,
    },
    links: asPairs(get('LINKS')).map(([label, url]) => ({ label, url })),
    social: asPairs(get('SOCIAL')).flatMap(([label, url]) => {
      if (/^https?:\/\//.test(url)) return [{ label, url }];
      warn('SOCIAL', `${JSON.stringify(label)} links to ${JSON.stringify(url)}, not an absolute URL: left out`);
      return [];
    }),
    pageSize: typeof pagination === 'number' && pagination > 0 ? pagination : 1_000_000,
    urls: urls as SiteConfigInput['urls'],
    slugs: {
      substitutions: asList(get('SLUG_REGEX_SUBSTITUTIONS')) as [string, string][],
      ...(settings['CATEGORY_REGEX_SUBSTITUTIONS'] ? { category: settings['CATEGORY_REGEX_SUBSTITUTIONS'] as [string, string][] } : {}),
      ...(settings['TAG_REGEX_SUBSTITUTIONS'] ? { tag: settings['TAG_REGEX_SUBSTITUTIONS'] as [string, string][] } : {}),
      ...(settings['AUTHOR_REGEX_SUBSTITUTIONS'] ? { author: settings['AUTHOR_REGEX_SUBSTITUTIONS'] as [string, string][] } : {}),
      preserveCase: get('SLUGIFY_PRESERVE_CASE') === true,
      useUnicode: get('SLUGIFY_USE_UNICODE') === true,
      source: get('SLUGIFY_SOURCE') === 'basename' ? 'basename' : 'title',
    },
    content: {
      articlePaths,
      articleExcludes,
      pagePaths,
      pageExcludes,
      staticPaths: asStrings(get('STATIC_PATHS')),
      staticExcludes: asStrings(get('STATIC_EXCLUDES')),
      ignoreFiles: asStrings(get('IGNORE_FILES')),
      disabledExtensions,
      ownFolders: false,
      extraPathMetadata: stringRecords(get('EXTRA_PATH_METADATA')),
      pathMetadata: asString(get('PATH_METADATA')) ?? '',
      filenameMetadata: asString(get('FILENAME_METADATA')) ?? '',
      useFolderAsCategory: get('USE_FOLDER_AS_CATEGORY') !== false,
      defaultCategory: asString(get('DEFAULT_CATEGORY')) ?? 'misc',
      defaultMetadata: Object.fromEntries(Object.entries(stringRecord(get('DEFAULT_METADATA')))),
      defaultDate: defaultDateOf(defaultDate),
      summaryMaxLength: typeof get('SUMMARY_MAX_LENGTH') === 'number' ? (get('SUMMARY_MAX_LENGTH') as number) : null,
      incomplete: 'skip',
      dateOrder: 'month-first',
      yamlHeaders: false,
    },
    markdown: { dialect: 'python-markdown', extensions: markdownExtensions(get('MARKDOWN')), math: plugins.some(isMathPlugin), liquidTags: liquidTagsOf(plugins, get('LIQUID_TAGS')) },
  };

  if (get('TYPOGRIFY') === true) warn('TYPOGRIFY', DIFFERS['TYPOGRIFY'] as string);
  if (plugins.length > 0) {
    const names = plugins.map((plugin) => (typeof plugin === 'string' ? plugin : JSON.stringify(plugin)));
    warn('PLUGINS', `${names.join(', ')}: Pelican plugins do not run here; what they add to a page is missing unless this project emulates it`);
  }
  for (const [name, value] of Object.entries(settings)) {
    if (name in DIFFERS && name !== 'TYPOGRIFY' && value !== null && value !== '' && value !== PELICAN_DEFAULTS[name]) warn(name, DIFFERS[name] as string);
  }
  const foreign = Object.keys(settings).filter((name) => !READ.has(name) && !NOTHING_TO_EMULATE.has(name) && !(name in DIFFERS));
  if (foreign.length > 0) {
    warn('(theme and plugin settings)', `${foreign.sort().join(', ')}: not Pelican's own settings (a theme's or a plugin's); the site uses this project's theme`);
  }
  return { config, warnings };
}

/**
 * The content folder: `PATH` from the file's folder. Without one, Pelican reads the folder its
 * command line names, which the Makefile and tasks.py that pelican-quickstart writes make
 * `content/`: that folder when it is there, else the file's own.
 */
function contentDirOf(settings: Record<string, unknown>, configPath: string): string {
  const base = dirname(configPath);
  const path = asString(settings['PATH']);
  if (path !== undefined) return resolve(base, path);
  return existsSync(join(base, 'content')) ? join(base, 'content') : base;
}

function stringRecord(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, typeof item === 'string' ? item : JSON.stringify(item)]));
}

function stringRecords(value: unknown): Record<string, Record<string, string>> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([path, metadata]) => [path, stringRecord(metadata)]));
}

const LIQUID_TAGS = ['youtube', 'vimeo', 'img', 'video'] as const;

/**
 * The liquid tags written here that the site's `liquid_tags` plugin enables: the old plugin names
 * each (`liquid_tags.youtube`), the new one lists them in `LIQUID_TAGS`.
 */
function liquidTagsOf(plugins: unknown[], setting: unknown): (typeof LIQUID_TAGS)[number][] {
  const names = plugins.filter((plugin): plugin is string => typeof plugin === 'string');
  const tags = new Set<string>();
  for (const name of names) {
    const one = /liquid_tags\.(\w+)$/.exec(name);
    if (one?.[1]) tags.add(one[1]);
    else if (/(^|\.)liquid_tags$/.test(name)) asStrings(setting).forEach((tag) => tags.add(tag));
  }
  return LIQUID_TAGS.filter((tag) => tags.has(tag));
}

/** Pelican's render_math plugin (and the older `latex` one): `$…$` is math only with one of them. */
const isMathPlugin = (plugin: unknown) => typeof plugin === 'string' && /(^|[./])(render_math|latex|pelican_katex|katex)$/.test(plugin);

/**
 * The Python-Markdown extensions `MARKDOWN` enables (`extension_configs` and `extensions`), by
 * short name: `markdown.extensions.toc` is `toc`; options as written.
 */
export function markdownExtensions(setting: unknown): Record<string, Record<string, unknown>> {
  const markdown = setting && typeof setting === 'object' ? (setting as Record<string, unknown>) : {};
  const shortName = (name: string) => name.replace(/^markdown\.extensions\./, '').replace(/^mdx_/, '');
  const extensions: Record<string, Record<string, unknown>> = {};
  const configs = markdown['extension_configs'];
  if (configs && typeof configs === 'object') {
    for (const [name, options] of Object.entries(configs)) extensions[shortName(name)] = options && typeof options === 'object' ? (options as Record<string, unknown>) : {};
  }
  for (const name of asStrings(markdown['extensions'])) extensions[shortName(name.split(':')[0] ?? name)] ??= {};
  // `extra` is these.
  if ('extra' in extensions) for (const part of ['abbr', 'attr_list', 'def_list', 'fenced_code', 'footnotes', 'md_in_html', 'tables']) extensions[part] ??= {};
  return extensions;
}

/** `DEFAULT_DATE`: `'fs'`, a tuple such as `(2019, 6, 4)`, a datetime, or nothing. */
function defaultDateOf(value: unknown): string | null {
  if (value === 'fs') return 'fs';
  if (Array.isArray(value) && value.every((part) => typeof part === 'number')) {
    const [year, month = 1, day = 1, hour = 0, minute = 0, second = 0] = value as number[];
    const pad = (part: number) => String(part).padStart(2, '0');
    return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
  }
  if (value && typeof value === 'object' && '$date' in value) return String((value as { $date: string }).$date);
  return null;
}
