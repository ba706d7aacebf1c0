/**
 * RSS 2.0 with the content, Dublin Core and Atom namespaces, written with an XML serializer.
 * Spec: https://www.rssboard.org/rss-specification
 */
import type { Article } from '../content/model.ts';
import type { SiteConfig } from '../content/schema.ts';
import { rfc822 } from './feed-dates.ts';
import { feedHtml } from './feed-html.ts';
import { createXmlDocument, literal } from './xml-document.ts';

export { rfc822 } from './feed-dates.ts';

/** What a feed is about: the whole site, or one tag or author. */
export interface FeedOptions {
  /** Feed title (default: the site name). */
  title?: string;
  /** Site-relative URL of the page the feed mirrors (default: `'/'`). */
  pageUrl?: string;
  /** Site-relative URL of the feed itself. */
  feedUrl: string;
  /** Carry each article's full text in `content:encoded` (default: `true`). */
  fullText?: boolean;
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
  const doc = createXmlDocument();
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
    if (options.fullText !== false) item.ele('content:encoded').txt(literal(feedHtml(article, link)));
  }
  return doc.end({ prettyPrint: true });
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function latest(article: Article): Date {
  return article.modified.instant; // the latest of date, updated and any correction
}
