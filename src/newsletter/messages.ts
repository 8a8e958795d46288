import type { MailMessage } from './mailer';
import { escapeHtml } from '../lib/escape-html.ts';

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
}

/**
 * The double opt-in email: plain text and HTML, the confirmation link, an unsubscribe link, and
 * the `List-Unsubscribe` headers that give mail clients their own unsubscribe button.
 */
export function confirmationEmail(email: ConfirmationEmail): MailMessage {
  const what = email.topicTitle ? `news about ${email.topicTitle}` : `the newsletter of ${email.siteName}`;
  const subject = email.topicTitle
    ? `${email.siteName}: confirm to hear about ${email.topicTitle}`
    : `${email.siteName}: confirm your newsletter subscription`;
  const text = [
    'Hello,',
    '',
    `Someone, hopefully you, asked to receive ${what} at this address.`,
    `To confirm, open this link and press "Confirm my subscription" (it works for ${email.confirmDays} days):`,
    '',
    email.confirmUrl,
    '',
    'If it was not you, ignore this email: nothing will be sent to you.',
    '',
    `Unsubscribe at any time: ${email.unsubscribeUrl}`,
    '',
    `— ${email.siteName}`,
  ].join('\n');
  const html = `<!doctype html>
<html><body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1b1f24">
<p>Hello,</p>
<p>Someone, hopefully you, asked to receive ${escapeHtml(what)} at this address.</p>
<p><a href="${escapeHtml(email.confirmUrl)}" style="display: inline-block; padding: .6em 1.2em; background: #0b5cad; color: #fff; border-radius: 6px; text-decoration: none">Confirm my subscription</a></p>
<p>The link works for ${email.confirmDays} days. If it was not you, ignore this email: nothing will be sent to you.</p>
<p style="font-size: .9em; color: #57606a"><a href="${escapeHtml(email.unsubscribeUrl)}">Unsubscribe</a> · ${escapeHtml(email.siteName)}</p>
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
