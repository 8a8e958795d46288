import { createHash } from 'node:crypto';

/** One rule of a `_headers` file: a path pattern and the headers of the responses it matches. */
export interface HeaderRule {
  /** `/*`, `/_astro/*`, or an exact path. */
  path: string;
  headers: Record<string, string>;
}

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
/** Script types the browser does not run (data blocks): CSP does not apply to them. */
const DATA_TYPE = /\btype\s*=\s*["']?application\/(?:ld\+)?json/i;

/**
 * The CSP hashes (`'sha256-…'`) of a page's inline scripts: with them, script-src needs no
 * `'unsafe-inline'`.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const [, attributes = '', body = ''] of html.matchAll(INLINE_SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes) || DATA_TYPE.test(attributes)) continue;
    hashes.push(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
  }
  return hashes;
}

/**
 * The site's Content-Security-Policy: scripts from the site and the hashed inline ones only
 * (`'wasm-unsafe-eval'` lets Pagefind's WebAssembly run); forms post to the site, or to the
 * newsletter provider; no framing of the site, YouTube's and Vimeo's players in it (liquid tags).
 */
export function contentSecurityPolicy(scriptHashes: Iterable<string>, formAction: string | undefined): string {
  const hashes = [...new Set(scriptHashes)].sort();
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
    // Shiki colours code with style attributes, Astro inlines small stylesheets.
    "style-src 'self' 'unsafe-inline'",
    // Posts may show images from elsewhere.
    "img-src 'self' data: https:",
    "font-src 'self'",
    // The players Pelican's liquid tags embed, and videos from anywhere.
    'frame-src https://www.youtube-nocookie.com https://player.vimeo.com',
    "media-src 'self' https:",
    "connect-src 'self'",
    `form-action 'self'${formAction ? ` ${new URL(formAction).origin}` : ''}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}

/** The headers of every response, and the caching of each kind of file. */
export function headerRules(csp: string): HeaderRule[] {
  return [
    {
      path: '/*',
      headers: {
        'Content-Security-Policy': csp,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'strict-origin-when-cross-origin',
        'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
        'X-Frame-Options': 'DENY',
        'Cross-Origin-Opener-Policy': 'same-origin',
      },
    },
    // File names with a content hash never change: cache them for a year.
    { path: '/_astro/*', headers: { 'Cache-Control': 'public, max-age=31536000, immutable' } },
    { path: '/pagefind/*', headers: { 'Cache-Control': 'public, max-age=3600' } },
    { path: '/_katex/*', headers: { 'Cache-Control': 'public, max-age=604800' } },
  ];
}

/** Rules as a `_headers` file, the format Netlify and Cloudflare Pages read. */
export function headersFile(rules: readonly HeaderRule[]): string {
  return `${rules.map((rule) => [rule.path, ...Object.entries(rule.headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n')).join('\n')}\n`;
}

/** Reads a `_headers` file back (for the Node server): rules in order. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ path: line.trim(), headers: {} });
    else {
      const colon = line.indexOf(':');
      const rule = rules.at(-1);
      if (rule && colon > 0) rule.headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
    }
  }
  return rules;
}

/** The headers a path gets: every matching rule, later ones winning. */
export function headersFor(path: string, rules: readonly HeaderRule[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) {
    const matches = rule.path.endsWith('*') ? path.startsWith(rule.path.slice(0, -1)) : path === rule.path;
    if (matches) Object.assign(headers, rule.headers);
  }
  return headers;
}

const REFRESH = /<meta http-equiv="refresh" content="0; url=([^"]+)">/;

/**
 * A redirect page's target (the pages made for Pelican's old URLs) as a path of the site, or none:
 * a path works on whatever host and port the site is served from.
 */
export function redirectTarget(html: string): string | undefined {
  const target = REFRESH.exec(html)?.[1]?.replace(/&amp;/g, '&');
  if (target === undefined) return undefined;
  const url = new URL(target, 'http://site.invalid');
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Redirects as a `_redirects` file (Netlify, Cloudflare Pages): `from to 301`, one a line. */
export function redirectsFile(redirects: ReadonlyMap<string, string>): string {
  return [...redirects].map(([from, to]) => `${from} ${to} 301`).join('\n') + (redirects.size ? '\n' : '');
}

/** Reads a `_redirects` file back: from → to. */
export function parseRedirectsFile(text: string): Map<string, string> {
  const redirects = new Map<string, string>();
  for (const line of text.split('\n')) {
    const [from, to] = line.trim().split(/\s+/);
    if (from && to && !from.startsWith('#')) redirects.set(from, to);
  }
  return redirects;
}
