/**
 * Filters the templates call: dates as readers read them, and absolute URLs.
 * Dates are formatted from the calendar day already computed in the newsroom zone, so the build
 * machine's `TZ` never matters.
 */
import type { NewsDate } from '../content/dates.ts';
import type { Article } from '../content/model.ts';
import type { SiteConfig } from '../content/schema.ts';
import { newsArticle, scriptSafeJson } from './json-ld.ts';

/** The filters, by name, ready for `addFilter`. */
export type Filters = Record<string, (...args: never[]) => unknown>;

/**
 * Make the template filters for a site.
 *
 * @param site Site settings (base URL, language, zone).
 * @returns Filters by name.
 */
export function createFilters(site: SiteConfig): Filters {
  const longDate = new Intl.DateTimeFormat(site.language, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  const clock = new Intl.DateTimeFormat(site.language, { hour: 'numeric', minute: '2-digit', timeZone: site.timezone, timeZoneName: 'short' });
  return {
    /** `August 22, 2025`. */
    readableDate: (date: NewsDate) => longDate.format(Date.UTC(date.year, date.month - 1, date.day)),
    /** `9:30 AM EDT`, or '' for a date without a time. */
    readableTime: (date: NewsDate) => (date.hasTime ? clock.format(date.instant) : ''),
    /** Machine-readable value for `<time datetime>`: the day, or the exact instant in UTC. */
    datetime: (date: NewsDate) =>
      date.hasTime ? date.instant.toISOString() : `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`,
    /** Full ISO instant, for machine-readable metadata. */
    isoInstant: (date: NewsDate) => date.instant.toISOString(),
    /** Site-relative URL → absolute URL. */
    absoluteUrl: (url: string) => site.url + url,
    /** schema.org NewsArticle JSON, safe inside a `<script>` block. */
    newsArticleJson: (article: Article) => scriptSafeJson(newsArticle(article, site)),
    /** `1 min read` / `6 min read`. */
    readingTime: (minutes: number) => `${minutes} min read`,
  };
}
