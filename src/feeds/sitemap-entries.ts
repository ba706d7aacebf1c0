/**
 * Every HTML page of the site, for the sitemap: listings, indexes, articles and plain pages.
 */
import type { Collections } from '../collections/index.ts';
import type { Article, Page } from '../content/model.ts';
import type { SiteConfig } from '../content/schema.ts';
import { publishedCollections } from './published-collections.ts';
import type { SitemapEntry } from './sitemap.ts';

/** Index pages the templates always write. */
const INDEX_PAGES = ['/tags/', '/authors/', '/archive/'];

/**
 * List the URLs of a site's HTML pages, each once, leaving out drafts and scheduled articles and
 * any listing that exists only because of them. `lastmod` is given where it is known:
 * - an article: its latest change (`date`, `updated` or a correction);
 * - the first page of a listing: the latest change to an article on it;
 * - a later page: that, or the first page's, whichever is later (a new story shifts every page);
 * - `/tags/`, `/authors/`, `/archive/`: the newest article's date (their counts change with it);
 * - plain pages: unknown.
 *
 * @param site Site settings (page size and language, to rebuild listings without drafts).
 * @param collections The collections.
 * @param pages Plain pages such as About.
 * @returns Site-relative URLs, listings first (the front page before all), then indexes, articles, pages.
 */
export function sitemapEntries(site: SiteConfig, collections: Collections, pages: readonly Page[]): SitemapEntry[] {
  const { articles, listings } = publishedCollections(site, collections);
  const entries: SitemapEntry[] = [];
  const seen = new Set<string>();
  const add = (url: string, lastmod: Date | undefined) => {
    if (seen.has(url)) return;
    seen.add(url);
    entries.push(lastmod ? { url, lastmod } : { url });
  };

  // Paginate writes a listing's pages one after another, page 1 first.
  let firstPage: Date | undefined;
  for (const listing of listings) {
    const own = latestChange(listing.items);
    if (listing.pageNumber === 1) firstPage = own;
    add(listing.url, listing.pageNumber === 1 ? own : later(own, firstPage));
  }
  const newest = articles[0]?.date.instant;
  for (const url of INDEX_PAGES) add(url, newest);
  for (const article of articles) add(article.url, lastChange(article));
  for (const page of pages) add(page.url, undefined);
  return entries;
}

function lastChange(article: Article): Date {
  return article.modified.instant; // the latest of date, updated and any correction
}

function latestChange(articles: readonly Article[]): Date | undefined {
  let result: Date | undefined;
  for (const article of articles) result = later(result, lastChange(article));
  return result;
}

function later(a: Date | undefined, b: Date | undefined): Date | undefined {
  if (!a) return b;
  if (!b) return a;
  return a >= b ? a : b;
}
