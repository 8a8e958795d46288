import { hostname } from 'node:os';
import type { DatabaseSync } from 'node:sqlite';
import { inTransaction } from './database.ts';
import { CLAIM_MS, nextAttemptAt } from './outbox.ts';
import { issueToken } from './subscribers.ts';

export type CampaignKind = 'post' | 'page' | 'course' | 'digest';
export type RecipientState = 'queued' | 'sending' | 'sent' | 'failed' | 'bounced' | 'skipped';

/** An email written once from content: every recipient gets it with their own unsubscribe link. */
export interface Letter {
  subject: string;
  html: string;
  text: string;
  /** Stands for the recipient's unsubscribe token in `html` and `text` until it is sent. */
  marker: string;
  attachments: { filename: string; content: string; contentType: string }[];
}

/** Who a campaign goes to: confirmed subscribers, all of them or those with a topic. */
export interface Audience {
  topic?: string | undefined;
}

export interface NewCampaign {
  kind: CampaignKind;
  /** What it sends: a content path, a course's slug, or the digest's range. */
  entry: string;
  /** The publication date of what it sends (for `send --new`), when it has one. */
  entryDate?: Date | undefined;
  letter: Letter;
  audience: Audience;
}

/** Whom a campaign may write to now: confirmed, never bounced, with the topic when one is asked. */
const AUDIENCE = `status = 'confirmed' AND bounced_at IS NULL AND (?1 IS NULL OR EXISTS (SELECT 1 FROM json_each(topics) WHERE value = ?1))`;

/** How many subscribers an audience has now. */
export function audienceSize(db: DatabaseSync, audience: Audience): number {
  return (db.prepare(`SELECT count(*) AS n FROM subscribers WHERE ${AUDIENCE}`).get(audience.topic ?? null) as { n: number }).n;
}

/** The first few addresses of an audience, for `--dry-run`. */
export function audienceSample(db: DatabaseSync, audience: Audience, limit = 10): string[] {
  return (db.prepare(`SELECT email FROM subscribers WHERE ${AUDIENCE} ORDER BY id LIMIT ?2`).all(audience.topic ?? null, limit) as { email: string }[]).map(({ email }) => email);
}

/**
 * Writes a campaign and one row per recipient in one transaction, before anything is sent: a
 * crash after this loses nobody. Rows are copied inside SQLite, so memory stays flat however many
 * subscribers there are.
 */
export function createCampaign(db: DatabaseSync, campaign: NewCampaign, now = new Date()): { id: number; recipients: number } {
  return inTransaction(db, () => {
    const inserted = db
      .prepare(`INSERT INTO campaigns (kind, entry, subject, letter, audience, entry_date, status, created_at) VALUES (?, ?, ?, ?, ?, ?, 'sending', ?)`)
      .run(campaign.kind, campaign.entry, campaign.letter.subject, JSON.stringify(campaign.letter), JSON.stringify(campaign.audience), campaign.entryDate?.toISOString() ?? null, now.toISOString());
    const id = Number(inserted.lastInsertRowid);
    const recipients = db
      .prepare(`INSERT INTO campaign_recipients (campaign_id, subscriber_id, state) SELECT ?2, id, 'queued' FROM subscribers WHERE ${AUDIENCE}`)
      .run(campaign.audience.topic ?? null, id).changes;
    return { id, recipients: Number(recipients) };
  });
}

/** The campaigns that sent (or are sending) an entry. */
export function campaignsOf(db: DatabaseSync, kind: CampaignKind, entry: string): { id: number; createdAt: string }[] {
  return db.prepare('SELECT id, created_at AS createdAt FROM campaigns WHERE kind = ? AND entry = ? ORDER BY id').all(kind, entry) as never;
}

/** The newest date among the posts campaigns have sent, or when the last digest was written. */
export function lastSent(db: DatabaseSync, kind: 'post' | 'digest'): Date | undefined {
  const column = kind === 'digest' ? 'created_at' : 'entry_date';
  const row = db.prepare(`SELECT max(${column}) AS at FROM campaigns WHERE kind = ?`).get(kind) as { at: string | null };
  return row.at ? new Date(row.at) : undefined;
}

export interface CampaignStatus {
  id: number;
  kind: CampaignKind;
  entry: string;
  subject: string;
  status: 'sending' | 'paused' | 'done';
  createdAt: string;
  finishedAt: string | null;
  recipients: number;
  sent: number;
  waiting: number;
  failed: number;
  bounced: number;
  skipped: number;
}

/** Every campaign, newest first, with its recipients counted by state. */
export function listCampaigns(db: DatabaseSync): CampaignStatus[] {
  return db
    .prepare(
      `SELECT c.id, c.kind, c.entry, c.subject, c.status, c.created_at AS createdAt, c.finished_at AS finishedAt,
         count(r.subscriber_id) AS recipients,
         coalesce(sum(r.state = 'sent'), 0) AS sent,
         coalesce(sum(r.state IN ('queued', 'sending') OR (r.state = 'failed' AND r.next_attempt_at IS NOT NULL)), 0) AS waiting,
         coalesce(sum(r.state = 'failed' AND r.next_attempt_at IS NULL), 0) AS failed,
         coalesce(sum(r.state = 'bounced'), 0) AS bounced,
         coalesce(sum(r.state = 'skipped'), 0) AS skipped
       FROM campaigns c LEFT JOIN campaign_recipients r ON r.campaign_id = c.id GROUP BY c.id ORDER BY c.id DESC`,
    )
    .all() as never;
}

/** Campaigns not done: what `resume` continues. */
export function unfinishedCampaigns(db: DatabaseSync): number[] {
  return (db.prepare("SELECT id FROM campaigns WHERE status != 'done' ORDER BY id").all() as { id: number }[]).map(({ id }) => id);
}

/** A campaign's status, read before each email: a pause from another terminal stops the run. */
export function campaignStatusOf(db: DatabaseSync, id: number): CampaignStatus['status'] | undefined {
  return (db.prepare('SELECT status FROM campaigns WHERE id = ?').get(id) as { status: CampaignStatus['status'] } | undefined)?.status;
}

/** The email a campaign sends. */
export function letterOf(db: DatabaseSync, id: number): Letter | undefined {
  const row = db.prepare('SELECT letter FROM campaigns WHERE id = ?').get(id) as { letter: string } | undefined;
  return row ? (JSON.parse(row.letter) as Letter) : undefined;
}

/** Pauses a campaign: a run sending it stops before its next email. `false` when there is none to pause. */
export function pauseCampaign(db: DatabaseSync, id: number): boolean {
  return db.prepare("UPDATE campaigns SET status = 'paused' WHERE id = ? AND status = 'sending'").run(id).changes > 0;
}

/** Lets a paused campaign send again. */
export function unpauseCampaign(db: DatabaseSync, id: number): void {
  db.prepare("UPDATE campaigns SET status = 'sending' WHERE id = ? AND status = 'paused'").run(id);
}

/** Who holds a claim: this machine and process, so that a later run can tell a dead one. */
export const THIS_SENDER = `${hostname()}:${process.pid}`;

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Frees the recipients a run on this machine was sending to when it died (kill -9, a crash): they
 * are sent again now, with the same token and Message-ID, instead of after their claim runs out.
 */
export function releaseDeadClaims(db: DatabaseSync, campaignId: number): number {
  const holders = db.prepare("SELECT DISTINCT claimed_by AS holder FROM campaign_recipients WHERE campaign_id = ? AND state = 'sending'").all(campaignId) as { holder: string | null }[];
  let released = 0;
  for (const { holder } of holders) {
    const [host, pid] = (holder ?? '').split(/:(?=\d+$)/);
    if (host !== hostname() || pid === undefined || isAlive(Number(pid))) continue;
    released += Number(db.prepare("UPDATE campaign_recipients SET state = 'queued', claimed_until = NULL, claimed_by = NULL WHERE campaign_id = ? AND state = 'sending' AND claimed_by = ?").run(campaignId, holder).changes);
  }
  return released;
}

/** The recipient a run sends to next, claimed so that no other run sends them the same email. */
export interface Claimed {
  subscriberId: number;
  email: string;
  /** Their unsubscribe token for this email: the same on a retry. */
  token: string;
}

/**
 * Claims the next recipient due an email: queued, due another try, or left `sending` by a run
 * that died (its email may have gone: the retry carries the same Message-ID). A recipient who
 * unsubscribed or bounced since the campaign was written is skipped here.
 */
export function claimNext(db: DatabaseSync, campaignId: number, now = new Date()): Claimed | undefined {
  for (;;) {
    const at = now.toISOString();
    const row = inTransaction(db, () => {
      const next = db
        .prepare(
          `SELECT r.subscriber_id AS id, r.token, s.email, s.status, s.bounced_at AS bouncedAt FROM campaign_recipients r JOIN subscribers s ON s.id = r.subscriber_id
           WHERE r.campaign_id = ? AND (r.state = 'queued' OR (r.state = 'failed' AND r.next_attempt_at <= ?) OR (r.state = 'sending' AND r.claimed_until <= ?))
           LIMIT 1`,
        )
        .get(campaignId, at, at) as { id: number; token: string | null; email: string; status: string; bouncedAt: string | null } | undefined;
      if (!next) return undefined;
      if (next.status !== 'confirmed' || next.bouncedAt !== null) {
        db.prepare("UPDATE campaign_recipients SET state = 'skipped', token = NULL WHERE campaign_id = ? AND subscriber_id = ?").run(campaignId, next.id);
        return 'skipped' as const;
      }
      // The token is kept in the row until the email is sent: a retry links the same way.
      const token = next.token ?? issueToken(db, next.id, 'unsubscribe', now);
      db.prepare("UPDATE campaign_recipients SET state = 'sending', claimed_until = ?, claimed_by = ?, attempts = attempts + 1, token = ? WHERE campaign_id = ? AND subscriber_id = ?").run(
        new Date(now.getTime() + CLAIM_MS).toISOString(),
        THIS_SENDER,
        token,
        campaignId,
        next.id,
      );
      return { subscriberId: next.id, email: next.email, token };
    });
    if (row !== 'skipped') return row;
  }
}

const key = (db: DatabaseSync, sql: string) => db.prepare(`${sql} WHERE campaign_id = ? AND subscriber_id = ?`);

/** The email went: the row says so, and forgets the token. */
export function markSent(db: DatabaseSync, campaignId: number, subscriberId: number, now = new Date()): void {
  key(db, "UPDATE campaign_recipients SET state = 'sent', sent_at = ?, token = NULL, claimed_until = NULL, last_error = NULL").run(now.toISOString(), campaignId, subscriberId);
}

/** Refused for now (4xx): tried again on the outbox's schedule, then given up. */
export function markFailed(db: DatabaseSync, campaignId: number, subscriberId: number, error: string, now = new Date()): void {
  const { attempts } = db.prepare('SELECT attempts FROM campaign_recipients WHERE campaign_id = ? AND subscriber_id = ?').get(campaignId, subscriberId) as { attempts: number };
  // `attempts` counts this try already: it was counted when the row was claimed.
  key(db, "UPDATE campaign_recipients SET state = 'failed', next_attempt_at = ?, last_error = ?, claimed_until = NULL").run(nextAttemptAt(attempts, now), error, campaignId, subscriberId);
}

/** Refused for good (5xx for this address): the subscriber is marked bounced and not mailed again. */
export function markBounced(db: DatabaseSync, campaignId: number, subscriberId: number, error: string, now = new Date()): void {
  inTransaction(db, () => {
    key(db, "UPDATE campaign_recipients SET state = 'bounced', last_error = ?, claimed_until = NULL, token = NULL").run(error, campaignId, subscriberId);
    db.prepare('UPDATE subscribers SET bounced_at = coalesce(bounced_at, ?) WHERE id = ?').run(now.toISOString(), subscriberId);
  });
}

/** Not tried after all (the mail server could not be reached): back in the queue, as it was. */
export function release(db: DatabaseSync, campaignId: number, subscriberId: number): void {
  key(db, "UPDATE campaign_recipients SET state = 'queued', claimed_until = NULL, attempts = max(attempts - 1, 0)").run(campaignId, subscriberId);
}

/** Marks a campaign done when no recipient waits any more; says whether it is. */
export function finishIfDone(db: DatabaseSync, campaignId: number, now = new Date()): boolean {
  const waiting = db
    .prepare("SELECT count(*) AS n FROM campaign_recipients WHERE campaign_id = ? AND (state IN ('queued', 'sending') OR (state = 'failed' AND next_attempt_at IS NOT NULL))")
    .get(campaignId) as { n: number };
  if (waiting.n > 0) return false;
  db.prepare("UPDATE campaigns SET status = 'done', finished_at = coalesce(finished_at, ?) WHERE id = ?").run(now.toISOString(), campaignId);
  return true;
}
