import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import site from '@site-config';
import { courseUrl, type Course } from '../../content/queries/courses';
import { icalendar } from '../../lib/icalendar';

/** A calendar file for each course whose dates are fixed. */
export const getStaticPaths = (async () =>
  (await getCollection('courses'))
    .filter((course) => course.data.start)
    .map((course) => ({ params: { slug: course.data.slug }, props: { course } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { data } = props['course'] as Course;
  const url = new URL(courseUrl({ data }), site.url).href;
  const body = icalendar(
    {
      uid: `${data.slug}@${new URL(site.url).hostname}`,
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
    },
    `-//${site.title}//Training//EN`,
  );
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
