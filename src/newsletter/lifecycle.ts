import type { DatabaseSync } from 'node:sqlite';

/** A signup form is a few hundred bytes; a body over this is refused before it is read. */
export const MAX_API_BODY_BYTES = 16 * 1024;

// The database the newsletter's routes opened, reachable from the server script that imported the
// build (a separate module graph) so that it can close it on shutdown.
const KEY = Symbol.for('pelican-astro.newsletter-db');
const slot = globalThis as Record<symbol, DatabaseSync | undefined>;

export function registerNewsletterDatabase(db: DatabaseSync): void {
  slot[KEY] = db;
}

/** Closes the routes' database, if they opened one (pending writes are already committed). */
export function closeNewsletter(): void {
  const db = slot[KEY];
  if (db?.isOpen) db.close();
  slot[KEY] = undefined;
}

const OUTBOX_KEY = Symbol.for('pelican-astro.outbox-retry');
const flags = globalThis as Record<symbol, boolean | undefined>;

/** `npm run serve` retries the outbox itself from the start: the routes then need no timer of their own. */
export function markOutboxRetryStarted(): void {
  flags[OUTBOX_KEY] = true;
}

export function isOutboxRetryStarted(): boolean {
  return flags[OUTBOX_KEY] === true;
}
