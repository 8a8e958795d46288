/**
 * A date as readers of the site's language expect it, in the site's zone.
 *
 * @example formatDate(new Date('2019-06-03T22:00:00Z'), 'Europe/Madrid', 'en') // 'June 4, 2019'
 */
export function formatDate(date: Date, timeZone: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone }).format(date);
}

/**
 * Reading time at 220 words a minute, at least one minute.
 *
 * @example readingMinutes('word '.repeat(500)) // 3
 */
export function readingMinutes(text: string): number {
  const words = text.match(/\S+/g)?.length ?? 0;
  return Math.max(1, Math.round(words / 220));
}
