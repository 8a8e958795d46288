import type { DatabaseSync } from 'node:sqlite';
import { refusalOf, type Mailer, type MailMessage } from './mailer.ts';

/**
 * Minutes to wait after each failed attempt: a mail server that is down for an hour or a day
 * costs a few tries, not a storm. After the last, the email stays in the outbox, marked failed, for
 * the operator to see (`npm run subscribers -- stats`).
 */
export const RETRY_MINUTES = [1, 5, 15, 60, 180, 360, 720, 1440, 1440, 1440];

/** The domain of a sender address (`"Site" <news@example.com>` → `example.com`), for Message-IDs. */
const domainOf = (from: string) => /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';

/** How often the outbox is looked at for emails due another try. */
export const RETRY_CHECK_MS = 30_000;

/** Queues an email (in the caller's transaction); returns its id. */
export function queueEmail(db: DatabaseSync, subscriberId: number, message: MailMessage, now: Date): number {
  const inserted = db
    .prepare('INSERT INTO outbox (subscriber_id, message, attempts, next_attempt_at, created_at) VALUES (?, ?, 0, ?, ?)')
    .run(subscriberId, JSON.stringify(message), now.toISOString(), now.toISOString());
  return Number(inserted.lastInsertRowid);
}

/** How long a sender holds an email it is sending; after a crash mid-send, it is free again. */
export const CLAIM_MS = 5 * 60_000;

/**
 * When to try again after the `failedTries`-th failure, on the schedule above; `null` once it is
 * spent (the email is given up, for the operator to see).
 */
export function nextAttemptAt(failedTries: number, now: Date): string | null {
  const wait = RETRY_MINUTES[failedTries - 1];
  return wait === undefined ? null : new Date(now.getTime() + wait * 60_000).toISOString();
}

/** What became of one try to send a queued email. */
export type Delivery =
  | { status: 'sent' }
  /** Refused for now (server down, 4xx): tried again on the schedule. */
  | { status: 'waiting'; error: string }
  /** Refused for good (5xx: no such user …): not tried again. */
  | { status: 'bounced'; error: string }
  /** Gone already, bounced, given up on, or being sent by another sender right now. */
  | { status: 'skipped' };

/**
 * Tries to send one queued email. It is claimed first, so that the signup's own send and the
 * retry timer (or two timers) never both send it: sent, it leaves the outbox; refused for now,
 * its next try is scheduled; refused for good (a 5xx reply), it is marked bounced.
 */
export async function deliver(db: DatabaseSync, mailer: Mailer, id: number, now = new Date()): Promise<Delivery> {
  const claimed = db
    .prepare(
      `UPDATE outbox SET claimed_until = ? WHERE id = ? AND next_attempt_at IS NOT NULL AND (claimed_until IS NULL OR claimed_until <= ?)
       RETURNING message, attempts, created_at AS createdAt`,
    )
    .get(new Date(now.getTime() + CLAIM_MS).toISOString(), id, now.toISOString()) as { message: string; attempts: number; createdAt: string } | undefined;
  if (!claimed) return { status: 'skipped' };
  try {
    const message = JSON.parse(claimed.message) as MailMessage;
    // The same Message-ID on every try: a retry after a crash mid-send is the same email, which
    // mail clients (and the outbox folder) keep once.
    // (Its row's id and time: ids start again in a new database.)
    const messageId = message.messageId ?? `<outbox-${id}.${Date.parse(claimed.createdAt)}@${domainOf(message.from)}>`;
    await mailer.send({ ...message, messageId });
    db.prepare('DELETE FROM outbox WHERE id = ?').run(id);
    return { status: 'sent' };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (refusalOf(error) === 'permanent') {
      db.prepare('UPDATE outbox SET attempts = attempts + 1, next_attempt_at = NULL, bounced_at = ?, last_error = ?, claimed_until = NULL WHERE id = ?').run(
        now.toISOString(),
        message,
        id,
      );
      return { status: 'bounced', error: message };
    }
    // A server that is down, or a 4xx: the schedule says when to try again.
    db.prepare('UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?, claimed_until = NULL WHERE id = ?').run(
      nextAttemptAt(claimed.attempts + 1, now),
      message,
      id,
    );
    return { status: 'waiting', error: message };
  }
}

/**
 * Frees the claims of a sender that is gone: at the server's start, what a killed process was
 * sending is sent again now rather than once its claim runs out. One server sends per database.
 */
export function releaseClaims(db: DatabaseSync): void {
  db.prepare('UPDATE outbox SET claimed_until = NULL WHERE claimed_until IS NOT NULL').run();
}

/** Emails looked at in one query: the outbox is read a batch at a time, never all at once. */
const BATCH = 100;

/**
 * Sends every email whose time has come, a batch at a time until none is left (after a restart
 * there may be hundreds); returns how many went out, failed again, or bounced.
 */
export async function deliverDue(db: DatabaseSync, mailer: Mailer, now = new Date()): Promise<{ sent: number; failed: number; bounced: number }> {
  const counts = { sent: 0, failed: 0, bounced: 0 };
  const due = db.prepare('SELECT id FROM outbox WHERE next_attempt_at IS NOT NULL AND next_attempt_at <= ? AND id > ? ORDER BY id LIMIT ?');
  let after = 0;
  for (;;) {
    const batch = due.all(now.toISOString(), after, BATCH) as { id: number }[];
    for (const { id } of batch) {
      const result = await deliver(db, mailer, id, now);
      if (result.status === 'sent') counts.sent += 1;
      else if (result.status === 'waiting') counts.failed += 1;
      else if (result.status === 'bounced') counts.bounced += 1;
    }
    if (batch.length < BATCH) return counts;
    after = batch.at(-1)!.id;
  }
}

/** What waits in the outbox, for the operator. */
export function outboxStats(db: DatabaseSync): { waiting: number; failed: number; bounced: number; oldest: string | null; lastError: string | null } {
  const row = db
    .prepare(
      `SELECT count(*) AS waiting, sum(next_attempt_at IS NULL AND bounced_at IS NULL) AS failed, sum(bounced_at IS NOT NULL) AS bounced, min(created_at) AS oldest,
         (SELECT last_error FROM outbox WHERE last_error IS NOT NULL ORDER BY id DESC LIMIT 1) AS lastError FROM outbox`,
    )
    .get() as { waiting: number; failed: number | null; bounced: number | null; oldest: string | null; lastError: string | null };
  return { waiting: row.waiting, failed: row.failed ?? 0, bounced: row.bounced ?? 0, oldest: row.oldest, lastError: row.lastError };
}
