// Campaigns against a real SMTP server (smtp-server) that records every message: each recipient
// once, bounces, unsubscribes between queueing and sending, a server down then up, pauses.
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { composeLetter, type Sender } from '../../src/newsletter/campaign-email';
import { sendCampaign } from '../../src/newsletter/campaign-sender';
import { audienceSize, createCampaign, listCampaigns, pauseCampaign, unpauseCampaign } from '../../src/newsletter/campaigns';
import { openNewsletterDatabase } from '../../src/newsletter/database';
import { smtpMailer } from '../../src/newsletter/mailer';
import { listSubscribers, recordSignup, confirmSubscription, unsubscribe } from '../../src/newsletter/subscribers';
import { emailBodyOf } from '../../src/newsletter/built-page';

interface Received {
  to: string;
  messageId: string;
  raw: string;
}

const received: Received[] = [];
/** Addresses the server refuses for good (550) or for now (451). */
const refuse = new Map<string, number>();
let smtp: SMTPServer;
let smtpUrl = '';

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, done) {
      const code = refuse.get(address.address);
      if (code) return done(Object.assign(new Error(code >= 500 ? 'No such user' : 'Try again later'), { responseCode: code }));
      return done();
    },
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        for (const rcpt of session.envelope.rcptTo) received.push({ to: rcpt.address, messageId: /^Message-ID: (.+)$/im.exec(raw)?.[1]?.trim() ?? '', raw });
        done();
      });
    },
  });
  await new Promise<void>((listening) => smtp.listen(0, '127.0.0.1', listening));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((closed) => smtp.close(() => closed()));
});

const sender: Sender = { siteName: 'The Gurus', siteUrl: 'https://thegurus.example', from: 'news@thegurus.example', address: 'The Gurus Team · Madrid', lang: 'en' };
const T0 = new Date('2026-11-30T10:00:00Z');
const letter = () =>
  composeLetter(
    { subject: 'New post', heading: 'New post', html: '<p>Read <a href="https://thegurus.example/posts/x/">it</a>.</p>', readUrl: 'https://thegurus.example/posts/x/', why: 'You subscribed.' },
    sender,
  );

/** A database with `count` confirmed subscribers (and their addresses). */
function subscribersDb(count: number, topic?: (n: number) => string | undefined) {
  const db = openNewsletterDatabase(':memory:');
  const emails: string[] = [];
  for (let n = 0; n < count; n++) {
    const email = `reader-${n}@example.com`;
    const outcome = recordSignup(db, { email, topic: topic?.(n), source: undefined, consentText: 'I agree.', consentVersion: 'v1', now: T0 });
    if (outcome.email === 'confirm') confirmSubscription(db, outcome.confirmToken, T0);
    emails.push(email);
  }
  return { db, emails };
}

const fast = { ratePerMinute: 1_000_000, sender };
const open: ReturnType<typeof smtpMailer>[] = [];
/** A campaign's mailer: one pooled connection, closed after each test. */
const mailer = () => {
  const made = smtpMailer(smtpUrl, { pool: true });
  open.push(made);
  return made;
};
afterEach(() => {
  for (const made of open.splice(0)) made.close?.();
});

describe('a campaign', () => {
  it('delivers exactly one message to each of 1,000 subscribers, each with its own unsubscribe link', async () => {
    received.length = 0;
    const { db, emails } = subscribersDb(1000);
    const { id, recipients } = createCampaign(db, { kind: 'post', entry: 'posts/x.md', letter: letter(), audience: {} }, T0);
    expect(recipients).toBe(1000);
    const counts = await sendCampaign(db, mailer(), id, fast);
    expect(counts).toMatchObject({ sent: 1000, failed: 0, bounced: 0, done: true });
    expect(received).toHaveLength(1000);
    expect(new Set(received.map((mail) => mail.to))).toEqual(new Set(emails));
    expect(new Set(received.map((mail) => mail.messageId)).size).toBe(1000);
    const links = received.map((mail) => /^List-Unsubscribe:\s*<([^>]+)>/m.exec(mail.raw)?.[1]);
    expect(new Set(links).size).toBe(1000);
    expect(received[0]!.raw).toMatch(/^Precedence: bulk$/m);
    expect(received[0]!.raw).toMatch(/^List-ID: The Gurus <newsletter\.thegurus\.example>$/m);
    expect(listCampaigns(db)[0]).toMatchObject({ id, status: 'done', recipients: 1000, sent: 1000, waiting: 0 });
  }, 60_000);

  it('marks a permanently refused address bounced and never mails it again; retries a temporary refusal later', async () => {
    received.length = 0;
    const { db } = subscribersDb(3);
    refuse.set('reader-1@example.com', 550);
    refuse.set('reader-2@example.com', 451);
    try {
      const first = createCampaign(db, { kind: 'post', entry: 'posts/a.md', letter: letter(), audience: {} }, T0);
      expect(await sendCampaign(db, mailer(), first.id, { ...fast, now: () => T0 })).toMatchObject({ sent: 1, bounced: 1, failed: 1, done: false });
      expect(listCampaigns(db)[0]).toMatchObject({ sent: 1, bounced: 1, waiting: 1 });
      // The next campaign leaves the bounced address out.
      expect(audienceSize(db, {})).toBe(2);
      refuse.delete('reader-2@example.com');
      // The temporary refusal is due again after a minute.
      const later = new Date(T0.getTime() + 61_000);
      expect(await sendCampaign(db, mailer(), first.id, { ...fast, now: () => later })).toMatchObject({ sent: 1, done: true });
      expect(received.map((mail) => mail.to).sort()).toEqual(['reader-0@example.com', 'reader-2@example.com']);
    } finally {
      refuse.clear();
    }
  });

  it('skips a subscriber who unsubscribed after the campaign was written', async () => {
    received.length = 0;
    const db = openNewsletterDatabase(':memory:');
    const tokens: string[] = [];
    for (const email of ['stays@example.com', 'leaves@example.com']) {
      const outcome = recordSignup(db, { email, topic: undefined, source: undefined, consentText: 'I agree.', consentVersion: 'v1', now: T0 });
      if (outcome.email !== 'confirm') throw new Error('expected an email');
      confirmSubscription(db, outcome.confirmToken, T0);
      tokens.push(outcome.unsubscribeToken);
    }
    const { id } = createCampaign(db, { kind: 'post', entry: 'posts/b.md', letter: letter(), audience: {} }, T0);
    unsubscribe(db, tokens[1]!, T0);
    expect(await sendCampaign(db, mailer(), id, fast)).toMatchObject({ sent: 1, done: true });
    expect(received.map((mail) => mail.to)).toEqual(['stays@example.com']);
    expect(listCampaigns(db)[0]).toMatchObject({ sent: 1, skipped: 1 });
  });

  it('waits, everyone still queued, while the mail server is down, and delivers everything once it is up', async () => {
    received.length = 0;
    const { db } = subscribersDb(5);
    const { id } = createCampaign(db, { kind: 'post', entry: 'posts/c.md', letter: letter(), audience: {} }, T0);
    // Port 9: nothing listens there.
    const down = await sendCampaign(db, smtpMailer('smtp://127.0.0.1:9'), id, fast);
    expect(down).toMatchObject({ sent: 0, stopped: 'unreachable', done: false });
    expect(listCampaigns(db)[0]).toMatchObject({ waiting: 5, failed: 0 });
    expect(await sendCampaign(db, mailer(), id, fast)).toMatchObject({ sent: 5, done: true });
    expect(received).toHaveLength(5);
  });

  it('goes to the subscribers of a topic only, and stops at a pause until resumed', async () => {
    received.length = 0;
    const { db } = subscribersDb(6, (n) => (n % 2 === 0 ? 'ml-in-production-madrid' : undefined));
    const { id, recipients } = createCampaign(db, { kind: 'course', entry: 'ml-in-production-madrid', letter: letter(), audience: { topic: 'ml-in-production-madrid' } }, T0);
    expect(recipients).toBe(3);
    pauseCampaign(db, id);
    expect(await sendCampaign(db, mailer(), id, fast)).toMatchObject({ sent: 0, stopped: 'paused' });
    unpauseCampaign(db, id);
    expect(await sendCampaign(db, mailer(), id, fast)).toMatchObject({ sent: 3, done: true });
    expect(received.map((mail) => mail.to).sort()).toEqual(['reader-0@example.com', 'reader-2@example.com', 'reader-4@example.com']);
    expect(listSubscribers(db, { status: 'confirmed' })).toHaveLength(6);
  });

  it('keeps to its rate', async () => {
    const { db } = subscribersDb(4);
    const { id } = createCampaign(db, { kind: 'post', entry: 'posts/d.md', letter: letter(), audience: {} }, T0);
    const started = performance.now();
    // 600 a minute: one every 100 ms, so four take at least 300 ms.
    await sendCampaign(db, mailer(), id, { ratePerMinute: 600, sender });
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });
});

describe('an email made from a built page', () => {
  const page = `<html><head><meta name="description" content="x"></head><body><article><picture><source srcset="/_astro/a.avif"><img class="cover" src="/_astro/a.jpg" srcset="/_astro/a.jpg 800w" loading="lazy"></picture>
    <div class="prose"><div class="heading-wrapper"><h2 id="h">Heading</h2><a class="heading-anchor" href="#h">#</a></div>
    <p>See <a href="../other/">another post</a> and <img src="/images/chart.png" srcset="/images/chart.png 2x" loading="lazy" alt="chart">.</p>
    <p>Math: <span class="katex"><span class="katex-mathml"><math><semantics><mrow><mi>x</mi></mrow><annotation encoding="application/x-tex">x^2</annotation></semantics></math></span><span class="katex-html" aria-hidden="true">x2</span></span></p>
    <pre class="astro-code" style="overflow-x: auto" tabindex="0"><code><span style="color:#D73A49">def</span> f(): pass</code></pre>
    <button class="code-copy">Copy</button><script>alert(1)</script><form><input></form>
    </div></article></body></html>`;

  it('has absolute links and images, TeX for math, no anchors, buttons, scripts or forms', () => {
    const { html, cover } = emailBodyOf(page, 'https://thegurus.example/posts/x/');
    expect(cover).toBe('https://thegurus.example/_astro/a.jpg');
    expect(html).toContain('<h2 id="h">Heading</h2>');
    expect(html).toContain('href="https://thegurus.example/posts/other/"');
    expect(html).toContain('<img src="https://thegurus.example/images/chart.png" alt="chart">');
    expect(html).toContain('<code>x^2</code>');
    expect(html).toContain('<pre class="astro-code"><code><span style="color:#D73A49">def</span>');
    expect(html).not.toMatch(/heading-anchor|<button|<script|<form|srcset|katex/);
  });

  it('becomes an HTML part with its styles inlined and a text part with every link', () => {
    const { html } = emailBodyOf(page, 'https://thegurus.example/posts/x/');
    const composed = composeLetter({ subject: 'S', heading: 'H', html, readUrl: 'https://thegurus.example/posts/x/', why: 'You subscribed.' }, sender);
    expect(composed.html).not.toContain('<style');
    expect(composed.html).toMatch(/<pre class="astro-code" style="[^"]*white-space: pre-wrap/);
    for (const link of ['https://thegurus.example/posts/other/', 'https://thegurus.example/posts/x/', `https://thegurus.example/newsletter/unsubscribe/?token=${composed.marker}`]) {
      expect(composed.text).toContain(link);
    }
    expect(composed.text).toContain('The Gurus Team · Madrid');
  });
});

describe('a course announcement', () => {
  it('names the place once, and attaches the calendar file when the course has dates', async () => {
    const { courseLetter } = await import('../../src/newsletter/letters');
    const site = { siteName: 'The Gurus', siteUrl: 'https://thegurus.example', timeZone: 'Europe/Madrid', lang: 'en' };
    const course = {
      title: 'ML in Production — Madrid', url: '/training/ml/', summary: 'Hands-on.', status: 'open', city: 'Madrid', venue: 'Central Madrid', currency: 'EUR',
      price: 690, seats: 20, seatsLeft: 12, startHasTime: true, endHasTime: true, start: new Date('2027-03-06T09:00:00Z'), end: new Date('2027-03-13T17:00:00Z'),
      registrationUrl: 'https://thegurus.example/register', calendar: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
    };
    const letter = courseLetter(course, site, 'why');
    expect(letter.subject).toBe('Registration is open: ML in Production — Madrid');
    expect(letter.html).toContain('<td>Central Madrid</td>');
    expect(letter.html).toContain('12 of 20 seats left');
    expect(letter.html).toContain('€690');
    expect(letter.attachments).toEqual([{ filename: 'ml.ics', content: Buffer.from(course.calendar).toString('base64'), contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }]);
    expect(courseLetter({ ...course, venue: 'Impact Hub', start: undefined }, site, 'why').html).toContain('<td>Impact Hub, Madrid</td>');
    expect(courseLetter({ ...course, start: undefined }, site, 'why').attachments).toEqual([]);
  });
});

describe('a built page', () => {
  it('gives the description the build wrote for it, entities decoded', async () => {
    const { mkdirSync: mkdir, writeFileSync: write } = await import('node:fs');
    const { mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { builtDescription } = await import('../../src/newsletter/built-page');
    const client = mkdtempSync(join(tmpdir(), 'client-'));
    mkdir(join(client, 'posts', 'x'), { recursive: true });
    write(join(client, 'posts', 'x', 'index.html'), '<html><head><meta name="description" content="Let&#39;s dig &amp; see"></head><body></body></html>');
    expect(builtDescription(client, '/posts/x/')).toBe("Let's dig & see");
    expect(builtDescription(client, '/posts/none/')).toBe('');
  });
});
