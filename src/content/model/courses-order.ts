// The training section's order, apart from Astro's collections so that it can be tested alone.

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
