import type { DatabaseSync } from 'node:sqlite';
import { setTimeout as sleep } from 'node:timers/promises';
import { campaignStatusOf, claimNext, finishIfDone, letterOf, markBounced, markFailed, markSent, release, releaseDeadClaims } from './campaigns.ts';
import { recipientEmail, type Sender } from './campaign-email.ts';
import { refusalOf, type Mailer } from './mailer.ts';

export interface SendOptions {
  /** Emails per minute at most. */
  ratePerMinute: number;
  sender: Sender;
  now?: () => Date;
}

export interface SendCounts {
  sent: number;
  failed: number;
  bounced: number;
  /** Why the run stopped before the end: paused, or the mail server could not be reached. */
  stopped?: 'paused' | 'unreachable';
  error?: string;
  /** Whether every recipient has been dealt with. */
  done: boolean;
}

/**
 * Sends a campaign to its recipients, one at a time at most `ratePerMinute`: each is claimed,
 * sent, and its row updated before the next, so that a crash loses nobody and repeats at most the
 * email in flight (with the same Message-ID). A 5xx for an address marks it bounced; a 4xx is tried
 * again later; a mail server that cannot be reached stops the run with everyone still queued.
 */
export async function sendCampaign(db: DatabaseSync, mailer: Mailer, campaignId: number, options: SendOptions): Promise<SendCounts> {
  const now = options.now ?? (() => new Date());
  const counts: SendCounts = { sent: 0, failed: 0, bounced: 0, done: false };
  const interval = 60_000 / options.ratePerMinute;
  let nextAt = performance.now();
  const letter = letterOf(db, campaignId);
  if (!letter) return { ...counts, done: true };
  releaseDeadClaims(db, campaignId);
  for (;;) {
    const status = campaignStatusOf(db, campaignId);
    if (status === undefined || status === 'done') return { ...counts, done: true };
    if (status === 'paused') return { ...counts, stopped: 'paused' };
    const claimed = claimNext(db, campaignId, now());
    if (!claimed) return { ...counts, done: finishIfDone(db, campaignId, now()) };
    const wait = nextAt - performance.now();
    if (wait > 0) await sleep(wait);
    nextAt = Math.max(nextAt, performance.now()) + interval;
    try {
      await mailer.send(recipientEmail(letter, { ...claimed, campaignId }, options.sender));
      markSent(db, campaignId, claimed.subscriberId, now());
      counts.sent += 1;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const refusal = refusalOf(error);
      if (refusal === 'unreachable') {
        release(db, campaignId, claimed.subscriberId);
        return { ...counts, stopped: 'unreachable', error: message };
      }
      if (refusal === 'permanent') {
        markBounced(db, campaignId, claimed.subscriberId, message, now());
        counts.bounced += 1;
      } else {
        markFailed(db, campaignId, claimed.subscriberId, message, now());
        counts.failed += 1;
      }
    }
  }
}
