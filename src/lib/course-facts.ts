import { formatDate } from './format-date';
import { translator } from '../i18n/translate';
import type { MessageKey } from '../i18n/catalogues';
import { COURSE_STATUSES } from '../content/schemas/course';

/**
 * What a course page, listing and email say about its status, in `lang`.
 *
 * @example courseStatusLabel('open', 'es') // 'Inscripción abierta'
 */
export function courseStatusLabel(status: string, lang: string): string {
  const key = `course.status.${status}`;
  return (COURSE_STATUSES as readonly string[]).includes(status) ? translator(lang)(key as MessageKey) : status;
}

interface CourseDates {
  start?: Date | undefined;
  end?: Date | undefined;
  startHasTime: boolean;
  endHasTime: boolean;
  /** The days it meets, when the header lists them: then those days are when it is, not a range. */
  sessions?: readonly { start: Date; end?: Date | undefined; hasTime: boolean }[] | undefined;
}

const timeOf = (date: Date, timeZone: string, lang: string) =>
  new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(date);

/**
 * When a course takes place, in words: "Dates coming soon" while it has none.
 *
 * @example courseWhen({ start: new Date('2027-03-06T09:00:00Z'), startHasTime: true, endHasTime: false }, 'Europe/Madrid', 'en')
 * // 'March 6, 2027, 10:00'
 */
export function courseWhen(dates: CourseDates, timeZone: string, lang: string): string {
  if (dates.sessions && dates.sessions.length > 1) {
    const days = dates.sessions.map((session) => courseWhen({ start: session.start, end: session.end, startHasTime: session.hasTime, endHasTime: session.hasTime }, timeZone, lang));
    return new Intl.ListFormat(lang, { type: 'conjunction' }).format(days);
  }
  if (!dates.start) return translator(lang)('course.datesSoon');
  const day = (date: Date, hasTime: boolean) => `${formatDate(date, timeZone, lang)}${hasTime ? `, ${timeOf(date, timeZone, lang)}` : ''}`;
  const first = day(dates.start, dates.startHasTime);
  if (!dates.end) return first;
  const sameDay = formatDate(dates.start, timeZone, lang) === formatDate(dates.end, timeZone, lang);
  if (sameDay) return dates.endHasTime ? `${first}–${timeOf(dates.end, timeZone, lang)}` : first;
  return `${first} – ${day(dates.end, dates.endHasTime)}`;
}

/**
 * A price as readers of the site's language write it.
 *
 * @example coursePrice(690, 'EUR', 'en') // '€690'
 */
export function coursePrice(price: number | undefined, currency: string, lang: string): string | undefined {
  if (price === undefined) return undefined;
  if (price === 0) return translator(lang)('course.free');
  return new Intl.NumberFormat(lang, { style: 'currency', currency, maximumFractionDigits: Number.isInteger(price) ? 0 : 2 }).format(price);
}

/**
 * Seats, and how many are left when known.
 *
 * @example courseSeats(20, 3, 'en') // '3 of 20 seats left'
 */
export function courseSeats(seats: number | undefined, seatsLeft: number | undefined, lang: string): string | undefined {
  const t = translator(lang);
  if (seatsLeft !== undefined && seats !== undefined) return seatsLeft === 0 ? t('course.noSeatsLeft', { seats }) : t('course.seatsLeftOf', { count: seatsLeft, seats });
  if (seatsLeft !== undefined) return t('course.seatsLeft', { count: seatsLeft });
  return seats === undefined ? undefined : t('course.seatsOnly', { count: seats });
}

/**
 * The lines of a course's place, without the city when the venue or address already names it.
 *
 * @example placeLines({ venue: 'Impact Hub', address: 'Calle Alameda 22, Madrid', city: 'Madrid' }) // ['Impact Hub', 'Calle Alameda 22, Madrid']
 */
export function placeLines({ venue, address, city }: { venue?: string | undefined; address?: string | undefined; city: string }): string[] {
  const lines = [venue, address].filter((line): line is string => Boolean(line));
  const named = lines.some((line) => line.toLocaleLowerCase().includes(city.toLocaleLowerCase()));
  return named ? lines : [...lines, city];
}

/** A link that shows the place on OpenStreetMap: no key, no tracking script. */
export function mapUrl(place: readonly (string | undefined)[]): string {
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(place.filter(Boolean).join(', '))}`;
}
