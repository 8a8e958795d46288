import { z } from 'astro/zod';
import type { SchemaContext } from 'astro/content/config';
import { commonFields } from './fields';

/**
 * Where a course stands: `announced` (dates not fixed yet), `open` (registration open),
 * `sold-out`, `finished`.
 */
export const COURSE_STATUSES = ['announced', 'open', 'sold-out', 'finished'] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];

const text = z.string().min(1, 'is empty');

/** A course: `content/training/*.md`, a Pelican-style header and the syllabus as the body. */
export const courseSchema = ({ image }: SchemaContext) =>
  z
    .object({
      title: commonFields.title,
      slug: commonFields.slug,
      /** One or two sentences for listings, search results and link previews. */
      summary: z.string().default(''),
      status: z.enum(COURSE_STATUSES, { error: 'is not a course status (expected announced, open, sold-out or finished)' }),
      city: z.string({ error: 'is missing (add a "City:" line, e.g. "City: Madrid")' }).min(1, 'is empty'),
      venue: text.optional(),
      /** Street address, for the map link and the calendar entry. */
      address: text.optional(),
      /** Country of the venue, a two-letter ISO code such as ES, for search engines. */
      country: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as ES').optional(),
      /** First day (a date, or a date and time); may be left out while the course is announced. */
      start: z.date().optional(),
      end: z.date().optional(),
      /** Whether `start`/`end` were written with a time of day, or are whole days. */
      startHasTime: z.boolean().default(false),
      endHasTime: z.boolean().default(false),
      /** The days the course meets (`Sessions:`), each with its hours when written; none: every day from start to end. */
      sessions: z.array(z.object({ start: z.date(), end: z.date().optional(), hasTime: z.boolean() })).default([]),
      /** When the sessions are, in words, e.g. "Saturdays 10:00–14:00". */
      schedule: text.optional(),
      /** Teaching hours in all. */
      duration: z.number().positive('must be more than 0 hours').optional(),
      language: text.optional(),
      level: text.optional(),
      price: z.number().nonnegative('cannot be negative').optional(),
      currency: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter currency code such as EUR').default('EUR'),
      /** Places in all, and places still free when known. */
      seats: z.number().int('must be a whole number').positive('must be at least 1').optional(),
      seatsLeft: z.number().int('must be a whole number').nonnegative('cannot be negative').optional(),
      /** Names, as posts write their authors, so they link to the author pages. */
      instructors: z.array(z.string()).default([]),
      registrationUrl: z.url({ error: 'must be an absolute URL such as https://…' }).optional(),
      headerCover: image().optional(),
      /** Who the course is for. */
      audience: text.optional(),
      /** What attendees should know beforehand. */
      prerequisites: text.optional(),
      /** Tags, as posts have: posts sharing one are shown as related reading. */
      tags: z.array(z.string()).default([]),
    })
    .superRefine((course, context) => {
      if (course.status === 'open' && !course.registrationUrl) {
        context.addIssue({ code: 'custom', path: ['registrationUrl'], message: 'is required when the status is open (add a "Registration_url:" line with the sign-up page)' });
      }
      if (course.status !== 'announced' && !course.start) {
        context.addIssue({ code: 'custom', path: ['start'], message: `is required when the status is ${course.status} (only an announced course may leave its dates out)` });
      }
      if (course.start && course.end && course.end < course.start) {
        context.addIssue({ code: 'custom', path: ['end'], message: 'is before the start' });
      }
      for (const [index, session] of course.sessions.entries()) {
        if (session.end && session.end <= session.start) context.addIssue({ code: 'custom', path: ['sessions', index], message: 'ends before it starts' });
        const previous = course.sessions[index - 1];
        if (previous && session.start < previous.start) context.addIssue({ code: 'custom', path: ['sessions', index], message: 'comes before the session written before it (write them in order)' });
      }
      if (course.end && !course.start) {
        context.addIssue({ code: 'custom', path: ['start'], message: 'is missing while an end is given' });
      }
      if (course.seats !== undefined && course.seatsLeft !== undefined && course.seatsLeft > course.seats) {
        context.addIssue({ code: 'custom', path: ['seatsLeft'], message: `is more than the ${course.seats} seats of the course` });
      }
    });
