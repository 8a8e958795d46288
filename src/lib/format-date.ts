/**
 * A date as readers of the site's language expect it, in the site's zone.
 *
 * @example formatDate(new Date('2019-06-03T22:00:00Z'), 'Europe/Madrid', 'en') // 'June 4, 2019'
 */
export function formatDate(date: Date, timeZone: string, lang: string): string {
  // Making a formatter costs far more than using one, and a build formats dates thousands of times.
  const key = `${lang}\0${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone });
    formatters.set(key, formatter);
  }
  return formatter.format(date);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Reading time at 220 words a minute, at least one minute.
 *
 * @example readingMinutes('word '.repeat(500)) // 3
 */
export function readingMinutes(text: string): number {
  const words = text.match(/\S+/g)?.length ?? 0;
  return Math.max(1, Math.round(words / 220));
}
