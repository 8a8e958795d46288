import { describe, expect, it } from 'vitest';
import { cacheKey, entryKey, sharedFields } from '../../src/lib/cache-key';

describe('cacheKey', () => {
  it('is the same for equal values, dates included, and differs otherwise', () => {
    expect(cacheKey('a', { date: new Date('2020-01-01T00:00:00Z') })).toBe(cacheKey('a', { date: new Date('2020-01-01T00:00:00Z') }));
    expect(cacheKey('a', { date: new Date('2020-01-01T00:00:00Z') })).not.toBe(cacheKey('a', { date: new Date('2020-01-02T00:00:00Z') }));
    expect(cacheKey('a', 'b')).not.toBe(cacheKey('ab'));
    expect(cacheKey('x')).toMatch(/^[\w-]{22}$/);
  });
});

describe('sharedFields', () => {
  it('leaves out what only listings of the entry show', () => {
    const modified = new Date();
    expect(sharedFields({ title: 'A', tags: ['x'], summary: '<p>Hi</p>', modified })).toEqual({ title: 'A', tags: ['x'] });
  });
});

describe('entryKey', () => {
  const entry = { id: 'post', digest: 'd1', data: { title: 'A', summary: '<p>Hi</p>' } };
  it('changes with the source digest (the body) and with any field', () => {
    expect(entryKey(entry)).toBe(entryKey({ ...entry }));
    expect(entryKey({ ...entry, digest: 'd2' })).not.toBe(entryKey(entry));
    expect(entryKey({ ...entry, data: { ...entry.data, summary: '<p>Hello</p>' } })).not.toBe(entryKey(entry));
  });
});

describe('entryKey and the rendered HTML', () => {
  it('changes when the HTML does, though the source did not (a new Markdown plugin)', () => {
    const entry = { id: 'post', digest: 'd1', data: { title: 'A' }, rendered: { html: '<p>A</p>' } };
    expect(entryKey({ ...entry, rendered: { html: '<p>B</p>' } })).not.toBe(entryKey(entry));
  });

  it('changes with the digest of a body kept in a file of its own', () => {
    const entry = { id: 'post', digest: 'd1', data: { title: 'A' }, rendered: { html: '', metadata: { bodyDigest: 'h1' } } };
    expect(entryKey({ ...entry, rendered: { html: '', metadata: { bodyDigest: 'h2' } } })).not.toBe(entryKey(entry));
    expect(entryKey({ ...entry })).toBe(entryKey(entry));
  });
});
