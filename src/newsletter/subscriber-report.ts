import type { Subscriber } from './subscribers.ts';

/** The export's columns, in order. */
export const CSV_COLUMNS = ['email', 'status', 'topics', 'consent_version', 'signed_up_at', 'confirmed_at', 'source', 'bounced_at'] as const;

/**
 * One CSV cell (RFC 4180). A cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`)
 * gets a leading apostrophe: an export opened in Excel must not execute what a visitor typed.
 */
function csvCell(value: string | null): string {
  const text = printable(value ?? '');
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Text as it may reach a terminal or a spreadsheet: control and format characters (an ESC that
 * rewrites the screen, a backspace that hides what came before) are shown as `\u{1b}`. Addresses
 * with them are refused at signup; this keeps rows stored before that harmless.
 *
 * @example printable('bs\b\bok@x.com') // 'bs\\u{8}\\u{8}ok@x.com'
 */
export function printable(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}]/gu, (character) => `\\u{${character.codePointAt(0)!.toString(16)}}`);
}

/** Subscribers as CSV, with a header line; topics separated by `;`. */
export function subscribersCsv(subscribers: readonly Subscriber[]): string {
  const lines = subscribers.map((s) =>
    [s.email, s.status, s.topics.join(';'), s.consentVersion, s.signedUpAt, s.confirmedAt, s.source, s.bouncedAt].map(csvCell).join(','),
  );
  return [CSV_COLUMNS.join(','), ...lines].join('\r\n') + '\r\n';
}

/** Subscribers as an aligned text table, for a terminal. */
export function subscribersTable(subscribers: readonly Subscriber[]): string {
  if (subscribers.length === 0) return 'No subscribers.';
  const rows = [
    ['EMAIL', 'STATUS', 'TOPICS', 'SIGNED UP', 'CONFIRMED'],
    ...subscribers.map((s) => [printable(s.email), s.status, s.topics.join(',') || '-', s.signedUpAt.slice(0, 16).replace('T', ' '), s.confirmedAt?.slice(0, 16).replace('T', ' ') ?? '-']),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}
