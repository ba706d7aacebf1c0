import { describe, expect, it } from 'vitest';
import { calendarDay, parseNewsDate, type NewsDate } from '../../src/content/dates.ts';
import { callUnderTz } from '../helpers/time-zones.ts';
import { zoneSnapshot } from '../helpers/date-snapshot.ts';

const NEW_YORK = 'America/New_York';

/** Parse and fail the test with the reason when the date is rejected. */
function parse(value: string, timeZone = NEW_YORK): NewsDate {
  const result = parseNewsDate(value, timeZone);
  if ('error' in result) throw new Error(`Expected \`${value}\` to parse: ${result.error}`);
  return result;
}

/** The reason a date is rejected; fails the test when it is accepted. */
function reject(value: string, timeZone = NEW_YORK): string {
  const result = parseNewsDate(value, timeZone);
  if (!('error' in result)) throw new Error(`Expected \`${value}\` to be rejected, got ${result.instant.toISOString()}`);
  return result.error;
}

describe('parseNewsDate', () => {
  it('should read a date-only value as midnight in the newsroom zone in summer (−04:00)', () => {
    expect(parse('2025-08-22')).toEqual({
      instant: new Date('2025-08-22T04:00:00Z'),
      year: 2025,
      month: 8,
      day: 22,
      hasTime: false,
    });
  });

  it('should read a date-only value as midnight in the newsroom zone in winter (−05:00)', () => {
    expect(parse('2025-01-15').instant).toEqual(new Date('2025-01-15T05:00:00Z'));
  });

  it('should read a date-only value in the newsroom zone, not in UTC, for zones far from it', () => {
    const kiritimati = parse('2025-08-22', 'Pacific/Kiritimati');
    expect(kiritimati.instant).toEqual(new Date('2025-08-21T10:00:00Z'));
    expect([kiritimati.year, kiritimati.month, kiritimati.day]).toEqual([2025, 8, 22]);
  });

  it('should read a full ISO date-time with its own offset', () => {
    const date = parse('2025-08-22T09:30:00-04:00');
    expect(date.instant).toEqual(new Date('2025-08-22T13:30:00Z'));
    expect(date.hasTime).toBe(true);
  });

  it('should read an offset written without a colon', () => {
    expect(parse('2025-08-22T09:30:00+0530').instant).toEqual(new Date('2025-08-22T04:00:00Z'));
  });

  it('should read a date-time ending in `Z` as UTC', () => {
    expect(parse('2025-08-22T13:30:00Z').instant).toEqual(new Date('2025-08-22T13:30:00Z'));
  });

  it('should read a date-time without an offset as newsroom local time', () => {
    expect(parse('2025-08-22T09:30').instant).toEqual(new Date('2025-08-22T13:30:00Z'));
    expect(parse('2025-01-15 09:30:00').instant).toEqual(new Date('2025-01-15T14:30:00Z'));
  });

  it('should keep milliseconds', () => {
    expect(parse('2025-08-22T13:30:00.250Z').instant.toISOString()).toBe('2025-08-22T13:30:00.250Z');
  });

  it('should ignore spaces around the value', () => {
    expect(parse(' 2025-08-22 ').instant).toEqual(new Date('2025-08-22T04:00:00Z'));
  });

  it.each(['2024-02-30', '2024-13-01', '2023-02-29', '2025-04-31', '2025-00-10', '2025-08-00'])(
    'should reject the impossible date %s instead of rolling it over',
    (value) => {
      expect(reject(value)).toContain('not a real calendar date');
    },
  );

  it('should name the month and the missing day when rejecting an impossible date', () => {
    expect(reject('2024-02-30')).toBe('`2024-02-30` is not a real calendar date (February has no day 30)');
  });

  it('should accept the leap day of a leap year', () => {
    const date = parse('2024-02-29');
    expect([date.year, date.month, date.day]).toEqual([2024, 2, 29]);
    expect(date.instant).toEqual(new Date('2024-02-29T05:00:00Z'));
  });

  it.each(['next tuesday', 'August 22, 2025', '22/08/2025', '2025-8-22', '', '2025-08-22T09:30:00-04'])(
    'should reject `%s` and say which formats are expected',
    (value) => {
      expect(reject(value)).toContain('Expected a date as `YYYY-MM-DD`');
    },
  );

  it.each(['2025-08-22T24:00', '2025-08-22T12:60', '2025-08-22T12:00:60'])('should reject the impossible time %s', (value) => {
    expect(reject(value)).toContain('impossible time of day');
  });

  it('should give a sensible instant for a local time skipped by the spring DST change', () => {
    // On 2025-03-09 New York's clocks jump from 02:00 EST to 03:00 EDT, so 02:30 never happens.
    const date = parse('2025-03-09T02:30');
    expect(date.instant.getTime()).toBeGreaterThanOrEqual(Date.parse('2025-03-09T06:00:00Z'));
    expect(date.instant.getTime()).toBeLessThanOrEqual(Date.parse('2025-03-09T08:00:00Z'));
    expect([date.year, date.month, date.day]).toEqual([2025, 3, 9]);
  });

  it('should read a local time repeated by the autumn DST change as one of its two instants', () => {
    // On 2025-11-02 01:30 happens twice in New York: at 05:30Z (EDT) and at 06:30Z (EST).
    const date = parse('2025-11-02T01:30');
    expect(['2025-11-02T05:30:00.000Z', '2025-11-02T06:30:00.000Z']).toContain(date.instant.toISOString());
  });

  it('should read the dates of DST-change days as midnight on that day', () => {
    expect(parse('2025-03-09').instant).toEqual(new Date('2025-03-09T05:00:00Z'));
    expect(parse('2025-11-02').instant).toEqual(new Date('2025-11-02T04:00:00Z'));
  });

  it('should give the calendar day in the newsroom zone when a date-time is another day there', () => {
    const date = parse('2025-03-15T01:15:00+01:00');
    expect(date.instant).toEqual(new Date('2025-03-15T00:15:00Z'));
    expect([date.year, date.month, date.day]).toEqual([2025, 3, 14]);
  });

  // Regression: a bug found while writing these tests, now fixed.
  it('should place a date-only value on its own day where DST starts at midnight (America/Santiago)', () => {
    const date = parse('2025-09-07', 'America/Santiago');
    expect(calendarDay(date.instant, 'America/Santiago')).toEqual({ year: 2025, month: 9, day: 7 });
  });
});

describe('calendarDay', () => {
  it('should give the day in the zone, not in UTC', () => {
    const instant = new Date('2025-08-22T02:00:00Z');
    expect(calendarDay(instant, NEW_YORK)).toEqual({ year: 2025, month: 8, day: 21 });
    expect(calendarDay(instant, 'Asia/Tokyo')).toEqual({ year: 2025, month: 8, day: 22 });
  });
});

describe('machine time zone', () => {
  it('should give the same dates whatever the TZ of the machine (Pacific/Kiritimati, America/Los_Angeles)', async () => {
    const here = JSON.stringify(zoneSnapshot());
    const module = new URL('../helpers/date-snapshot.ts', import.meta.url);
    const [kiritimati, losAngeles] = await Promise.all([
      callUnderTz('Pacific/Kiritimati', module, 'zoneSnapshot'),
      callUnderTz('America/Los_Angeles', module, 'zoneSnapshot'),
    ]);
    // The children really ran in those zones, a whole day apart from each other.
    expect([kiritimati.timeZone, kiritimati.offset]).toEqual(['Pacific/Kiritimati', -14 * 60]);
    expect([losAngeles.timeZone, losAngeles.offset]).toEqual(['America/Los_Angeles', 7 * 60]);
    expect(kiritimati.output).toBe(here);
    expect(losAngeles.output).toBe(here);
  });
});
