// The production server (`npm run serve`): headers, caching, compression, limits, health, and the
// faults it must survive without losing a signup that was answered.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect, test } from '@playwright/test';
import { serveBuild, type RunningServer } from './support/fixture-site';

test.describe.configure({ mode: 'serial' });

const data = mkdtempSync(join(tmpdir(), 'production-e2e-'));
let server: RunningServer;
test.beforeAll(async () => {
  server = await serveBuild('dist', 4363, { NEWSLETTER_DB: join(data, 'main.sqlite'), NEWSLETTER_OUTBOX: join(data, 'outbox'), NEWSLETTER_RATE_LIMIT: '10000' });
});
test.afterAll(async () => {
  await server?.stop();
  rmSync(data, { recursive: true, force: true });
});

const signup = (origin: string, email: string) =>
  fetch(`${origin}/api/newsletter/subscribe`, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, consent: 'yes' }),
  });

test('every response carries the security headers; scripts need no unsafe-inline', async ({ request }) => {
  const page = await request.get(`${server.origin}/posts/ml-in-production/`, { headers: { 'Accept-Encoding': 'br, gzip' } });
  const headers = page.headers();
  expect(headers['content-security-policy']).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[\w+/=]+')+;/);
  expect(headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['cache-control']).toBe('public, max-age=300, must-revalidate');
  expect(headers['content-encoding']).toBe('br');
  expect(headers['strict-transport-security']).toBeUndefined();
  // Anyone can write X-Forwarded-Proto: believed only from a TRUST_PROXY proxy (tests/e2e/attacks.spec.ts).
  const https = await request.get(`${server.origin}/`, { headers: { 'X-Forwarded-Proto': 'https' } });
  expect(https.headers()['strict-transport-security']).toBeUndefined();
  const api = await request.post(`${server.origin}/api/newsletter/subscribe`, { form: { email: 'x' } });
  expect(api.headers()['cache-control']).toBe('no-store');
  expect(api.headers()['content-security-policy']).toBeDefined();
});

test('hashed assets are cached for a year, and compressed', async ({ page, request }) => {
  await page.goto(`${server.origin}/`);
  const stylesheet = await page.locator('link[rel="stylesheet"]').first().getAttribute('href');
  const asset = await request.get(`${server.origin}${stylesheet}`, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(asset.headers()['content-encoding']).toBe('gzip');
});

test('pages, search and the signup form work under the CSP: no violation', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  for (const path of ['/', '/posts/ml-in-production/', '/training/ml-in-production-madrid/']) await page.goto(server.origin + path);
  await page.goto(`${server.origin}/search/?q=madrid`);
  await expect(page.getByRole('list', { name: 'Results' }).getByRole('link').first()).toBeVisible();
  await page.goto(`${server.origin}/posts/ml-in-production/`);
  const form = page.locator('.article-footer .newsletter');
  await form.getByRole('textbox', { name: 'Email' }).fill('csp@example.com');
  await form.getByRole('checkbox').check();
  await form.getByRole('button').click();
  await expect(form.getByRole('status')).toHaveText(/check your inbox/);
  expect(violations).toEqual([]);
});

test('/healthz says whether the database can be written; API bodies have a size limit', async ({ request }) => {
  const health = await request.get(`${server.origin}/healthz`);
  expect([health.status(), await health.json()]).toEqual([200, { ok: true }]);
  const big = await request.post(`${server.origin}/api/newsletter/subscribe`, {
    data: `email=${'a'.repeat(20_000)}`,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  expect(big.status()).toBe(413);
});

test('SIGTERM lets a request in flight finish, then the server stops cleanly', async () => {
  const local = await serveBuild('dist', 4364, { NEWSLETTER_DB: join(data, 'term.sqlite') });
  const body = 'email=slow%40example.com&consent=yes';
  // A signup whose body arrives in two parts, the server told to stop in between.
  const answer = new Promise<number>((resolve, reject) => {
    const req = httpRequest(`${local.origin}/api/newsletter/subscribe`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body), Accept: 'application/json' },
    });
    req.on('response', (response) => resolve(response.statusCode ?? 0));
    req.on('error', reject);
    req.write(body.slice(0, 10));
    setTimeout(() => req.end(body.slice(10)), 1000);
  });
  await new Promise((done) => setTimeout(done, 300));
  const exited = local.kill('SIGTERM');
  expect(await answer).toBe(200);
  expect(await exited).toBe(0);
  const db = new DatabaseSync(join(data, 'term.sqlite'), { readOnly: true });
  expect(db.prepare('SELECT email FROM subscribers').all()).toEqual([{ email: 'slow@example.com' }]);
  db.close();
});

test('killed in the middle of a burst of signups, the server loses none that it answered', async () => {
  const file = join(data, 'crash.sqlite');
  const local = await serveBuild('dist', 4365, { NEWSLETTER_DB: file, NEWSLETTER_RATE_LIMIT: '10000' });
  const answered: string[] = [];
  let killed: Promise<number | null> | undefined;
  await Promise.all(
    Array.from({ length: 150 }, async (_, n) => {
      const email = `crash-${n}@example.com`;
      const response = await signup(local.origin, email).catch(() => undefined);
      if (response?.status === 200) answered.push(email);
      // The crash: SIGKILL, no chance to clean up, while most requests are still on their way.
      if (answered.length === 40 && !killed) killed = local.kill('SIGKILL');
    }),
  );
  await killed;
  expect(answered.length).toBeGreaterThanOrEqual(40);
  const db = new DatabaseSync(file);
  expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
  const stored = new Set((db.prepare('SELECT email FROM subscribers').all() as { email: string }[]).map(({ email }) => email));
  db.close();
  expect(answered.filter((email) => !stored.has(email))).toEqual([]);
  // And it starts again on the same file.
  const again = await serveBuild('dist', 4365, { NEWSLETTER_DB: file });
  expect((await fetch(`${again.origin}/healthz`)).status).toBe(200);
  await again.stop();
});

test('a corrupt database, or one from newer code, stops the server at start with what to do', () => {
  const start = (file: string) => spawnSync(process.execPath, ['scripts/serve.ts'], { env: { ...process.env, NEWSLETTER_DB: file, PORT: '4366' }, encoding: 'utf8', timeout: 20_000 });
  const corrupt = join(data, 'corrupt.sqlite');
  writeFileSync(corrupt, 'this is not a database, it is a text file that lost its way'.repeat(100));
  const first = start(corrupt);
  expect(first.status).toBe(1);
  expect(first.stderr).toMatch(/The newsletter database .*corrupt\.sqlite cannot be used: .*\nRestore it from a backup/);

  const newer = join(data, 'newer.sqlite');
  const db = new DatabaseSync(newer);
  db.exec('PRAGMA user_version = 99');
  db.close();
  const second = start(newer);
  expect(second.status).toBe(1);
  expect(second.stderr).toContain('schema version 99, newer than this code');
});

test('in production, a build for localhost, a SITE_URL the build was not made for, or an unreadable TRUST_PROXY stop the server at start', () => {
  const start = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['scripts/serve.ts'], { env: { ...process.env, NEWSLETTER_DB: join(data, 'start.sqlite'), PORT: '4367', ...env }, encoding: 'utf8', timeout: 20_000 });
  // This build is for http://localhost:4321 (the default): its emails would link to localhost.
  for (const env of [{ NODE_ENV: 'production' }, { HOST: '0.0.0.0' }]) {
    const refused = start(env);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/This build is for http:\/\/localhost:4321: .*\nBuild for the public address: SITE_URL=https:\/\/your\.domain npm run build/);
  }
  const other = start({ SITE_URL: 'https://thegurus.example' });
  expect(other.status).toBe(1);
  expect(other.stderr).toContain('SITE_URL is https://thegurus.example, but this build was made for http://localhost:4321');
  const proxy = start({ TRUST_PROXY: 'yes please' });
  expect(proxy.status).toBe(1);
  expect(proxy.stderr).toContain('TRUST_PROXY=yes please cannot be read');
});
