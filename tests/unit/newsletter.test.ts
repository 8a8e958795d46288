// The newsletter's rules, without a server: addresses, the form, the store, the emails, the answers.
import { mkdtempSync } from 'node:fs';
import { translator } from '../../src/i18n/translate';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { checkWritable, inTransaction, openNewsletterDatabase, SCHEMA_VERSION } from '../../src/newsletter/database';
import { emailProblem, normalizeEmail } from '../../src/newsletter/email-address';
import { confirmAnswer, isCrossSite, subscribeAnswer, unsubscribeAnswer, type NewsletterDeps } from '../../src/newsletter/handlers';
import type { MailMessage } from '../../src/newsletter/mailer';
import { deliverDue, outboxStats, queueEmail, RETRY_MINUTES } from '../../src/newsletter/outbox';
import { clientOf, proxyTrust } from '../../src/newsletter/client-address';
import { createRateLimiter } from '../../src/newsletter/rate-limit';
import { readSignup } from '../../src/newsletter/signup-form';
import { printable, subscribersCsv } from '../../src/newsletter/subscriber-report';
import {
  confirmSubscription,
  consentHistory,
  eraseSubscriber,
  listSubscribers,
  recordSignup,
  subscriberOfToken,
  subscriberStats,
  unsubscribe,
} from '../../src/newsletter/subscribers';

const form = (fields: Record<string, string>) => new URLSearchParams(fields);
/** Emails go out after the answer: lets the sends started by the last answers finish. */
const sendsSettled = () => new Promise((resolve) => setTimeout(resolve, 20));
const T0 = new Date('2026-11-27T10:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);
const signup = (email: string, topic?: string, now = T0) =>
  recordSignup(db(), { email, topic, source: '/training/', consentText: 'I agree.', consentVersion: 'v1', now });
let current = openNewsletterDatabase(':memory:');
const db = () => current;
const fresh = () => (current = openNewsletterDatabase(':memory:'));

describe('email addresses', () => {
  it('are trimmed and their domain lower-cased, the local part kept', () => {
    expect(normalizeEmail('  Ana.Lopez@Example.COM ')).toBe('Ana.Lopez@example.com');
  });
  it('are checked for shape and length', () => {
    expect(emailProblem('ana@example.com')).toBeUndefined();
    expect(emailProblem('ana@sub.example.es')).toBeUndefined();
    expect(emailProblem('')).toMatch(/enter your email/);
    expect(emailProblem('ana@localhost')).toMatch(/not an email/);
    expect(emailProblem('ana example@x.com')).toMatch(/not an email/);
    expect(emailProblem('a@@x.com')).toMatch(/not an email/);
    expect(emailProblem(`${'a'.repeat(65)}@x.com`)).toMatch(/not an email/);
    expect(emailProblem(`a@${'b'.repeat(250)}.com`)).toMatch(/too long/);
  });
  it('refuse control and format characters, which a terminal runs and nodemailer strips', () => {
    for (const sneaky of ['bs\b\b\bok@x.com', 'nul\0@x.com', 'esc\x1b[2J@x.com', 'del\x7f@x.com', 'c1\x85@x.com', 'rtl\u202eoc.x@y.com']) {
      expect(emailProblem(sneaky)).toMatch(/control characters/);
    }
    expect(emailProblem('josé@example.es')).toBeUndefined();
  });
  it('are printed with such characters shown, not run', () => {
    expect(printable('bs\b\b\bok@x.com')).toBe('bs\\u{8}\\u{8}\\u{8}ok@x.com');
    expect(printable('esc\x1b[2J@x.com')).toBe('esc\\u{1b}[2J@x.com');
  });
});

describe('the signup form', () => {
  it('reads email, consent, topic and source', () => {
    expect(readSignup(form({ email: ' Ana@Example.com', consent: 'yes', topic: 'ml-in-production-madrid', source: '/training/x/' }))).toEqual({
      ok: true,
      signup: { email: 'Ana@example.com', topic: 'ml-in-production-madrid', source: '/training/x/', bot: false },
    });
  });
  it('needs the consent box ticked', () => {
    expect(readSignup(form({ email: 'a@b.co' }))).toEqual({ ok: false, problem: expect.stringMatching(/tick the box/) });
    expect(readSignup(form({ email: 'a@b.co', consent: 'no' })).ok).toBe(false);
  });
  it('rejects a bad address, an over-long one and a strange topic', () => {
    expect(readSignup(form({ email: 'nope', consent: 'on' }))).toEqual({ ok: false, problem: '"nope" is not an email address.' });
    expect(readSignup(form({ email: `${'a'.repeat(2000)}@b.co`, consent: 'on' }))).toEqual({ ok: false, problem: expect.stringMatching(/too long/) });
    expect(readSignup(form({ email: 'a@b.co', consent: 'on', topic: '<script>' })).ok).toBe(false);
  });
  it('keeps only a source that is a path of this site', () => {
    const sourceOf = (source: string) => (readSignup(form({ email: 'a@b.co', consent: 'on', source })) as { signup: { source?: string } }).signup.source;
    expect(sourceOf('https://evil.example/')).toBeUndefined();
    expect(sourceOf('//evil.example/')).toBeUndefined();
    expect(sourceOf('/posts/x/')).toBe('/posts/x/');
  });
  it('marks a filled honeypot as a bot', () => {
    expect(readSignup(form({ email: 'a@b.co', consent: 'on', website: 'http://spam' }))).toMatchObject({ ok: true, signup: { bot: true } });
  });
});

describe('the rate limiter', () => {
  it('remembers a bounded number of clients; beyond them, new clients share one counter', () => {
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000, maxClients: 100 });
    for (let n = 0; n < 100; n++) expect(limiter.check(`10.0.${n >> 8}.${n & 255}`, 0)).toEqual({ ok: true });
    // A flood of distinct addresses: memory stays put, and the flood is limited as one client.
    const flood = Array.from({ length: 5000 }, (_, n) => limiter.check(`203.0.${n >> 8}.${n & 255}`, 10));
    expect(limiter.size).toBeLessThanOrEqual(101);
    expect(flood.filter((answer) => answer.ok)).toHaveLength(2);
    // Once the windows end, clients are forgotten and counted one by one again.
    expect(limiter.check('198.51.100.1', 61_000)).toEqual({ ok: true });
    expect(limiter.size).toBe(1);
  });
  it('allows `limit` requests per window per client, then says when to come back', () => {
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000 });
    expect(limiter.check('a', 0)).toEqual({ ok: true });
    expect(limiter.check('a', 1000)).toEqual({ ok: true });
    expect(limiter.check('a', 2000)).toEqual({ ok: false, retryAfterSeconds: 58 });
    expect(limiter.check('b', 2000)).toEqual({ ok: true });
    expect(limiter.check('a', 60_000)).toEqual({ ok: true });
  });
});

describe('the client of a request', () => {
  const headers = { 'x-forwarded-for': '203.0.113.7, 10.0.0.2' };
  it('is the socket address, unless the proxy is trusted', () => {
    expect(clientOf(headers, '10.0.0.2', proxyTrust(undefined))).toBe('10.0.0.2');
    expect(clientOf(headers, '10.0.0.3', proxyTrust('1'))).toBe('10.0.0.2');
    expect(clientOf(headers, '10.0.0.3', proxyTrust('2'))).toBe('203.0.113.7');
    expect(clientOf({}, '10.0.0.2', proxyTrust('1'))).toBe('10.0.0.2');
  });
  it('is never an entry the client wrote itself while a trusted proxy stands after it', () => {
    // The proxy appends the address it saw; whatever the client sent comes before.
    for (const spoofed of ['1.1.1.1', '8.8.8.8, 9.9.9.9', 'garbage']) {
      expect(clientOf({ 'x-forwarded-for': `${spoofed}, 198.51.100.4` }, '127.0.0.1', proxyTrust('loopback'))).toBe('198.51.100.4');
    }
  });
  it('refuses a TRUST_PROXY it cannot read, naming it', () => {
    expect(() => proxyTrust('not-an-address')).toThrow(/TRUST_PROXY=not-an-address/);
  });
});

describe('the subscriber store', () => {
  it('migrates a new database to the current schema, and refuses one from newer code', () => {
    const created = openNewsletterDatabase(':memory:');
    expect((created.prepare('PRAGMA user_version').get() as { user_version: number }).user_version).toBe(SCHEMA_VERSION);
  });

  it('stores a signup once as pending, with its consent record and hashed tokens', () => {
    fresh();
    const outcome = signup('ana@example.com', 'ml-in-production-madrid');
    expect(outcome.email).toBe('confirm');
    expect(listSubscribers(db())).toEqual([
      {
        email: 'ana@example.com',
        status: 'pending',
        topics: ['ml-in-production-madrid'],
        consentText: 'I agree.',
        consentVersion: 'v1',
        source: '/training/',
        signedUpAt: T0.toISOString(),
        confirmedAt: null,
        unsubscribedAt: null,
        bouncedAt: null,
      },
    ]);
    const stored = db().prepare('SELECT hash FROM tokens').all() as { hash: string }[];
    expect(stored).toHaveLength(2);
    if (outcome.email !== 'confirm') throw new Error('unreachable');
    expect(stored.map(({ hash }) => hash)).not.toContain(outcome.confirmToken);
  });

  it('never makes a second row; a quick second signup sends no second email', () => {
    fresh();
    signup('ana@example.com');
    expect(signup('ana@example.com', 'course', later(60_000)).email).toBe('none');
    expect(signup('ana@example.com', undefined, later(10 * 60_000)).email).toBe('confirm');
    expect(listSubscribers(db())).toHaveLength(1);
    expect(listSubscribers(db())[0]!.topics).toEqual(['course']);
  });

  it('confirms with the token, once, for seven days', () => {
    fresh();
    const outcome = signup('ana@example.com');
    if (outcome.email !== 'confirm') throw new Error('expected an email');
    expect(confirmSubscription(db(), 'wrong', later(1000))).toBe(false);
    expect(confirmSubscription(db(), outcome.confirmToken, later(8 * 86_400_000))).toBe(false);
    expect(confirmSubscription(db(), outcome.confirmToken, later(3600_000))).toBe(true);
    expect(confirmSubscription(db(), outcome.confirmToken, later(7200_000))).toBe(true);
    expect(listSubscribers(db())[0]).toMatchObject({ status: 'confirmed', confirmedAt: later(3600_000).toISOString() });
    // A confirmed address signing up again for a topic it has sends nothing; a new topic waits
    // for the owner's confirmation: anyone can type someone else's address.
    expect(signup('ana@example.com', undefined, later(86_400_000)).email).toBe('none');
    const topic = signup('ana@example.com', 'course', later(86_400_000));
    if (topic.email !== 'confirm') throw new Error('expected an email');
    expect(listSubscribers(db(), { topic: 'course' })).toHaveLength(0);
    expect(signup('ana@example.com', 'course', later(86_460_000)).email).toBe('none');
    expect(confirmSubscription(db(), topic.confirmToken, later(86_500_000))).toBe(true);
    expect(listSubscribers(db(), { topic: 'course' })[0]).toMatchObject({ status: 'confirmed', confirmedAt: later(3600_000).toISOString() });
  });

  it('keeps every consent and its withdrawal when an unsubscribed address signs up again', () => {
    fresh();
    const first = signup('ana@example.com', 'ml-madrid');
    if (first.email !== 'confirm') throw new Error('expected an email');
    confirmSubscription(db(), first.confirmToken, later(1000));
    unsubscribe(db(), first.unsubscribeToken, later(2000));
    const again = signup('ana@example.com', undefined, later(3000));
    if (again.email !== 'confirm') throw new Error('expected an email');
    expect(listSubscribers(db())[0]).toMatchObject({ status: 'pending', topics: [], unsubscribedAt: later(2000).toISOString() });
    confirmSubscription(db(), again.confirmToken, later(4000));
    expect(consentHistory(db(), 'ana@example.com')).toEqual([
      { consentVersion: 'v1', givenAt: T0.toISOString(), confirmedAt: later(1000).toISOString(), withdrawnAt: later(2000).toISOString() },
      { consentVersion: 'v1', givenAt: later(3000).toISOString(), confirmedAt: later(4000).toISOString(), withdrawnAt: null },
    ]);
  });

  it('proves a write would succeed, and names the real error when it cannot', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'health-')), 'db.sqlite');
    openNewsletterDatabase(file).close();
    const readOnly = new DatabaseSync(file, { readOnly: true });
    // BEGIN IMMEDIATE; ROLLBACK succeeds on a read-only file: a real write does not.
    readOnly.exec('BEGIN IMMEDIATE; ROLLBACK');
    expect(() => checkWritable(readOnly)).toThrow(/readonly/i);
    expect(() => inTransaction(readOnly, () => readOnly.exec("INSERT INTO health VALUES (1, 'x')"))).toThrow(/readonly/i);
    expect(() => checkWritable(db())).not.toThrow();
  });

  it('unsubscribes with the token; the confirmation link then stops working', () => {
    fresh();
    const outcome = signup('ana@example.com');
    if (outcome.email !== 'confirm') throw new Error('expected an email');
    expect(subscriberOfToken(db(), outcome.unsubscribeToken, 'unsubscribe', T0)?.email).toBe('ana@example.com');
    expect(unsubscribe(db(), outcome.unsubscribeToken, later(1000))).toBe(true);
    expect(confirmSubscription(db(), outcome.confirmToken, later(2000))).toBe(false);
    expect(listSubscribers(db(), { status: 'unsubscribed' })[0]).toMatchObject({ unsubscribedAt: later(1000).toISOString() });
    expect(unsubscribe(db(), 'unknown', T0)).toBe(false);
  });

  it('counts by status and topic, and erases a person with their tokens', () => {
    fresh();
    const first = signup('a@example.com', 'course');
    signup('b@example.com');
    if (first.email !== 'confirm') throw new Error('expected an email');
    confirmSubscription(db(), first.confirmToken, T0);
    expect(subscriberStats(db())).toEqual({ byStatus: { pending: 1, confirmed: 1, unsubscribed: 0 }, confirmedByTopic: { course: 1 } });
    expect(eraseSubscriber(db(), 'a@example.com')).toBe(true);
    expect(eraseSubscriber(db(), 'a@example.com')).toBe(false);
    expect(db().prepare('SELECT count(*) AS n FROM tokens').get()).toEqual({ n: 2 });
  });
});

describe('the CSV export', () => {
  it('has the consent columns, quotes what needs it and defuses formulas', () => {
    fresh();
    recordSignup(db(), { email: '=cmd@example.com', topic: 'a', source: '/x,y/', consentText: 'ok', consentVersion: 'v2', now: T0 });
    expect(subscribersCsv(listSubscribers(db()))).toBe(
      'email,status,topics,consent_version,signed_up_at,confirmed_at,source,bounced_at\r\n' +
        `'=cmd@example.com,pending,a,v2,${T0.toISOString()},,"/x,y/",\r\n`,
    );
  });
});

describe('the HTTP answers', () => {
  const sent: MailMessage[] = [];
  const deps = (overrides: Partial<NewsletterDeps> = {}): NewsletterDeps => ({
    db: fresh(),
    mailer: { destination: 'test', send: async (message) => void sent.push(message) },
    limiter: createRateLimiter({ limit: 100, windowMs: 60_000 }),
    siteName: 'The Gurus',
    t: translator('en'),
    publicOrigin: 'https://thegurus.example',
    from: 'news@example.com',
    consent: { text: 'I agree.', version: 'v1' },
    topicTitle: (topic) => (topic === 'ml-madrid' ? 'Machine Learning in Production — Madrid' : undefined),
    log: () => {},
    ...overrides,
  });
  const post = (body: BodyInit | null, headers: Record<string, string> = {}, url = 'http://localhost:4321/api/newsletter/subscribe') =>
    new Request(url, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });

  it('redirects a form post to "check your inbox", answers JSON to scripts, and emails the links', async () => {
    sent.length = 0;
    const d = deps();
    expect(await subscribeAnswer(post('email=ana%40example.com&consent=yes&topic=ml-madrid'), '1.1.1.1', d)).toEqual({
      kind: 'redirect',
      location: '/newsletter/check-your-inbox/',
    });
    expect(await subscribeAnswer(post('email=bea%40example.com&consent=yes', { accept: 'application/json' }), '1.1.1.1', d)).toEqual({
      kind: 'json',
      status: 200,
      body: { ok: true },
    });
    await sendsSettled();
    expect(sent).toHaveLength(2);
    const [mail] = sent;
    expect(mail!.subject).toBe('The Gurus: confirm to hear about Machine Learning in Production — Madrid');
    expect(mail!.text).toMatch(/https:\/\/thegurus\.example\/newsletter\/confirm\/\?token=[\w-]{43}/);
    expect(mail!.headers).toEqual({
      'List-Unsubscribe': expect.stringMatching(/^<https:\/\/thegurus\.example\/api\/newsletter\/unsubscribe\?token=[\w-]{43}>$/),
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });

  it('writes the links in its emails from the configured URL, whatever the Host says', async () => {
    sent.length = 0;
    const forged = post('email=eve%40example.com&consent=yes', { accept: 'application/json' }, 'http://evil.test/api/newsletter/subscribe');
    expect(await subscribeAnswer(forged, '1.1.1.1', deps())).toMatchObject({ status: 200 });
    await sendsSettled();
    expect(sent[0]!.text).not.toContain('evil.test');
    expect(sent[0]!.headers['List-Unsubscribe']).toMatch(/^<https:\/\/thegurus\.example\//);
  });

  it('answers before sending, so that no timing tells a new address from a confirmed one', async () => {
    let release: () => void = () => {};
    const slow = { destination: 'smtp://slow', send: () => new Promise<void>((resolve) => (release = resolve)) };
    const d = deps({ mailer: slow });
    const started = performance.now();
    expect(await subscribeAnswer(post('email=new%40example.com&consent=yes', { accept: 'application/json' }), 'c', d)).toMatchObject({ status: 200 });
    // The mail server has not answered yet (it never will until released): the reader has.
    expect(performance.now() - started).toBeLessThan(1000);
    await sendsSettled();
    expect(outboxStats(d.db).waiting).toBe(1);
    release();
    await sendsSettled();
    expect(outboxStats(d.db).waiting).toBe(0);
  });

  it('refuses a topic that is no course', async () => {
    const d = deps();
    expect(await subscribeAnswer(post('email=a%40b.co&consent=yes&topic=made-up', { accept: 'application/json' }), 'c', d)).toMatchObject({
      status: 400,
      body: { error: expect.stringMatching(/"made-up" is not one of/) },
    });
    expect(listSubscribers(d.db)).toEqual([]);
  });

  it('answers 400 naming the problem, and stores nothing', async () => {
    const d = deps();
    const answers = await Promise.all([
      subscribeAnswer(post('email=nope&consent=yes'), 'c', d),
      subscribeAnswer(post('email=a%40b.co'), 'c', d),
      subscribeAnswer(post(''), 'c', d),
      subscribeAnswer(post('{"email":"a@b.co"}', { 'content-type': 'application/json', accept: 'application/json' }), 'c', d),
    ]);
    expect(answers.map((answer) => [answer.kind, 'status' in answer ? answer.status : 0])).toEqual([
      ['page', 400],
      ['page', 400],
      ['page', 400],
      ['json', 400],
    ]);
    expect(answers[3]).toMatchObject({ body: { error: expect.stringMatching(/application\/x-www-form-urlencoded/) } });
    expect(listSubscribers(d.db)).toEqual([]);
  });

  it('gives a bot the normal answer and stores nothing', async () => {
    const d = deps();
    expect(await subscribeAnswer(post('email=a%40b.co&consent=yes&website=x'), 'c', d)).toMatchObject({ kind: 'redirect' });
    expect(listSubscribers(d.db)).toEqual([]);
  });

  it('answers 429 with Retry-After to a client that posts too often', async () => {
    const d = deps({ limiter: createRateLimiter({ limit: 1, windowMs: 60_000 }) });
    await subscribeAnswer(post('email=a%40b.co&consent=yes'), 'c', d);
    expect(await subscribeAnswer(post('email=b%40b.co&consent=yes', { accept: 'application/json' }), 'c', d)).toMatchObject({
      kind: 'json',
      status: 429,
      headers: { 'Retry-After': expect.stringMatching(/^\d+$/) },
    });
  });

  it('keeps the signup when the mail server is down, and sends the email on a later try', async () => {
    let down = true;
    const delivered: MailMessage[] = [];
    const mailer = { destination: 'smtp://down', send: async (message: MailMessage) => { if (down) throw new Error('connect ECONNREFUSED'); delivered.push(message); } };
    const d = deps({ mailer });
    expect(await subscribeAnswer(post('email=a%40b.co&consent=yes', { accept: 'application/json' }), 'c', d, T0)).toEqual({ kind: 'json', status: 200, body: { ok: true } });
    expect(listSubscribers(d.db)[0]).toMatchObject({ email: 'a@b.co', status: 'pending' });
    await sendsSettled();
    expect(outboxStats(d.db)).toEqual({ waiting: 1, failed: 0, bounced: 0, oldest: T0.toISOString(), lastError: 'connect ECONNREFUSED' });
    // Not yet due (first retry after a minute), then still down, then up.
    expect(await deliverDue(d.db, mailer, later(30_000))).toEqual({ sent: 0, failed: 0, bounced: 0 });
    expect(await deliverDue(d.db, mailer, later(61_000))).toEqual({ sent: 0, failed: 1, bounced: 0 });
    down = false;
    expect(await deliverDue(d.db, mailer, later(61_000 + 5 * 60_000))).toEqual({ sent: 1, failed: 0, bounced: 0 });
    expect(delivered[0]!.to).toBe('a@b.co');
    expect(outboxStats(d.db).waiting).toBe(0);
  });

  it("sends an email once when the signup's own send and two retry timers race for it", async () => {
    const delivered: MailMessage[] = [];
    let release: () => void = () => {};
    const slow = { destination: 'smtp://slow', send: (message: MailMessage) => new Promise<void>((resolve) => (release = () => (delivered.push(message), resolve()))) };
    const d = deps({ mailer: slow });
    await subscribeAnswer(post('email=a%40b.co&consent=yes'), 'c', d, T0);
    await sendsSettled();
    // The first send is still talking to the mail server when the timers look at the outbox.
    const ticks = Promise.all([deliverDue(d.db, slow, later(1000)), deliverDue(d.db, slow, later(2000))]);
    expect(await ticks).toEqual([{ sent: 0, failed: 0, bounced: 0 }, { sent: 0, failed: 0, bounced: 0 }]);
    release();
    await sendsSettled();
    expect(delivered).toHaveLength(1);
    expect(outboxStats(d.db).waiting).toBe(0);
  });

  it('marks a permanent refusal (5xx) bounced at once, and retries a temporary one (4xx)', async () => {
    const refusal = (code: number) => Object.assign(new Error(`${code} refused`), { responseCode: code });
    const d = deps({ mailer: { destination: 'x', send: async () => { throw refusal(550); } } });
    await subscribeAnswer(post('email=a%40b.co&consent=yes'), 'c', d, T0);
    await sendsSettled();
    expect(outboxStats(d.db)).toMatchObject({ waiting: 1, failed: 0, bounced: 1, lastError: '550 refused' });
    expect(await deliverDue(d.db, d.mailer, later(86_400_000))).toEqual({ sent: 0, failed: 0, bounced: 0 });
    const busy = deps({ mailer: { destination: 'x', send: async () => { throw refusal(451); } } });
    await subscribeAnswer(post('email=b%40b.co&consent=yes'), 'c', busy, T0);
    await sendsSettled();
    expect(outboxStats(busy.db)).toMatchObject({ waiting: 1, failed: 0, bounced: 0 });
    expect(await deliverDue(busy.db, busy.mailer, later(61_000))).toEqual({ sent: 0, failed: 1, bounced: 0 });
  });

  it('gives up after the last retry, and says so', async () => {
    const d = deps({ mailer: { destination: 'x', send: async () => { throw new Error('connect ETIMEDOUT'); } } });
    await subscribeAnswer(post('email=a%40b.co&consent=yes'), 'c', d, T0);
    await sendsSettled();
    let now = T0.getTime();
    for (const minutes of RETRY_MINUTES) {
      now += minutes * 60_000 + 1000;
      await deliverDue(d.db, d.mailer, new Date(now));
    }
    expect(outboxStats(d.db)).toMatchObject({ waiting: 1, failed: 1, bounced: 0, lastError: 'connect ETIMEDOUT' });
  });

  it('refuses cross-site posts from browsers, not requests without an Origin', () => {
    const at = (headers: Record<string, string>) => post('', headers);
    expect(isCrossSite(at({ origin: 'https://evil.example' }), 'https://thegurus.example')).toBe(true);
    expect(isCrossSite(at({ 'sec-fetch-site': 'cross-site' }), 'https://thegurus.example')).toBe(true);
    expect(isCrossSite(at({ origin: 'http://localhost:4321' }), 'https://thegurus.example')).toBe(false);
    expect(isCrossSite(at({ origin: 'https://thegurus.example' }), 'https://thegurus.example')).toBe(false);
    expect(isCrossSite(at({}), 'https://thegurus.example')).toBe(false);
  });

  it('answers 503 when the database cannot be written, and stores nothing', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'readonly-')), 'db.sqlite');
    openNewsletterDatabase(file).close();
    const readOnly = new DatabaseSync(file, { readOnly: true });
    const logged: string[] = [];
    const d = { ...deps(), db: readOnly, log: (line: string) => void logged.push(line) };
    expect(await subscribeAnswer(post('email=a%40b.co&consent=yes', { accept: 'application/json' }), 'c', d)).toMatchObject({
      kind: 'json',
      status: 503,
      headers: { 'Retry-After': '120' },
      body: { error: expect.stringMatching(/Nothing was stored/) },
    });
    expect(logged[0]).toMatch(/cannot be written: .*readonly/i);
    expect(listSubscribers(readOnly)).toEqual([]);
  });

  it('confirms and unsubscribes through POSTs, one-click included, and refuses unknown tokens', async () => {
    sent.length = 0;
    const d = deps();
    await subscribeAnswer(post('email=a%40b.co&consent=yes'), 'c', d);
    await sendsSettled();
    const token = (name: string) => new RegExp(`${name}/\\?token=([\\w-]+)`).exec(sent[0]!.text)![1]!;
    expect(await confirmAnswer(post('token=nope'), d)).toMatchObject({ kind: 'page', status: 400 });
    expect(await confirmAnswer(post(`token=${token('confirm')}`), d)).toEqual({ kind: 'redirect', location: '/newsletter/confirmed/' });
    const oneClick = post('List-Unsubscribe=One-Click', {}, `http://localhost:4321/api/newsletter/unsubscribe?token=${token('unsubscribe')}`);
    expect(await unsubscribeAnswer(oneClick, d)).toEqual({ kind: 'text', status: 200, body: 'Unsubscribed.' });
    expect(listSubscribers(d.db)[0]!.status).toBe('unsubscribed');
  });
});

describe('the SMTP mailer', () => {
  it('names its server once, port included once', async () => {
    const { smtpMailer } = await import('../../src/newsletter/mailer');
    expect(smtpMailer('smtp://user:secret@127.0.0.1:2525').destination).toBe('smtp://127.0.0.1:2525');
    expect(smtpMailer('smtps://mail.example.com').destination).toBe('smtps://mail.example.com');
  });
});

describe('the outbox', () => {
  it('sends every due email in one pass, however many there are', async () => {
    const db = openNewsletterDatabase(':memory:');
    const id = Number(db.prepare("INSERT INTO subscribers (email, status, consent_text, consent_version, signed_up_at) VALUES ('a@b.co', 'pending', 'x', 'v1', 'now')").run().lastInsertRowid);
    for (let n = 0; n < 250; n++) queueEmail(db, id, { from: 'f@x.co', to: 'a@b.co', subject: String(n), text: '', html: '', headers: {} }, T0);
    const delivered: string[] = [];
    expect(await deliverDue(db, { destination: 'x', send: async (message) => void delivered.push(message.subject) }, later(1000))).toEqual({ sent: 250, failed: 0, bounced: 0 });
    expect(new Set(delivered).size).toBe(250);
  });
});

describe('a send retried after a crash', () => {
  it('carries the same Message-ID, and the outbox folder keeps one file for it', async () => {
    const { outboxMailer } = await import('../../src/newsletter/mailer');
    const { readdirSync: list, readFileSync: read } = await import('node:fs');
    const folder = mkdtempSync(join(tmpdir(), 'outbox-'));
    const mailer = outboxMailer(folder);
    const db = openNewsletterDatabase(':memory:');
    const id = Number(db.prepare("INSERT INTO subscribers (email, status, consent_text, consent_version, signed_up_at) VALUES ('a@b.co', 'pending', 'x', 'v1', 'now')").run().lastInsertRowid);
    const message = { from: '"The Gurus" <news@thegurus.example>', to: 'a@b.co', subject: 'Confirm', text: 'Confirm.', html: '<p>Confirm.</p>', headers: {} };
    const row = queueEmail(db, id, message, T0);
    // The first try wrote its file, then the process died before the row was deleted.
    const sent: MailMessage[] = [];
    await deliverDue(db, { destination: 'x', send: async (mail) => void sent.push(mail) }, later(1000));
    await mailer.send(sent[0]!);
    await mailer.send(sent[0]!);
    expect(sent[0]!.messageId).toBe(`<outbox-${row}.${T0.getTime()}@thegurus.example>`);
    expect(list(folder)).toHaveLength(1);
    expect(read(join(folder, list(folder)[0]!), 'utf8')).toMatch(/^Message-ID: <outbox-/m);
  });
});
