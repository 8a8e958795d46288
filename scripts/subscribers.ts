// `npm run subscribers -- <command>`: the operator's view of the newsletter database.
//   stats                                     how many subscribers, by status and topic
//   list [--status S] [--topic T]             a table
//   export --format csv [--status S] [--topic T]
//                                             CSV on standard output, with each consent record
//   delete EMAIL                              erase a person (GDPR right to erasure)
//   backup FILE                               a consistent copy, taken while the server runs
// The database is NEWSLETTER_DB (default data/newsletter.sqlite), as for the server.
// Runs on Node 24's own TypeScript support: no build step, hence the `.ts` in the imports.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openNewsletterDatabase } from '../src/newsletter/database.ts';
import { normalizeEmail } from '../src/newsletter/email-address.ts';
import { listCampaigns } from '../src/newsletter/campaigns.ts';
import { outboxStats } from '../src/newsletter/outbox.ts';
import { subscribersCsv, subscribersTable } from '../src/newsletter/subscriber-report.ts';
import { eraseSubscriber, listSubscribers, STATUSES, subscriberStats, type SubscriberStatus } from '../src/newsletter/subscribers.ts';

const USAGE =
  'Usage: npm run subscribers -- stats | list [--status S] [--topic T] | export --format csv [--status S] [--topic T] | delete EMAIL | backup FILE';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const { positionals, values } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: { status: { type: 'string' }, topic: { type: 'string' }, format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
})();
const [command, ...rest] = positionals;
if (values.help || !command) fail(USAGE);
if (values.status !== undefined && !STATUSES.includes(values.status as SubscriberStatus)) {
  fail(`--status must be one of ${STATUSES.join(', ')} (got "${values.status}")`);
}

const file = process.env['NEWSLETTER_DB'] || 'data/newsletter.sqlite';
// Reading commands must not create an empty database where the operator mistyped a path.
if (command !== 'delete' && !existsSync(file)) fail(`No newsletter database at ${file} (set NEWSLETTER_DB): nobody has signed up yet?`);
const db = openNewsletterDatabase(file);
const filter = { status: values.status as SubscriberStatus | undefined, topic: values.topic };

switch (command) {
  case 'stats': {
    const { byStatus, confirmedByTopic } = subscriberStats(db);
    console.log(`confirmed     ${byStatus.confirmed}\npending       ${byStatus.pending}\nunsubscribed  ${byStatus.unsubscribed}`);
    const topics = Object.entries(confirmedByTopic);
    if (topics.length > 0) console.log(`\nconfirmed, by topic:\n${topics.map(([topic, n]) => `  ${topic}  ${n}`).join('\n')}`);
    const bounced = listSubscribers(db).filter((subscriber) => subscriber.bouncedAt !== null).length;
    if (bounced > 0) console.log(`\nbounced addresses (not mailed again): ${bounced}`);
    const campaigns = listCampaigns(db).slice(0, 10);
    if (campaigns.length > 0) {
      console.log('\ncampaigns (newest first):');
      for (const c of campaigns) {
        console.log(`  ${c.id}  ${c.kind} ${c.entry}  ${c.status}  ${c.sent}/${c.recipients} sent, ${c.waiting} waiting, ${c.failed} failed, ${c.bounced} bounced, ${c.skipped} skipped`);
      }
    }
    const outbox = outboxStats(db);
    if (outbox.waiting > 0) {
      console.log(
        `\nemails waiting to be sent: ${outbox.waiting} (oldest from ${outbox.oldest}${outbox.failed ? `; ${outbox.failed} given up after every retry` : ''}${outbox.bounced ? `; ${outbox.bounced} bounced: the mail server refused the address for good` : ''})` +
          (outbox.lastError ? `\nlast error: ${outbox.lastError}` : ''),
      );
    }
    break;
  }
  case 'list':
    console.log(subscribersTable(listSubscribers(db, filter)));
    break;
  case 'export':
    if (values.format !== 'csv') fail('export needs --format csv (the only format)');
    process.stdout.write(subscribersCsv(listSubscribers(db, filter)));
    break;
  case 'delete': {
    const email = rest[0];
    if (!email) fail('delete needs the address: npm run subscribers -- delete ana@example.com');
    const erased = eraseSubscriber(db, normalizeEmail(email));
    console.log(erased ? `Erased ${normalizeEmail(email)} and everything stored about them.` : `No subscriber ${normalizeEmail(email)}.`);
    if (!erased) process.exitCode = 1;
    break;
  }
  case 'backup': {
    const target = rest[0];
    if (!target) fail('backup needs a file: npm run subscribers -- backup backups/newsletter-2026-11-27.sqlite');
    if (existsSync(target)) fail(`${target} exists already: choose a new file name.`);
    // One transaction's snapshot, written as a compact database: safe while the server writes.
    db.prepare('VACUUM INTO ?').run(target);
    const copy = openNewsletterDatabase(target);
    const { quick_check: check } = copy.prepare('PRAGMA quick_check').get() as { quick_check: string };
    const { n } = copy.prepare('SELECT count(*) AS n FROM subscribers').get() as { n: number };
    copy.close();
    console.log(`Backed up ${n} subscriber(s) to ${target} (integrity: ${check}).`);
    break;
  }
  default:
    fail(`Unknown command "${command}".\n${USAGE}`);
}
db.close();
