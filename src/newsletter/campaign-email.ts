import { randomBytes } from 'node:crypto';
import { translator } from '../i18n/translate.ts';
import { convert } from 'html-to-text';
import juice from 'juice';
import type { Letter } from './campaigns.ts';
import type { MailMessage } from './mailer.ts';
import { NEWSLETTER_PATHS } from './paths.ts';
import { escapeHtml, linkHtml } from '../lib/escape-html.ts';

/** What every campaign email says about the site that sends it. */
export interface Sender {
  siteName: string;
  /** The site's public URL: every link starts with it. */
  siteUrl: string;
  from: string;
  /** The sender's postal address or legal line (`newsletter.address`), shown in every footer. */
  address: string | undefined;
  /** The site's language: the email's own words (`Read on the site`, `Unsubscribe`) are in it. */
  lang: string;
}

export interface LetterContent {
  subject: string;
  /** The heading at the top of the email (a post's title). */
  heading: string;
  /** A line under the heading: a date, a course's dates and city. */
  byline?: string | undefined;
  /** The body, already fit for email (absolute links, no scripts): see built-page.ts. */
  html: string;
  /** "Read on the site": the page this email comes from. */
  readUrl: string;
  /** Why the reader gets it, for the footer: "you subscribed to …". */
  why: string;
  attachments?: Letter['attachments'];
}

/** The site's URL without its trailing slash, which every link of an email starts with. */
const originOf = (sender: Sender) => sender.siteUrl.replace(/\/$/, '');

// Email clients ignore the site's stylesheet and most of <style>: these rules are inlined into
// every element (juice). System fonts only; code wraps instead of scrolling (no horizontal scroll
// at 375 px); images never wider than the text.
const STYLES = `
body { margin: 0; padding: 0; background: #f4f5f7; }
.frame { max-width: 600px; margin: 0 auto; padding: 16px; background: #ffffff; font-family: -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif; font-size: 16px; line-height: 1.55; color: #1b1f24; }
.site { font-size: 14px; font-weight: 600; color: #57606a; text-decoration: none; }
h1 { font-size: 24px; line-height: 1.25; margin: 16px 0 4px; }
h2 { font-size: 20px; line-height: 1.3; margin: 24px 0 8px; }
h3, h4, h5, h6 { font-size: 17px; margin: 20px 0 8px; }
.byline { font-size: 14px; color: #57606a; margin: 0 0 16px; }
a { color: #0b5cad; }
img { max-width: 100%; height: auto; border: 0; }
pre { white-space: pre-wrap; word-break: break-word; overflow-wrap: anywhere; background: #f6f8fa; border: 1px solid #d8dee4; border-radius: 6px; padding: 12px; font-family: Menlo, Consolas, 'Liberation Mono', monospace; font-size: 13px; line-height: 1.45; }
code { font-family: Menlo, Consolas, 'Liberation Mono', monospace; font-size: 0.9em; background: #f6f8fa; padding: 0 3px; }
pre code { background: transparent; padding: 0; font-size: 13px; }
blockquote { margin: 16px 0; padding: 0 12px; border-left: 4px solid #d8dee4; color: #424a53; }
table { border-collapse: collapse; max-width: 100%; }
th, td { border: 1px solid #d8dee4; padding: 4px 8px; text-align: left; vertical-align: top; }
.footnote, .footnotes { font-size: 14px; color: #424a53; }
.facts td { border: 0; padding: 2px 12px 2px 0; }
.button { display: inline-block; padding: 10px 18px; background: #0b5cad; color: #ffffff; border-radius: 6px; text-decoration: none; font-weight: 600; }
.read { margin: 24px 0; }
.footer { margin-top: 32px; padding-top: 12px; border-top: 1px solid #d8dee4; font-size: 13px; color: #57606a; }
.footer a { color: #57606a; }
`;

/**
 * Writes a campaign's email once: the HTML part (styles inlined), the plain-text part (every link
 * written out), and a marker where each recipient's unsubscribe token goes. Sending fills it in.
 */
export function composeLetter(content: LetterContent, sender: Sender): Letter {
  const marker = `unsubscribe-token-${randomBytes(12).toString('hex')}`;
  const unsubscribeUrl = `${originOf(sender)}${NEWSLETTER_PATHS.unsubscribePage}?token=${marker}`;
  const t = translator(sender.lang);
  const html = juice(
    `<!doctype html>
<html lang="${escapeHtml(sender.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(content.subject)}</title><style>${STYLES}</style></head>
<body><div class="frame">
<p><a class="site" href="${escapeHtml(sender.siteUrl)}">${escapeHtml(sender.siteName)}</a></p>
<h1>${escapeHtml(content.heading)}</h1>
${content.byline ? `<p class="byline">${escapeHtml(content.byline)}</p>` : ''}
${content.html}
<p class="read"><a class="button" href="${escapeHtml(content.readUrl)}">${escapeHtml(t('email.readOnSite'))}</a></p>
<div class="footer">
<p>${escapeHtml(content.why)}</p>
<p>${linkHtml(unsubscribeUrl, t('email.unsubscribe'))} · ${linkHtml(content.readUrl, content.readUrl)}</p>
<p>${escapeHtml(sender.siteName)}${sender.address ? ` · ${escapeHtml(sender.address)}` : ''}</p>
</div>
</div></body></html>`,
    { removeStyleTags: true, preserveMediaQueries: false },
  );
  const text = convert(html, {
    wordwrap: 78,
    selectors: [
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'table', format: 'dataTable' },
    ],
  });
  return { subject: content.subject, html, text, marker, attachments: content.attachments ?? [] };
}

/** The list a campaign belongs to, for `List-Id` (RFC 2919): the site's host. */
const listId = (sender: Sender) => `${sender.siteName.replace(/[<>"]/g, '')} <newsletter.${new URL(sender.siteUrl).hostname}>`;

/**
 * One recipient's copy of a campaign: their unsubscribe links (also as RFC 8058 one-click
 * headers), `List-Id`, `Precedence: bulk`, and a Message-ID that is the same on every retry.
 * No tracking pixel, no rewritten links.
 */
export function recipientEmail(letter: Letter, recipient: { email: string; token: string; campaignId: number; subscriberId: number }, sender: Sender): MailMessage {
  const fill = (text: string) => text.split(letter.marker).join(recipient.token);
  return {
    from: sender.from,
    to: recipient.email,
    subject: letter.subject,
    html: fill(letter.html),
    text: fill(letter.text),
    headers: {
      'List-Unsubscribe': `<${originOf(sender)}${NEWSLETTER_PATHS.unsubscribe}?token=${recipient.token}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'List-Id': listId(sender),
      Precedence: 'bulk',
    },
    messageId: `<campaign-${recipient.campaignId}.subscriber-${recipient.subscriberId}@${new URL(sender.siteUrl).hostname}>`,
    ...(letter.attachments.length > 0 ? { attachments: letter.attachments } : {}),
  };
}
