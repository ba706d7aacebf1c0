/**
 * Atom 1.0, written with an XML serializer.
 * Spec: https://www.rfc-editor.org/rfc/rfc4287
 */
import type { Article } from '../content/model.ts';
import type { SiteConfig } from '../content/schema.ts';
import { rfc3339 } from './feed-dates.ts';
import { feedHtml } from './feed-html.ts';
import type { FeedOptions } from './rss.ts';
import { absoluteUrl } from './site-url.ts';
import { createXmlDocument, literal } from './xml-document.ts';

/**
 * Write an Atom 1.0 feed: the same items, in the same order, as `renderRss` with the same arguments.
 *
 * @param site Site settings (name, base URL, language, zone, copyright).
 * @param articles The entries, newest first; at most `site.feedSize` are used.
 * @param options Title (default: the site name), page (default: `'/'`) and feed URL.
 * @returns The XML text.
 */
export function renderAtom(site: SiteConfig, articles: readonly Article[], options: FeedOptions): string {
  const entries = articles.slice(0, site.feedSize);
  const feedUrl = absoluteUrl(site, options.feedUrl);
  const date = (instant: Date) => literal(rfc3339(instant, site.timezone));
  const feed = createXmlDocument().ele('feed', { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': literal(site.language) });
  // The feed's own address is its permanent identity (RFC 4287 §4.2.6).
  feed.ele('id').txt(literal(feedUrl));
  feed.ele('title', { type: 'text' }).txt(literal(options.title ?? site.name));
  if (site.description) feed.ele('subtitle', { type: 'text' }).txt(literal(site.description));
  // atom:updated is required: the latest change to any entry; an empty feed never changed, so the epoch.
  const changed = entries.reduce<Date | undefined>((latest, entry) => (latest && latest >= lastChange(entry) ? latest : lastChange(entry)), undefined);
  feed.ele('updated').txt(changed ? date(changed) : '1970-01-01T00:00:00Z');
  feed.ele('link', { rel: 'self', type: 'application/atom+xml', href: literal(feedUrl) });
  feed.ele('link', { rel: 'alternate', type: 'text/html', href: literal(absoluteUrl(site, options.pageUrl ?? '/')) });
  feed.ele('author').ele('name').txt(literal(site.name)).up().ele('uri').txt(literal(absoluteUrl(site, '/')));
  feed.ele('rights', { type: 'text' }).txt(literal(site.copyright));
  feed.ele('generator').txt('Broadsheet');

  for (const article of entries) {
    const link = absoluteUrl(site, article.url);
    const entry = feed.ele('entry');
    entry.ele('id').txt(literal(article.guid));
    entry.ele('title', { type: 'text' }).txt(literal(article.title));
    entry.ele('link', { rel: 'alternate', type: 'text/html', href: literal(link) });
    entry.ele('published').txt(date(article.date.instant));
    entry.ele('updated').txt(date(lastChange(article)));
    for (const author of article.authors) {
      entry.ele('author').ele('name').txt(literal(author.name)).up().ele('uri').txt(literal(absoluteUrl(site, author.url)));
    }
    for (const tag of article.tags) entry.ele('category', { term: literal(tag.slug || tag.name), label: literal(tag.name) });
    if (article.summary) entry.ele('summary', { type: 'text' }).txt(literal(article.summary));
    // Escaped HTML rather than CDATA: any HTML round-trips, `]]>` included.
    entry.ele('content', { type: 'html' }).txt(literal(feedHtml(article, link)));
  }
  return feed.end({ prettyPrint: true });
}

function lastChange(article: Article): Date {
  return article.modified.instant; // the latest of date, updated and any correction
}
