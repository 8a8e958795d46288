import { translator, type Translate } from '../i18n/translate.ts';
/** The longest address SMTP carries (RFC 5321: a 254-character path). */
export const MAX_EMAIL_LENGTH = 254;
const MAX_LOCAL_LENGTH = 64;
// Deliberately loose, as browsers' `type=email` is: a local part, one @, a dotted domain. The
// confirmation email is the real test of an address.
const SHAPE = /^[^\s@<>()[\]\\,;:"]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;

/**
 * An address as stored: trimmed, the domain lower-cased (domains are case-insensitive; the local
 * part, in theory, is not, so it is kept as written).
 *
 * @example normalizeEmail('  Ana.Lopez@Example.COM ') // 'Ana.Lopez@example.com'
 */
export function normalizeEmail(raw: string): string {
  const trimmed = raw.trim();
  const at = trimmed.lastIndexOf('@');
  return at < 0 ? trimmed : `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}`;
}

/** Why an address (already normalized) cannot be used, or `undefined` when it can. */
export function emailProblem(email: string, t: Translate = translator('en')): string | undefined {
  if (email === '') return t('signup.emailEmpty');
  // Control and format characters (NUL, backspace, ESC, DEL, C1, bidi overrides) are in no real
  // address: printed, they rewrite the operator's terminal; sent, nodemailer strips them, and the
  // mail goes to another address than the one stored.
  if (/[\p{Cc}\p{Cf}]/u.test(email)) return t('signup.emailControl');
  if (email.length > MAX_EMAIL_LENGTH) return t('signup.emailTooLong', { max: MAX_EMAIL_LENGTH });
  if (!SHAPE.test(email) || email.slice(0, email.lastIndexOf('@')).length > MAX_LOCAL_LENGTH) {
    return t('signup.emailInvalid', { email });
  }
  return undefined;
}
