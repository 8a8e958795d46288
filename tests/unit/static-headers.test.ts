// What static hosts and the Node server apply to every response: the CSP's script hashes, the
// `_headers` and `_redirects` files, written and read back.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { internalLinks } from '../../src/deploy/link-check';
import {
  contentSecurityPolicy,
  headerRules,
  headersFile,
  headersFor,
  inlineScriptHashes,
  parseHeadersFile,
  parseRedirectsFile,
  redirectsFile,
  redirectTarget,
} from '../../src/deploy/static-headers';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('the Content-Security-Policy', () => {
  it('hashes inline scripts, not external ones or JSON-LD', () => {
    const html = '<script>a()</script><script type="module">b()</script><script src="/x.js"></script><script type="application/ld+json">{"a":1}</script>';
    expect(inlineScriptHashes(html)).toEqual([sha('a()'), sha('b()')]);
  });

  it('allows those scripts without unsafe-inline, and a newsletter provider as form action', () => {
    const csp = contentSecurityPolicy([sha('b()'), sha('a()'), sha('a()')], 'https://news.example/subscribe');
    expect(csp).toContain(`script-src 'self' 'wasm-unsafe-eval' ${[sha('a()'), sha('b()')].sort().join(' ')};`);
    expect(csp).toContain("form-action 'self' https://news.example;");
    expect(csp).toContain("frame-ancestors 'none'");
  });
});

describe('_headers and _redirects', () => {
  it('are written in the format static hosts read, and read back the same', () => {
    const rules = headerRules("default-src 'self'");
    const text = headersFile(rules);
    expect(text).toContain("/*\n  Content-Security-Policy: default-src 'self'\n  X-Content-Type-Options: nosniff\n");
    expect(parseHeadersFile(text)).toEqual(rules);
    const redirects = new Map([['/old.html', '/new/']]);
    expect(redirectsFile(redirects)).toBe('/old.html /new/ 301\n');
    expect(parseRedirectsFile(redirectsFile(redirects))).toEqual(redirects);
  });

  it('give each path its headers, the most specific rule last', () => {
    const rules = headerRules('x');
    expect(headersFor('/_astro/a.css', rules)).toMatchObject({ 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'public, max-age=31536000, immutable' });
    expect(headersFor('/posts/a/', rules)['Cache-Control']).toBeUndefined();
  });

  it('take redirect targets as paths of the site', () => {
    expect(redirectTarget('<meta http-equiv="refresh" content="0; url=https://x.org/posts/a/?q=1&amp;b=2">')).toBe('/posts/a/?q=1&b=2');
    expect(redirectTarget('<p>no redirect</p>')).toBeUndefined();
  });
});

describe('internal links', () => {
  it('are the paths of this origin a page points to, srcsets and redirects included', () => {
    const html = '<a href="/a/#x">a</a><a href="https://else.org/b">b</a><img srcset="/c.avif 1x, /d.avif 2x"><meta content="https://x.org/e.jpg"><a href="mailto:a@b">m</a>';
    expect(internalLinks(html, 'https://x.org').sort()).toEqual(['/a/', '/c.avif', '/d.avif', '/e.jpg']);
  });
});
