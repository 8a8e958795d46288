import { getCollection, type CollectionEntry } from 'astro:content';
import site from '@site-config';
import { expandUrlPattern } from '../lib/url-patterns';
import { oncePerBuild } from './per-build';

export type Course = CollectionEntry<'courses'>;

/** The URL of a course's page, from the site's URL settings. */
export const courseUrl = (course: Pick<Course, 'data'>): string => expandUrlPattern(site.urls.course, { slug: course.data.slug }, site.timeZone);

/** The URL of the training section. */
export const coursesUrl = (): string => expandUrlPattern(site.urls.courses, {}, site.timeZone);

/** The URL of a course's calendar file (`.ics`), next to its page. */
export const courseCalendarUrl = (course: Pick<Course, 'data'>): string => `/training/${course.data.slug}.ics`;

type Dated = { data: { status: string; start?: Date | undefined; end?: Date | undefined; title: string } };

/** Whether a course is still ahead (or running): not finished, and not ended before `now`. */
export function isUpcoming(course: Dated, now: Date): boolean {
  if (course.data.status === 'finished') return false;
  const last = course.data.end ?? course.data.start;
  // A course ends at the end of its last day: a date without a time is that day's midnight.
  return last === undefined || last.getTime() + 86_400_000 > now.getTime();
}

/**
 * The training section's order: upcoming courses by start date, those without dates (announced)
 * after them; then past courses, the most recent first.
 */
export function orderCourses<T extends Dated>(courses: readonly T[], now: Date): { upcoming: T[]; past: T[] } {
  const start = (course: T) => course.data.start?.getTime() ?? Number.POSITIVE_INFINITY;
  const byTitle = (a: T, b: T) => a.data.title.localeCompare(b.data.title);
  const upcoming = courses.filter((course) => isUpcoming(course, now)).sort((a, b) => start(a) - start(b) || byTitle(a, b));
  const past = courses.filter((course) => !isUpcoming(course, now)).sort((a, b) => start(b) - start(a) || byTitle(a, b));
  return { upcoming, past };
}

/** Every course, in the training section's order as of this build. */
export const orderedCourses = oncePerBuild(async () => orderCourses(await getCollection('courses'), new Date()));

/** The course to announce in banners: the next one announced or open for registration. */
export const announcedCourse = oncePerBuild(async (): Promise<Course | undefined> =>
  (await orderedCourses()).upcoming.find(({ data }) => data.status === 'announced' || data.status === 'open'),
);

/** A course's slug → title, for the newsletter's emails. */
export const courseTitles = oncePerBuild(async (): Promise<Map<string, string>> => new Map((await getCollection('courses')).map(({ data }) => [data.slug, data.title])));
