import site from '@site-config';
import { translator } from '../i18n/translate.ts';
import { openNewsletterDatabase } from './database';
import type { NewsletterDeps } from './handlers';
import { proxyTrust, type ProxyTrust } from './client-address';
import { isOutboxRetryStarted, registerNewsletterDatabase } from './lifecycle';
import { mailerFromEnv } from './mailer';
import { deliverDue, RETRY_CHECK_MS } from './outbox';
import { createRateLimiter } from './rate-limit';

let deps: (NewsletterDeps & { trust: ProxyTrust }) | undefined;


/** Signups a client may send per minute (`NEWSLETTER_RATE_LIMIT`, default 10). */
const rateLimit = (env: Record<string, string | undefined>) => {
  const limit = Number(env['NEWSLETTER_RATE_LIMIT'] ?? 10);
  return Number.isFinite(limit) && limit > 0 ? limit : 10;
};

/**
 * The newsletter's database, mailer and settings, made on the first request from the environment:
 * `NEWSLETTER_DB` (default `data/newsletter.sqlite`), `SMTP_URL` or `NEWSLETTER_OUTBOX`,
 * `NEWSLETTER_FROM`, `NEWSLETTER_RATE_LIMIT`. Opening the database applies its migrations.
 */
export function newsletterDeps(): NewsletterDeps & { trust: ProxyTrust } {
  if (deps) return deps;
  const env = process.env;
  const log = (message: string) => console.info(`[newsletter] ${message}`);
  const db = openNewsletterDatabase(env['NEWSLETTER_DB'] || 'data/newsletter.sqlite');
  registerNewsletterDatabase(db);
  const mailer = mailerFromEnv(env);
  log(`subscribers in ${env['NEWSLETTER_DB'] || 'data/newsletter.sqlite'}; emails go to ${mailer.destination}`);
  // Emails the mail server refused are tried again on their schedule, while the server runs
  // (`npm run serve` does it from its start; this is for `astro dev` and other hosts).
  if (!isOutboxRetryStarted()) {
    setInterval(() => {
      deliverDue(db, mailer).then(
        ({ sent, failed, bounced }) => (sent || failed || bounced) && log(`outbox: ${sent} email(s) sent, ${failed} still waiting, ${bounced} bounced`),
        (error: unknown) => log(`outbox: ${String(error)}`),
      );
    }, RETRY_CHECK_MS).unref();
  }
  deps = {
    db,
    mailer,
    limiter: createRateLimiter({ limit: rateLimit(env), windowMs: 60_000 }),
    trust: proxyTrust(env['TRUST_PROXY']),
    siteName: site.title,
    t: translator(site.language),
    publicOrigin: new URL(site.url).origin,
    from: env['NEWSLETTER_FROM'] || site.newsletter.from || `"${site.title}" <newsletter@${new URL(site.url).hostname}>`,
    consent: { text: site.newsletter.consentText, version: site.newsletter.consentVersion },
    topicTitle: () => undefined,
    log,
  };
  return deps;
}
