/**
 * Publication dates as editors write them, turned into instants without depending on the build
 * machine's `TZ`: a date-only value is that calendar day in the newsroom's time zone.
 */

/** A date as the newsroom sees it: the instant, and the calendar day in the newsroom zone. */
export interface NewsDate {
  /** The instant (UTC milliseconds inside a `Date`). */
  instant: Date;
  /** Calendar year in the newsroom time zone. */
  year: number;
  /** Calendar month (1–12) in the newsroom time zone. */
  month: number;
  /** Day of the month in the newsroom time zone. */
  day: number;
  /** Whether the editor gave a time of day, not only a date. */
  hasTime: boolean;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Parse `YYYY-MM-DD` or an ISO 8601 date-time (`2025-08-22T09:30:00-04:00`) in the given zone.
 * A date-time without an offset is read as newsroom local time.
 *
 * @param value What the editor wrote.
 * @param timeZone IANA zone of the newsroom, such as `America/New_York`.
 * @returns The date, or a reason saying what was expected.
 */
export function parseNewsDate(value: string, timeZone: string): NewsDate | { error: string } {
  const text = value.trim();
  const dateOnly = DATE_ONLY.exec(text);
  const match = dateOnly ?? DATE_TIME.exec(text);
  if (!match) {
    return { error: `Expected a date as \`YYYY-MM-DD\` or an ISO date-time such as \`2025-08-22T09:30:00-04:00\`, not \`${value}\`` };
  }
  const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1, 7).map((part) => Number(part ?? 0));
  const millis = Number((match[7] ?? '0').slice(0, 3).padEnd(3, '0'));
  if (year! < 1000) {
    return { error: `\`${value}\` has the year ${year}; write the year with four digits, such as 2025` };
  }
  if (!isRealDay(year!, month!, day!)) {
    return { error: `\`${value}\` is not a real calendar date (${monthName(month!)} has no day ${day})` };
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return { error: `\`${value}\` has an impossible time of day` };
  }
  const wallClock = Date.UTC(year!, month! - 1, day!, hour, minute, second, millis);
  const offset = match[8];
  // Real offsets run from -12:00 to +14:00, in whole minutes.
  if (offset && offset.toUpperCase() !== 'Z' && (Math.abs(offsetMinutes(offset)) > 14 * 60 || Number(offset.slice(-2)) > 59)) {
    return { error: `\`${value}\` has an impossible time-zone offset \`${offset}\`` };
  }
  const zoned = offset ? { instant: wallClock - offsetMinutes(offset) * 60_000, exact: false } : zonedWallClockToInstant(wallClock, timeZone);
  const instant = new Date(zoned.instant);
  if (dateOnly) return { instant, year: year!, month: month!, day: day!, hasTime: false };
  // Read in the zone, unless the zone's clocks showed the written wall-clock time at that instant.
  return { instant, ...(zoned.exact ? { year: year!, month: month!, day: day! } : calendarDay(instant, timeZone)), hasTime: true };
}

/**
 * The calendar day of an instant in a time zone.
 *
 * @param instant The moment.
 * @param timeZone IANA zone name.
 * @returns Year, month (1–12) and day.
 */
export function calendarDay(instant: Date, timeZone: string): { year: number; month: number; day: number } {
  const parts = zonedTime(instant, timeZone);
  return { year: parts.year, month: parts.month, day: parts.day };
}

/**
 * Whether a string names a time zone this Node.js knows.
 *
 * @param timeZone Candidate IANA zone.
 * @returns `true` when usable.
 */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one.
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthName(month: number): string {
  if (month < 1 || month > 12) return `month ${month}`;
  return new Date(Date.UTC(2000, month - 1, 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
}

function offsetMinutes(offset: string): number {
  if (offset.toUpperCase() === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
}

/** Wall-clock time in a zone, and the zone's offset from UTC at that instant. */
export interface ZonedTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Minutes east of UTC. */
  offset: number;
}

// Building an Intl.DateTimeFormat costs far more than using one: a sitemap formats one date per URL.
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The wall-clock time of an instant in a zone, with the zone's offset then.
 *
 * @param instant The moment.
 * @param timeZone IANA zone name.
 * @returns Calendar fields and the offset in minutes east of UTC.
 */
export function zonedTime(instant: Date, timeZone: string): ZonedTime {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(instant)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const { year, month, day, hour, minute, second } = parts as Omit<ZonedTime, 'offset'>;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const offset = Math.round((wall - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
  return { year, month, day, hour, minute, second, offset };
}

/** Offset of a zone from UTC at an instant, in milliseconds. */
function zoneOffset(time: number, timeZone: string): number {
  return zonedTime(new Date(time), timeZone).offset * 60_000;
}

/**
 * The instant at which the zone's clocks show `wallClock` (read as if it were UTC), and whether
 * they show exactly that then (not in a skipped hour): the calendar day is then the wall clock's.
 */
function zonedWallClockToInstant(wallClock: number, timeZone: string): { instant: number; exact: boolean } {
  // The offsets in force half a day either side cover any DST change near this wall-clock time.
  const before = wallClock - zoneOffset(wallClock - 12 * HOUR, timeZone);
  const after = wallClock - zoneOffset(wallClock + 12 * HOUR, timeZone);
  const shows = (instant: number) => instant + zoneOffset(instant, timeZone) === wallClock;
  const showsBefore = shows(before);
  // The usual case, one offset all day: a single check.
  if (before === after) return { instant: before, exact: showsBefore };
  const showsAfter = shows(after);
  if (showsBefore && showsAfter) return { instant: Math.min(before, after), exact: true }; // a repeated hour: its first occurrence
  if (showsBefore) return { instant: before, exact: true };
  if (showsAfter) return { instant: after, exact: true };
  // A skipped hour (clocks jump forward): the old offset lands just after the jump, the same day.
  return { instant: before, exact: false };
}

const HOUR = 3_600_000;
