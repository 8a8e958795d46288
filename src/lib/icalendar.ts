/** One event of a calendar file. */
export interface CalendarEvent {
  /** Stays the same across builds, so that a re-import updates the event instead of adding one. */
  uid: string;
  title: string;
  description: string;
  location: string;
  url: string;
  start: Date;
  end?: Date | undefined;
  /** Whole days (`DATE` values in the site's zone) rather than times. */
  allDay: boolean;
  timeZone: string;
  /** When the file was made (DTSTAMP). */
  stamp: Date;
}

/** RFC 5545 text: backslash, semicolon, comma and new lines escaped. */
const escapeText = (text: string) => text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** A UTC date-time: `20270306T090000Z`. */
const utc = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** A calendar day in a zone: `20270306`. */
function day(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(date);
  return parts.replace(/-/g, '');
}

/** The day after a `YYYYMMDD` day: DTEND of an all-day event is exclusive. */
function nextDay(value: string): string {
  const date = new Date(Date.UTC(Number(value.slice(0, 4)), Number(value.slice(4, 6)) - 1, Number(value.slice(6, 8)) + 1));
  return date.toISOString().slice(0, 10).replace(/-/g, '');
}

/** Lines longer than 75 octets are folded (RFC 5545 §3.1), never inside a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    if (bytes + size > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += char;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/**
 * An iCalendar file (RFC 5545) of one event or several (a course's sessions), as calendar apps
 * import it. Timed events are written in UTC, so no VTIMEZONE is needed; whole-day events as
 * dates in the course's zone.
 */
export function icalendar(events: CalendarEvent | readonly CalendarEvent[], productId: string): string {
  const vevents = [events].flat().flatMap((event) => {
    const startDay = day(event.start, event.timeZone);
    const dates = event.allDay
      ? [`DTSTART;VALUE=DATE:${startDay}`, `DTEND;VALUE=DATE:${nextDay(event.end ? day(event.end, event.timeZone) : startDay)}`]
      : [`DTSTART:${utc(event.start)}`, ...(event.end ? [`DTEND:${utc(event.end)}`] : [])];
    return [
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      `DTSTAMP:${utc(event.stamp)}`,
      ...dates,
      `SUMMARY:${escapeText(event.title)}`,
      `DESCRIPTION:${escapeText(event.description)}`,
      `LOCATION:${escapeText(event.location)}`,
      `URL:${event.url}`,
      'END:VEVENT',
    ];
  });
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${productId}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', ...vevents, 'END:VCALENDAR'];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
