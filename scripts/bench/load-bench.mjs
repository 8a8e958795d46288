// Load on the production server (scripts/serve.ts) with autocannon: pages, then the signup
// endpoint, each under `connections` concurrent connections for `seconds`. Signups go to a
// throwaway database, read back afterwards: every answered one must be a row.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import autocannon from 'autocannon';
import { serveBuild } from './serve-build.mjs';

const PAGES = ['/', '/posts/ml-in-production/', '/training/ml-in-production-madrid/', '/archives/', '/tag/machine-learning/'];

const run = (options) =>
  new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });

/** The figures of one run: requests per second, p99 latency, errors (non-2xx/3xx and failures). */
const figures = (result) => ({
  requestsPerSecond: Math.round(result.requests.average),
  p99: result.latency.p99,
  total: result.requests.total,
  errors: result.errors + result.timeouts + result.non2xx,
});

export async function benchLoad({ connections = 200, seconds = 30, port = 4398 } = {}) {
  const data = mkdtempSync(join(tmpdir(), 'load-bench-'));
  const db = join(data, 'newsletter.sqlite');
  // Rate limit lifted: every request comes from this machine. The server's request log is dropped.
  const server = await serveBuild('dist', port, { NEWSLETTER_DB: db, NEWSLETTER_OUTBOX: join(data, 'outbox'), NEWSLETTER_RATE_LIMIT: '100000000', SMTP_URL: '' });
  try {
    const pages = await run({
      url: server.origin,
      connections,
      duration: seconds,
      requests: PAGES.map((path) => ({ method: 'GET', path, headers: { 'accept-encoding': 'br, gzip' } })),
    });
    let n = 0;
    const answered = new Set();
    const signups = await run({
      url: `${server.origin}/api/newsletter/subscribe`,
      connections,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
          setupRequest: (request, context) => {
            context.email = `load-${n++}@example.com`;
            return { ...request, body: new URLSearchParams({ email: context.email, consent: 'yes' }).toString() };
          },
          onResponse: (status, body, context) => {
            if (status === 200) answered.add(context.email);
          },
        },
      ],
    });
    await server.stop();
    const reader = new DatabaseSync(db, { readOnly: true });
    const stored = new Set(reader.prepare('SELECT email FROM subscribers').all().map((row) => row.email));
    const integrity = reader.prepare('PRAGMA integrity_check').get().integrity_check;
    reader.close();
    const lost = [...answered].filter((email) => !stored.has(email)).length;
    return { connections, seconds, pages: figures(pages), signups: { ...figures(signups), answered: answered.size, stored: stored.size, lost, integrity } };
  } finally {
    await server.stop();
    rmSync(data, { recursive: true, force: true });
  }
}
