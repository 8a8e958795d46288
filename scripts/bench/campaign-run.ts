// One measurement of `npm run bench -- --campaigns`, in a process of its own so that its peak
// memory is its own: `queue N` writes a campaign for N confirmed subscribers; `send N RATE SMTP_URL`
// sends one to N subscribers through a local SMTP server at RATE a minute.
import { composeLetter, type Sender } from '../../src/newsletter/campaign-email.ts';
import { sendCampaign } from '../../src/newsletter/campaign-sender.ts';
import { createCampaign } from '../../src/newsletter/campaigns.ts';
import { openNewsletterDatabase } from '../../src/newsletter/database.ts';
import { smtpMailer } from '../../src/newsletter/mailer.ts';

const [mode, count, rate, smtpUrl] = process.argv.slice(2);
const n = Number(count);
const db = openNewsletterDatabase(':memory:');
// Subscribers written in bulk: the signup path is measured by --signups.
db.exec('BEGIN');
const insert = db.prepare(
  "INSERT INTO subscribers (email, status, topics, consent_text, consent_version, signed_up_at, confirmed_at) VALUES (?, 'confirmed', '[]', 'I agree.', 'v1', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
);
for (let i = 0; i < n; i++) insert.run(`reader-${i}@example.com`);
db.exec('COMMIT');
const sender: Sender = { siteName: 'The Gurus', siteUrl: 'https://thegurus.example', from: 'news@thegurus.example', address: 'Madrid', lang: 'en' };
const body = '<p>A post of a few paragraphs.</p>'.repeat(40);
const letter = composeLetter({ subject: 'A post', heading: 'A post', html: body, readUrl: 'https://thegurus.example/posts/x/', why: 'You subscribed.' }, sender);
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
const { id, recipients } = createCampaign(db, { kind: 'post', entry: 'posts/x.md', letter, audience: {} });
const queued = { recipients, queueMs: performance.now() - started, peakRssMb: process.resourceUsage().maxRSS / 1024, rssGrowthMb: (process.memoryUsage().rss - rssBefore) / 1024 / 1024 };
if (mode === 'queue') {
  console.log(JSON.stringify(queued));
} else {
  const mailer = smtpMailer(smtpUrl!, { pool: true });
  const sendStarted = performance.now();
  const counts = await sendCampaign(db, mailer, id, { ratePerMinute: Number(rate), sender });
  const seconds = (performance.now() - sendStarted) / 1000;
  mailer.close?.();
  console.log(JSON.stringify({ ...queued, sent: counts.sent, seconds, perSecond: counts.sent / seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
}
