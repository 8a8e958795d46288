import { zonedTimeToInstant, type WallTime } from '../../lib/zoned-time';

/** Shown after a date that cannot be read, so authors see what to write instead. */
export const EXPECTED_DATE =
  'expected YYYY-MM-DD, YYYY/MM/DD, DD-MM-YYYY, DD/MM/YYYY or DD.MM.YYYY, optionally with a time HH:MM[:SS], a date such as "June 4, 2019", or ISO 8601 such as 2019-06-04T10:30:00+02:00';

/**
 * Which of two numbers before a year is the month (`04/06/2019`): Pelican reads dates with
 * dateutil, month first (April 6); this project's own sites, day first (4 June). A first number
 * over 12 is the day either way.
 */
export type DateOrder = 'month-first' | 'day-first';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAME = /^(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/i;
const WEEKDAY = /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?$/i;

const YEAR_FIRST = /^(\d{4})([-/.]?)(\d{1,2})\2(\d{1,2})(?![\d])/;
const YEAR_LAST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d])/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([ap]\.?m\.?)?/i;
const ZONE = /^(?:(Z|UTC|GMT)|([+-])(\d{2}):?(\d{2})|[A-Z]{2,5})$/i;

interface Parts {
  year: number;
  month: number;
  day: number;
  rest: string;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `04/06/2019`, `4.6.19`: day and month in the order asked, unless only one order is a date. */
function orderedParts(first: number, second: number, order: DateOrder): [month: number, day: number] {
  if (first > 12) return [second, first];
  if (second > 12) return [first, second];
  return order === 'month-first' ? [first, second] : [second, first];
}

/** The date at the start of a value, in any form Pelican's parser (dateutil) reads, and what follows it. */
function readDate(text: string, order: DateOrder): Parts | undefined {
  const yearFirst = YEAR_FIRST.exec(text);
  if (yearFirst) {
    return { year: Number(yearFirst[1]), month: Number(yearFirst[3]), day: Number(yearFirst[4]), rest: text.slice(yearFirst[0].length) };
  }
  const yearLast = YEAR_LAST.exec(text);
  if (yearLast) {
    const year = yearLast[4]!.length === 2 ? 2000 + Number(yearLast[4]) : Number(yearLast[4]);
    const [month, day] = orderedParts(Number(yearLast[1]), Number(yearLast[3]), order);
    return { year, month, day, rest: text.slice(yearLast[0].length) };
  }
  // Words: `June 4, 2019`, `4 Jun 2019 10:30`, `Tue, 04 Jun 2019 10:30:00 +0200`.
  const words = text.split(/[\s,]+/).filter(Boolean);
  let month: number | undefined;
  let day: number | undefined;
  let year: number | undefined;
  let used = 0;
  for (const word of words) {
    if (WEEKDAY.test(word) && used === 0) {
      used++;
      continue;
    }
    const name = MONTH_NAME.exec(word);
    if (name && month === undefined) month = MONTHS.indexOf(name[1]!.slice(0, 3).toLowerCase()) + 1;
    else if (/^\d{1,2}(?:st|nd|rd|th)?$/i.test(word) && day === undefined) day = Number.parseInt(word, 10);
    else if (/^\d{4}$/.test(word) && year === undefined) year = Number(word);
    else break;
    used++;
    if (month !== undefined && day !== undefined && year !== undefined) break;
  }
  if (month === undefined || day === undefined || year === undefined) return undefined;
  return { year, month, day, rest: words.slice(used).join(' ') };
}

/**
 * Reads a Pelican `Date:`/`Modified:` value as Pelican does (pelican/utils.py `get_date`, dateutil):
 * `2019-06-04`, `2019/06/04 10:30`, `20190604`, `04/06/2019` (in `order`), `June 4, 2019`,
 * `4 Jun 2019 10:30pm`, `2019-12-01-19:48`, ISO 8601 with an offset. Times without an offset are
 * wall times in `timeZone`, resolved as Python's zoneinfo resolves them. Returns `undefined`
 * when the value is none of these or names no real day or time.
 *
 * @example parsePelicanDate('04.06.2019 10:30', 'Europe/Madrid')?.toISOString() // '2019-06-04T08:30:00.000Z'
 */
export function parsePelicanDate(value: string, timeZone: string, order: DateOrder = 'day-first'): Date | undefined {
  const text = value.trim().replace(/\s+/g, ' ');
  const date = readDate(text, order);
  if (!date) return undefined;
  const { year, month, day } = date;
  // What joins the time to the date: `T`, a space, `_` (this project's), `-` (dateutil takes it).
  let rest = date.rest.replace(/^(?:[T_ ]|-(?=\d{1,2}:))/, '').trim();
  let hour = 0;
  let minute = 0;
  let second = 0;
  let millisecond = 0;
  const time = TIME.exec(rest);
  if (time) {
    [hour, minute, second] = [Number(time[1]), Number(time[2]), Number(time[3] ?? 0)];
    millisecond = Number((time[4] ?? '0').padEnd(3, '0').slice(0, 3));
    const meridiem = time[5]?.toLowerCase().replace(/\./g, '');
    if (meridiem === 'pm' && hour < 12) hour += 12;
    if (meridiem === 'am' && hour === 12) hour = 0;
    rest = rest.slice(time[0].length).trim();
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const wall: WallTime = { year, month, day, hour, minute, second, millisecond };
  if (rest === '') return zonedTimeToInstant(wall, timeZone);
  const zone = ZONE.exec(rest);
  if (!zone) return undefined;
  const [, utc, sign, offsetHours, offsetMinutes] = zone;
  // A zone name dateutil does not know (`CET`) leaves the time in the site's zone, as in Pelican.
  if (!utc && !sign) return zonedTimeToInstant(wall, timeZone);
  const offset = sign ? (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) : 0;
  const instant = new Date(0);
  instant.setUTCFullYear(year, month - 1, day);
  instant.setUTCHours(hour, minute - offset, second, millisecond);
  return instant;
}
