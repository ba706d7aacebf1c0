/**
 * Dates in feeds and sitemaps, written in the newsroom's zone with its numeric offset, so readers
 * and crawlers see the same wall-clock time editors wrote. Independent of the build machine's `TZ`.
 */
import { zonedTime, type ZonedTime } from '../content/dates.ts';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function clock(time: ZonedTime): string {
  return `${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}`;
}

function offset(time: ZonedTime, separator: string): string {
  const minutes = Math.abs(time.offset);
  return `${time.offset < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}${separator}${pad(minutes % 60)}`;
}

/**
 * An RFC 822 date (for RSS) in the newsroom's zone with its numeric offset:
 * `Fri, 22 Aug 2025 09:30:00 -0400`.
 *
 * @param instant The moment.
 * @param timeZone IANA zone.
 * @returns The formatted date.
 */
export function rfc822(instant: Date, timeZone: string): string {
  const time = zonedTime(instant, timeZone);
  const weekday = WEEKDAYS[new Date(Date.UTC(time.year, time.month - 1, time.day)).getUTCDay()];
  return `${weekday}, ${pad(time.day)} ${MONTHS[time.month - 1]} ${time.year} ${clock(time)} ${offset(time, '')}`;
}

/**
 * An RFC 3339 date-time (for Atom, JSON Feed and sitemaps, whose W3C Datetime profile it fits) in
 * the newsroom's zone with its numeric offset, whole seconds: `2025-08-22T09:30:00-04:00`.
 * See https://www.rfc-editor.org/rfc/rfc3339#section-5.6.
 *
 * @param instant The moment.
 * @param timeZone IANA zone.
 * @returns The formatted date-time.
 */
export function rfc3339(instant: Date, timeZone: string): string {
  const time = zonedTime(instant, timeZone);
  return `${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}T${clock(time)}${offset(time, ':')}`;
}
