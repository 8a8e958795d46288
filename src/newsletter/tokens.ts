import { createHash, randomBytes } from 'node:crypto';

/** A token for a link in an email: 256 random bits, URL-safe. Only its hash is stored. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

/** What the database keeps of a token: a leaked database gives no working links. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
