import { describe, expect, it } from 'vitest';
import { acceptedEncoding } from '../../src/deploy/compressed-files';
import { requestPath } from '../../src/deploy/request-path';

describe('the one spelling of a request path', () => {
  it('resolves every other spelling of the API to the same path, and says it was not canonical', () => {
    for (const spelling of ['/./api/newsletter/confirm', '//api/newsletter/confirm', '/x/../api/newsletter/confirm', '/%2e/api/newsletter/confirm', '/%61pi/newsletter/confirm', '/api//newsletter/./confirm', '/api/newsletter/%63onfirm']) {
      expect(requestPath(spelling)).toEqual({ ok: true, path: '/api/newsletter/confirm', query: '', canonical: false });
    }
    expect(requestPath('/api/newsletter/confirm?token=x')).toEqual({ ok: true, path: '/api/newsletter/confirm', query: '?token=x', canonical: true });
  });

  it('keeps what is spelled one way: trailing slashes, encoded non-ASCII, encoded slashes', () => {
    expect(requestPath('/tag/%E4%BD%A0/')).toMatchObject({ path: '/tag/%E4%BD%A0/', canonical: true });
    expect(requestPath('/tag/%e4%bd%a0/')).toMatchObject({ path: '/tag/%E4%BD%A0/', canonical: false });
    expect(requestPath('/a%2Fb')).toMatchObject({ path: '/a%2Fb', canonical: true });
    expect(requestPath('/')).toMatchObject({ path: '/', canonical: true });
    expect(requestPath('/a/..')).toMatchObject({ path: '/', canonical: false });
    expect(requestPath('/../../etc/passwd')).toMatchObject({ path: '/etc/passwd', canonical: false });
  });

  it('refuses targets that are no path', () => {
    for (const target of ['*', 'http://evil.test/', '/a%zz', '/a b', '/a\\b', '/nul\0']) expect(requestPath(target).ok).toBe(false);
  });
});

describe('compression as the client negotiates it', () => {
  it('follows q-values, prefers brotli on a tie, and refuses what q=0 refuses', () => {
    expect(acceptedEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(acceptedEncoding('br;q=0, gzip')).toBe('gzip');
    expect(acceptedEncoding('gzip;q=1, br;q=0.5')).toBe('gzip');
    expect(acceptedEncoding('identity')).toBeUndefined();
    expect(acceptedEncoding('br;q=0, gzip;q=0')).toBeUndefined();
    expect(acceptedEncoding(undefined)).toBeUndefined();
  });
});
