import type { MailMessage } from './mailer';
import { escapeHtml, linkHtml } from '../lib/escape-html.ts';
import type { Translate } from '../i18n/translate.ts';

export interface ConfirmationEmail {
  siteName: string;
  from: string;
  to: string;
  /** What the reader signed up for, e.g. a course's title; none for the general newsletter. */
  topicTitle: string | undefined;
  /** The page with the "Confirm my subscription" button. */
  confirmUrl: string;
  /** The page with the "Unsubscribe" button, for people. */
  unsubscribeUrl: string;
  /** Where mail clients post a one-click unsubscribe (RFC 8058). */
  oneClickUnsubscribeUrl: string;
  confirmDays: number;
  /** The interface's words, in the site's language. */
  t: Translate;
}

/**
 * The double opt-in email: plain text and HTML, the confirmation link, an unsubscribe link, and
 * the `List-Unsubscribe` headers that give mail clients their own unsubscribe button.
 */
export function confirmationEmail(email: ConfirmationEmail): MailMessage {
  const { t } = email;
  const site = email.siteName;
  const what = email.topicTitle ? t('email.confirm.whatTopic', { topic: email.topicTitle }) : t('email.confirm.what', { site });
  const subject = email.topicTitle ? t('email.confirm.subjectTopic', { site, topic: email.topicTitle }) : t('email.confirm.subject', { site });
  const button = t('newsletter.confirm.button');
  const text = [
    t('email.hello'),
    '',
    t('email.confirm.asked', { what }),
    t('email.confirm.open', { button, days: email.confirmDays }),
    '',
    email.confirmUrl,
    '',
    t('email.confirm.notYou'),
    '',
    t('email.unsubscribeAnyTime', { url: email.unsubscribeUrl }),
    '',
    `— ${email.siteName}`,
  ].join('\n');
  const html = `<!doctype html>
<html lang="${escapeHtml(t.lang)}"><body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1b1f24">
<p>${escapeHtml(t('email.hello'))}</p>
<p>${escapeHtml(t('email.confirm.asked', { what }))}</p>
<p><a href="${escapeHtml(email.confirmUrl)}" style="display: inline-block; padding: .6em 1.2em; background: #0b5cad; color: #fff; border-radius: 6px; text-decoration: none">${escapeHtml(button)}</a></p>
<p>${escapeHtml(t('email.confirm.works', { days: email.confirmDays }))}</p>
<p style="font-size: .9em; color: #57606a">${linkHtml(email.unsubscribeUrl, t('email.unsubscribe'))} · ${escapeHtml(email.siteName)}</p>
</body></html>
`;
  return {
    from: email.from,
    to: email.to,
    subject,
    text,
    html,
    headers: {
      'List-Unsubscribe': `<${email.oneClickUnsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
