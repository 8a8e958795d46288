// Courses: the header as authors write it, the schema's rules, the order of the training section,
// the facts shown, the calendar file and the structured data.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { readCourseHeader } from '../../src/content/format/course-header';
import { isUpcoming, orderCourses } from '../../src/content/model/courses-order';
import { parsePelicanSource } from '../../src/content/format/pelican-header';
import { imageAsPath } from '../../src/content/format/read-entry';
import { courseSchema } from '../../src/content/schemas/course';
import { courseSeats, coursePrice, courseWhen, mapUrl, placeLines } from '../../src/lib/course-facts';
import { icalendar } from '../../src/lib/icalendar';
import { courseJsonLd } from '../../src/lib/json-ld';

const read = (header: string) => readCourseHeader({ displayPath: 'content/training/c.md', ...parsePelicanSource(`${header}\n\nSyllabus.\n`) }, 'Europe/Madrid');
/** The schema's verdict, as the loader reports it: header key and message. */
const verdict = (header: string) => {
  const { data, problems } = read(header);
  const result = courseSchema({ image: imageAsPath }).safeParse(data);
  return [...problems.map((p) => `${p.field}: ${p.message}`), ...(result.success ? [] : result.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`))];
};
const OPEN = 'Title: ML in Production\nStatus: open\nCity: Madrid\nStart: 2027-03-06 10:00\nEnd: 2027-03-13 18:00\nRegistration_url: https://tickets.example/ml';

describe('a course header', () => {
  it('reads Sessions: the days a course meets, which give its start and end', () => {
    const { data, problems } = read(`${OPEN.replace(/\n(Start|End): [^\n]*/g, '')}\nSessions: 2027-03-06 10:00-14:00; 2027-03-13 10:00–14:00`);
    expect(problems).toEqual([]);
    expect(data['sessions']).toEqual([
      { start: new Date('2027-03-06T09:00:00Z'), end: new Date('2027-03-06T13:00:00Z'), hasTime: true },
      { start: new Date('2027-03-13T09:00:00Z'), end: new Date('2027-03-13T13:00:00Z'), hasTime: true },
    ]);
    expect(data).toMatchObject({ start: new Date('2027-03-06T09:00:00Z'), end: new Date('2027-03-13T13:00:00Z'), startHasTime: true, endHasTime: true });
    expect(courseWhen(data as never, 'Europe/Madrid', 'en')).toBe('March 6, 2027, 10:00–14:00 and March 13, 2027, 10:00–14:00');
    expect(read(`${OPEN}\nSessions: 6 March`).problems[0]).toMatchObject({ field: 'sessions', value: '6 March' });
  });


  it('becomes typed data: dates in the site zone, numbers, lists, a slug from the title', () => {
    const { data, problems } = read(`${OPEN}\nPrice: 690\nSeats: 20\nSeats_left: 3\nDuration: 14\nInstructors: Pedro Muñoz Botas, Ana López\nCountry: ES`);
    expect(problems).toEqual([]);
    expect(data).toMatchObject({
      title: 'ML in Production',
      slug: 'ml-in-production',
      status: 'open',
      start: new Date('2027-03-06T09:00:00Z'),
      startHasTime: true,
      price: 690,
      seats: 20,
      seatsLeft: 3,
      duration: 14,
      instructors: ['Pedro Muñoz Botas', 'Ana López'],
      registrationUrl: 'https://tickets.example/ml',
    });
    expect(verdict(OPEN)).toEqual([]);
  });

  it('may leave dates, price and registration out while announced', () => {
    expect(verdict('Title: Soon\nStatus: announced\nCity: Madrid')).toEqual([]);
  });

  it('names each mistake by its header key', () => {
    expect(verdict('Title: X\nStatus: open\nCity: Madrid\nStart: 2027-03-06')).toEqual([
      'registrationUrl: is required when the status is open (add a "Registration_url:" line with the sign-up page)',
    ]);
    expect(verdict(`${OPEN.replace('End: 2027-03-13 18:00', 'End: 2027-03-01')}`)).toEqual(['end: is before the start']);
    expect(verdict('Title: X\nStatus: finished\nCity: Madrid')).toEqual([
      'start: is required when the status is finished (only an announced course may leave its dates out)',
    ]);
    expect(verdict('Title: X\nStatus: postponed\nCity: Madrid')).toEqual(['status: is not a course status (expected announced, open, sold-out or finished)']);
    expect(verdict('Title: X\nStatus: announced')).toEqual(['city: is missing (add a "City:" line, e.g. "City: Madrid")']);
    expect(verdict(`${OPEN}\nSeats: 10\nSeats_left: 12`)).toEqual(['seatsLeft: is more than the 10 seats of the course']);
    expect(verdict(`${OPEN}\nCurrency: euros`)).toEqual(['currency: must be a three-letter currency code such as EUR']);
  });

  it('reports unreadable values and unknown keys with their line', () => {
    const { problems } = read('Title: X\nStatus: announced\nCity: Madrid\nStart: next spring\nPrice: 690€\nVenu: Impact Hub');
    expect(problems.map(({ line, field, message }) => `${line} ${field} ${message.split(' (')[0]}`)).toEqual([
      '5 price is not a number',
      '4 start is not a date',
      '6 venu is not a course field',
    ]);
  });
});

describe('the training section', () => {
  const course = (title: string, status: string, start?: string, end?: string) => ({
    data: { title, status, start: start ? new Date(start) : undefined, end: end ? new Date(end) : undefined },
  });
  const now = new Date('2027-01-15T12:00:00Z');

  it('lists upcoming courses by start, undated ones after, then past ones newest first', () => {
    const { upcoming, past } = orderCourses(
      [
        course('Announced', 'announced'),
        course('Later', 'open', '2027-05-01'),
        course('Sooner', 'open', '2027-02-01'),
        course('Old', 'finished', '2025-03-01'),
        course('Last year', 'open', '2026-03-01', '2026-03-02'),
      ],
      now,
    );
    expect(upcoming.map(({ data }) => data.title)).toEqual(['Sooner', 'Later', 'Announced']);
    expect(past.map(({ data }) => data.title)).toEqual(['Last year', 'Old']);
  });

  it('keeps a course upcoming until the end of its last day', () => {
    expect(isUpcoming(course('Today', 'open', '2027-01-15T00:00:00Z'), now)).toBe(true);
    expect(isUpcoming(course('Yesterday', 'open', '2027-01-14T00:00:00Z'), now)).toBe(false);
  });
});

describe('course facts', () => {
  it('say when, in the site language and zone', () => {
    const dates = { startHasTime: true, endHasTime: true };
    expect(courseWhen({ startHasTime: false, endHasTime: false }, 'Europe/Madrid', 'en')).toBe('Dates coming soon');
    expect(courseWhen({ ...dates, start: new Date('2027-03-06T09:00:00Z') }, 'Europe/Madrid', 'en')).toBe('March 6, 2027, 10:00');
    expect(courseWhen({ ...dates, start: new Date('2027-03-06T09:00:00Z'), end: new Date('2027-03-06T13:00:00Z') }, 'Europe/Madrid', 'en')).toBe('March 6, 2027, 10:00–14:00');
    expect(courseWhen({ startHasTime: false, endHasTime: false, start: new Date('2027-03-05T23:00:00Z'), end: new Date('2027-03-12T23:00:00Z') }, 'Europe/Madrid', 'en')).toBe('March 6, 2027 – March 13, 2027');
  });

  it('say the price, the seats and where', () => {
    expect(coursePrice(690, 'EUR', 'en')).toBe('€690');
    expect(coursePrice(690, 'EUR', 'es')).toBe('690\u00a0€');
    expect(coursePrice(0, 'EUR', 'en')).toBe('Free');
    expect(coursePrice(undefined, 'EUR', 'en')).toBeUndefined();
    expect(courseSeats(20, 3, 'en')).toBe('3 of 20 seats left');
    expect(courseSeats(20, 0, 'en')).toBe('No seats left (of 20)');
    expect(courseSeats(20, undefined, 'en')).toBe('20 seats');
    expect(courseSeats(20, 1, 'es')).toBe('Queda 1 de 20 plazas');
    expect(courseWhen({ startHasTime: false, endHasTime: false }, 'Europe/Madrid', 'es')).toBe('Fechas próximamente');
    expect(placeLines({ venue: 'Impact Hub', address: 'Calle Alameda 22, Madrid', city: 'Madrid' })).toEqual(['Impact Hub', 'Calle Alameda 22, Madrid']);
    expect(placeLines({ venue: 'Impact Hub', city: 'Madrid' })).toEqual(['Impact Hub', 'Madrid']);
    expect(mapUrl(['Impact Hub', undefined, 'Madrid'])).toBe('https://www.openstreetmap.org/search?query=Impact%20Hub%2C%20Madrid');
  });
});

describe('the calendar file', () => {
  const event = {
    uid: 'ml@thegurus.example',
    title: 'ML in Production — Madrid',
    description: 'Two Saturdays; hands-on, bring a laptop.\nhttps://thegurus.example/training/ml/',
    location: 'Impact Hub, Calle de la Alameda 22, Madrid',
    url: 'https://thegurus.example/training/ml/',
    start: new Date('2027-03-06T09:00:00Z'),
    end: new Date('2027-03-13T17:00:00Z'),
    allDay: false,
    timeZone: 'Europe/Madrid',
    stamp: new Date('2027-03-06T09:00:00Z'),
  };

  it('is valid iCalendar that a calendar library reads back', () => {
    const text = icalendar(event, '-//The Gurus//Training//EN');
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!;
    const parsed = new ICAL.Event(vevent);
    expect(parsed.summary).toBe('ML in Production — Madrid');
    expect(parsed.location).toBe('Impact Hub, Calle de la Alameda 22, Madrid');
    expect(parsed.description).toBe(event.description);
    expect(parsed.startDate.toJSDate().toISOString()).toBe('2027-03-06T09:00:00.000Z');
    expect(parsed.endDate.toJSDate().toISOString()).toBe('2027-03-13T17:00:00.000Z');
    expect(parsed.uid).toBe('ml@thegurus.example');
  });

  it('writes a course that meets on some days as one event per session', () => {
    const sessions = [
      { ...event, uid: 'ml-1@thegurus.example', start: new Date('2027-03-06T09:00:00Z'), end: new Date('2027-03-06T13:00:00Z') },
      { ...event, uid: 'ml-2@thegurus.example', start: new Date('2027-03-13T09:00:00Z'), end: new Date('2027-03-13T13:00:00Z') },
    ];
    const events = new ICAL.Component(ICAL.parse(icalendar(sessions, '-//x//EN'))).getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    expect(events.map((found) => [found.uid, found.startDate.toJSDate().toISOString(), found.endDate.toJSDate().toISOString()])).toEqual([
      ['ml-1@thegurus.example', '2027-03-06T09:00:00.000Z', '2027-03-06T13:00:00.000Z'],
      ['ml-2@thegurus.example', '2027-03-13T09:00:00.000Z', '2027-03-13T13:00:00.000Z'],
    ]);
  });

  it('writes whole days as dates, the end day included', () => {
    const text = icalendar({ ...event, allDay: true, start: new Date('2027-03-05T23:00:00Z'), end: new Date('2027-03-12T23:00:00Z') }, '-//x//EN');
    expect(text).toContain('DTSTART;VALUE=DATE:20270306\r\n');
    expect(text).toContain('DTEND;VALUE=DATE:20270314\r\n');
  });
});

describe('the Course structured data', () => {
  it('has an onsite instance in a Madrid place, with dates and an offer when known', () => {
    const jsonLd = courseJsonLd({
      title: 'ML in Production',
      description: 'Hands-on.',
      url: 'https://x.example/training/ml/',
      lang: 'en',
      provider: { name: 'The Gurus', url: 'https://x.example/' },
      instructors: ['Pedro Muñoz Botas'],
      venue: 'Impact Hub',
      address: 'Calle de la Alameda 22',
      city: 'Madrid',
      country: 'ES',
      startDate: '2027-03-06T10:00:00+01:00',
      endDate: undefined,
      workload: 'PT14H',
      price: 690,
      currency: 'EUR',
      availability: 'https://schema.org/InStock',
      offerUrl: 'https://tickets.example/ml',
    });
    expect(jsonLd).toMatchObject({
      '@type': 'Course',
      hasCourseInstance: [
        {
          '@type': 'CourseInstance',
          courseMode: 'onsite',
          startDate: '2027-03-06T10:00:00+01:00',
          location: { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Madrid', addressCountry: 'ES', streetAddress: 'Calle de la Alameda 22' } },
        },
      ],
      offers: [{ '@type': 'Offer', price: 690, priceCurrency: 'EUR' }],
    });
    expect(jsonLd['hasCourseInstance']).not.toHaveProperty('0.endDate');
  });
});
