/**
 * Where the feeds live, and the `<link rel="alternate">` entries pages advertise them with.
 * The single source of feed URLs: `feedFiles` writes the feeds at these addresses.
 */
import type { Author, Tag } from '../content/model.ts';
import type { SiteConfig } from '../content/schema.ts';

/** Site-relative URLs of the site-wide feeds. */
export const SITE_FEEDS = {
  rss: '/feed.xml',
  atom: '/atom.xml',
  json: '/feed.json',
} as const;

/** Media types to advertise each format with. */
export const FEED_TYPES = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
} as const;

/** One `<link rel="alternate">` a page should carry. */
export interface FeedLink {
  /** Site-relative URL of the feed. */
  href: string;
  /** Media type, such as `application/rss+xml`. */
  type: string;
  /** What feed readers show when offering a choice, such as `The Ledger: Elections (RSS)`. */
  title: string;
}

/** What a page is about, as listings describe it: a tag page has `tag`, an author page `author`. */
export interface FeedSubject {
  tag?: Pick<Tag, 'name' | 'url'> | undefined;
  author?: Pick<Author, 'name' | 'url'> | undefined;
}

/**
 * Site-relative URL of the RSS feed of one tag or author: `/tags/<slug>/feed.xml`.
 *
 * @param subject The tag or author (its page URL ends in `/`).
 * @returns The feed URL.
 */
export function subjectFeedUrl(subject: Pick<Tag | Author, 'url'>): string {
  return `${subject.url}feed.xml`;
}

/**
 * Title of the feed of one tag or author: `The Sample Ledger: Elections`.
 *
 * @param site Site settings.
 * @param subject The tag or author.
 * @returns The title.
 */
export function subjectFeedTitle(site: Pick<SiteConfig, 'name'>, subject: Pick<Tag | Author, 'name'>): string {
  return `${site.name}: ${subject.name}`;
}

/**
 * The feeds a page should advertise: every page the site's RSS, Atom and JSON feeds; a tag or
 * author page also the RSS feed of that tag or author.
 *
 * @param site Site settings.
 * @param subject The page's listing, or nothing for other pages (default: none).
 * @returns Links in the order to write them, site RSS first.
 */
export function feedLinks(site: Pick<SiteConfig, 'name'>, subject?: FeedSubject): FeedLink[] {
  const links: FeedLink[] = [
    { href: SITE_FEEDS.rss, type: FEED_TYPES.rss, title: `${site.name} (RSS)` },
    { href: SITE_FEEDS.atom, type: FEED_TYPES.atom, title: `${site.name} (Atom)` },
    { href: SITE_FEEDS.json, type: FEED_TYPES.json, title: `${site.name} (JSON Feed)` },
  ];
  const own = subject?.tag ?? subject?.author;
  if (own) links.push({ href: subjectFeedUrl(own), type: FEED_TYPES.rss, title: `${subjectFeedTitle(site, own)} (RSS)` });
  return links;
}
