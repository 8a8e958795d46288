import type { DatabaseSync } from 'node:sqlite';
import { inTransaction } from './database.ts';
import type { MailMessage } from './mailer.ts';
import { queueEmail } from './outbox.ts';
import { hashToken, newToken } from './tokens.ts';

export type SubscriberStatus = 'pending' | 'confirmed' | 'unsubscribed';
export const STATUSES: readonly SubscriberStatus[] = ['pending', 'confirmed', 'unsubscribed'];

/** A confirmation link works for a week (then the reader signs up again). */
export const CONFIRM_TOKEN_DAYS = 7;
/** A second signup within this time sends no second email: the inbox is not a target. */
const RESEND_AFTER_MS = 5 * 60 * 1000;

export interface Subscriber {
  email: string;
  status: SubscriberStatus;
  topics: string[];
  consentText: string;
  consentVersion: string;
  source: string | null;
  signedUpAt: string;
  confirmedAt: string | null;
  unsubscribedAt: string | null;
  /** When a mail server refused the address for good: it is not mailed again. */
  bouncedAt: string | null;
}

export interface SignupRecord {
  email: string;
  topic: string | undefined;
  source: string | undefined;
  /** The consent text the reader saw and ticked, and its version. */
  consentText: string;
  consentVersion: string;
  now: Date;
}

/** What to email after a signup: the links' tokens and the queued email's id, or nothing. */
export type SignupOutcome = { email: 'confirm'; confirmToken: string; unsubscribeToken: string; outboxId: number | undefined } | { email: 'none' };

/** Writes the confirmation email for a signup's tokens, to queue it in the signup's transaction. */
export type ComposeEmail = (tokens: { confirmToken: string; unsubscribeToken: string }) => MailMessage;

interface Row {
  id: number;
  email: string;
  status: SubscriberStatus;
  topics: string;
  pending_topics: string;
  consent_text: string;
  consent_version: string;
  source: string | null;
  signed_up_at: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
  bounced_at: string | null;
}

const toSubscriber = (row: Row): Subscriber => ({
  email: row.email,
  status: row.status,
  topics: JSON.parse(row.topics) as string[],
  consentText: row.consent_text,
  consentVersion: row.consent_version,
  source: row.source,
  signedUpAt: row.signed_up_at,
  confirmedAt: row.confirmed_at,
  unsubscribedAt: row.unsubscribed_at,
  bouncedAt: row.bounced_at,
});

const withTopic = (topics: string, topic: string | undefined): string => {
  const list = JSON.parse(topics) as string[];
  return JSON.stringify(topic && !list.includes(topic) ? [...list, topic] : list);
};

export function issueToken(db: DatabaseSync, subscriberId: number, purpose: 'confirm' | 'unsubscribe', now: Date): string {
  const { token, hash } = newToken();
  const expires = purpose === 'confirm' ? new Date(now.getTime() + CONFIRM_TOKEN_DAYS * 86_400_000).toISOString() : null;
  db.prepare('INSERT INTO tokens (hash, subscriber_id, purpose, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(
    hash,
    subscriberId,
    purpose,
    now.toISOString(),
    expires,
  );
  return token;
}

/** Records the consent a signup gave, as a row of its own: the history is never rewritten. */
function recordConsent(db: DatabaseSync, subscriberId: number, signup: SignupRecord): void {
  db.prepare('INSERT INTO consents (subscriber_id, consent_text, consent_version, source, given_at) VALUES (?, ?, ?, ?, ?)').run(
    subscriberId,
    signup.consentText,
    signup.consentVersion,
    signup.source ?? null,
    signup.now.toISOString(),
  );
}

/** Whether a confirmation email went to this subscriber a moment ago (a second one is not sent). */
function confirmedRecently(db: DatabaseSync, subscriberId: number, now: Date): boolean {
  const last = db.prepare("SELECT max(created_at) AS at FROM tokens WHERE subscriber_id = ? AND purpose = 'confirm'").get(subscriberId) as { at: string | null };
  return last.at !== null && now.getTime() - Date.parse(last.at) < RESEND_AFTER_MS;
}

/**
 * Records a signup, one row per address whatever happens, and each consent as a row of its own:
 * a new address is stored as pending; a pending one signs up again; an unsubscribed one starts
 * again as pending with a new consent (the old one and its withdrawal stay on record); a confirmed
 * one asking for a new topic gets it once they confirm it by email. Says whether to send a
 * confirmation email, with its tokens.
 */
export function recordSignup(db: DatabaseSync, signup: SignupRecord, compose?: ComposeEmail): SignupOutcome {
  return inTransaction(db, () => {
    const now = signup.now.toISOString();
    const existing = db.prepare('SELECT * FROM subscribers WHERE email = ?').get(signup.email) as Row | undefined;
    let id: number;
    if (existing?.status === 'confirmed') {
      const known = (JSON.parse(existing.topics) as string[]).concat(JSON.parse(existing.pending_topics) as string[]);
      if (!signup.topic || known.includes(signup.topic)) return { email: 'none' };
      // Anyone can type a confirmed address: the new topic waits for its owner's confirmation.
      db.prepare('UPDATE subscribers SET pending_topics = ? WHERE id = ?').run(withTopic(existing.pending_topics, signup.topic), existing.id);
      recordConsent(db, existing.id, signup);
      if (confirmedRecently(db, existing.id, signup.now)) return { email: 'none' };
      id = existing.id;
    } else if (existing) {
      const recent = existing.status === 'pending' && confirmedRecently(db, existing.id, signup.now);
      // After an unsubscribe, the topics start again from this signup's.
      const topics = existing.status === 'unsubscribed' ? withTopic('[]', signup.topic) : withTopic(existing.topics, signup.topic);
      db.prepare(
        `UPDATE subscribers SET status = 'pending', topics = ?, consent_text = ?, consent_version = ?, source = ?,
           signed_up_at = ?, confirmed_at = NULL WHERE id = ?`,
      ).run(topics, signup.consentText, signup.consentVersion, signup.source ?? null, now, existing.id);
      recordConsent(db, existing.id, signup);
      if (recent) return { email: 'none' };
      id = existing.id;
    } else {
      const inserted = db
        .prepare(
          `INSERT INTO subscribers (email, status, topics, consent_text, consent_version, source, signed_up_at)
           VALUES (?, 'pending', ?, ?, ?, ?, ?)`,
        )
        .run(signup.email, withTopic('[]', signup.topic), signup.consentText, signup.consentVersion, signup.source ?? null, now);
      id = Number(inserted.lastInsertRowid);
      recordConsent(db, id, signup);
    }
    const tokens = { confirmToken: issueToken(db, id, 'confirm', signup.now), unsubscribeToken: issueToken(db, id, 'unsubscribe', signup.now) };
    // The email is queued with the signup: a crash after the answer cannot lose it.
    const outboxId = compose ? queueEmail(db, id, compose(tokens), signup.now) : undefined;
    return { email: 'confirm', ...tokens, outboxId };
  });
}

/** A subscriber's consents, oldest first: what they agreed to, when, and when they withdrew. */
export function consentHistory(db: DatabaseSync, email: string): { consentVersion: string; givenAt: string; confirmedAt: string | null; withdrawnAt: string | null }[] {
  return db
    .prepare(
      `SELECT consents.consent_version AS consentVersion, given_at AS givenAt, consents.confirmed_at AS confirmedAt, withdrawn_at AS withdrawnAt
       FROM consents JOIN subscribers ON subscribers.id = consents.subscriber_id WHERE subscribers.email = ? ORDER BY consents.id`,
    )
    .all(email) as never;
}

/** The row of the subscriber a link's token belongs to, when the token is known and not expired. */
function rowOfToken(db: DatabaseSync, token: string, purpose: 'confirm' | 'unsubscribe', now: Date): Row | undefined {
  return db
    .prepare(
      `SELECT subscribers.* FROM tokens JOIN subscribers ON subscribers.id = tokens.subscriber_id
       WHERE tokens.hash = ? AND tokens.purpose = ? AND (tokens.expires_at IS NULL OR tokens.expires_at > ?)`,
    )
    .get(hashToken(token), purpose, now.toISOString()) as Row | undefined;
}

/** The subscriber a link's token belongs to, when the token is known and not expired. */
export function subscriberOfToken(db: DatabaseSync, token: string, purpose: 'confirm' | 'unsubscribe', now: Date): Subscriber | undefined {
  const row = rowOfToken(db, token, purpose, now);
  return row ? toSubscriber(row) : undefined;
}

/** Confirms the subscription a confirmation token belongs to; `false` for an unknown or expired token. */
export function confirmSubscription(db: DatabaseSync, token: string, now: Date): boolean {
  return inTransaction(db, () => {
    const row = rowOfToken(db, token, 'confirm', now);
    if (!row) return false;
    if (row.status === 'unsubscribed') return true;
    // Confirming twice (a double click, a second tab) keeps the first confirmation's time; topics
    // asked for since the subscription are confirmed now.
    const topics = JSON.parse(row.pending_topics) as string[];
    db.prepare("UPDATE subscribers SET status = 'confirmed', confirmed_at = coalesce(confirmed_at, ?), topics = ?, pending_topics = '[]' WHERE id = ?").run(
      now.toISOString(),
      topics.reduce(withTopic, row.topics),
      row.id,
    );
    db.prepare('UPDATE consents SET confirmed_at = ? WHERE subscriber_id = ? AND confirmed_at IS NULL AND withdrawn_at IS NULL').run(now.toISOString(), row.id);
    return true;
  });
}

/** Unsubscribes the address an unsubscribe token belongs to; `false` for an unknown token. */
export function unsubscribe(db: DatabaseSync, token: string, now: Date): boolean {
  return inTransaction(db, () => {
    // Unsubscribe tokens never expire.
    const row = rowOfToken(db, token, 'unsubscribe', now);
    if (!row) return false;
    if (row.status !== 'unsubscribed') {
      db.prepare("UPDATE subscribers SET status = 'unsubscribed', unsubscribed_at = ?, pending_topics = '[]' WHERE id = ?").run(now.toISOString(), row.id);
      db.prepare('UPDATE consents SET withdrawn_at = ? WHERE subscriber_id = ? AND withdrawn_at IS NULL').run(now.toISOString(), row.id);
    }
    // Confirmation links die with the subscription; a later signup issues new ones.
    db.prepare("DELETE FROM tokens WHERE subscriber_id = ? AND purpose = 'confirm'").run(row.id);
    return true;
  });
}

/** Subscribers, oldest first, filtered by status and topic. */
export function listSubscribers(db: DatabaseSync, filter: { status?: SubscriberStatus | undefined; topic?: string | undefined } = {}): Subscriber[] {
  const rows = db
    .prepare(
      `SELECT * FROM subscribers WHERE (?1 IS NULL OR status = ?1)
         AND (?2 IS NULL OR EXISTS (SELECT 1 FROM json_each(topics) WHERE value = ?2)) ORDER BY signed_up_at, id`,
    )
    .all(filter.status ?? null, filter.topic ?? null) as unknown as Row[];
  return rows.map(toSubscriber);
}

/** How many subscribers there are in each status, and per topic among the confirmed. */
export function subscriberStats(db: DatabaseSync): { byStatus: Record<SubscriberStatus, number>; confirmedByTopic: Record<string, number> } {
  const byStatus = { pending: 0, confirmed: 0, unsubscribed: 0 };
  for (const row of db.prepare('SELECT status, count(*) AS n FROM subscribers GROUP BY status').all() as { status: SubscriberStatus; n: number }[]) {
    byStatus[row.status] = row.n;
  }
  const confirmedByTopic: Record<string, number> = {};
  const topics = db
    .prepare("SELECT value AS topic, count(*) AS n FROM subscribers, json_each(topics) WHERE status = 'confirmed' GROUP BY value ORDER BY value")
    .all() as { topic: string; n: number }[];
  for (const row of topics) confirmedByTopic[row.topic] = row.n;
  return { byStatus, confirmedByTopic };
}

/** Erases a person: their row and their tokens (GDPR right to erasure). `false` when unknown. */
export function eraseSubscriber(db: DatabaseSync, email: string): boolean {
  return db.prepare('DELETE FROM subscribers WHERE email = ?').run(email).changes > 0;
}

