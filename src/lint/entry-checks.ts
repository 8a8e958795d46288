import type { EntryMetadata } from '../content/format/pelican-metadata';
import { toZonedIso } from '../lib/zoned-time';
import type { Diagnostic } from './diagnostic';

/** Longer descriptions are cut by search engines (about 155–160 characters). */
export const MAX_DESCRIPTION = 160;
/** A draft untouched for this long is probably forgotten. */
export const STALE_DRAFT_DAYS = 90;

interface Located {
  file: string;
  /** Line of each header key, lower-cased. */
  lineOf: (key: string) => number;
}

/**
 * Rules about an entry's dates, status and summary: posts dated in the future (scheduled: they
 * appear once the date has passed and the site is rebuilt), drafts older than 90 days, and
 * summaries too long to be a page's meta description.
 */
export function entryDiagnostics(where: Located, metadata: Pick<EntryMetadata, 'date' | 'status' | 'summary'>, now: Date, timeZone: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  const at = (key: string, rule: string, message: string): Diagnostic => ({ file: where.file, line: where.lineOf(key), column: 1, severity: 'warning', rule, message });
  const { date, status, summary } = metadata;
  if (date && date.getTime() > now.getTime() && status !== 'draft') {
    found.push(at('date', 'future-date', `is ${toZonedIso(date, timeZone).slice(0, 10)}, in the future: the post is scheduled, and appears only once that date is past and the site is rebuilt`));
  }
  if (date && status === 'draft' && now.getTime() - date.getTime() > STALE_DRAFT_DAYS * 86_400_000) {
    const days = Math.floor((now.getTime() - date.getTime()) / 86_400_000);
    found.push(at('status', 'old-draft', `the post has been a draft for ${days} days: publish it, or delete it`));
  }
  if (summary !== undefined && summary.trim().length > MAX_DESCRIPTION) {
    found.push(at('summary', 'summary-length', `is ${summary.trim().length} characters; search engines cut descriptions after about ${MAX_DESCRIPTION}`));
  }
  return found;
}
