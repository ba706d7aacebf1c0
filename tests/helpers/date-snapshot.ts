/**
 * Every zone-dependent result of the date code, for `tests/content/dates.test.ts` to compare across `TZ` values.
 */
import { calendarDay, parseNewsDate } from '../../src/content/dates.ts';
import { rfc822 } from '../../src/feeds/rss.ts';

const inputs = [
  '2025-08-22',
  '2025-01-15',
  '2024-02-29',
  '2025-03-09',
  '2025-11-02',
  '2025-08-22T09:30',
  '2025-08-22T09:30:00-04:00',
  '2025-08-22T13:30:00Z',
  '2025-03-09T02:30',
  '2025-11-02T01:30',
  '2025-03-15T01:15:00+01:00',
  '2025-12-31T23:30',
  '2024-02-30',
];
const zones = ['America/New_York', 'Pacific/Kiritimati', 'Europe/London', 'Asia/Kolkata'];

/**
 * Parse every input in every zone, with its RFC 822 form and calendar day.
 *
 * @returns Plain data, the same on every machine.
 */
export function zoneSnapshot(): unknown[] {
  return zones.flatMap((zone) =>
    inputs.map((value) => {
      const result = parseNewsDate(value, zone);
      if ('error' in result) return [zone, value, result.error];
      return [zone, value, result, rfc822(result.instant, zone), calendarDay(result.instant, zone)];
    }),
  );
}
