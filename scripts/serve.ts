// `npm run serve` (and `npm start`): serves a build (DIST_DIR, default dist/) in production: the
// static site and the newsletter's on-demand routes through Astro's Node handler, plus what a
// server on the internet needs. Runs on Node 24's own TypeScript support (hence `.ts` imports).
//   - the security headers, CSP and caching of dist/client/_headers on every response (HSTS too,
//     over HTTPS); real 301s for dist/client/_redirects; brotli or gzip (static text files
//     compressed once and kept in memory);
//   - a size limit on API bodies; GET /healthz checks the database can be written;
//   - one JSON log line per request (path without the query: links carry tokens);
//   - SIGTERM/SIGINT: stop accepting, finish what is in flight, close the database, exit.
// HOST and PORT choose where (default localhost:4321); NEWSLETTER_DB is the subscribers' database.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DatabaseSync } from 'node:sqlite';
import compression from 'compression';
import { acceptedEncoding, compressedFiles } from '../src/deploy/compressed-files.ts';
import { headersFor, parseHeadersFile, parseRedirectsFile } from '../src/deploy/static-headers.ts';
import { openNewsletterDatabase } from '../src/newsletter/database.ts';
import { closeNewsletter, MAX_API_BODY_BYTES } from '../src/newsletter/lifecycle.ts';

const dist = resolve(process.env['DIST_DIR'] || 'dist');
const entry = join(dist, 'server', 'entry.mjs');
if (!existsSync(entry)) {
  console.error(`No build found in ${dist}. Run \`npm run build\` first, or \`npm start\` to build and serve.`);
  process.exit(1);
}
const host = process.env['HOST'] || 'localhost';
const port = Number(process.env['PORT'] || 4321);
const log = (fields: Record<string, unknown>) => console.log(JSON.stringify({ time: new Date().toISOString(), ...fields }));

// The database first: a corrupt one, or one from newer code, must stop the server at once, with
// what to do, rather than fail signups one by one.
const databaseFile = process.env['NEWSLETTER_DB'] || 'data/newsletter.sqlite';
let db: DatabaseSync;
try {
  db = openNewsletterDatabase(databaseFile);
  const { quick_check: check } = db.prepare('PRAGMA quick_check').get() as { quick_check: string };
  if (check !== 'ok') throw new Error(`integrity check failed: ${check}`);
} catch (error) {
  console.error(
    `The newsletter database ${databaseFile} cannot be used: ${(error as Error).message}\n` +
      'Restore it from a backup (npm run subscribers -- backup FILE makes one), or move it away to start with an empty database.',
  );
  process.exit(1);
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

/** The headers of `_headers` (and caching, and HSTS) go on whatever the handler answers. */
function withHeaders(req: IncomingMessage, res: ServerResponse, path: string): void {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((...args: unknown[]) => {
    const headers = headersFor(path, headerRules);
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const caching = headers['Cache-Control'] ?? cachingOf(path, String(res.getHeader('content-type') ?? ''));
    if (caching) res.setHeader('Cache-Control', caching);
    const https = req.headers['x-forwarded-proto'] === 'https' || 'encrypted' in req.socket;
    if (https) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    return writeHead(...args);
  }) as typeof res.writeHead;
}

function healthz(res: ServerResponse): void {
  try {
    // Takes the write lock and lets it go: fails when the file or the disk cannot be written.
    db.exec('BEGIN IMMEDIATE');
    db.exec('ROLLBACK');
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end('{"ok":true}');
  } catch (error) {
    res.writeHead(503, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify({ ok: false, error: (error as Error).message }));
  }
}

let inFlight = 0;
let stopping = false;
const server = createServer((req, res) => {
  const started = performance.now();
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  inFlight += 1;
  res.on('close', () => {
    inFlight -= 1;
    log({ method: req.method, path, status: res.statusCode, ms: Math.round(performance.now() - started) });
    // Stopping: a kept-alive connection that has just finished its last request closes now.
    if (stopping) server.closeIdleConnections();
  });
  if (path === '/healthz') return healthz(res);
  const redirect = redirects.get(path);
  if (redirect && (req.method === 'GET' || req.method === 'HEAD')) return void res.writeHead(301, { Location: redirect }).end();
  if (path.startsWith('/api/') && req.method === 'POST') {
    const length = req.headers['content-length'];
    if (length === undefined) return void res.writeHead(411, { 'Content-Type': 'text/plain' }).end('A Content-Length is required.');
    if (Number(length) > MAX_API_BODY_BYTES) return void res.writeHead(413, { 'Content-Type': 'text/plain', Connection: 'close' }).end('The form is too large.');
  }
  withHeaders(req, res, path);
  const encoding = acceptedEncoding(req.headers['accept-encoding']);
  const servePage = () => compress(req as never, res as never, () => handler(req, res));
  // Static text files come compressed from memory; the rest (images, on-demand pages) as Astro serves them.
  if (encoding && (req.method === 'GET' || req.method === 'HEAD') && !path.startsWith('/api/')) {
    precompressed(path, encoding).then(
      (file) => {
        if (!file) {
          servePage();
          return;
        }
        res.setHeader('Content-Type', file.type);
        res.setHeader('Vary', 'Accept-Encoding');
        res.setHeader('ETag', file.etag);
        if (req.headers['if-none-match'] === file.etag) {
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
