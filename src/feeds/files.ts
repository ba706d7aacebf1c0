/**
 * Everything a build writes besides HTML pages: feeds, sitemaps and robots.txt.
 */
import type { Collections } from '../collections/index.ts';
import { groupArticles } from '../collections/group.ts';
import type { Article, Author, Page, Tag } from '../content/model.ts';
import type { SiteConfig } from '../content/schema.ts';
import { renderAtom } from './atom.ts';
import { lazyFile, type FeedFile } from './feed-file.ts';
import { SITE_FEEDS, subjectFeedTitle, subjectFeedUrl } from './feed-links.ts';
import { renderJsonFeed } from './json-feed.ts';
import { renderNewsSitemap } from './news-sitemap.ts';
import { publishedCollections } from './published-collections.ts';
import { renderRobots } from './robots.ts';
import { renderRss } from './rss.ts';
import { sitemapEntries } from './sitemap-entries.ts';
import { sitemapFiles } from './sitemap.ts';

export type { FeedFile } from './feed-file.ts';

/**
 * Write every feed, sitemap and robots.txt of a site. Only published articles appear in any of
 * them, whatever the collections hold (the dev server's include drafts and scheduled articles).
 * Time is linear in the size of the archive: tag and author feeds come from one grouping pass.
 *
 * @param site Site settings.
 * @param collections The collections.
 * @param pages Plain pages, for the sitemap.
 * @param now The moment of the build, for the news sitemap's two-day window.
 * @returns `/feed.xml`, `/atom.xml`, `/feed.json`, `/tags/<slug>/feed.xml` for each tag and
 *   `/authors/<slug>/feed.xml` for each author with a published article, then `/sitemap.xml`
 *   (and its parts past 50,000 URLs), `/news-sitemap.xml` and `/robots.txt`.
 */
export function feedFiles(site: SiteConfig, collections: Collections, pages: readonly Page[], now: Date): FeedFile[] {
  const published = publishedCollections(site, collections);
  const { articles } = published;
  // The feeds show the newest `feedSize` articles, and the site settings (title, language, zone).
  const feedSource = (items: readonly Article[], options: object) => ({ site, options, articles: items.slice(0, site.feedSize) });
  const files: FeedFile[] = [
    lazyFile(SITE_FEEDS.rss, feedSource(articles, {}), () => renderRss(site, articles, { feedUrl: SITE_FEEDS.rss })),
    lazyFile(SITE_FEEDS.atom, feedSource(articles, {}), () => renderAtom(site, articles, { feedUrl: SITE_FEEDS.atom })),
    lazyFile(SITE_FEEDS.json, feedSource(articles, {}), () => renderJsonFeed(site, articles, { feedUrl: SITE_FEEDS.json })),
  ];

  const subjectFeeds = (groups: Map<string, Article[]>, subjects: Map<string, Tag | Author>) => {
    for (const [slug, group] of groups) {
      const subject = subjects.get(slug)!;
      const feedUrl = subjectFeedUrl(subject);
      // Headlines and summaries only: full text in every tag and author feed would repeat each
      // body several times over (90 MB instead of 9 MB for 4,000 articles and 300 tags).
      const options = { title: subjectFeedTitle(site, subject), pageUrl: subject.url, feedUrl, fullText: false };
      files.push(lazyFile(feedUrl, feedSource(group, options), () => renderRss(site, group, options)));
    }
  };
  const tags = new Map<string, Tag>();
  const authors = new Map<string, Author>();
  subjectFeeds(groupArticles(articles, (article) => article.tags.map((tag) => (tags.set(tag.slug, tag), tag.slug))), tags);
  subjectFeeds(groupArticles(articles, (article) => article.authors.map((author) => (authors.set(author.slug, author), author.slug))), authors);

  const entries = sitemapEntries(site, published, pages);
  files.push(
    ...sitemapFiles(site, entries),
    { url: '/news-sitemap.xml', content: renderNewsSitemap(site, articles, now) },
    { url: '/robots.txt', content: renderRobots(site) },
  );
  return files;
}
