import { describe, expect, it } from 'vitest';
import { contentDirFrom } from '../../src/config/content-dir';
import { prerenderWorkersFrom } from '../../src/config/prerender-workers';
import { defineSiteConfig } from '../../src/config/site-schema';
import { contentRole, DEFAULT_LAYOUT, fnmatch, type ContentLayout } from '../../src/content/format/content-files';
import { displayPath } from '../../src/content/format/content-error';
import { blogPostingJsonLd, languageCodeOf, publisherJsonLd, scriptJson } from '../../src/lib/json-ld';
import { hasMath, plainText } from '../../src/lib/plain-text';
import { summaryBeforeMarker, truncateHtmlWords } from '../../src/lib/truncate-html';

describe('truncateHtmlWords', () => {
  it('keeps the first words, closes the open tags and adds an ellipsis', () => {
    expect(truncateHtmlWords('<p>one <em>two three</em></p><p>four</p>', 2)).toBe('<p>one <em>two…</em></p>');
  });

  it('leaves short HTML as it is', () => {
    expect(truncateHtmlWords('<p>one two</p>', 50)).toBe('<p>one two</p>');
  });

  it('cuts a 60-word body to 50 words', () => {
    const words = Array.from({ length: 60 }, (_, index) => `w${index}`);
    const cut = truncateHtmlWords(`<p>${words.join(' ')}</p>`, 50);
    expect(plainText(cut).split(' ')).toHaveLength(50);
    expect(cut.endsWith('w49…</p>')).toBe(true);
  });
});

describe('contentRole', () => {
  it.each([
    ['posts/a.md', 'article'],
    ['a.markdown', 'article'],
    ['2019/x.mkd', 'article'],
    ['notes/y.mdown', 'article'],
    ['pages/about.md', 'page'],
    ['training/madrid.md', 'course'],
    ['authors/ana-lopez.md', 'author'],
    ['pages.md', 'article'],
    ['images/a.jpeg', 'static'],
    ['files/slides.pdf', 'static'],
    ['notes/z.rst', 'article'],
    ['.#post.md', 'none'],
    ['training/notes.rst', 'none'],
  ])('%s is %s', (path, role) => expect(contentRole(path)).toBe(role));

  it('follows a Pelican layout: ARTICLE_PATHS, PAGE_PATHS, STATIC_PATHS and their excludes', () => {
    const layout: ContentLayout = {
      ...DEFAULT_LAYOUT,
      articlePaths: ['posts', 'notes/one.md'],
      articleExcludes: ['posts/drafts', 'pages'],
      pagePaths: ['pages'],
      staticPaths: ['images', 'extra/robots.txt'],
      staticExcludes: ['images/raw'],
      readers: ['markdown', 'rst'],
      ownFolders: false,
    };
    expect(contentRole('posts/a.md', layout)).toBe('article');
    expect(contentRole('posts/drafts/b.md', layout)).toBe('none');
    expect(contentRole('notes/one.md', layout)).toBe('article');
    expect(contentRole('notes/two.md', layout)).toBe('none');
    expect(contentRole('code/readme.md', layout)).toBe('none');
    expect(contentRole('training/course.md', layout)).toBe('none');
    expect(contentRole('pages/about.rst', layout)).toBe('page');
    expect(contentRole('posts/page.html', layout)).toBe('none');
    expect(contentRole('images/a.png', layout)).toBe('static');
    expect(contentRole('images/raw/a.png', layout)).toBe('none');
    expect(contentRole('extra/robots.txt', layout)).toBe('static');
    expect(contentRole('extra/other.txt', layout)).toBe('none');
  });

  it('matches names as Python\'s fnmatch does', () => {
    expect(fnmatch('.#a.md', '.#*')).toBe(true);
    expect(fnmatch('a.md', '*.m?')).toBe(true);
    expect(fnmatch('b.md', '[!a]*')).toBe(true);
    expect(fnmatch('a.md', '[!a]*')).toBe(false);
  });
});

describe('contentDirFrom', () => {
  it('defaults to content/ and resolves CONTENT_DIR from the working folder', () => {
    expect(contentDirFrom({}, '/site')).toBe('/site/content');
    expect(contentDirFrom({ CONTENT_DIR: '' }, '/site')).toBe('/site/content');
    expect(contentDirFrom({ CONTENT_DIR: '../old/content' }, '/site')).toBe('/old/content');
    expect(contentDirFrom({ CONTENT_DIR: '/abs/c' }, '/site')).toBe('/abs/c');
  });
});

describe('prerenderWorkersFrom', () => {
  it('defaults to one worker per core but one, started after the first pages, and takes PRERENDER_WORKERS', () => {
    expect(prerenderWorkersFrom({}, 2)).toEqual({ workers: 1, startAfter: 24 });
    expect(prerenderWorkersFrom({}, 1)).toEqual({ workers: 0, startAfter: 24 });
    expect(prerenderWorkersFrom({ PRERENDER_WORKERS: ' ' }, 4)).toEqual({ workers: 3, startAfter: 24 });
    expect(prerenderWorkersFrom({ PRERENDER_WORKERS: '0' }, 4)).toEqual({ workers: 0, startAfter: 0 });
    // Asked for, workers start with the first page.
    expect(prerenderWorkersFrom({ PRERENDER_WORKERS: '2' }, 1)).toEqual({ workers: 2, startAfter: 0 });
  });

  it('refuses what is not a count, saying what it got', () => {
    expect(() => prerenderWorkersFrom({ PRERENDER_WORKERS: 'two' })).toThrow('PRERENDER_WORKERS must be a whole number, 0 or more (it is "two")');
    expect(() => prerenderWorkersFrom({ PRERENDER_WORKERS: '-1' })).toThrow(/whole number/);
  });
});

describe('defineSiteConfig', () => {
  it('fills in defaults', () => {
    expect(defineSiteConfig({ title: 'Blog', defaultAuthor: 'Ana' })).toMatchObject({
      timeZone: 'Europe/Madrid',
      language: 'en',
      url: 'http://localhost:4321',
    });
  });

  it('says which settings to change', () => {
    expect(() => defineSiteConfig({ title: '', defaultAuthor: 'Ana', timeZone: 'Mars/Olympus', url: 'nope' })).toThrow(
      /site\.config\.ts title: give the site a name[\s\S]*url: must be an absolute URL[\s\S]*timeZone: is not a time zone name/,
    );
  });
});

describe('blogPostingJsonLd', () => {
  it('describes an article for search engines', () => {
    const jsonLd = blogPostingJsonLd({
      title: 'T',
      summary: 'S',
      url: 'https://x.org/posts/t/',
      datePublished: '2019-06-04T00:00:00+02:00',
      dateModified: '2019-06-05T00:00:00+02:00',
      authors: ['Pedro Muñoz Botas'],
      tags: ['a'],
      category: 'training',
      image: 'https://x.org/c.jpg',
      lang: 'en',
      publisher: publisherJsonLd({ name: 'The Gurus', url: 'https://x.org/', logo: 'https://x.org/logo.png' }),
    });
    expect(jsonLd['publisher']).toEqual({ '@type': 'Organization', name: 'The Gurus', url: 'https://x.org/', logo: { '@type': 'ImageObject', url: 'https://x.org/logo.png' } });
    expect(jsonLd).toMatchObject({
      '@type': 'BlogPosting',
      headline: 'T',
      author: [{ '@type': 'Person', name: 'Pedro Muñoz Botas' }],
      keywords: ['a'],
      articleSection: 'training',
      image: 'https://x.org/c.jpg',
    });
  });

  it('reads the language a course is taught in from its Language header', () => {
    expect(languageCodeOf('Spanish (materials in English)')).toBe('es');
    expect(languageCodeOf('English, with slides in Spanish')).toBe('en');
    expect(languageCodeOf('Inglés')).toBe('en');
    expect(languageCodeOf('español')).toBe('es');
    expect(languageCodeOf('pt-BR')).toBe('pt-BR');
    expect(languageCodeOf('Klingon')).toBeUndefined();
    expect(languageCodeOf(undefined)).toBeUndefined();
  });

  it('cannot be closed early by a title holding </script>', () => {
    expect(scriptJson({ headline: '</script><script>alert(1)</script>' })).not.toContain('</script>');
  });
});

describe('site URL settings', () => {
  it('default to folder URLs', () => {
    expect(defineSiteConfig({ title: 'B', defaultAuthor: 'A' }).urls).toMatchObject({
      article: 'posts/{slug}/',
      tag: 'tag/{slug}/',
      archives: 'archives/',
    });
  });

  it('have a Pelican preset, whose patterns can be changed one by one', () => {
    expect(defineSiteConfig({ title: 'B', defaultAuthor: 'A', urls: { preset: 'pelican', article: '{date:%Y}/{slug}.html' } }).urls).toMatchObject({
      article: '{date:%Y}/{slug}.html',
      page: 'pages/{slug}.html',
      category: 'category/{slug}.html',
    });
  });

  it('refuse mixed endings and patterns without a slug', () => {
    expect(() => defineSiteConfig({ title: 'B', defaultAuthor: 'A', urls: { tag: 'tag/{slug}.html' } })).toThrow(
      /urls\.tag: ends differently from urls\.article/,
    );
    expect(() => defineSiteConfig({ title: 'B', defaultAuthor: 'A', urls: { article: 'posts/' } })).toThrow(
      /urls\.article: needs a \{slug\}/,
    );
  });
});

describe('summaryBeforeMarker', () => {
  it('cuts at <!-- PELICAN_END_SUMMARY --> or <!-- more -->, closing open tags', () => {
    expect(summaryBeforeMarker('<p>Intro</p>\n<!-- PELICAN_END_SUMMARY -->\n<p>Rest</p>')).toBe('<p>Intro</p>');
    expect(summaryBeforeMarker('<div><p>Intro</p><!-- more --><p>Rest</p></div>')).toBe('<div><p>Intro</p></div>');
    expect(summaryBeforeMarker('<p>No marker</p>')).toBeUndefined();
  });
});

describe('hasMath', () => {
  it('spots KaTeX output', () => {
    expect(hasMath('<span class="katex"><math></math></span>')).toBe(true);
    expect(hasMath('<p>$5</p>')).toBe(false);
    expect(hasMath(undefined)).toBe(false);
  });
});

describe('displayPath', () => {
  it('shows paths inside the working folder relative to it, others as they are', () => {
    expect(displayPath('/work/site/content/x.md', '/work/site')).toBe('content/x.md');
    expect(displayPath('/elsewhere/content/x.md', '/work/site')).toBe('/elsewhere/content/x.md');
  });
});
