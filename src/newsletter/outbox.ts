import type { DatabaseSync } from 'node:sqlite';
import type { Mailer, MailMessage } from './mailer.ts';

/**
 * Minutes to wait after each failed attempt: a mail server that is down for an hour or a day
 * costs a few tries, not a storm. After the last, the email stays in the outbox, marked failed, for
 * the operator to see (`npm run subscribers -- stats`).
 */
export const RETRY_MINUTES = [1, 5, 15, 60, 180, 360, 720, 1440, 1440, 1440];

/** Queues an email (in the caller's transaction); returns its id. */
export function queueEmail(db: DatabaseSync, subscriberId: number, message: MailMessage, now: Date): number {
  const inserted = db
    .prepare('INSERT INTO outbox (subscriber_id, message, attempts, next_attempt_at, created_at) VALUES (?, ?, 0, ?, ?)')
    .run(subscriberId, JSON.stringify(message), now.toISOString(), now.toISOString());
  return Number(inserted.lastInsertRowid);
}

interface Row {
  id: number;
  message: string;
  attempts: number;
}

/** Tries to send one queued email: sent, it leaves the outbox; failed, its next try is scheduled. */
export async function deliver(db: DatabaseSync, mailer: Mailer, id: number, now = new Date()): Promise<{ sent: boolean; error?: string }> {
  const row = db.prepare('SELECT id, message, attempts FROM outbox WHERE id = ?').get(id) as Row | undefined;
  if (!row) return { sent: true };
  try {
    await mailer.send(JSON.parse(row.message) as MailMessage);
    db.prepare('DELETE FROM outbox WHERE id = ?').run(id);
    return { sent: true };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const wait = RETRY_MINUTES[row.attempts];
    const next = wait === undefined ? null : new Date(now.getTime() + wait * 60_000).toISOString();
    db.prepare('UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?').run(next, message, id);
    return { sent: false, error: message };
  }
}

/** Sends every email whose time has come; returns how many went out and how many failed again. */
export async function deliverDue(db: DatabaseSync, mailer: Mailer, now = new Date()): Promise<{ sent: number; failed: number }> {
  const due = db.prepare('SELECT id FROM outbox WHERE next_attempt_at IS NOT NULL AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT 100').all(now.toISOString()) as { id: number }[];
  const counts = { sent: 0, failed: 0 };
  for (const { id } of due) {
    const result = await deliver(db, mailer, id, now);
    if (result.sent) counts.sent += 1;
    else counts.failed += 1;
  }
  return counts;
}

/** What waits in the outbox, for the operator. */
export function outboxStats(db: DatabaseSync): { waiting: number; failed: number; oldest: string | null; lastError: string | null } {
  const row = db
    .prepare(
      `SELECT count(*) AS waiting, sum(next_attempt_at IS NULL) AS failed, min(created_at) AS oldest,
         (SELECT last_error FROM outbox WHERE last_error IS NOT NULL ORDER BY id DESC LIMIT 1) AS lastError FROM outbox`,
    )
    .get() as { waiting: number; failed: number | null; oldest: string | null; lastError: string | null };
  return { waiting: row.waiting, failed: row.failed ?? 0, oldest: row.oldest, lastError: row.lastError };
}
