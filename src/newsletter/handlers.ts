import type { DatabaseSync } from 'node:sqlite';
import type { Translate } from '../i18n/translate.ts';
import { MAX_API_BODY_BYTES } from './lifecycle';
import type { Mailer } from './mailer';
import { confirmationEmail } from './messages';
import type { RateLimiter } from './rate-limit';
import { NEWSLETTER_PATHS } from './paths';
import { readSignup } from './signup-form';
import { deliver } from './outbox';
import { CONFIRM_TOKEN_DAYS, confirmSubscription, recordSignup, unsubscribe, type ComposeEmail } from './subscribers';

export { NEWSLETTER_PATHS };

/** What a newsletter request gets back, before it is HTTP: a route turns it into a response. */
export type Answer =
  | { kind: 'redirect'; location: string }
  | { kind: 'json'; status: number; body: Record<string, unknown>; headers?: Record<string, string> }
  /** A page for people: the message, with the site around it. */
  | { kind: 'page'; status: number; title: string; message: string; offerSignup?: boolean; headers?: Record<string, string> }
  | { kind: 'text'; status: number; body: string };

/**
 * Whether a browser posted this from another site (CSRF). Browsers send `Origin` with every
 * cross-origin POST; a request without one is not a browser's form (a mail client's one-click
 * unsubscribe, curl) and is let through. The site's public origin counts as ours too: behind a
 * reverse proxy the server sees its own address, not the public one.
 */
export function isCrossSite(request: Request, publicOrigin: string): boolean {
  const origin = request.headers.get('origin');
  if (origin === null) return request.headers.get('sec-fetch-site') === 'cross-site';
  return origin !== new URL(request.url).origin && origin !== publicOrigin;
}

export interface NewsletterDeps {
  db: DatabaseSync;
  mailer: Mailer;
  limiter: RateLimiter;
  siteName: string;
  /** The interface's words, in the site's language: answers and emails. */
  t: Translate;
  /** The site's public origin (`site.url`): the start of every link the server writes, and trusted as an `Origin`. */
  publicOrigin: string;
  from: string;
  consent: { text: string; version: string };
  /** The title of a topic (a course's title for its slug), for the email's subject; `undefined` for a topic that does not exist. */
  topicTitle: (topic: string) => string | undefined;
  log: (message: string) => void;
}

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];
const MAX_BODY_BYTES = MAX_API_BODY_BYTES;

const wantsJson = (request: Request) => (request.headers.get('accept') ?? '').includes('application/json');

/** A problem, as JSON or as a page depending on who asked. */
function problem(request: Request, status: number, title: string, message: string, extra: Partial<Extract<Answer, { kind: 'page' }>> = {}): Answer {
  return wantsJson(request)
    ? { kind: 'json', status, body: { error: message }, ...(extra.headers ? { headers: extra.headers } : {}) }
    : { kind: 'page', status, title, message, ...extra };
}

/**
 * Reads a form body, or says what is wrong with the request, in the words of whoever answers (a
 * token read from a form needs no words: a missing one is an unknown token).
 */
async function formOf(request: Request): Promise<{ form: FormData } | { problem: (t: Translate) => string }> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!FORM_TYPES.includes(type)) {
    return { problem: (t) => t('signup.formType', { type: type || t('signup.formTypeNone') }) };
  }
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return { problem: (t) => t('signup.formTooLarge') };
  const body = await request.arrayBuffer();
  if (body.byteLength === 0) return { problem: (t) => t('signup.formEmpty') };
  if (body.byteLength > MAX_BODY_BYTES) return { problem: (t) => t('signup.formTooLarge') };
  try {
    return { form: await new Response(body, { headers: { 'content-type': request.headers.get('content-type')! } }).formData() };
  } catch {
    return { problem: (t) => t('signup.formUnreadable') };
  }
}

/**
 * The database cannot be written (read-only file, full disk …): the reader is told to come back,
 * nothing is half-stored (each write is one transaction), and the site keeps serving pages.
 */
function storageProblem(request: Request, deps: NewsletterDeps, error: unknown): Answer {
  deps.log(`the subscribers database cannot be written: ${error instanceof Error ? error.message : String(error)}`);
  return problem(request, 503, deps.t('signup.paused'), deps.t('signup.pausedText'), {
    headers: { 'Retry-After': '120' },
  });
}

/** Done: `{"ok":true}` to scripts, the page that says so to a form posted without them. */
const success = (request: Request, location: string): Answer =>
  wantsJson(request) ? { kind: 'json', status: 200, body: { ok: true } } : { kind: 'redirect', location };

/**
 * `POST /api/newsletter/subscribe`. The answer is the same whether the address is new, pending or
 * already confirmed, so that the form tells nobody who subscribes; a bot that filled the honeypot
 * gets it too, and nothing is stored.
 */
export async function subscribeAnswer(request: Request, client: string, deps: NewsletterDeps, now = new Date()): Promise<Answer> {
  const limit = deps.limiter.check(client, now.getTime());
  if (!limit.ok) {
    const headers = { 'Retry-After': String(limit.retryAfterSeconds) };
    return problem(request, 429, deps.t('signup.tooMany'), deps.t('signup.tooManyText', { count: limit.retryAfterSeconds }), { headers });
  }
  const read = await formOf(request);
  if ('problem' in read) return problem(request, 400, deps.t('signup.failed'), read.problem(deps.t), { offerSignup: true });
  const result = readSignup(read.form, deps.t);
  if (!result.ok) return problem(request, 400, deps.t('signup.failed'), result.problem, { offerSignup: true });
  const { signup } = result;
  if (signup.topic !== undefined && deps.topicTitle(signup.topic) === undefined) {
    return problem(request, 400, deps.t('signup.failed'), deps.t('signup.unknownTopic', { topic: signup.topic }), { offerSignup: true });
  }
  if (signup.bot) return success(request, NEWSLETTER_PATHS.checkInbox);

  // The links in the email start with the site's configured URL, never with the request's Host:
  // a forged Host must not send someone's valid token to another site.
  const origin = deps.publicOrigin;
  const compose: ComposeEmail = ({ confirmToken, unsubscribeToken }) =>
    confirmationEmail({
      siteName: deps.siteName,
      from: deps.from,
      to: signup.email,
      topicTitle: signup.topic ? deps.topicTitle(signup.topic) : undefined,
      confirmUrl: `${origin}${NEWSLETTER_PATHS.confirmPage}?token=${confirmToken}`,
      unsubscribeUrl: `${origin}${NEWSLETTER_PATHS.unsubscribePage}?token=${unsubscribeToken}`,
      oneClickUnsubscribeUrl: `${origin}${NEWSLETTER_PATHS.unsubscribe}?token=${unsubscribeToken}`,
      confirmDays: CONFIRM_TOKEN_DAYS,
      t: deps.t,
    });
  let outcome: ReturnType<typeof recordSignup>;
  try {
    // The signup and its email are stored together, before any answer: nothing answered is lost.
    outcome = recordSignup(
      deps.db,
      { email: signup.email, topic: signup.topic, source: signup.source, consentText: deps.consent.text, consentVersion: deps.consent.version, now },
      compose,
    );
  } catch (error) {
    return storageProblem(request, deps, error);
  }
  // Answered first, sent after: every signup answers in the same time whether or not it sends an
  // email (the timing does not tell who is subscribed), and a slow mail server delays no one.
  if (outcome.email === 'confirm' && outcome.outboxId !== undefined) {
    const { outboxId, confirmToken } = outcome;
    setImmediate(() => {
      deliver(deps.db, deps.mailer, outboxId, now).then(
        (delivery) => {
          // The link is logged only when the email stays on this machine: in production a log must
          // not hold what confirms someone else's address.
          const link = deps.mailer.local ? `; confirm at ${origin}${NEWSLETTER_PATHS.confirmPage}?token=${confirmToken}` : '';
          if (delivery.status === 'sent') deps.log(`confirmation email sent to ${deps.mailer.destination}${link}`);
          // The mail server is down: the email waits in the outbox and is retried; the signup stands.
          else if (delivery.status === 'waiting') deps.log(`confirmation email queued, ${deps.mailer.destination} refused it: ${delivery.error}`);
          else if (delivery.status === 'bounced') deps.log(`confirmation email bounced, ${deps.mailer.destination} refused the address for good: ${delivery.error}`);
        },
        (error: unknown) => deps.log(`confirmation email left in the outbox: ${String(error)}`),
      );
    });
  }
  return success(request, NEWSLETTER_PATHS.checkInbox);
}

const tokenOf = async (request: Request): Promise<string> => {
  const fromUrl = new URL(request.url).searchParams.get('token');
  if (fromUrl) return fromUrl;
  const read = await formOf(request);
  const token = 'form' in read ? read.form.get('token') : null;
  return typeof token === 'string' ? token.trim() : '';
};

/** `POST /api/newsletter/confirm` with the token of a confirmation link. */
export async function confirmAnswer(request: Request, deps: NewsletterDeps, now = new Date()): Promise<Answer> {
  const token = await tokenOf(request);
  let confirmed: boolean;
  try {
    confirmed = token !== '' && confirmSubscription(deps.db, token, now);
  } catch (error) {
    return storageProblem(request, deps, error);
  }
  if (confirmed) {
    return success(request, NEWSLETTER_PATHS.confirmed);
  }
  return problem(
    request,
    400,
    'This link does not work',
    `This confirmation link is unknown or has expired (links work for ${CONFIRM_TOKEN_DAYS} days). Sign up again below and we will send you a new one.`,
    { offerSignup: true },
  );
}

/**
 * `POST /api/newsletter/unsubscribe`: the button of the unsubscribe page (token in the form), or a
 * mail client's one-click unsubscribe (RFC 8058: token in the URL, `List-Unsubscribe=One-Click`).
 */
export async function unsubscribeAnswer(request: Request, deps: NewsletterDeps, now = new Date()): Promise<Answer> {
  const oneClick = new URL(request.url).searchParams.has('token');
  const token = await tokenOf(request);
  let done: boolean;
  try {
    done = token !== '' && unsubscribe(deps.db, token, now);
  } catch (error) {
    return storageProblem(request, deps, error);
  }
  if (oneClick) return done ? { kind: 'text', status: 200, body: 'Unsubscribed.' } : { kind: 'text', status: 400, body: 'Unknown unsubscribe link.' };
  if (done) return success(request, NEWSLETTER_PATHS.unsubscribed);
  return problem(request, 400, 'This link does not work', 'This unsubscribe link is unknown. If you still receive our emails, reply to one of them and we will remove you.');
}

/** The HTTP response of an answer that is not a page. */
export function responseOf(answer: Exclude<Answer, { kind: 'page' }>): Response {
  switch (answer.kind) {
    case 'redirect':
      return new Response(null, { status: 303, headers: { Location: answer.location } });
    case 'json':
      return Response.json(answer.body, { status: answer.status, headers: answer.headers ?? {} });
    case 'text':
      return new Response(answer.body, { status: answer.status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
}
