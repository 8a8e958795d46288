import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePelicanDate } from '../../src/content/format/pelican-date';

const madrid = (value: string) => parsePelicanDate(value, 'Europe/Madrid')?.toISOString();

describe('parsePelicanDate', () => {
  it.each([
    ['2019-06-04', '2019-06-03T22:00:00.000Z'],
    ['2019/06/04', '2019-06-03T22:00:00.000Z'],
    ['04-06-2019', '2019-06-03T22:00:00.000Z'],
    ['04/06/2019', '2019-06-03T22:00:00.000Z'],
    ['04.06.2019', '2019-06-03T22:00:00.000Z'],
    ['2019-06-04 10:30', '2019-06-04T08:30:00.000Z'],
    ['2019-06-04 10:30:15', '2019-06-04T08:30:15.000Z'],
    ['2019-06-04_10:30', '2019-06-04T08:30:00.000Z'],
    ['04.06.2019 10:30', '2019-06-04T08:30:00.000Z'],
    ['2019-06-04T10:30:00', '2019-06-04T08:30:00.000Z'],
    ['2019-06-04T10:30:00.250', '2019-06-04T08:30:00.250Z'],
    ['2019-06-04T10:30:00Z', '2019-06-04T10:30:00.000Z'],
    ['2019-06-04T10:30:00+05:30', '2019-06-04T05:00:00.000Z'],
    ['2019-06-04T10:30:00-0300', '2019-06-04T13:30:00.000Z'],
    ['2019-01-15 09:00', '2019-01-15T08:00:00.000Z'],
    ['  2019-06-04  ', '2019-06-03T22:00:00.000Z'],
  ])('reads %s in Madrid time', (value, expected) => {
    expect(madrid(value)).toBe(expected);
  });

  it('reads wall times in the zone it is given', () => {
    expect(parsePelicanDate('2019-06-04 10:00', 'America/New_York')?.toISOString()).toBe('2019-06-04T14:00:00.000Z');
    expect(parsePelicanDate('2019-06-04 10:00', 'UTC')?.toISOString()).toBe('2019-06-04T10:00:00.000Z');
  });

  it('resolves a wall time skipped by the spring DST jump forward', () => {
    expect(madrid('2019-03-31 02:30')).toBe('2019-03-31T01:30:00.000Z');
  });

  it.each(['2019-13-04', '2019-02-30', '31/04/2019', '2019-06-04 25:00', '2019-06-04 10:61', 'June 31, 2019', 'yesterday', '', '2019-06-04T10:00:00+5'])(
    'refuses %j',
    (value) => {
      expect(madrid(value)).toBeUndefined();
    },
  );
});

describe('parsePelicanDate reads dates as Pelican does', () => {
  // Written by Pelican itself: scripts/pelican/expected-dates.py.
  const expected = JSON.parse(readFileSync(new URL('../fixtures/dates/expected.json', import.meta.url), 'utf8')) as {
    timeZone: string;
    cases: { value: string; instant: string | null }[];
  };
  it.each(expected.cases.map((c) => [c.value, c.instant] as const))('%j', (value, instant) => {
    const read = parsePelicanDate(value, expected.timeZone, 'month-first');
    expect(read?.toISOString() ?? null).toBe(instant === null ? null : new Date(instant).toISOString());
  });
});
