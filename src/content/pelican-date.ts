import { zonedTimeToInstant, type WallTime } from '../lib/zoned-time';

/** Shown after a date that cannot be read, so authors see what to write instead. */
export const EXPECTED_DATE =
  'expected YYYY-MM-DD, YYYY/MM/DD, DD-MM-YYYY, DD/MM/YYYY or DD.MM.YYYY, optionally with a time HH:MM[:SS], or ISO 8601 such as 2019-06-04T10:30:00+02:00';

const YEAR_FIRST = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})/;
const DAY_FIRST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})/;
const TIME = /^(?:[ T_]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?/;
const ZONE = /^\s*(?:(Z)|([+-])(\d{2}):?(\d{2}))?$/i;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads a Pelican `Date:`/`Modified:` value. Times without an offset are wall times in `timeZone`.
 * Returns `undefined` when the value is not one of the accepted forms or names no real day or time.
 *
 * @example parsePelicanDate('04.06.2019 10:30', 'Europe/Madrid')?.toISOString() // '2019-06-04T08:30:00.000Z'
 */
export function parsePelicanDate(value: string, timeZone: string): Date | undefined {
  const text = value.trim();
  let rest: string;
  let year: number;
  let month: number;
  let day: number;
  const yearFirst = YEAR_FIRST.exec(text);
  const dayFirst = yearFirst ? null : DAY_FIRST.exec(text);
  if (yearFirst) {
    [year, month, day] = [Number(yearFirst[1]), Number(yearFirst[3]), Number(yearFirst[4])];
    rest = text.slice(yearFirst[0].length);
  } else if (dayFirst) {
    [day, month, year] = [Number(dayFirst[1]), Number(dayFirst[3]), Number(dayFirst[4])];
    rest = text.slice(dayFirst[0].length);
  } else {
    return undefined;
  }
  const time = TIME.exec(rest);
  if (!time) return undefined;
  const zone = ZONE.exec(rest.slice(time[0].length));
  if (!zone) return undefined;
  const hour = Number(time[1] ?? 0);
  const minute = Number(time[2] ?? 0);
  const second = Number(time[3] ?? 0);
  const millisecond = Number((time[4] ?? '0').padEnd(3, '0').slice(0, 3));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const wall: WallTime = { year, month, day, hour, minute, second, millisecond };
  const [, utc, sign, offsetHours, offsetMinutes] = zone;
  if (!utc && !sign) return zonedTimeToInstant(wall, timeZone);
  const offset = sign ? (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) : 0;
  const instant = new Date(0);
  instant.setUTCFullYear(year, month - 1, day);
  instant.setUTCHours(hour, minute - offset, second, millisecond);
  return instant;
}
