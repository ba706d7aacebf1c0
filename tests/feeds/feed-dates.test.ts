import { describe, expect, it } from 'vitest';
import { rfc3339, rfc822 } from '../../src/feeds/feed-dates.ts';

describe('rfc3339', () => {
  it.each([
    ['2025-08-22T13:30:00Z', 'America/New_York', '2025-08-22T09:30:00-04:00'],
    ['2025-01-15T05:00:00Z', 'America/New_York', '2025-01-15T00:00:00-05:00'],
    ['2025-08-22T04:00:00Z', 'Asia/Kolkata', '2025-08-22T09:30:00+05:30'],
    ['2025-08-22T04:00:00Z', 'UTC', '2025-08-22T04:00:00+00:00'],
    ['2025-03-09T07:30:00Z', 'America/New_York', '2025-03-09T03:30:00-04:00'],
    ['2024-12-31T23:59:59.999Z', 'Pacific/Kiritimati', '2025-01-01T13:59:59+14:00'],
    ['2025-11-02T05:30:00Z', 'America/New_York', '2025-11-02T01:30:00-04:00'],
    ['2025-11-02T06:30:00Z', 'America/New_York', '2025-11-02T01:30:00-05:00'],
  ])('should write %s in %s as %s', (instant, zone, expected) => {
    expect(rfc3339(new Date(instant), zone)).toBe(expected);
  });

  it('should name the same instant as the RFC 822 date RSS writes', () => {
    const instant = new Date('2025-08-22T13:30:00Z');
    expect(new Date(rfc3339(instant, 'America/New_York')).getTime()).toBe(instant.getTime());
    expect(rfc822(instant, 'America/New_York')).toBe('Fri, 22 Aug 2025 09:30:00 -0400');
  });
});
