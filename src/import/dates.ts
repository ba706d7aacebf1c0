/**
 * Dates as old archives wrote them, rewritten the way Broadsheet reads them: `YYYY-MM-DD` and ISO
 * date-times with an offset are kept as written; Jekyll's `2024-03-05 14:30:00 +0100` becomes
 * `2024-03-05T14:30:00+01:00`; a date-time without a zone stays without one (newsroom time).
 */
import { parseNewsDate } from '../content/dates.ts';

/** The date-only and ISO forms Broadsheet reads as they are. */
const KEEP = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/** What Jekyll (Ruby's `Time.parse`), Hugo and hand-written front matter use. */
const LOOSE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** A Jekyll-style file name: `2024-03-05-budget-vote.md` (the extension already removed). */
const FILE_NAME_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})-(.+)$/;

/**
 * Rewrite a front-matter date for Broadsheet.
 *
 * @param value A YAML string, or a TOML date (a `Date` that knows how it was written).
 * @returns The date as Broadsheet reads it, or why it cannot be used.
 */
export function normalizeDate(value: unknown): { date: string } | { error: string } {
  let text: string;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { error: 'it is not a valid date' };
    // smol-toml's dates print as written (local, date-only or with offset); a plain Date is UTC.
    text = value.toISOString().replace(/\.000(?=Z|[+-]|$)/, '');
  } else if (typeof value === 'string') {
    text = value.trim();
  } else {
    return { error: `\`${String(value)}\` is not a date` };
  }
  let date = text;
  if (!KEEP.test(text)) {
    const match = LOOSE.exec(text);
    if (!match) return { error: `\`${text}\` is not a date the importer can read` };
    const [, year, month, day, hour, minute, second = '00', fraction = '', zone] = match;
    date = `${year}-${pad(month!)}-${pad(day!)}`;
    if (hour !== undefined) date += `T${pad(hour)}:${minute}:${second}${fraction}${zone ? offset(zone) : ''}`;
  }
  const parsed = parseNewsDate(date, 'UTC');
  if ('error' in parsed) return { error: parsed.error.replace(/^Expected/, 'expected') };
  return { date };
}

/**
 * Split a Jekyll-style file name into its date and the rest.
 *
 * @param stem The file name without extension.
 * @returns The date as `YYYY-MM-DD` and the name after it, or only the name when there is no date.
 */
export function splitFileName(stem: string): { date?: string; name: string } {
  const match = FILE_NAME_DATE.exec(stem);
  if (!match) return { name: stem };
  return { date: `${match[1]}-${pad(match[2]!)}-${pad(match[3]!)}`, name: match[4]! };
}

/**
 * The calendar parts of a date as written, for old URL patterns (no time-zone arithmetic: the old
 * site printed the date its authors wrote).
 *
 * @param date A date from `normalizeDate`.
 * @returns Year, month, day, hour, minute and second, as written.
 */
export function dateParts(date: string): { year: string; month: string; day: string; hour: string; minute: string; second: string } {
  const [, year = '', month = '', day = '', hour = '00', minute = '00', second = '00'] =
    /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(date) ?? [];
  return { year, month, day, hour, minute, second };
}

/** English month names, as Jekyll's `:long_month` and Hugo's `:monthname` write them. */
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** English weekday names from Sunday, as Jekyll's `:long_day` and Hugo's `:weekdayname` write them. */
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function pad(value: string): string {
  return value.padStart(2, '0');
}

function offset(zone: string): string {
  if (/^(Z|UTC|GMT)$/i.test(zone)) return 'Z';
  const digits = zone.slice(1).replace(':', '').padEnd(4, '0');
  return `${zone[0]}${digits.slice(0, 2)}:${digits.slice(2)}`;
}
