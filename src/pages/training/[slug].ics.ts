import type { APIRoute, GetStaticPaths } from 'astro';
import site from '@site-config';
import { courseUrl, type Course } from '../../content/queries/courses';
import { icalendar } from '../../lib/icalendar';
import { courseEntries } from '../../content/queries/optional-collections';

/** A calendar file for each course whose dates are fixed. */
export const getStaticPaths = (async () =>
  (await courseEntries())
    .filter((course) => course.data.start)
    .map((course) => ({ params: { slug: course.data.slug }, props: { course } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { data } = props['course'] as Course;
  const url = new URL(courseUrl({ data }), site.url).href;
  const host = new URL(site.url).hostname;
  const event = {
    uid: `${data.slug}@${host}`,
    title: data.title,
    description: [data.summary, data.schedule, url].filter(Boolean).join('\n\n'),
    location: [data.venue, data.address, data.city].filter(Boolean).join(', '),
    url,
    start: data.start!,
    end: data.end,
    allDay: !data.startHasTime,
    timeZone: site.timeZone,
    // The course's start, not the build's time: the same content makes the same file.
    stamp: data.start!,
  };
  // A course that meets on some days is an event each day (two Saturdays are not a week-long event).
  const events =
    data.sessions.length > 0
      ? data.sessions.map((session, index) => ({ ...event, uid: `${data.slug}-${index + 1}@${host}`, start: session.start, end: session.end, allDay: !session.hasTime }))
      : [event];
  const body = icalendar(events, `-//${site.title}//Training//EN`);
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
