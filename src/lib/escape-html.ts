import { escapeUTF8 } from 'entities';

/**
 * Text for HTML, in an element or a quoted attribute: `& < > " '` escaped. The apostrophe is
 * written `&#39;`, which every email client reads (Outlook's Word engine knows no `&apos;`).
 *
 * @example escapeHtml(`The Gurus' "news"`) // 'The Gurus&#39; &quot;news&quot;'
 */
export function escapeHtml(text: string): string {
  return escapeUTF8(text).replaceAll('&apos;', '&#39;');
}

/**
 * A link, its address and words escaped: for sentences and emails written as HTML strings.
 *
 * @example linkHtml('/archives/', 'the archives') // '<a href="/archives/">the archives</a>'
 */
export const linkHtml = (href: string, text: string): string => `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
