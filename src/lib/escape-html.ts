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
