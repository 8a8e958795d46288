/** A calendar date and wall-clock time with no zone attached. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether `timeZone` is an IANA zone name this runtime knows, such as `Europe/Madrid`. */
export function isTimeZone(timeZone: string): boolean {
  try {
    partsFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Wall times already worked out, by zone and instant: a build shows each post's date on its page,
 * in several listings and feeds, and `formatToParts` took 3.5 s of a 10,000-post build. Capped,
 * for a dev server that runs for days.
 */
const wallTimes = new Map<string, WallTime>();
const WALL_TIMES_KEPT = 100_000;

/** The wall time an instant shows in a zone. */
export function wallTimeIn(instant: Date, timeZone: string): WallTime {
  const key = `${timeZone}\0${instant.getTime()}`;
  let wall = wallTimes.get(key);
  if (!wall) {
    if (wallTimes.size >= WALL_TIMES_KEPT) wallTimes.clear();
    wall = computeWallTime(instant, timeZone);
    wallTimes.set(key, wall);
  }
  // A copy: callers may change what they get.
  return { ...wall };
}

function computeWallTime(instant: Date, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts['year'] ?? 0,
    month: parts['month'] ?? 0,
    day: parts['day'] ?? 0,
    hour: parts['hour'] ?? 0,
    minute: parts['minute'] ?? 0,
    second: parts['second'] ?? 0,
    millisecond: instant.getUTCMilliseconds(),
  };
}

function asUtc(wall: WallTime): number {
  const utc = new Date(0);
  utc.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  utc.setUTCHours(wall.hour, wall.minute, wall.second, wall.millisecond);
  return utc.getTime();
}

/** Minutes a zone is ahead of UTC at an instant (Madrid in summer: 120). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  return Math.round((asUtc(wallTimeIn(instant, timeZone)) - instant.getTime()) / 60_000);
}

/**
 * The instant at which a zone's clocks show a wall time, as Python's zoneinfo resolves it for
 * Pelican (`fold=0`): a time shown twice when the clocks go back is the first of the two, a time
 * the clocks skip going forward is read with the offset before the jump (02:30 on the night Madrid
 * moves to summer time is 03:30 summer time).
 *
 * @example zonedTimeToInstant({ year: 2019, month: 6, day: 4, hour: 0, ... }, 'Europe/Madrid').toISOString() // '2019-06-03T22:00:00.000Z'
 */
export function zonedTimeToInstant(wall: WallTime, timeZone: string): Date {
  const guess = asUtc(wall);
  const halfDay = 12 * 3_600_000;
  // The offsets before and after any change of the clocks near this time.
  const before = guess - offsetMinutes(new Date(guess - halfDay), timeZone) * 60_000;
  const after = guess - offsetMinutes(new Date(guess + halfDay), timeZone) * 60_000;
  const shows = (instant: number) => asUtc(wallTimeIn(new Date(instant), timeZone)) === guess;
  if (shows(before)) return new Date(before);
  if (shows(after)) return new Date(after);
  return new Date(before);
}

function pad(value: number, width = 2): string {
  return String(Math.abs(value)).padStart(width, '0');
}

/**
 * ISO 8601 with the zone's offset, as schema.org and feeds want it.
 *
 * @example toZonedIso(new Date('2019-06-03T22:00:00Z'), 'Europe/Madrid') // '2019-06-04T00:00:00+02:00'
 */
export function toZonedIso(instant: Date, timeZone: string): string {
  const wall = wallTimeIn(instant, timeZone);
  const offset = offsetMinutes(instant, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const date = `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
  const time = `${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`;
  return `${date}T${time}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}
