// The newsletter end to end: the built server with a temporary database, a real local SMTP server
// (smtp-server), and Chromium with JavaScript on and off; then the same server writing to an outbox.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { buildFixture, removeBuild, serveBuild, type RunningServer } from './support/fixture-site';
import { onServer, recordingSmtp, unQuote, type RecordingSmtp } from './support/smtp';

const linkIn = (mail: string, path: string) => {
  const match = new RegExp(`https?://[^\\s"<>]+${path}\\?token=[\\w-]+`).exec(unQuote(mail));
  if (!match) throw new Error(`no ${path} link in:\n${mail}`);
  return match[0];
};

const data = mkdtempSync(join(tmpdir(), 'newsletter-e2e-'));
const database = join(data, 'smtp.sqlite');
let smtp: RecordingSmtp;
let server: RunningServer;

/** The operator's CLI on a database. */
const subscribers = (db: string, ...args: string[]) =>
  execFileSync('node', ['scripts/subscribers.ts', ...args], { env: { ...process.env, NEWSLETTER_DB: db }, encoding: 'utf8' });

/** Waits for the next email to an address. */
async function mailTo(address: string): Promise<string> {
  await expect.poll(() => smtp.received.some((mail) => mail.to === address), { timeout: 10_000 }).toBe(true);
  return smtp.received.find((mail) => mail.to === address)!.raw;
}

test.beforeAll(async () => {
  smtp = await recordingSmtp();
  server = await serveBuild('dist', 4361, { NEWSLETTER_DB: database, SMTP_URL: smtp.url, NEWSLETTER_RATE_LIMIT: '1000' });
});

test.afterAll(async () => {
  await server?.stop();
  await smtp?.close();
  rmSync(data, { recursive: true, force: true });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('subscribe from the footer, confirm from the email, then unsubscribe', async ({ page }) => {
    await page.goto(`${server.origin}/`);
    const form = page.locator('.site-footer .newsletter');
    await form.getByRole('textbox', { name: 'Email' }).fill('ana@example.com');
    await form.getByRole('checkbox').check();
    await form.getByRole('button', { name: 'Subscribe' }).click();
    await expect(page).toHaveURL(/\/newsletter\/check-your-inbox\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your inbox');

    const mail = await mailTo('ana@example.com');
    expect(mail).toMatch(/^List-Unsubscribe:\s*<http:\/\/localhost:4321\/api\/newsletter\/unsubscribe\?token=[\w-]+>/m);
    expect(mail).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    expect(mail).toMatch(/Content-Type: text\/plain/);
    expect(mail).toMatch(/Content-Type: text\/html/);

    // Opening the link (as a mail scanner would) confirms nothing.
    await page.goto(onServer(linkIn(mail, '/newsletter/confirm/'), server.origin));
    await expect(page.getByText('ana@example.com')).toBeVisible();
    expect(subscribers(database, 'list', '--status', 'pending')).toContain('ana@example.com');
    await page.getByRole('button', { name: 'Confirm my subscription' }).click();
    await expect(page).toHaveURL(/\/newsletter\/confirmed\/$/);

    const csv = subscribers(database, 'export', '--format', 'csv', '--status', 'confirmed');
    expect(csv).toMatch(/^email,status,topics,consent_version,signed_up_at,confirmed_at,source,bounced_at\r\nana@example\.com,confirmed,,2026-11-27,[\dT:.Z-]+,[\dT:.Z-]+,\/,\r\n$/);

    await page.goto(onServer(linkIn(mail, '/newsletter/unsubscribe/'), server.origin));
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await expect(page).toHaveURL(/\/newsletter\/unsubscribed\/$/);
    expect(subscribers(database, 'list', '--status', 'unsubscribed')).toContain('ana@example.com');
  });

  test('a wrong form lands on a page that names the problem and offers the form again', async ({ page }) => {
    await page.goto(`${server.origin}/pages/about/`);
    const form = page.locator('.site-footer .newsletter form');
    // The browser's own checks would stop these; a real post without them is what the server sees.
    await form.evaluate((element) => element.setAttribute('novalidate', ''));
    await form.getByRole('textbox', { name: 'Email' }).fill('not-an-address');
    await form.getByRole('button', { name: 'Subscribe' }).click();
    await expect(page.getByText('"not-an-address" is not an email address.')).toBeVisible();
    await expect(page.locator('.notice .newsletter form')).toBeVisible();
  });
});

test('with JavaScript the form at the end of a post answers in place', async ({ page }) => {
  await page.goto(`${server.origin}/posts/ml-in-production/`);
  const form = page.locator('.article-footer .newsletter');
  await form.getByRole('textbox', { name: 'Email' }).fill('bea@example.com');
  await form.getByRole('checkbox').check();
  await form.getByRole('button', { name: 'Subscribe' }).click();
  await expect(form.getByRole('status')).toHaveText(/check your inbox/);
  await expect(page).toHaveURL(/\/posts\/ml-in-production\/$/);
  expect(subscribers(database, 'list')).toMatch(/bea@example\.com\s+pending/);
  await mailTo('bea@example.com');
});

test('the API refuses bad input, strangers and bots, and never says who is subscribed', async ({ request }) => {
  const subscribe = `${server.origin}/api/newsletter/subscribe`;
  const post = (form: Record<string, string>, headers: Record<string, string> = {}) => request.post(subscribe, { form, headers, maxRedirects: 0 });

  const bad = await post({ email: 'nope', consent: 'yes' });
  expect(bad.status()).toBe(400);
  expect(await bad.text()).toContain('&quot;nope&quot; is not an email address.');
  const json = await post({ email: 'nope', consent: 'yes' }, { Accept: 'application/json' });
  expect([json.status(), await json.json()]).toEqual([400, { error: '"nope" is not an email address.' }]);
  expect((await post({ email: 'a@example.com' })).status()).toBe(400);
  expect((await post({ email: `${'a'.repeat(300)}@example.com`, consent: 'yes' })).status()).toBe(400);
  expect((await request.post(subscribe, { data: '', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })).status()).toBe(400);
  expect((await request.post(subscribe, { data: { email: 'a@example.com', consent: 'yes' } })).status()).toBe(400);
  expect((await post({ email: 'evil@example.com', consent: 'yes' }, { Origin: 'https://evil.example' })).status()).toBe(403);
  expect((await request.get(subscribe)).status()).toBe(405);

  const bot = await post({ email: 'bot@example.com', consent: 'yes', website: 'http://spam.example' });
  expect([bot.status(), bot.headers()['location']]).toEqual([303, '/newsletter/check-your-inbox/']);
  // Twice the same address: the same answer each time, one row.
  const first = await post({ email: 'cai@example.com', consent: 'yes' }, { Accept: 'application/json' });
  const second = await post({ email: 'cai@example.com', consent: 'yes' }, { Accept: 'application/json' });
  expect([await first.json(), await second.json()]).toEqual([{ ok: true }, { ok: true }]);
  const list = subscribers(database, 'list');
  expect(list).not.toContain('bot@example.com');
  expect(list).not.toContain('evil@example.com');
  expect(list.match(/cai@example\.com/g)).toHaveLength(1);

  const unknown = await request.post(`${server.origin}/api/newsletter/confirm`, { form: { token: 'made-up' }, maxRedirects: 0 });
  expect(unknown.status()).toBe(400);
  expect(await unknown.text()).toContain('unknown or has expired');
  expect((await request.get(`${server.origin}/newsletter/confirm/?token=made-up`)).status()).toBe(400);
});

test('a mail client unsubscribes in one click (RFC 8058)', async ({ request }) => {
  await request.post(`${server.origin}/api/newsletter/subscribe`, { form: { email: 'dan@example.com', consent: 'yes' }, maxRedirects: 0 });
  const header = /^List-Unsubscribe:\s*<([^>]+)>/m.exec(await mailTo('dan@example.com'))![1]!;
  const answer = await request.post(onServer(header, server.origin), { form: { 'List-Unsubscribe': 'One-Click' } });
  expect(answer.status()).toBe(200);
  expect(subscribers(database, 'list', '--status', 'unsubscribed')).toContain('dan@example.com');
});

test('without SMTP the email goes to the outbox, and a client that posts too often waits', async ({ request }) => {
  const outbox = join(data, 'outbox');
  const local = await serveBuild('dist', 4362, { NEWSLETTER_DB: join(data, 'outbox.sqlite'), NEWSLETTER_OUTBOX: outbox, NEWSLETTER_RATE_LIMIT: '2', SMTP_URL: '' });
  try {
    const post = (email: string) =>
      request.post(`${local.origin}/api/newsletter/subscribe`, { form: { email, consent: 'yes', topic: 'ml-in-production-madrid' }, maxRedirects: 0 });
    expect((await post('eva@example.com')).status()).toBe(303);
    // The email is written just after the answer.
    await expect.poll(() => (existsSync(outbox) ? readdirSync(outbox).length : 0)).toBe(1);
    const [file] = readdirSync(outbox);
    const eml = readFileSync(join(outbox, file!), 'utf8');
    expect(eml).toMatch(/^To: eva@example\.com/m);
    // From the configured site URL, not from the address the request came to.
    expect(linkIn(eml, '/newsletter/confirm/')).toMatch(/^http:\/\/localhost:4321\//);
    expect((await post('fer@example.com')).status()).toBe(303);
    const limited = await post('gil@example.com');
    expect(limited.status()).toBe(429);
    expect(Number(limited.headers()['retry-after'])).toBeGreaterThan(0);
  } finally {
    await local.stop();
  }
});

test('with a provider as newsletter.action, forms post there and work without our server', async () => {
  const build = await buildFixture('training', { siteConfig: 'tests/fixtures/sites/configs/provider-newsletter.config.ts' });
  try {
    expect(build.code, build.output).toBe(0);
    for (const page of ['index.html', 'posts/why-we-teach/index.html', 'training/feature-stores/index.html'].map((path) => join(build.outDir, 'client', path))) {
      const html = readFileSync(page, 'utf8');
      expect(html).toContain('<form method="post" action="https://newsletters.example/subscribe/the-gurus"');
      // No in-place submission: a provider answers with its own page.
      expect(html).not.toMatch(/<form[^>]*data-newsletter-form/);
      expect(html).not.toContain('/api/newsletter/');
    }
  } finally {
    removeBuild(build);
  }
});

test('with the mail server down, the signup is kept and its email waits in the outbox for another try', async ({ request }) => {
  const db = join(data, 'smtp-down.sqlite');
  // Port 9: nothing listens there, every connection is refused.
  const local = await serveBuild('dist', 4368, { NEWSLETTER_DB: db, SMTP_URL: 'smtp://127.0.0.1:9' });
  try {
    const answer = await request.post(`${local.origin}/api/newsletter/subscribe`, { form: { email: 'hal@example.com', consent: 'yes' }, maxRedirects: 0 });
    expect([answer.status(), answer.headers()['location']]).toEqual([303, '/newsletter/check-your-inbox/']);
    expect(subscribers(db, 'list', '--status', 'pending')).toContain('hal@example.com');
    const stats = subscribers(db, 'stats');
    expect(stats).toContain('emails waiting to be sent: 1');
    expect(stats).toMatch(/last error: .*ECONNREFUSED/);
  } finally {
    await local.stop();
  }
});
