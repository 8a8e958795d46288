// `npm run serve` (and `npm start`): serves a build (DIST_DIR, default dist/) in production: the
// static site and the newsletter's on-demand routes through Astro's Node handler, plus what a
// server on the internet needs. Runs on Node 24's own TypeScript support (hence `.ts` imports).
// Every header, path and body is hostile until checked (the threat model is in the README):
//   - one spelling of each path decides every rule: other spellings are redirected or refused;
//     only GET, HEAD and POST; a Host that is no host name is refused; `_headers`, `_redirects`
//     and Astro's on-demand `/_image` are not served;
//   - API bodies need a Content-Length within 16 KB, checked before anything is read;
//   - the security headers, CSP and caching of dist/client/_headers on every response (HSTS over
//     HTTPS, or behind a TRUST_PROXY proxy that says so); real 301s for dist/client/_redirects;
//     brotli or gzip as the client negotiates (static text files compressed once, kept in memory);
//   - links in emails from the URL the site was built for (dist/server/site.json), never the Host;
//   - GET /healthz proves the database can be written; the outbox is retried from the start;
//   - one JSON log line per request (path without the query: links carry tokens);
//   - SIGTERM/SIGINT: stop accepting, finish what is in flight, close the database, exit.
// HOST and PORT choose where (default localhost:4321); NEWSLETTER_DB is the subscribers' database.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DatabaseSync } from 'node:sqlite';
import compression from 'compression';
import fresh from 'fresh';
import { acceptedEncoding, compressedFiles } from '../src/deploy/compressed-files.ts';
import { requestPath } from '../src/deploy/request-path.ts';
import { headersFor, parseHeadersFile, parseRedirectsFile } from '../src/deploy/static-headers.ts';
import { fromTrustedProxy, proxyTrust, type ProxyTrust } from '../src/newsletter/client-address.ts';
import { checkWritable, openNewsletterDatabase } from '../src/newsletter/database.ts';
import { closeNewsletter, markOutboxRetryStarted, MAX_API_BODY_BYTES } from '../src/newsletter/lifecycle.ts';
import { mailerFromEnv } from '../src/newsletter/mailer.ts';
import { deliverDue, releaseClaims, RETRY_CHECK_MS } from '../src/newsletter/outbox.ts';

/** Refuses to start, saying why and what to do. */
function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const dist = resolve(process.env['DIST_DIR'] || 'dist');
const entry = join(dist, 'server', 'entry.mjs');
if (!existsSync(entry)) fail(`No build found in ${dist}. Run \`npm run build\` first, or \`npm start\` to build and serve.`);
const host = process.env['HOST'] || 'localhost';
const port = Number(process.env['PORT'] || 4321);
const log = (fields: Record<string, unknown>) => console.log(JSON.stringify({ time: new Date().toISOString(), ...fields }));

// Every absolute URL the server writes (the links in emails) starts with the URL the site was
// built for, never with a request's Host. In production (NODE_ENV=production, or listening beyond
// this machine) a build for localhost would mail links to localhost: refuse to start, and say what
// to set. A SITE_URL given to the server must be the one the build was made with.
const siteFile = join(dist, 'server', 'site.json');
const siteUrl = existsSync(siteFile) ? String((JSON.parse(readFileSync(siteFile, 'utf8')) as { url?: unknown }).url ?? '') : '';
const isLoopback = (name: string) => name === 'localhost' || name.endsWith('.localhost') || /^127\./.test(name) || name === '::1' || name === '[::1]';
const production = process.env['NODE_ENV'] === 'production' || !isLoopback(host);
if (production && (siteUrl === '' || isLoopback(new URL(siteUrl).hostname))) {
  fail(
    `This build is for ${siteUrl || 'no public URL'}: in production the links in its emails would point there.\n` +
      'Build for the public address: SITE_URL=https://your.domain npm run build (docker build --build-arg SITE_URL=…), or set `url` in site.config.ts.',
  );
}
const givenUrl = process.env['SITE_URL'];
if (givenUrl && siteUrl && new URL(givenUrl).origin !== new URL(siteUrl).origin) {
  fail(`SITE_URL is ${givenUrl}, but this build was made for ${siteUrl}: build again with SITE_URL=${givenUrl}.`);
}
let trust: ProxyTrust = () => false;
try {
  trust = proxyTrust(process.env['TRUST_PROXY']);
} catch (error) {
  fail((error as Error).message);
}

// The database first: a corrupt one, or one from newer code, must stop the server at once, with
// what to do, rather than fail signups one by one.
const databaseFile = process.env['NEWSLETTER_DB'] || 'data/newsletter.sqlite';
let db: DatabaseSync;
try {
  db = openNewsletterDatabase(databaseFile);
  const { quick_check: check } = db.prepare('PRAGMA quick_check').get() as { quick_check: string };
  if (check !== 'ok') throw new Error(`integrity check failed: ${check}`);
} catch (error) {
  fail(
    `The newsletter database ${databaseFile} cannot be used: ${(error as Error).message}\n` +
      'Restore it from a backup (npm run subscribers -- backup FILE makes one), or move it away to start with an empty database.',
  );
}

const client = join(dist, 'client');
const read = (file: string) => (existsSync(join(client, file)) ? readFileSync(join(client, file), 'utf8') : '');
const headerRules = parseHeadersFile(read('_headers'));
const redirects = parseRedirectsFile(read('_redirects'));

process.env['ASTRO_NODE_AUTOSTART'] = 'disabled';
const { handler } = (await import(pathToFileURL(entry).href)) as { handler: (req: IncomingMessage, res: ServerResponse) => void };
const compress = compression();
const precompressed = compressedFiles(client);

/**
 * Caching of what `_headers` leaves open: HTML is cached briefly (a rebuild shows within minutes);
 * answers about one reader never.
 */
function cachingOf(path: string, contentType: string): string | undefined {
  if (path.startsWith('/api/') || path.startsWith('/newsletter/confirm') || path.startsWith('/newsletter/unsubscribe')) return 'no-store';
  if (contentType.startsWith('text/html')) return 'public, max-age=300, must-revalidate';
  return undefined;
}

/**
 * The headers of `_headers` (and caching, and HSTS) go on whatever is answered, the server's own
 * answers (301, 4xx, /healthz) too; the status line carries the status's own reason phrase.
 */
function withHeaders(req: IncomingMessage, res: ServerResponse, path: string): void {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    const headers = headersFor(path, headerRules);
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    // (Headers given to writeHead itself, as the server's own answers give `no-store`, win over these.)
    const caching = headers['Cache-Control'] ?? cachingOf(path, String(res.getHeader('content-type') ?? ''));
    if (caching) res.setHeader('Cache-Control', caching);
    // HTTPS as the socket says, or as a proxy we trust says: anyone can send X-Forwarded-Proto.
    const forwardedHttps = req.headers['x-forwarded-proto'] === 'https' && fromTrustedProxy(req.socket.remoteAddress ?? '', trust);
    if ('encrypted' in req.socket || forwardedHttps) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    // Astro answers a page's status with the reason `OK`, whatever the status ("400 OK").
    const reason = STATUS_CODES[status] ?? 'Unknown';
    return writeHead(status, reason, ...rest.filter((part) => typeof part !== 'string'));
  }) as typeof res.writeHead;
}

/** A short answer of the server's own. */
function answer(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers }).end(`${text}\n`);
}

// /healthz writes to the database (a read-only file or a full disk shows only on a write), at most
// once a second however often it is asked.
let health: { at: number; error: string | undefined } = { at: 0, error: undefined };
function healthz(res: ServerResponse): void {
  const now = Date.now();
  if (now - health.at >= 1000) {
    try {
      checkWritable(db);
      health = { at: now, error: undefined };
    } catch (error) {
      health = { at: now, error: (error as Error).message };
    }
  }
  const body = health.error === undefined ? { ok: true } : { ok: false, error: health.error };
  res.writeHead(health.error === undefined ? 200 : 503, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(body));
}

/** A request's whole body; `undefined` when the client went away before sending all of it. */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => resolve(undefined));
    req.on('aborted', () => resolve(undefined));
    req.on('close', () => resolve(req.complete ? Buffer.concat(chunks) : undefined));
  });
}

const METHODS = new Set(['GET', 'HEAD', 'POST']);
// A host name or an address literal, with an optional port: `Host: a@b` or `Host: x/y` is no host.
const HOST_HEADER = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;
const validHost = (value: string | undefined) => value !== undefined && (HOST_HEADER.test(value) || isIP(value) !== 0);
// Files of the build that are instructions for the server, not pages; and Astro's on-demand image
// transformer, which a static build does not need (its images were made at build time) and which
// costs seconds of CPU a request.
const NOT_SERVED = /^\/(?:_headers|_redirects|_image)(?:\/|$)/;

let inFlight = 0;
let stopping = false;
// A client that sends its headers or body slowly (slowloris) is cut off: headers within 10 s, the
// whole request within REQUEST_TIMEOUT_MS (default 30 s), checked every second.
const requestTimeout = Number(process.env['REQUEST_TIMEOUT_MS'] || 30_000);
const server = createServer({ headersTimeout: Math.min(10_000, requestTimeout), requestTimeout, connectionsCheckingInterval: 1000 }, (req, res) => {
  const started = performance.now();
  const raw = (req.url ?? '/').split('?')[0] ?? '/';
  inFlight += 1;
  res.on('close', () => {
    inFlight -= 1;
    // A request cut off before its answer is logged as such, not as the 200 it never got.
    log({ method: req.method, path: raw, status: res.headersSent ? res.statusCode : null, ms: Math.round(performance.now() - started) });
    // Stopping: a kept-alive connection that has just finished its last request closes now.
    if (stopping) server.closeIdleConnections();
  });
  // Every rule below is decided on one spelling of the path, read once.
  const target = requestPath(req.url);
  withHeaders(req, res, target.ok ? target.path : '/');
  if (!target.ok) return answer(res, 400, target.problem);
  if (!METHODS.has(req.method ?? '')) return answer(res, 405, 'This server answers GET, HEAD and POST.', { Allow: 'GET, HEAD, POST' });
  if (!validHost(req.headers.host)) return answer(res, 400, 'The Host header is not a host name.');
  const { path, query } = target;
  const read = req.method === 'GET' || req.method === 'HEAD';
  // Another spelling of a path (`//api/`, `/%61pi/`, `/x/../api/`) is sent to the one spelling, or
  // refused: no limit, cache rule or route can be passed by spelling a path differently.
  if (!target.canonical) return read ? answer(res, 301, `Moved to ${path}`, { Location: `${path}${query}` }) : answer(res, 400, 'Write the path the one way it is spelled.');
  if (NOT_SERVED.test(path)) return answer(res, 404, 'Not found.');
  if (path === '/healthz') return healthz(res);
  const redirect = redirects.get(path);
  if (redirect && read) return answer(res, 301, `Moved to ${redirect}`, { Location: redirect });
  if (req.method === 'POST') {
    if (!path.startsWith('/api/')) return answer(res, 405, 'Only the API takes POST.', { Allow: 'GET, HEAD' });
    // Bodies are capped before anything reads them: a length is required (no chunked bodies, whose
    // size is known only at the end) and at most the limit; Node's parser then reads no more.
    const length = req.headers['content-length'];
    if (length === undefined || req.headers['transfer-encoding'] !== undefined) return answer(res, 411, 'A Content-Length is required.');
    if (!/^\d+$/.test(length) || Number(length) > MAX_API_BODY_BYTES) return answer(res, 413, 'The form is too large.', { Connection: 'close' });
  }
  const encoding = acceptedEncoding(req.headers['accept-encoding']);
  const servePage = () => compress(req as never, res as never, () => handler(req, res));
  // An API body is read whole here (at most the limit) before Astro sees the request, which it
  // takes as `req.body`: a client that sends it slowly, or never finishes, is cut off by the
  // request timeout without reaching a route.
  if (req.method === 'POST') {
    readBody(req).then((body) => {
      if (body === undefined) return;
      (req as IncomingMessage & { body?: Buffer }).body = body;
      servePage();
    });
    return;
  }
  // Static text files come compressed from memory; the rest (images, on-demand pages) as Astro serves them.
  if (encoding && read && !path.startsWith('/api/')) {
    precompressed(path, encoding).then(
      (file) => {
        if (!file) {
          servePage();
          return;
        }
        res.setHeader('Content-Type', file.type);
        res.setHeader('Vary', 'Accept-Encoding');
        res.setHeader('ETag', file.etag);
        // `If-None-Match` as HTTP reads it: a list, weak tags, `*`.
        if (fresh(req.headers, { etag: file.etag })) {
          res.writeHead(304).end();
          return;
        }
        res.setHeader('Content-Encoding', file.encoding);
        res.setHeader('Content-Length', file.body.length);
        res.writeHead(200);
        res.end(req.method === 'HEAD' ? undefined : file.body);
      },
      () => servePage(),
    );
    return;
  }
  servePage();
});

// Emails the mail server refused wait in the outbox: tried again from the start, not from the
// first newsletter request after a restart. The routes' own timer stands down.
const mailer = mailerFromEnv(process.env);
markOutboxRetryStarted();
releaseClaims(db);
const retryOutbox = () =>
  deliverDue(db, mailer).then(
    ({ sent, failed, bounced }) => (sent || failed || bounced) && log({ message: `outbox: ${sent} email(s) sent, ${failed} still waiting, ${bounced} bounced` }),
    (error: unknown) => log({ message: `outbox: ${String(error)}` }),
  );
setInterval(retryOutbox, RETRY_CHECK_MS).unref();
void retryOutbox();

server.listen(port, host, () => log({ message: `listening on http://${host}:${port}/`, dist, database: databaseFile }));

function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  log({ message: `${signal}: finishing ${inFlight} request(s) in flight, then stopping` });
  server.close(() => {
    closeNewsletter();
    db.close();
    log({ message: 'stopped' });
    process.exit(0);
  });
  server.closeIdleConnections();
  // Requests that never end do not keep the server up for ever.
  setTimeout(() => {
    log({ message: 'requests still open after 10 s: stopping anyway' });
    process.exit(1);
  }, 10_000).unref();
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
