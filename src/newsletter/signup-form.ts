import { emailProblem, MAX_EMAIL_LENGTH, normalizeEmail } from './email-address.ts';
import { translator, type Translate } from '../i18n/translate.ts';

/** A signup as the form sends it, read and checked. */
export interface Signup {
  email: string;
  /** What the reader wants to hear about, e.g. a course's slug; none for the general newsletter. */
  topic: string | undefined;
  /** Path of the page the form was on. */
  source: string | undefined;
  /** The honeypot was filled: a bot. It gets the normal answer and nothing is stored. */
  bot: boolean;
}

export type SignupResult = { ok: true; signup: Signup } | { ok: false; problem: string };

/** The fields a form has, whatever carried them (`FormData`, `URLSearchParams`). */
export interface FormFields {
  get(name: string): unknown;
}

const TOPIC = /^[a-z0-9][a-z0-9-]{0,79}$/;
const CHECKED = new Set(['on', 'yes', 'true', '1']);

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * Reads a signup form: `email`, `consent` (a ticked checkbox), `topic`, `source`, and the
 * honeypot `website`, which people never see and bots fill.
 */
export function readSignup(fields: FormFields, t: Translate = translator('en')): SignupResult {
  const raw = text(fields.get('email'));
  // Checked before normalizing: trimming a megabyte of spaces is no reason to accept it.
  if (raw.length > MAX_EMAIL_LENGTH * 4) return { ok: false, problem: t('signup.emailTooLong', { max: MAX_EMAIL_LENGTH }) };
  const email = normalizeEmail(raw);
  const problem = emailProblem(email, t);
  if (problem) return { ok: false, problem };
  if (!CHECKED.has(text(fields.get('consent')).toLowerCase())) {
    return { ok: false, problem: t('signup.consent') };
  }
  const topic = text(fields.get('topic')).trim();
  if (topic !== '' && !TOPIC.test(topic)) return { ok: false, problem: t('signup.badTopic', { topic: topic.slice(0, 80) }) };
  const source = text(fields.get('source')).trim();
  return {
    ok: true,
    signup: {
      email,
      topic: topic || undefined,
      // Only a path of this site: the field comes from the page, but anyone can post anything.
      source: /^\/[^\s]{0,299}$/.test(source) && !source.startsWith('//') ? source : undefined,
      bot: text(fields.get('website')).trim() !== '',
    },
  };
}
