import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAssignments } from '../../src/config/pelican/python-assignments';
import { languageTag, markdownExtensions, siteFromPelican } from '../../src/config/pelican/site-from-pelican';
import { readPelicanConf } from '../../src/config/pelican/read-pelicanconf';
import { defineSiteConfig } from '../../src/config/site-schema';
import { pathMetadataFields, PELICAN_PATH_METADATA } from '../../src/content/format/path-metadata';

const EVALUATOR = new URL('../../src/config/pelican/evaluate-settings.py', import.meta.url).pathname;

describe('reading a pelicanconf.py without Python', () => {
  it('reads plain assignments, earlier names, sums and dict() calls, and names what it could not read', () => {
    const { settings, skipped } = readAssignments(
      [
        "#!/usr/bin/env python",
        "from __future__ import unicode_literals",
        "import os",
        "AUTHOR = u'Ana'",
        "SITENAME = 'Blog ' \\",
        "    'of Ana'",
        "ARTICLE_URL = '{slug}/'",
        "ARTICLE_SAVE_AS = ARTICLE_URL + 'index.html'",
        "LINKS = (('Pelican', 'https://getpelican.com/'),",
        "         ('Python', 'https://python.org/'),)",
        "MARKDOWN = dict(extension_configs={'markdown.extensions.toc': {'anchorlink': True}})",
        "DEFAULT_PAGINATION = False",
        "PLUGINS = [plugin.x]",
        "def helper():",
        "    return 1",
        "THEME = os.path.join('a', 'b')",
      ].join('\n'),
    );
    expect(settings).toMatchObject({
      AUTHOR: 'Ana',
      SITENAME: 'Blog of Ana',
      ARTICLE_SAVE_AS: '{slug}/index.html',
      LINKS: [['Pelican', 'https://getpelican.com/'], ['Python', 'https://python.org/']],
      MARKDOWN: { extension_configs: { 'markdown.extensions.toc': { anchorlink: true } } },
      DEFAULT_PAGINATION: false,
    });
    expect(settings).not.toHaveProperty('PLUGINS');
    expect(skipped.map((line) => `${line.line} ${line.name ?? ''}`.trim())).toEqual(['3', '13 PLUGINS', '14', '16 THEME']);
  });
});

describe('reading a pelicanconf.py with Python', () => {
  it('runs it from its folder, and statement by statement when an import fails', () => {
    const folder = mkdtempSync(join(tmpdir(), 'pelicanconf-'));
    writeFileSync(join(folder, 'shared.py'), "BASE = 'posts'\n");
    const path = join(folder, 'pelicanconf.py');
    writeFileSync(path, "from shared import BASE\nimport not_installed_plugin\nARTICLE_PATHS = [BASE]\nDEFAULT_DATE = (2019, 6, 4)\n");
    const conf = readPelicanConf(path, EVALUATOR);
    expect(conf.readBy).toBe('python');
    expect(conf.settings).toEqual({ ARTICLE_PATHS: ['posts'], DEFAULT_DATE: [2019, 6, 4], BASE: 'posts' });
    expect(conf.problems).toEqual([{ line: 2, message: expect.stringMatching(/^did not run \(ModuleNotFoundError/) }]);
  });
});

describe('a site configuration from Pelican settings', () => {
  const folder = mkdtempSync(join(tmpdir(), 'pelican-site-'));
  mkdirSync(join(folder, 'content'));
  const conf = join(folder, 'pelicanconf.py');

  it('takes Pelican’s defaults, and content/ beside the file when PATH is not set', () => {
    const { config, warnings } = siteFromPelican({ SITENAME: 'Notes', TIMEZONE: 'Asia/Taipei', DEFAULT_LANG: 'zh_TW' }, conf);
    const site = defineSiteConfig(config);
    expect(site).toMatchObject({ title: 'Notes', timeZone: 'Asia/Taipei', language: 'zh-TW', contentDir: join(folder, 'content'), defaultAuthor: '' });
    expect(site.urls).toMatchObject({ article: '{slug}.html', category: 'category/{slug}.html', format: 'file' });
    expect(site.content).toMatchObject({ articlePaths: [''], articleExcludes: ['pages'], staticPaths: ['images'], incomplete: 'skip', dateOrder: 'month-first' });
    expect(site.markdown).toMatchObject({ dialect: 'python-markdown', math: false });
    expect(warnings.map((warning) => warning.setting)).toEqual(['PATH']);
  });

  it('reads URLs, SAVE_AS and the layout settings', () => {
    const { config, warnings } = siteFromPelican(
      {
        PATH: 'content',
        ARTICLE_PATHS: ['posts'],
        PAGE_PATHS: ['pages'],
        ARTICLE_URL: 'blog/{date:%Y}/{slug}/',
        ARTICLE_SAVE_AS: 'blog/{date:%Y}/{slug}/index.html',
        CATEGORY_URL: '{slug}/index.html',
        CATEGORY_SAVE_AS: '{slug}/index.html',
        AUTHOR_SAVE_AS: '',
        INDEX_SAVE_AS: 'blog/index.html',
        READERS: { html: null },
        FILENAME_METADATA: '(?P<slug>.*)',
        DEFAULT_PAGINATION: 5,
        MENUITEMS: [['Docs', 'https://docs.example.org']],
        PLUGINS: ['render_math', 'sitemap'],
        MY_THEME_SETTING: 1,
      },
      conf,
    );
    const site = defineSiteConfig(config);
    expect(site.urls).toMatchObject({ article: 'blog/{date:%Y}/{slug}/', category: '{slug}/index.html', skip: ['author'], index: 'blog/' });
    expect(site.content).toMatchObject({ articlePaths: ['posts'], articleExcludes: ['pages'], pageExcludes: ['posts'], disabledExtensions: ['html'], filenameMetadata: '(?P<slug>.*)' });
    expect(site.pageSize).toBe(5);
    expect(site.menu.items).toEqual([{ label: 'Docs', href: 'https://docs.example.org' }]);
    expect(site.markdown.math).toBe(true);
    expect(warnings.map((warning) => warning.setting)).toEqual(['PLUGINS', '(theme and plugin settings)']);
  });

  it('names the Python-Markdown extensions MARKDOWN enables, extra as its parts', () => {
    expect(Object.keys(markdownExtensions({ extension_configs: { 'markdown.extensions.extra': {}, 'markdown.extensions.toc': { permalink: true } }, extensions: ['nl2br'] })).sort()).toEqual(
      ['abbr', 'attr_list', 'def_list', 'extra', 'fenced_code', 'footnotes', 'md_in_html', 'nl2br', 'tables', 'toc'],
    );
  });

  it('writes the liquid tags the site’s liquid_tags plugin enables', () => {
    expect(defineSiteConfig(siteFromPelican({ PLUGINS: ['liquid_tags.youtube', 'liquid_tags.gram'] }, conf).config).markdown.liquidTags).toEqual(['youtube']);
    expect(
      defineSiteConfig(siteFromPelican({ PLUGINS: ['pelican.plugins.liquid_tags'], LIQUID_TAGS: ['img', 'vimeo', 'include_code'] }, conf).config).markdown.liquidTags,
    ).toEqual(['vimeo', 'img']);
  });

  it('reads the links of themes’ longer SOCIAL and MENUITEMS tuples', () => {
    const { config } = siteFromPelican(
      {
        SOCIAL: [['<i class="fa">&#xF09B;</i> Github', 'GitHub', 'https://github.com/kura', 'bookmark'], ['Mastodon', 'https://noc.social/@kura']],
        MENUITEMS: [['<i class="material-icons">&#xE0B7;</i> Contact', 'Contact', '/contact/']],
      },
      conf,
    );
    expect(config.social).toEqual([
      { label: 'GitHub', url: 'https://github.com/kura' },
      { label: 'Mastodon', url: 'https://noc.social/@kura' },
    ]);
    expect(config.menu?.items).toEqual([{ label: 'Contact', href: '/contact/' }]);
  });

  it('turns DEFAULT_LANG into a language tag', () => {
    expect(languageTag('zh_CN')).toBe('zh-CN');
    expect(languageTag('Chinese (Simplified)')).toBeUndefined();
  });
});

describe('metadata from paths and defaults, as Pelican gives it', () => {
  const fields = (path: string, settings = {}) =>
    Object.fromEntries([...pathMetadataFields(path, { ...PELICAN_PATH_METADATA, ...settings }, new Date('2020-01-02T03:04:05Z'))].map(([key, field]) => [key, field.values[0]]));

  it('takes the date from the file name and the category from the folder', () => {
    expect(fields('python/2020-05-01-pandas-tips.md')).toEqual({ category: 'python', date: '2020-05-01' });
    expect(fields('top.md')).toEqual({ category: 'misc' });
  });

  it('applies FILENAME_METADATA, PATH_METADATA, EXTRA_PATH_METADATA and DEFAULT_METADATA in Pelican’s order', () => {
    expect(
      fields('pages/fyi/about.md', {
        filenameMetadata: '(?P<slug>.*)',
        pathMetadata: 'pages/(?P<fullpath>.+)[.].+',
        extraPathMetadata: { pages: { status: 'hidden' }, 'pages/fyi/about.md': { status: 'published' } },
        defaultMetadata: { status: 'draft', license: 'CC-BY' },
        useFolderAsCategory: false,
      }),
    ).toEqual({ category: 'misc', license: 'CC-BY', status: 'published', slug: 'about', fullpath: 'fyi/about' });
  });

  it("reads DEFAULT_DATE = 'fs' as the machine's clock shows the file's time", () => {
    const local = new Date('2020-01-02T03:04:05Z');
    const pad = (value: number) => String(value).padStart(2, '0');
    expect(fields('a.md', { defaultDate: 'fs' })['date']).toBe(
      `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())} ${pad(local.getHours())}:${pad(local.getMinutes())}:${pad(local.getSeconds())}.000`,
    );
  });
});
