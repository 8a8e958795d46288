import { describe, expect, it } from 'vitest';
import { buildFormatOf, expandUrlPattern, paginate, paginatedUrl, routePathOf, URL_PRESETS } from '../../src/lib/url-patterns';

const date = new Date('2019-06-03T22:30:00Z');

describe('expandUrlPattern', () => {
  it('fills Pelican placeholders, dates in the site zone', () => {
    expect(expandUrlPattern('{date:%Y}/{date:%m}/{date:%d}/{slug}/', { slug: 'x', date }, 'Europe/Madrid')).toBe('/2019/06/04/x/');
    expect(expandUrlPattern('{category}/{slug}-{lang}.html', { slug: 'x', lang: 'es', category: 'ml' }, 'UTC')).toBe('/ml/x-es.html');
    expect(expandUrlPattern('archives/', {}, 'UTC')).toBe('/archives/');
  });

  it('says which value a pattern lacks', () => {
    expect(() => expandUrlPattern('{date:%Y}/{slug}/', { slug: 'x' }, 'UTC')).toThrow(/needs a date/);
  });
});

describe('route paths and build formats', () => {
  it('maps folder URLs to directory output and .html URLs to file output', () => {
    expect(buildFormatOf(URL_PRESETS.default)).toBe('directory');
    expect(buildFormatOf(URL_PRESETS.pelican)).toBe('file');
    expect(routePathOf('/posts/x/')).toBe('posts/x');
    expect(routePathOf('/category/ml.html')).toBe('category/ml');
  });
});

describe('pagination', () => {
  it('puts page n under page/n/ for folder URLs and name{n}.html for Pelican file URLs', () => {
    expect(paginatedUrl('/tag/python/', 1)).toBe('/tag/python/');
    expect(paginatedUrl('/tag/python/', 2)).toBe('/tag/python/page/2/');
    expect(paginatedUrl('/', 2)).toBe('/page/2/');
    expect(paginatedUrl('/tag/python.html', 2)).toBe('/tag/python2.html');
    expect(paginatedUrl('/', 3, 'file')).toBe('/index3.html');
  });

  it('splits listings into pages', () => {
    expect(paginate([1, 2, 3], 2)).toEqual([[1, 2], [3]]);
    expect(paginate([], 2)).toEqual([[]]);
  });
});
