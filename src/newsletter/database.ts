import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/**
 * The schema, one migration per version, applied in order when the database opens
 * (`PRAGMA user_version` records how far a file has come). Never edit a released migration:
 * add the next one.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE subscribers (
     id INTEGER PRIMARY KEY,
     email TEXT NOT NULL UNIQUE,
     status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'unsubscribed')),
     topics TEXT NOT NULL DEFAULT '[]',
     consent_text TEXT NOT NULL,
     consent_version TEXT NOT NULL,
     source TEXT,
     signed_up_at TEXT NOT NULL,
     confirmed_at TEXT,
     unsubscribed_at TEXT
   );
   CREATE TABLE tokens (
     hash TEXT PRIMARY KEY,
     subscriber_id INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
     purpose TEXT NOT NULL CHECK (purpose IN ('confirm', 'unsubscribe')),
     created_at TEXT NOT NULL,
     expires_at TEXT
   );
   CREATE INDEX tokens_by_subscriber ON tokens (subscriber_id);`,
  // Emails waiting to go out: written with the signup, in its transaction, and deleted once sent.
  `CREATE TABLE outbox (
     id INTEGER PRIMARY KEY,
     subscriber_id INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
     message TEXT NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     next_attempt_at TEXT,
     last_error TEXT,
     created_at TEXT NOT NULL
   );
   CREATE INDEX outbox_due ON outbox (next_attempt_at);`,
  // A sender claims an email before sending it, so that two never send the same one; a mail
  // server's permanent refusal (5xx) marks it bounced instead of trying again.
  `ALTER TABLE outbox ADD COLUMN claimed_until TEXT;
   ALTER TABLE outbox ADD COLUMN bounced_at TEXT;
   CREATE TABLE health (id INTEGER PRIMARY KEY CHECK (id = 1), checked_at TEXT NOT NULL);`,
  // One row per consent given: a signup after an unsubscribe adds to the history, never erases it.
  `CREATE TABLE consents (
     id INTEGER PRIMARY KEY,
     subscriber_id INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
     consent_text TEXT NOT NULL,
     consent_version TEXT NOT NULL,
     source TEXT,
     given_at TEXT NOT NULL,
     confirmed_at TEXT,
     withdrawn_at TEXT
   );
   CREATE INDEX consents_by_subscriber ON consents (subscriber_id);
   INSERT INTO consents (subscriber_id, consent_text, consent_version, source, given_at, confirmed_at, withdrawn_at)
     SELECT id, consent_text, consent_version, source, signed_up_at, confirmed_at, unsubscribed_at FROM subscribers;
   ALTER TABLE subscribers ADD COLUMN pending_topics TEXT NOT NULL DEFAULT '[]';`,
  // Campaigns: an email written once from content, and one row per recipient, all written in one
  // transaction before the first is sent; each row records how far its email got.
  `CREATE TABLE campaigns (
     id INTEGER PRIMARY KEY,
     kind TEXT NOT NULL CHECK (kind IN ('post', 'page', 'course', 'digest')),
     entry TEXT NOT NULL,
     subject TEXT NOT NULL,
     letter TEXT NOT NULL,
     audience TEXT NOT NULL,
     entry_date TEXT,
     status TEXT NOT NULL CHECK (status IN ('sending', 'paused', 'done')),
     created_at TEXT NOT NULL,
     finished_at TEXT
   );
   CREATE INDEX campaigns_by_entry ON campaigns (kind, entry);
   CREATE TABLE campaign_recipients (
     campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
     subscriber_id INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
     state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'bounced', 'skipped')),
     attempts INTEGER NOT NULL DEFAULT 0,
     next_attempt_at TEXT,
     claimed_until TEXT,
     claimed_by TEXT,
     token TEXT,
     last_error TEXT,
     sent_at TEXT,
     PRIMARY KEY (campaign_id, subscriber_id)
   ) WITHOUT ROWID;
   CREATE INDEX campaign_recipients_waiting ON campaign_recipients (campaign_id, state);
   ALTER TABLE subscribers ADD COLUMN bounced_at TEXT;`,
];

/** Version of the schema this code writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Opens (or creates) the newsletter database: WAL, so readers never wait for the writer; a busy
 * timeout, so the operator's CLI and the server can write at the same time; foreign keys on, so
 * erasing a subscriber erases their tokens; synchronous FULL, so an answered signup survives a
 * power cut too.
 */
export function openNewsletterDatabase(file: string): DatabaseSync {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new DatabaseSync(file);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;');
  migrate(db);
  return db;
}

function migrate(db: DatabaseSync): void {
  const { user_version: current } = db.prepare('PRAGMA user_version').get() as { user_version: number };
  if (current > MIGRATIONS.length) {
    throw new Error(`The newsletter database is at schema version ${current}, newer than this code (${MIGRATIONS.length}): update the site.`);
  }
  for (let version = current; version < MIGRATIONS.length; version += 1) {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(MIGRATIONS[version]!);
      db.exec(`PRAGMA user_version = ${version + 1}`);
      db.exec('COMMIT');
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK');
      throw error;
    }
  }
}

/**
 * Runs `work` in one write transaction: all of it is stored, or none. The error thrown is the one
 * that stopped the work: on a full disk SQLite may already have rolled the transaction back, and
 * the failing ROLLBACK must not hide why.
 */
export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/**
 * Proves that a write reaches the disk: one row written and committed. `BEGIN IMMEDIATE` alone
 * succeeds on a read-only file, and a full disk only shows on a real write.
 */
export function checkWritable(db: DatabaseSync, now = new Date()): void {
  db.prepare('INSERT INTO health (id, checked_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at').run(now.toISOString());
}
