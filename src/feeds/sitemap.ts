/**
 * sitemaps.org XML: one `urlset`, or, past the protocol's 50,000-URL limit, a sitemap index that
 * points at numbered parts.
 * Spec: https://www.sitemaps.org/protocol.html
 */
import { lazyFile, type FeedFile } from './feed-file.ts';
import type { SiteConfig } from '../content/schema.ts';
import { rfc3339 } from './feed-dates.ts';
import { absoluteUrl } from './site-url.ts';
import { createXmlDocument, literal } from './xml-document.ts';

const NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** The most URLs one sitemap file may list (https://www.sitemaps.org/protocol.html#index). */
export const SITEMAP_LIMIT = 50_000;

/** One URL of the site. */
export interface SitemapEntry {
  /** Site-relative URL. */
  url: string;
  /** When what the page shows last changed; left out when unknown. */
  lastmod?: Date;
}

/**
 * Write a sitemap listing the given URLs, each once, absolute and percent-encoded.
 *
 * @param site Site settings (base URL, zone for `lastmod`).
 * @param urls Site-relative URLs, at most `SITEMAP_LIMIT` once repeats are dropped (the first one wins).
 * @returns The XML text.
 */
export function renderSitemap(site: Pick<SiteConfig, 'url' | 'timezone'>, urls: readonly SitemapEntry[]): string {
  const urlset = createXmlDocument().ele('urlset', { xmlns: NAMESPACE });
  const seen = new Set<string>();
  for (const entry of urls) {
    const loc = absoluteUrl(site, entry.url);
    if (seen.has(loc)) continue;
    seen.add(loc);
    const url = urlset.ele('url');
    url.ele('loc').txt(literal(loc));
    if (entry.lastmod) url.ele('lastmod').txt(literal(rfc3339(entry.lastmod, site.timezone)));
  }
  return urlset.end({ prettyPrint: true });
}

/**
 * Write a sitemap index.
 *
 * @param site Site settings (base URL, zone for `lastmod`).
 * @param sitemaps Site-relative URLs of the sitemaps, with their latest `lastmod` if known.
 * @returns The XML text.
 */
export function renderSitemapIndex(site: Pick<SiteConfig, 'url' | 'timezone'>, sitemaps: readonly SitemapEntry[]): string {
  const index = createXmlDocument().ele('sitemapindex', { xmlns: NAMESPACE });
  for (const entry of sitemaps) {
    const sitemap = index.ele('sitemap');
    sitemap.ele('loc').txt(literal(absoluteUrl(site, entry.url)));
    if (entry.lastmod) sitemap.ele('lastmod').txt(literal(rfc3339(entry.lastmod, site.timezone)));
  }
  return index.end({ prettyPrint: true });
}

/**
 * The sitemap files of a site: `/sitemap.xml` alone, or, when there are more than `limit` URLs,
 * `/sitemap.xml` as an index of `/sitemap-1.xml`, `/sitemap-2.xml`, …
 *
 * @param site Site settings.
 * @param urls Every URL of the site, each once.
 * @param limit URLs per file (default: `SITEMAP_LIMIT`).
 * @returns The files, the index or single sitemap first.
 */
export function sitemapFiles(
  site: Pick<SiteConfig, 'url' | 'timezone'>,
  urls: readonly SitemapEntry[],
  limit: number = SITEMAP_LIMIT,
): FeedFile[] {
  if (urls.length <= limit) return [lazyFile('/sitemap.xml', { site, urls }, () => renderSitemap(site, urls))];
  const parts: FeedFile[] = [];
  const index: SitemapEntry[] = [];
  for (let start = 0; start < urls.length; start += limit) {
    const part = urls.slice(start, start + limit);
    const url = `/sitemap-${parts.length + 1}.xml`;
    parts.push(lazyFile(url, { site, urls: part }, () => renderSitemap(site, part)));
    const lastmod = latest(part);
    index.push(lastmod ? { url, lastmod } : { url });
  }
  return [lazyFile('/sitemap.xml', { site, index }, () => renderSitemapIndex(site, index)), ...parts];
}

function latest(entries: readonly SitemapEntry[]): Date | undefined {
  let result: Date | undefined;
  for (const { lastmod } of entries) if (lastmod && (!result || lastmod > result)) result = lastmod;
  return result;
}
