// Writing to subscribers end to end (issue 19): the demo site with its Madrid course opened, built;
// a reader signs up on the course page and confirms in Chromium; `npm run newsletter` announces the
// course, sends a post, resumes after a kill -9; the email is looked at in Chromium at 375 px.
import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { openNewsletterDatabase } from '../../src/newsletter/database';
import { confirmSubscription, recordSignup } from '../../src/newsletter/subscribers';
import { buildFixture, removeBuild, serveBuild, type FixtureBuild, type RunningServer } from './support/fixture-site';
import { onServer, recordingSmtp, unQuote } from './support/smtp';

test.describe.configure({ mode: 'serial' });

const run = promisify(execFile);
const data = mkdtempSync(join(tmpdir(), 'campaigns-e2e-'));
const database = join(data, 'site.sqlite');
const signupOutbox = join(data, 'signup-outbox');
const campaignOutbox = join(data, 'campaign-outbox');
mkdirSync('.fixture-builds', { recursive: true });
const content = mkdtempSync(join('.fixture-builds', 'campaign-content-'));
let build: FixtureBuild;
let server: RunningServer;

/** `npm run newsletter -- …` on the test's build, content and database; never throws. */
async function newsletter(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['scripts/run-ts.mjs', 'src/cli/newsletter.ts', ...args], {
      env: { ...process.env, CONTENT_DIR: content, DIST_DIR: build.outDir, NEWSLETTER_DB: database, NEWSLETTER_OUTBOX: campaignOutbox, SMTP_URL: '', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

/** An email's link, on this file's server. */
const onServerHere = (link: string) => onServer(link, server.origin);
const emlFiles = (folder: string) => (existsSync(folder) ? readdirSync(folder).map((name) => readFileSync(join(folder, name), 'utf8')) : []);
test.beforeAll(async () => {
  test.setTimeout(240_000);
  // The demo content, its course opened for registration with dates.
  cpSync('content', content, { recursive: true });
  const course = join(content, 'training', 'ml-in-production-madrid.md');
  writeFileSync(
    course,
    readFileSync(course, 'utf8').replace('Status: announced', 'Status: open\nStart: 2027-03-06 10:00\nEnd: 2027-03-13 18:00\nRegistration_url: https://thegurus.example/register\nSeats_left: 12'),
  );
  build = await buildFixture('campaigns', { contentDir: content, siteConfig: 'site.config.ts' });
  expect(build.code, build.output).toBe(0);
  server = await serveBuild(build.outDir, 4381, { NEWSLETTER_DB: database, NEWSLETTER_OUTBOX: signupOutbox, SMTP_URL: '', NEWSLETTER_RATE_LIMIT: '1000' });
});
test.afterAll(async () => {
  await server?.stop();
  if (build) removeBuild(build);
  rmSync(content, { recursive: true, force: true });
  rmSync(data, { recursive: true, force: true });
});

test('sign up on the course page, confirm, announce: one announcement with the .ics, its unsubscribe works, a second refuses', async ({ page }) => {
  await page.goto(`${server.origin}/training/ml-in-production-madrid/`);
  const form = page.locator('form[data-newsletter-form]').first();
  await form.getByRole('textbox', { name: 'Email' }).fill('lucia@example.com');
  await form.getByRole('checkbox').check();
  await form.getByRole('button').first().click();
  await expect.poll(() => emlFiles(signupOutbox).some((mail) => mail.includes('lucia@example.com'))).toBe(true);
  const confirmation = unQuote(emlFiles(signupOutbox).find((mail) => mail.includes('lucia@example.com'))!);
  await page.goto(onServerHere(/https?:\/\/\S+\/newsletter\/confirm\/\?token=[\w-]+/.exec(confirmation)![0]));
  await page.getByRole('button', { name: 'Confirm my subscription' }).click();
  await expect(page).toHaveURL(/\/newsletter\/confirmed\/$/);

  const announced = await newsletter(['announce', 'ml-in-production-madrid']);
  expect(announced.code, announced.stderr).toBe(0);
  expect(announced.stdout).toMatch(/campaign \d+: 1 sent, 0 to try again later, 0 bounced; done/);
  const mails = emlFiles(campaignOutbox);
  expect(mails).toHaveLength(1);
  const mail = mails[0]!;
  expect(mail).toMatch(/^To: lucia@example\.com$/m);
  // The subject has a dash, so it is encoded (RFC 2047).
  expect(mail).toMatch(/^Subject: (Registration is open|=\?UTF-8\?Q\?Registration_is_open)/m);
  expect(mail).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=PUBLISH;\s+name=ml-in-production-madrid\.ics/);
  expect(mail).toMatch(/Content-Disposition: attachment; filename=ml-in-production-madrid\.ics/);
  expect(mail).toMatch(/^Precedence: bulk$/m);
  const text = unQuote(mail);
  expect(text).toContain('https://thegurus.example/register');
  expect(text).toContain('12 of 20 seats left');
  // Its one-click unsubscribe works.
  const oneClick = /^List-Unsubscribe:\s*<([^>]+)>/m.exec(mail)![1]!;
  const unsubscribed = await fetch(onServerHere(oneClick), { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
  expect(unsubscribed.status).toBe(200);

  const again = await newsletter(['announce', 'ml-in-production-madrid']);
  expect(again.code).toBe(2);
  expect(again.stderr).toMatch(/was sent already \(campaign \d+, .*\): add --again/);
  const status = await newsletter(['status']);
  expect(status.stdout).toMatch(/\d+\s+course ml-in-production-madrid\s+[\d-]+ [\d:]+\s+done\s+1\s+1\s+0\s+0\s+0\s+0/);
});

test('mistakes get one line and exit 2', async () => {
  const cases: [string[], RegExp][] = [
    [['send', 'no-such-post'], /no-such-post: no post or page with this path or slug/],
    [['announce', 'nope'], /nope: no course with this slug \(courses: ml-in-production-madrid\)/],
    [['frobnicate'], /unknown command frobnicate/],
    // Lucia, the one subscriber, unsubscribed in the test above.
    [['send', 'ml-in-production', '--dry-run'], /no confirmed subscribers: nothing to send/],
  ];
  for (const [args, message] of cases) {
    const result = await newsletter(args);
    expect([args.join(' '), result.code]).toEqual([args.join(' '), 2]);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  }
});

test('send --new sends a new post once: run twice, it sends nothing the second time', async () => {
  const db = openNewsletterDatabase(database);
  for (const email of ['new-1@example.com', 'new-2@example.com']) {
    const outcome = recordSignup(db, { email, topic: undefined, source: undefined, consentText: 'I agree.', consentVersion: 'v1', now: new Date() });
    if (outcome.email === 'confirm') confirmSubscription(db, outcome.confirmToken, new Date());
  }
  db.close();
  const before = emlFiles(campaignOutbox).length;
  const dry = await newsletter(['send', 'ml-in-production', '--dry-run'], { NEWSLETTER_OUTBOX: '' });
  expect(dry.stdout).toMatch(/would send ".*" to 2 confirmed subscribers: new-1@example\.com, new-2@example\.com/);
  const noMailer = await newsletter(['send', 'ml-in-production'], { NEWSLETTER_OUTBOX: '' });
  expect([noMailer.code, noMailer.stderr]).toEqual([2, expect.stringMatching(/set SMTP_URL .* or NEWSLETTER_OUTBOX/)]);
  const refused = await newsletter(['send', '--new']);
  expect([refused.code, refused.stderr]).toEqual([2, expect.stringMatching(/no post has been sent yet/)]);
  const first = await newsletter(['send', '--new', '--since', '2019-01-01']);
  expect(first.code, first.stderr).toBe(0);
  expect(first.stdout).toMatch(/"Machine Learning in Production\. Where 99% of companies screw up" to 2 confirmed subscribers/);
  expect(emlFiles(campaignOutbox).length - before).toBe(2);
  const second = await newsletter(['send', '--new']);
  expect(second.stdout).toMatch(/no new posts since 2019-06-0\dT.*: nothing sent/);
  expect(emlFiles(campaignOutbox).length - before).toBe(2);
  const twice = await newsletter(['send', 'posts/ml-in-production.md']);
  expect([twice.code, twice.stderr]).toEqual([2, expect.stringMatching(/was sent already/)]);
});

test('the post as an email reads at 375 px: no horizontal scroll, images load, the text part has every link', async ({ page }) => {
  const preview = await newsletter(['preview', 'ml-in-production', '--out', join(data, 'preview')]);
  expect(preview.code, preview.stderr).toBe(0);
  const [htmlFile, emlFile] = preview.stdout.trim().split('\n');
  // The email's images are on the site's public URL: served here by the test's server.
  await page.route('http://localhost:4321/**', (route) => route.continue({ url: onServerHere(route.request().url()) }));
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(`file://${htmlFile}`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  const images = await page.evaluate(async () => {
    await Promise.all([...document.images].map((image) => (image.complete ? null : new Promise((done) => image.addEventListener('load', done, { once: true })))));
    return [...document.images].map((image) => ({ src: image.src, width: image.naturalWidth }));
  });
  expect(images.length).toBeGreaterThan(0);
  for (const image of images) expect(image.width, image.src).toBeGreaterThan(0);
  await page.screenshot({ path: join(data, 'email-375.png'), fullPage: true });
  // The plain-text part has every link of the HTML part.
  const eml = unQuote(readFileSync(emlFile!, 'utf8'));
  const textPart = eml.split(/Content-Type: text\/html/)[0]!;
  const links = await page.evaluate(() => [...document.links].map((link) => link.href));
  for (const link of new Set(links)) expect(textPart, link).toContain(link.replace(/\/$/, ''));
});

test('killed mid-send, then resumed: every recipient has one copy; at most the one in flight twice, with the same Message-ID', async () => {
  const smtp = await recordingSmtp();
  const { received, url: smtpUrl } = smtp;
  try {
    const file = join(data, 'kill.sqlite');
    const db = openNewsletterDatabase(file);
    for (let n = 0; n < 60; n++) {
      const outcome = recordSignup(db, { email: `kill-${n}@example.com`, topic: undefined, source: undefined, consentText: 'I agree.', consentVersion: 'v1', now: new Date() });
      if (outcome.email === 'confirm') confirmSubscription(db, outcome.confirmToken, new Date());
    }
    db.close();
    const env = { ...process.env, CONTENT_DIR: content, DIST_DIR: build.outDir, NEWSLETTER_DB: file, SMTP_URL: smtpUrl, NEWSLETTER_OUTBOX: '' };
    // 600 a minute: ten a second, so the kill lands mid-send.
    const sending = spawn(process.execPath, ['scripts/run-ts.mjs', 'src/cli/newsletter.ts', 'send', 'ml-in-production', '--rate', '600'], { env, stdio: 'ignore' });
    await expect.poll(() => received.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(15);
    sending.kill('SIGKILL');
    await new Promise((exited) => sending.once('exit', exited));
    const beforeResume = received.length;
    expect(beforeResume).toBeLessThan(60);
    // resume frees what the dead run held, and sends everyone else.
    const resumed = await run(process.execPath, ['scripts/run-ts.mjs', 'src/cli/newsletter.ts', 'resume', '--rate', '100000'], { env });
    expect(resumed.stdout).toMatch(/campaign \d+: \d+ sent, 0 to try again later, 0 bounced; done/);
    const counts = new Map<string, string[]>();
    for (const mail of received) counts.set(mail.to, [...(counts.get(mail.to) ?? []), mail.messageId]);
    const missing = Array.from({ length: 60 }, (_, n) => `kill-${n}@example.com`).filter((email) => !counts.has(email));
    const twice = [...counts.entries()].filter(([, ids]) => ids.length > 1);
    expect(missing).toEqual([]);
    // At most the email in flight when the process died went twice, with one Message-ID.
    expect(twice.length).toBeLessThanOrEqual(1);
    for (const [, ids] of twice) expect(new Set(ids).size).toBe(1);
  } finally {
    await smtp.close();
  }
});
