import { describe, expect, it } from 'vitest';
import { isTimeZone, toZonedIso } from '../../src/lib/zoned-time';

describe('toZonedIso', () => {
  it('writes the wall time with the offset in force that day', () => {
    expect(toZonedIso(new Date('2019-06-03T22:00:00Z'), 'Europe/Madrid')).toBe('2019-06-04T00:00:00+02:00');
    expect(toZonedIso(new Date('2019-01-15T08:00:00Z'), 'Europe/Madrid')).toBe('2019-01-15T09:00:00+01:00');
    expect(toZonedIso(new Date('2019-06-04T14:00:00Z'), 'America/St_Johns')).toBe('2019-06-04T11:30:00-02:30');
  });

  it('knows real zone names only', () => {
    expect(isTimeZone('Europe/Madrid')).toBe(true);
    expect(isTimeZone('Europe/Springfield')).toBe(false);
  });
});
