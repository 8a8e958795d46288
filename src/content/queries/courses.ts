import type { CollectionEntry } from 'astro:content';
import site from '@site-config';
import { expandUrlPattern } from '../../lib/url-patterns';
import { orderCourses } from '../model/courses-order';
import { oncePerBuild } from './per-build';
import { courseEntries } from './optional-collections';

export type Course = CollectionEntry<'courses'>;

/** The URL of a course's page, from the site's URL settings. */
export const courseUrl = (course: Pick<Course, 'data'>): string => expandUrlPattern(site.urls.course, { slug: course.data.slug }, site.timeZone);

/** The URL of the training section. */
export const coursesUrl = (): string => expandUrlPattern(site.urls.courses, {}, site.timeZone);

/** The URL of a course's calendar file (`.ics`), next to its page. */
export const courseCalendarUrl = (course: Pick<Course, 'data'>): string => `/training/${course.data.slug}.ics`;

/** Every course, in the training section's order as of this build. */
export const orderedCourses = oncePerBuild(async () => orderCourses(await courseEntries(), new Date()));

/** The course to announce in banners: the next one announced or open for registration. */
export const announcedCourse = oncePerBuild(async (): Promise<Course | undefined> =>
  (await orderedCourses()).upcoming.find(({ data }) => data.status === 'announced' || data.status === 'open'),
);

/** A course's slug → title, for the newsletter's emails. */
export const courseTitles = oncePerBuild(async (): Promise<Map<string, string>> => new Map((await courseEntries()).map(({ data }) => [data.slug, data.title])));
