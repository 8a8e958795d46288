import type { ContentProblem } from './content-error';
import type { HeaderFile } from '../loaders/header-files-loader';
import { courseSchema } from '../schemas/course';
import { EXPECTED_DATE, parsePelicanDate } from './pelican-date';
import { splitList } from './pelican-metadata';
import { slugify } from '../../lib/slugify';

/** Header keys of a course whose value is text, as written. */
const TEXT_KEYS = ['title', 'summary', 'status', 'city', 'venue', 'address', 'country', 'schedule', 'language', 'level', 'currency', 'audience', 'prerequisites', 'registration_url', 'header_cover'];
const NUMBER_KEYS = ['duration', 'price', 'seats', 'seats_left'];
const LIST_KEYS = ['instructors', 'tags'];
const DATE_KEYS = ['start', 'end'];
const KNOWN = new Set([...TEXT_KEYS, ...NUMBER_KEYS, ...LIST_KEYS, ...DATE_KEYS, 'slug', 'sessions']);

/** One session as `Sessions:` writes it: a day, and a time or a time range (`2027-03-06 10:00-14:00`). */
const SESSION = /^(\d{4}-\d{2}-\d{2})(?:\s+(\d{1,2}:\d{2})(?:\s*[-–]\s*(\d{1,2}:\d{2}))?)?$/;

const camel = (key: string) => key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
const HAS_TIME = /\d{1,2}:\d{2}/;

/**
 * A course's header as data for the course schema: dates read as Pelican reads `Date:` (wall times
 * in the site's zone), numbers as numbers, lists split like tags. Values that cannot be read, and
 * keys no course has (a typo would silently lose a fact), are problems with their line.
 */
export function readCourseHeader({ displayPath, fields }: HeaderFile, timeZone: string): { data: Record<string, unknown>; problems: ContentProblem[] } {
  const data: Record<string, unknown> = {};
  const problems: ContentProblem[] = [];
  const value = (key: string) => fields.get(key)?.values.join(' ').trim() || undefined;
  const problem = (key: string, written: string, message: string) =>
    problems.push({ file: displayPath, line: fields.get(key)?.line ?? 1, field: key, value: written, message });

  for (const key of TEXT_KEYS) {
    const written = value(key);
    if (written !== undefined) data[camel(key)] = key === 'status' ? written.toLowerCase() : written;
  }
  if (typeof data['headerCover'] === 'string') data['headerCover'] = String(data['headerCover']).replace(/^\/+/, '');
  data['slug'] = value('slug') ?? slugify(value('title') ?? '');
  for (const key of NUMBER_KEYS) {
    const written = value(key);
    if (written === undefined) continue;
    const number = /^\d+(?:\.\d+)?$/.test(written) ? Number(written) : NaN;
    if (Number.isNaN(number)) problem(key, written, 'is not a number (write digits, with a decimal point if needed: 16, 1290, 7.5)');
    else data[camel(key)] = number;
  }
  for (const key of LIST_KEYS) data[key] = splitList(fields.get(key)?.values ?? []);
  for (const key of DATE_KEYS) {
    const written = value(key);
    if (written === undefined) continue;
    const date = parsePelicanDate(written, timeZone);
    if (!date) problem(key, written, `is not a date (${EXPECTED_DATE})`);
    else {
      data[key] = date;
      data[`${key}HasTime`] = HAS_TIME.test(written);
    }
  }
  // `Sessions: 2027-03-06 10:00-14:00; 2027-03-13 10:00-14:00`: the days a course meets. Without
  // `Start:`/`End:`, the first and the last of them are the course's start and end.
  const sessionsWritten = value('sessions');
  if (sessionsWritten !== undefined) {
    const sessions: { start: Date; end?: Date; hasTime: boolean }[] = [];
    for (const written of sessionsWritten.split(';').map((part) => part.trim()).filter(Boolean)) {
      const match = SESSION.exec(written);
      const start = match ? parsePelicanDate(match[2] ? `${match[1]} ${match[2]}` : match[1]!, timeZone) : undefined;
      const end = match?.[3] ? parsePelicanDate(`${match[1]} ${match[3]}`, timeZone) : undefined;
      if (!match || !start || (match[3] && !end)) {
        problem('sessions', written, 'is not a session (write each as a day and its hours, separated by semicolons: 2027-03-06 10:00-14:00; 2027-03-13 10:00-14:00)');
        continue;
      }
      sessions.push({ start, ...(end ? { end } : {}), hasTime: Boolean(match[2]) });
    }
    data['sessions'] = sessions;
    const [first, last] = [sessions[0], sessions.at(-1)];
    if (first && data['start'] === undefined) {
      data['start'] = first.start;
      data['startHasTime'] = first.hasTime;
    }
    if (last && data['end'] === undefined) {
      data['end'] = last.end ?? last.start;
      data['endHasTime'] = last.end !== undefined;
    }
  }
  for (const [key, field] of fields) {
    if (!KNOWN.has(key)) problem(key, field.values.join(' '), `is not a course field (known: ${[...KNOWN].sort().join(', ')})`);
  }
  return { data, problems };
}

/** How course files are read, for the loader and for `npm run check`. */
export const courseFiles = (timeZone: string) =>
  ({
    role: 'course',
    noun: 'course',
    schema: courseSchema,
    imageFields: ['headerCover'],
    read: (file: HeaderFile) => readCourseHeader(file, timeZone),
  }) as const;
