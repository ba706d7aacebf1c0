/**
 * JSON Feed 1.1. Plain `JSON.stringify`: strings are JSON-escaped, never HTML-escaped, so a title
 * reads exactly as written.
 * Spec: https://jsonfeed.org/version/1.1
 */
import type { Article } from '../content/model.ts';
import type { SiteConfig } from '../content/schema.ts';
import { rfc3339 } from './feed-dates.ts';
import { feedHtml } from './feed-html.ts';
import type { FeedOptions } from './rss.ts';
import { absoluteUrl } from './site-url.ts';

/** A person, as JSON Feed names one. */
interface JsonFeedAuthor {
  name: string;
  url: string;
}

/** One item of a JSON Feed, with the fields Broadsheet writes. */
export interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  summary?: string;
  content_html: string;
  date_published: string;
  date_modified: string;
  authors: JsonFeedAuthor[];
  tags: string[];
}

/** A JSON Feed 1.1 document, with the fields Broadsheet writes. */
export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  home_page_url: string;
  feed_url: string;
  description?: string;
  language: string;
  authors: JsonFeedAuthor[];
  items: JsonFeedItem[];
}

/**
 * Write a JSON Feed 1.1 document: the same items, in the same order, as `renderRss` with the same
 * arguments.
 *
 * @param site Site settings (name, base URL, language, zone, description).
 * @param articles The items, newest first; at most `site.feedSize` are used.
 * @param options Title (default: the site name), page (default: `'/'`) and feed URL.
 * @returns The JSON text, pretty-printed, ending in a newline.
 */
export function renderJsonFeed(site: SiteConfig, articles: readonly Article[], options: FeedOptions): string {
  const date = (instant: Date) => rfc3339(instant, site.timezone);
  const feed: JsonFeed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: options.title ?? site.name,
    home_page_url: absoluteUrl(site, options.pageUrl ?? '/'),
    feed_url: absoluteUrl(site, options.feedUrl),
    ...(site.description ? { description: site.description } : {}),
    language: site.language,
    authors: [{ name: site.name, url: absoluteUrl(site, '/') }],
    items: articles.slice(0, site.feedSize).map((article): JsonFeedItem => {
      const url = absoluteUrl(site, article.url);
      return {
        id: article.guid,
        url,
        title: article.title,
        ...(article.summary ? { summary: article.summary } : {}),
        content_html: feedHtml(article, url),
        date_published: date(article.date.instant),
        date_modified: date(article.modified.instant), // the latest of date, updated and any correction
        authors: article.authors.map((author) => ({ name: author.name, url: absoluteUrl(site, author.url) })),
        tags: article.tags.map((tag) => tag.name),
      };
    }),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
