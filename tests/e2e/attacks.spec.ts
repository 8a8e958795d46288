// The production server attacked on 127.0.0.1 as a pentester and an SRE would (issue 18): path
// spellings, bodies, headers, floods, the image transformer, forged hosts and proxies, a slow mail
// server, a crash mid-burst. Bounded in count and time; every server started here is stopped here.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect, test } from '@playwright/test';
import { openNewsletterDatabase } from '../../src/newsletter/database';
import { queueEmail } from '../../src/newsletter/outbox';
import { serveBuild, type RunningServer } from './support/fixture-site';
import { recordingSmtp } from './support/smtp';

test.describe.configure({ mode: 'serial' });

const data = mkdtempSync(join(tmpdir(), 'attacks-e2e-'));
const serverLog = join(data, 'server.log');
let server: RunningServer;
const port = 4371;

test.beforeAll(async () => {
  server = await serveBuild(
    'dist',
    port,
    { NEWSLETTER_DB: join(data, 'main.sqlite'), NEWSLETTER_OUTBOX: join(data, 'outbox'), NEWSLETTER_RATE_LIMIT: '10000', REQUEST_TIMEOUT_MS: '2000', SMTP_URL: '' },
    { log: serverLog },
  );
});
test.afterAll(async () => {
  await server?.stop();
  rmSync(data, { recursive: true, force: true });
});

interface RawAnswer {
  statusLine: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends `head` (and `body`) exactly as written, as no HTTP client would (fetch resolves `/./`
 * and `%2e`), and reads the answer; `closed` when the server hung up without one.
 */
function raw(target: number, head: string, { body = '', timeoutMs = 8000, trickle = false } = {}): Promise<RawAnswer | 'closed'> {
  return new Promise((resolve, reject) => {
    const socket = connect(target, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms to ${head.split('\r\n')[0]}`));
    }, timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      const text = Buffer.concat(chunks).toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      if (end < 0) return;
      const [statusLine = '', ...lines] = text.slice(0, end).split('\r\n');
      const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      const length = Number(headers['content-length'] ?? -1);
      const rest = text.slice(end + 4);
      if (length >= 0 && Buffer.byteLength(rest, 'latin1') < length) return;
      clearTimeout(timer);
      socket.destroy();
      resolve({ statusLine, status: Number(statusLine.split(' ')[1]), headers, body: rest });
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve('closed');
    });
    socket.on('error', () => undefined);
    socket.write(head);
    if (trickle) {
      // A slowloris body: one byte a second, never finished.
      const drip = setInterval(() => (socket.writable ? socket.write('x') : clearInterval(drip)), 1000);
      socket.on('close', () => clearInterval(drip));
    } else if (body) socket.write(body);
  });
}

const request = (method: string, path: string, headers: Record<string, string> = {}) =>
  `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}\r\n`;

const answered = async (promise: Promise<RawAnswer | 'closed'>): Promise<RawAnswer> => {
  const answer = await promise;
  if (answer === 'closed') throw new Error('the server closed the connection without an answer');
  return answer;
};

/** Resident memory of a process, in MB (Linux). */
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

const SPELLINGS = ['/./api/newsletter/confirm', '//api/newsletter/confirm', '/x/../api/newsletter/confirm', '/%2e/api/newsletter/confirm', '/%61pi/newsletter/confirm', '/api/newsletter//confirm'];

test('no spelling of an API path passes the body limit: large bodies are refused before they are read', async () => {
  const before = rssMb(server.pid);
  for (const path of [...SPELLINGS, '/api/newsletter/confirm']) {
    // 300 MB announced, 64 KB sent: the answer comes before the server would have read the rest.
    const answer = await answered(raw(port, request('POST', path, { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(300 * 1024 * 1024) }), { body: 'x'.repeat(65_536) }));
    expect([path, answer.status]).toEqual([path, path === '/api/newsletter/confirm' ? 413 : 400]);
  }
  const chunked = await answered(raw(port, request('POST', '/api/newsletter/subscribe', { 'Transfer-Encoding': 'chunked' }), { body: '4\r\nabcd\r\n0\r\n\r\n' }));
  expect(chunked.status).toBe(411);
  const noLength = await answered(raw(port, request('POST', '/api/newsletter/subscribe')));
  expect(noLength.status).toBe(411);
  expect(rssMb(server.pid) - before).toBeLessThan(50);
});

test('a body sent slowly is cut off within the request timeout', async () => {
  const started = Date.now();
  const answer = await raw(port, request('POST', '/api/newsletter/subscribe', { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': '1000' }), { trickle: true, timeoutMs: 10_000 });
  // Node answers 408 or hangs up; either way within seconds, not minutes.
  expect(answer === 'closed' || answer.status === 408).toBe(true);
  expect(Date.now() - started).toBeLessThan(8000);
});

test('other spellings of a page are sent to the one spelling, never cached, and never reach a route', async () => {
  for (const path of SPELLINGS) {
    const answer = await answered(raw(port, request('GET', `${path}?token=abc`)));
    expect([path, answer.status, answer.headers['location'], answer.headers['cache-control']]).toEqual([path, 301, '/api/newsletter/confirm?token=abc', 'no-store']);
  }
  const confirmPage = await answered(raw(port, request('GET', '//newsletter/confirm/?token=abc')));
  expect([confirmPage.status, confirmPage.headers['cache-control']]).toEqual([301, 'no-store']);
  // A redirect never leaves the site, whatever the path looks like.
  for (const path of ['//evil.test/', '/%2f%2fevil.test/', '/\\evil.test/', '/./evil.test']) {
    const answer = await answered(raw(port, request('GET', path)));
    expect(answer.headers['location'] ?? '/').toMatch(/^\/(?!\/)/);
  }
});

test('the on-demand image transformer and the server instruction files are not served', async () => {
  for (const path of ['/_image?href=%2F_astro%2Fx.avif&w=4000&q=100&f=avif', '/_image/', '/_headers', '/_redirects', '/%5fimage?href=x']) {
    const answer = await answered(raw(port, request('GET', path)));
    expect([path, answer.status]).toEqual([path, path.startsWith('/%5f') ? 301 : 404]);
  }
});

test('methods and hosts it does not know get 405 and 400, never a 500 or a stack trace', async () => {
  expect((await answered(raw(port, request('TRACE', '/api/newsletter/subscribe')))).status).toBe(405);
  expect((await answered(raw(port, request('DELETE', '/')))).status).toBe(405);
  expect((await answered(raw(port, request('POST', '/posts/ml-in-production/', { 'Content-Length': '0' })))).status).toBe(405);
  for (const host of ['a@b', 'evil.test/x', 'x y', '']) {
    const head = `GET / HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`;
    const answer = await raw(port, head);
    expect(answer === 'closed' || answer.status === 400).toBe(true);
  }
  expect(readFileSync(serverLog, 'utf8')).not.toMatch(/\n\s+at /);
});

test('every answer of the server itself has the security headers and its own reason phrase', async () => {
  const answers = await Promise.all([
    answered(raw(port, request('GET', '//x'))),
    answered(raw(port, request('POST', '/api/newsletter/subscribe'))),
    answered(raw(port, request('POST', '/api/newsletter/subscribe', { 'Content-Length': '99999999' }))),
    answered(raw(port, request('GET', '/healthz'))),
    answered(raw(port, request('POST', '/api/newsletter/confirm', { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': '10' }), { body: 'token=nope' })),
  ]);
  expect(answers.map((answer) => answer.statusLine)).toEqual([
    'HTTP/1.1 301 Moved Permanently',
    'HTTP/1.1 411 Length Required',
    'HTTP/1.1 413 Payload Too Large',
    'HTTP/1.1 200 OK',
    'HTTP/1.1 400 Bad Request',
  ]);
  for (const answer of answers) {
    expect(answer.headers['content-security-policy']).toContain("default-src 'self'");
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
  }
});

test('compression and revalidation follow HTTP: br;q=0 is refused, If-None-Match lists and weak tags match', async () => {
  const gzip = await answered(raw(port, request('GET', '/', { 'Accept-Encoding': 'br;q=0, gzip' })));
  expect(gzip.headers['content-encoding']).toBe('gzip');
  const etag = gzip.headers['etag']!;
  for (const tags of [`"other", ${etag}`, `W/${etag}`, '*']) {
    expect((await answered(raw(port, request('GET', '/', { 'Accept-Encoding': 'gzip', 'If-None-Match': tags })))).status).toBe(304);
  }
  expect((await answered(raw(port, request('GET', '/', { 'Accept-Encoding': 'gzip', 'If-None-Match': '"other"' })))).status).toBe(200);
});

test('a forged Host never reaches an email: its links start with the configured URL', async () => {
  const body = 'email=host-forger%40example.com&consent=yes';
  const head = `POST /api/newsletter/subscribe HTTP/1.1\r\nHost: evil.test\r\nX-Forwarded-Host: evil.test\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nAccept: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
  expect((await answered(raw(port, head, { body }))).status).toBe(200);
  const outbox = join(data, 'outbox');
  await expect.poll(() => existsSync(outbox) && readdirSync(outbox).some((file) => readFileSync(join(outbox, file), 'utf8').includes('host-forger@'))).toBe(true);
  const mail = readdirSync(outbox).map((file) => readFileSync(join(outbox, file), 'utf8')).find((text) => text.includes('host-forger@'))!;
  expect(mail).not.toContain('evil.test');
  expect(mail).toMatch(/^List-Unsubscribe:\s*<http:\/\/localhost:4321\/api\/newsletter\/unsubscribe\?token=/m);
});

test('signups refuse control characters in addresses and topics that are no course', async () => {
  for (const [email, topic] of [['bs\b\b\bok@example.com', ''], ['esc\x1b[2J@example.com', ''], ['ok@example.com', 'made-up-course']]) {
    const form = new URLSearchParams({ email: email!, consent: 'yes', ...(topic ? { topic } : {}) }).toString();
    const answer = await answered(
      raw(port, request('POST', '/api/newsletter/subscribe', { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json', 'Content-Length': String(form.length) }), { body: form }),
    );
    expect(answer.status).toBe(400);
  }
});

test('behind TRUST_PROXY, the limit counts the address the proxy saw, and a flood of addresses keeps memory bounded', async () => {
  const local = await serveBuild('dist', 4372, { NEWSLETTER_DB: join(data, 'proxy.sqlite'), NEWSLETTER_OUTBOX: join(data, 'proxy-outbox'), NEWSLETTER_RATE_LIMIT: '3', TRUST_PROXY: '1', SMTP_URL: '' });
  try {
    const post = (forwardedFor: string) => {
      const form = 'email=nobody&consent=yes';
      return answered(
        raw(4372, `POST /api/newsletter/subscribe HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nX-Forwarded-For: ${forwardedFor}\r\nContent-Type: application/x-www-form-urlencoded\r\nAccept: application/json\r\nContent-Length: ${form.length}\r\n\r\n`, { body: form }),
      );
    };
    // The client rotates the entry it writes itself; the proxy's entry (the last) stays.
    const statuses = [];
    for (let n = 0; n < 5; n++) statuses.push((await post(`10.9.8.${n}, 198.51.100.7`)).status);
    expect(statuses).toEqual([400, 400, 400, 429, 429]);
    // HSTS from a proxy we trust that says the client came over HTTPS.
    const https = await answered(raw(4372, `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nX-Forwarded-Proto: https\r\n\r\n`));
    expect(https.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    // Floods of distinct client addresses through the proxy: the first two warm the server up (its
    // heap grows to its working size, as much as with one address); the next ones, with as many
    // new addresses each, must not grow it further. Before the fix, memory grew with every address seen (135 to 970 MB in 48 s).
    const flood = async (first: number) => {
      for (let batch = 0; batch < 20; batch++) {
        await Promise.all(Array.from({ length: 100 }, (_, n) => post(`203.${first + batch}.${n >> 8}.${n & 255}`)));
      }
      return rssMb(local.pid);
    };
    await flood(0);
    const warm = await flood(20);
    const after = Math.max(await flood(40), await flood(60), await flood(80));
    console.log(`RSS after 4,000 addresses: ${warm.toFixed(0)} MB; after 6,000 more: ${after.toFixed(0)} MB`);
    // A coarse bound: V8's heap settles at its own pace (+26 MB here, +95 MB once on CI), while
    // memory that grew with each address would add far more. The limiter's own bound is exact in
    // the unit tests (tests/unit/newsletter.test.ts).
    expect(after - warm).toBeLessThan(200);
  } finally {
    await local.stop();
  }
});

test('with a mail server that never greets, signups answer at once and in the same time for every address', async () => {
  const sockets = new Set<import('node:net').Socket>();
  // Accepts connections and says nothing: nodemailer waits for a greeting that never comes.
  const silent = (await import('node:net')).createServer((socket) => void sockets.add(socket));
  await new Promise<void>((listening) => silent.listen(0, '127.0.0.1', listening));
  const smtpPort = (silent.address() as AddressInfo).port;
  const local = await serveBuild('dist', 4373, { NEWSLETTER_DB: join(data, 'silent.sqlite'), NEWSLETTER_RATE_LIMIT: '10000', SMTP_URL: `smtp://127.0.0.1:${smtpPort}` });
  try {
    const timeOf = async (email: string) => {
      const started = performance.now();
      const response = await fetch(`${local.origin}/api/newsletter/subscribe`, {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email, consent: 'yes' }),
      });
      return { status: response.status, body: await response.text(), ms: performance.now() - started };
    };
    const fresh = await timeOf('new@example.com');
    const again = await timeOf('new@example.com');
    expect([fresh.status, again.status, fresh.body]).toEqual([200, 200, again.body]);
    expect(fresh.ms).toBeLessThan(1000);
    expect(again.ms).toBeLessThan(1000);
  } finally {
    await local.stop();
    for (const socket of sockets) socket.destroy();
    silent.close();
  }
});

test('emails queued before a restart are sent when the server starts, without waiting for a signup', async () => {
  const file = join(data, 'restart.sqlite');
  const db = openNewsletterDatabase(file);
  const id = Number(db.prepare("INSERT INTO subscribers (email, status, consent_text, consent_version, signed_up_at) VALUES ('queued@example.com', 'pending', 'I agree.', 'v1', '2026-01-01T00:00:00Z')").run().lastInsertRowid);
  queueEmail(db, id, { from: 'news@example.com', to: 'queued@example.com', subject: 'Confirm', text: 'Confirm.', html: '<p>Confirm.</p>', headers: {} }, new Date());
  db.close();
  const smtp = await recordingSmtp();
  const local = await serveBuild('dist', 4374, { NEWSLETTER_DB: file, SMTP_URL: smtp.url });
  try {
    await expect.poll(() => smtp.received.map((mail) => mail.to), { timeout: 10_000 }).toEqual(['queued@example.com']);
    // The server takes the email out of the outbox once the SMTP server has answered its last
    // command, a moment after the message arrived there: wait for that, do not race it.
    const outboxCount = () => {
      const check = new DatabaseSync(file, { readOnly: true });
      try {
        return check.prepare('SELECT count(*) AS n FROM outbox').get();
      } finally {
        check.close();
      }
    };
    await expect.poll(outboxCount, { timeout: 5_000 }).toEqual({ n: 0 });
  } finally {
    await local.stop();
    await smtp.close();
  }
});

test('killed mid-burst, then restarted: every answered signup is stored once and gets one email', async () => {
  const file = join(data, 'burst.sqlite');
  const outbox = join(data, 'burst-outbox');
  const env = { NEWSLETTER_DB: file, NEWSLETTER_OUTBOX: outbox, NEWSLETTER_RATE_LIMIT: '100000', SMTP_URL: '' };
  const local = await serveBuild('dist', 4375, env);
  const answeredEmails: string[] = [];
  let killed: Promise<number | null> | undefined;
  await Promise.all(
    Array.from({ length: 120 }, async (_, n) => {
      const email = `burst-${n}@example.com`;
      const response = await fetch(`${local.origin}/api/newsletter/subscribe`, {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': `198.51.100.${n}` },
        body: new URLSearchParams({ email, consent: 'yes' }),
      }).catch(() => undefined);
      if (response?.status === 200) answeredEmails.push(email);
      if (answeredEmails.length === 30 && !killed) killed = local.kill('SIGKILL');
    }),
  );
  await killed;
  expect(answeredEmails.length).toBeGreaterThanOrEqual(30);
  const again = await serveBuild('dist', 4375, env);
  try {
    const mailsTo = () => {
      const counts = new Map<string, number>();
      for (const name of existsSync(outbox) ? readdirSync(outbox) : []) {
        const to = /^To: (.+)$/m.exec(readFileSync(join(outbox, name), 'utf8'))?.[1]?.trim() ?? '';
        counts.set(to, (counts.get(to) ?? 0) + 1);
      }
      return counts;
    };
    // The restarted server sends what the killed one had queued.
    await expect.poll(() => answeredEmails.filter((email) => mailsTo().get(email) !== 1), { timeout: 15_000 }).toEqual([]);
    expect([...mailsTo().values()].filter((count) => count > 1)).toEqual([]);
    const db = new DatabaseSync(file, { readOnly: true });
    const stored = (db.prepare('SELECT email FROM subscribers').all() as { email: string }[]).map(({ email }) => email);
    db.close();
    expect(answeredEmails.filter((email) => !stored.includes(email))).toEqual([]);
    expect(new Set(stored).size).toBe(stored.length);
  } finally {
    await again.stop();
  }
});
