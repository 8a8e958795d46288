// `npm run newsletter -- COMMAND`: writes to the confirmed subscribers, from content.
//   preview ENTRY [--to ADDRESS] [--out DIR]   the email as .html and .eml files; --to sends one test copy
//   send ENTRY [--topic T] [--dry-run] [--again] [--rate N]
//   send --new [--since DATE]                 each published post no campaign has sent yet
//   announce COURSE [--all] [--force] [--dry-run]
//   digest [--since DATE] [--dry-run]
//   status | resume [ID] | pause ID
// NEWSLETTER_DB is the subscribers' database; emails go through SMTP_URL, or to NEWSLETTER_OUTBOX
// as .eml files. Emails are made from the built site (DIST_DIR, default dist/): build first.
// Mistakes exit 2 with one line; an unreachable mail server exits 1 with everyone still queued.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { parseArgs } from 'node:util';
import nodemailer from 'nodemailer';
import site from '@site-config';
import { contentDirFrom } from '../config/content-dir';
import { entrySettingsOf } from '../config/entry-settings';
import type { IndexedEntry } from '../content/model/site-index';
import { builtDescription, builtEmailBody } from '../newsletter/built-page';
import { composeLetter, recipientEmail, type LetterContent, type Sender } from '../newsletter/campaign-email';
import { sendCampaign, type SendCounts } from '../newsletter/campaign-sender';
import {
  audienceSample,
  audienceSize,
  campaignsOf,
  createCampaign,
  lastSent,
  listCampaigns,
  pauseCampaign,
  unfinishedCampaigns,
  unpauseCampaign,
  type Audience,
  type CampaignKind,
} from '../newsletter/campaigns';
import { openNewsletterDatabase } from '../newsletter/database';
import { emailProblem, normalizeEmail } from '../newsletter/email-address';
import { mailerFromEnv, type Mailer } from '../newsletter/mailer';
import { courseLetter, digestLetter, postLetter, whyLine, type LetterSite } from '../newsletter/letters';
import { findEntry, publishedPosts, readSiteEntries, type SiteCourse, type SiteEntries } from '../newsletter/site-entries';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    topic: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    again: { type: 'boolean', default: false },
    new: { type: 'boolean', default: false },
    all: { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    since: { type: 'string' },
    to: { type: 'string' },
    out: { type: 'string' },
    rate: { type: 'string' },
  },
});
const [command, argument] = positionals;

/** A mistake of the operator's: one line, exit 2. */
function mistake(message: string): never {
  console.error(`newsletter: ${message}`);
  process.exit(2);
}

const env = process.env;
const contentDir = contentDirFrom(env, process.cwd(), site.contentDir);
const clientDir = join(resolve(env['DIST_DIR'] || 'dist'), 'client');
const letterSite: LetterSite = { siteName: site.title, siteUrl: site.url, timeZone: site.timeZone, lang: site.language };
const sender: Sender = {
  siteName: site.title,
  siteUrl: site.url,
  from: env['NEWSLETTER_FROM'] || site.newsletter.from || `"${site.title}" <newsletter@${new URL(site.url).hostname}>`,
  address: site.newsletter.address,
  lang: site.language,
};
const rate = values.rate === undefined ? site.newsletter.ratePerMinute : Number(values.rate);
if (!Number.isInteger(rate) || rate < 1) mistake(`--rate must be a whole number of emails per minute (got ${values.rate})`);

let opened: DatabaseSync | undefined;
const database = (): DatabaseSync => {
  const file = env['NEWSLETTER_DB'] || 'data/newsletter.sqlite';
  if (!opened && !existsSync(file)) mistake(`no newsletter database at ${file} (set NEWSLETTER_DB): nobody has signed up yet?`);
  return (opened ??= openNewsletterDatabase(file));
};

/** The mailer, when the operator said where emails go: never a default folder by surprise. */
let made: Mailer | undefined;
const mailer = (): Mailer => {
  if (!env['SMTP_URL'] && !env['NEWSLETTER_OUTBOX']) mistake('set SMTP_URL to send through a mail server, or NEWSLETTER_OUTBOX to write the emails to a folder');
  return (made ??= mailerFromEnv(env, { pool: true }));
};

const needBuild = () => {
  if (!existsSync(clientDir)) mistake(`no build in ${clientDir}: run npm run build first (emails are made from the built pages)`);
};

const since = () => {
  if (values.since === undefined) return undefined;
  const date = new Date(values.since);
  if (Number.isNaN(date.getTime())) mistake(`--since must be a date such as 2026-11-01 (got ${values.since})`);
  return date;
};

let entries: SiteEntries | undefined;
const siteEntries = async () => (entries ??= await readSiteEntries(contentDir, entrySettingsOf(site), site.content));

/** A post or page as the email it becomes. */
function entryLetter(entry: IndexedEntry, why: string): LetterContent {
  const body = builtEmailBody(clientDir, entry.url, site.url);
  if (!body) mistake(`${entry.displayPath}: the build has no page at ${entry.url} (build again: npm run build)`);
  return postLetter({ title: entry.metadata.title, url: entry.url, date: entry.metadata.date, html: body.html, cover: body.cover }, letterSite, why);
}

function courseOf(all: SiteEntries, slug: string | undefined): SiteCourse {
  if (!slug) mistake('announce needs a course: npm run newsletter -- announce SLUG');
  const course = all.courses.find((candidate) => candidate.slug === slug || candidate.sourcePath === slug);
  if (!course) mistake(`${slug}: no course with this slug (courses: ${all.courses.map((known) => known.slug).join(', ') || 'none'})`);
  if (course.problems.length > 0) mistake(`${course.sourcePath} has mistakes: ${course.problems[0]}`);
  return course;
}

function courseLetterOf(course: SiteCourse, why: string): LetterContent {
  const calendarFile = join(clientDir, 'training', `${course.slug}.ics`);
  return courseLetter({ ...course, calendar: existsSync(calendarFile) ? readFileSync(calendarFile, 'utf8') : undefined }, letterSite, why);
}

const printCounts = (id: number, counts: SendCounts) => {
  const line = `campaign ${id}: ${counts.sent} sent, ${counts.failed} to try again later, ${counts.bounced} bounced`;
  if (counts.stopped === 'unreachable') {
    console.error(`${line}; the mail server could not be reached (${counts.error}): the rest wait, run npm run newsletter -- resume`);
    process.exitCode = 1;
  } else if (counts.stopped === 'paused') console.log(`${line}; paused (npm run newsletter -- resume ${id} continues)`);
  else console.log(`${line}${counts.done ? '; done' : '; some wait for another try (npm run newsletter -- resume)'}`);
};

/** Writes a campaign with its recipients, then sends it; or, with --dry-run, says whom it would reach. */
async function campaign(kind: CampaignKind, entry: string, content: LetterContent, audience: Audience, entryDate?: Date): Promise<void> {
  const db = database();
  const size = audienceSize(db, audience);
  const whom = (n: number) => `confirmed ${n === 1 ? 'subscriber' : 'subscribers'}${audience.topic ? ` with the topic ${audience.topic}` : ''}`;
  if (size === 0) mistake(`no ${whom(0)}: nothing to send`);
  if (values['dry-run']) {
    const sample = audienceSample(db, audience);
    console.log(`would send "${content.subject}" to ${size} ${whom(size)}: ${sample.join(', ')}${size > sample.length ? ', …' : ''}`);
    return;
  }
  const out = mailer();
  const { id, recipients } = createCampaign(db, { kind, entry, entryDate, letter: composeLetter(content, sender), audience });
  console.log(`campaign ${id}: "${content.subject}" to ${recipients} ${whom(recipients)}, at most ${rate} a minute`);
  printCounts(id, await sendCampaign(db, out, id, { ratePerMinute: rate, sender }));
}

const refuseAgain = (kind: CampaignKind, entry: string, label: string) => {
  const earlier = campaignsOf(database(), kind, entry);
  if (earlier.length > 0 && !values.again) mistake(`${label} was sent already (campaign ${earlier.at(-1)!.id}, ${earlier.at(-1)!.createdAt}): add --again to send it once more`);
};

switch (command) {
  case 'preview': {
    if (!argument) mistake('preview needs an entry: a file path in the content folder, a slug, or a course');
    needBuild();
    const all = await siteEntries();
    const found = findEntry(all, argument, contentDir, process.cwd());
    const course = 'problem' in found ? all.courses.find((candidate) => candidate.slug === argument || candidate.sourcePath === argument) : undefined;
    if ('problem' in found && !course) mistake(found.problem);
    const content = course ? courseLetterOf(course, whyLine(letterSite, course.title)) : entryLetter((found as { entry: IndexedEntry }).entry, whyLine(letterSite));
    const letter = composeLetter(content, sender);
    const message = recipientEmail(letter, { email: values.to ?? 'reader@example.com', token: 'preview', campaignId: 0, subscriberId: 0 }, sender);
    if (values.to) {
      const problem = emailProblem(normalizeEmail(values.to));
      if (problem) mistake(`--to: ${problem}`);
      await mailer().send(message);
      console.log(`sent a test copy to ${values.to} (not recorded as a campaign)`);
      break;
    }
    const folder = resolve(values.out ?? 'data/previews');
    mkdirSync(folder, { recursive: true });
    const name = (course?.slug ?? (found as { entry: IndexedEntry }).entry.metadata.slug).replace(/[^\w.-]+/g, '-');
    writeFileSync(join(folder, `${name}.html`), message.html);
    const { message: eml } = await nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }).sendMail({ ...message, attachments: message.attachments?.map((file) => ({ ...file, encoding: 'base64' })) });
    writeFileSync(join(folder, `${name}.eml`), eml as Buffer);
    console.log(`${join(folder, `${name}.html`)}\n${join(folder, `${name}.eml`)}`);
    break;
  }
  case 'send': {
    needBuild();
    const all = await siteEntries();
    if (values.new) {
      const after = since() ?? lastSent(database(), 'post');
      if (!after) mistake('no post has been sent yet: send one with `send ENTRY` first, or give --since DATE (older posts are never sent by --new)');
      const now = new Date();
      const fresh = publishedPosts(all)
        .filter((post) => post.metadata.date! > after && post.metadata.date! <= now)
        .filter((post) => campaignsOf(database(), 'post', post.sourcePath).length === 0)
        .reverse();
      if (fresh.length === 0) {
        console.log(`no new posts since ${after.toISOString()}: nothing sent`);
        break;
      }
      for (const post of fresh) await campaign('post', post.sourcePath, entryLetter(post, whyLine(letterSite)), { topic: values.topic }, post.metadata.date);
      break;
    }
    if (!argument) mistake('send needs an entry (a file path in the content folder, or a slug), or --new');
    const found = findEntry(all, argument, contentDir, process.cwd());
    if ('problem' in found) mistake(found.problem);
    const { entry } = found;
    if (entry.metadata.date && entry.metadata.date > new Date()) mistake(`${entry.displayPath} is scheduled for ${entry.metadata.date.toISOString()}: it is not on the site yet`);
    const kind = entry.kind === 'page' ? 'page' : 'post';
    refuseAgain(kind, entry.sourcePath, entry.displayPath);
    await campaign(kind, entry.sourcePath, entryLetter(entry, whyLine(letterSite)), { topic: values.topic }, entry.metadata.date);
    break;
  }
  case 'announce': {
    needBuild();
    const course = courseOf(await siteEntries(), argument);
    if (course.status !== 'open' && !values.force) mistake(`${course.slug} is ${course.status}, not open: set "Status: open" (or add --force to announce it anyway)`);
    refuseAgain('course', course.slug, `The announcement of ${course.slug}`);
    const audience = values.all ? {} : { topic: course.slug };
    await campaign('course', course.slug, courseLetterOf(course, whyLine(letterSite, values.all ? undefined : course.title)), audience, course.start);
    break;
  }
  case 'digest': {
    needBuild();
    const after = since() ?? lastSent(database(), 'digest');
    const now = new Date();
    const posts = publishedPosts(await siteEntries()).filter((post) => (!after || post.metadata.date! > after) && post.metadata.date! <= now);
    if (posts.length === 0) {
      console.log(`no posts published since ${after ? after.toISOString() : 'ever'}: no digest sent`);
      break;
    }
    const digest = posts.map((post) => ({ title: post.metadata.title, url: post.url, date: post.metadata.date!, summary: builtDescription(clientDir, post.url) }));
    await campaign('digest', `${after?.toISOString() ?? 'start'}..${now.toISOString()}`, digestLetter(digest, letterSite, whyLine(letterSite)), { topic: values.topic });
    break;
  }
  case 'status': {
    const rows = listCampaigns(database());
    if (rows.length === 0) {
      console.log('No campaigns yet.');
      break;
    }
    const table = [
      ['ID', 'WHAT', 'CREATED', 'STATUS', 'RECIPIENTS', 'SENT', 'WAITING', 'FAILED', 'BOUNCED', 'SKIPPED'],
      ...rows.map((row) => [String(row.id), `${row.kind} ${row.entry}`, row.createdAt.slice(0, 16).replace('T', ' '), row.status, ...[row.recipients, row.sent, row.waiting, row.failed, row.bounced, row.skipped].map(String)]),
    ];
    const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
    console.log(table.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n'));
    break;
  }
  case 'pause': {
    const id = Number(argument);
    if (!Number.isInteger(id)) mistake('pause needs a campaign id (npm run newsletter -- status lists them)');
    if (!pauseCampaign(database(), id)) mistake(`campaign ${id} is not sending: nothing to pause`);
    console.log(`campaign ${id} paused: a run sending it stops before its next email`);
    break;
  }
  case 'resume': {
    const db = database();
    const ids = argument ? [Number(argument)] : unfinishedCampaigns(db);
    if (ids.length === 0 || ids.some((id) => !Number.isInteger(id))) {
      console.log(argument ? `campaign ${argument}: nothing to resume` : 'No unfinished campaigns.');
      break;
    }
    const out = mailer();
    for (const id of ids) {
      unpauseCampaign(db, id);
      const counts = await sendCampaign(db, out, id, { ratePerMinute: rate, sender });
      printCounts(id, counts);
      if (counts.stopped === 'unreachable') break;
    }
    break;
  }
  default:
    mistake(`unknown command ${command ?? '(none)'}: preview, send, announce, digest, status, resume or pause`);
}

// The campaign's one SMTP connection is let go, and the database closed: the process ends.
made?.close?.();
opened?.close();
