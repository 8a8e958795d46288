import { formatDate } from './format-date';

/** What a course page and listing say about its status. */
export const COURSE_STATUS_LABEL: Record<string, string> = {
  announced: 'Announced',
  open: 'Registration open',
  'sold-out': 'Sold out',
  finished: 'Finished',
};

interface CourseDates {
  start?: Date | undefined;
  end?: Date | undefined;
  startHasTime: boolean;
  endHasTime: boolean;
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
  if (!dates.start) return 'Dates coming soon';
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
  if (price === 0) return 'Free';
  return new Intl.NumberFormat(lang, { style: 'currency', currency, maximumFractionDigits: Number.isInteger(price) ? 0 : 2 }).format(price);
}

/**
 * Seats, and how many are left when known.
 *
 * @example courseSeats(20, 3) // '3 of 20 seats left'
 */
export function courseSeats(seats: number | undefined, seatsLeft: number | undefined): string | undefined {
  if (seatsLeft !== undefined && seats !== undefined) return seatsLeft === 0 ? `No seats left (of ${seats})` : `${seatsLeft} of ${seats} seats left`;
  if (seatsLeft !== undefined) return `${seatsLeft} seats left`;
  return seats === undefined ? undefined : `${seats} seats`;
}

/** A link that shows the place on OpenStreetMap: no key, no tracking script. */
export function mapUrl(place: readonly (string | undefined)[]): string {
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(place.filter(Boolean).join(', '))}`;
}
