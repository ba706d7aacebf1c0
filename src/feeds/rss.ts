/**
 * RSS 2.0 with the content, Dublin Core and Atom namespaces, written with an XML serializer.
 * Spec: https://www.rssboard.org/rss-specification
 */
import { create } from 'xmlbuilder2';
import type { Article } from '../content/model.ts';
import type { SiteConfig } from '../content/schema.ts';
import { absolutizeUrls } from './absolute-urls.ts';

/** What a feed is about: the whole site, or one tag or author. */
export interface FeedOptions {
  /** Feed title (default: the site name). */
  title?: string;
  /** Site-relative URL of the page the feed mirrors (default: `'/'`). */
  pageUrl?: string;
  /** Site-relative URL of the feed itself. */
  feedUrl: string;
}

/**
 * Write an RSS 2.0 document.
 *
 * @param site Site settings (name, base URL, language, zone).
 * @param articles The items, newest first; at most `site.feedSize` are used.
 * @param options Titles and URLs.
 * @returns The XML text.
 */
export function renderRss(site: SiteConfig, articles: readonly Article[], options: FeedOptions): string {
  const items = articles.slice(0, site.feedSize);
  const absolute = (url: string) => site.url + url;
  // Characters XML 1.0 forbids are dropped, so one pasted control character can't break the feed.
  const doc = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' });
  const channel = doc
    .ele('rss', {
      version: '2.0',
      'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
      'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      'xmlns:atom': 'http://www.w3.org/2005/Atom',
    })
    .ele('channel');
  channel.ele('title').txt(literal(options.title ?? site.name));
  channel.ele('link').txt(literal(absolute(options.pageUrl ?? '/')));
  channel.ele('description').txt(literal(site.description ?? site.name));
  channel.ele('language').txt(literal(site.language));
  channel.ele('copyright').txt(literal(site.copyright));
  channel.ele('atom:link', { href: literal(absolute(options.feedUrl)), rel: 'self', type: 'application/rss+xml' });
  channel.ele('generator').txt(literal('Broadsheet'));
  const newest = items[0];
  if (newest) channel.ele('lastBuildDate').txt(literal(rfc822(latest(newest), site.timezone)));

  for (const article of items) {
    const link = absolute(article.url);
    const item = channel.ele('item');
    item.ele('title').txt(literal(article.title));
    item.ele('link').txt(literal(link));
    item.ele('guid', { isPermaLink: 'false' }).txt(literal(article.guid));
    item.ele('pubDate').txt(literal(rfc822(article.date.instant, site.timezone)));
    // RSS readers treat <description> as HTML: escape the plain-text summary as HTML first.
    item.ele('description').txt(literal(escapeHtml(article.summary)));
    for (const author of article.authors) item.ele('dc:creator').txt(literal(author.name));
    for (const tag of article.tags) item.ele('category', { domain: literal(absolute(tag.url)) }).txt(literal(tag.name));
    // Escaped text rather than CDATA: any HTML round-trips, `]]>` included.
    item.ele('content:encoded').txt(literal(absolutizeUrls(article.body.html, link)));
  }
  return doc.end({ prettyPrint: true });
}

/**
 * xmlbuilder2 leaves anything that looks like an entity (`&lt;`, `&amp;`, `&#60;`) unescaped, so text
 * containing one would change meaning; escaping every `&` first makes it say exactly what it said.
 */
function literal(text: string): string {
  return text.replace(/&/g, '&amp;');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function latest(article: Article): Date {
  return article.updated?.instant ?? article.date.instant;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * An RFC 822 date in the newsroom's zone with its numeric offset: `Fri, 22 Aug 2025 09:30:00 -0400`.
 *
 * @param instant The moment.
 * @param timeZone IANA zone.
 * @returns The formatted date.
 */
export function rfc822(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  ) as Record<string, string>;
  const wall = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  const offset = Math.round((wall - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const hhmm = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0') + String(Math.abs(offset) % 60).padStart(2, '0');
  const weekday = WEEKDAYS[new Date(wall).getUTCDay()];
  return `${weekday}, ${parts.day!.padStart(2, '0')} ${MONTHS[+parts.month! - 1]} ${parts.year} ${parts.hour}:${parts.minute}:${parts.second} ${sign}${hhmm}`;
}
