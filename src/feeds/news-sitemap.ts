/**
 * A Google News sitemap: the articles of the last two days.
 * Spec: https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap
 */
import type { Article } from '../content/model.ts';
import type { SiteConfig } from '../content/schema.ts';
import { rfc3339 } from './feed-dates.ts';
import { absoluteUrl } from './site-url.ts';
import { createXmlDocument, literal } from './xml-document.ts';

/** How far back a news sitemap reaches: "articles published in the last 2 days". */
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;

/** The most articles one news sitemap may list. */
export const NEWS_SITEMAP_LIMIT = 1000;

/**
 * Write a Google News sitemap of the published articles dated from two days before `now` up to
 * `now`, both ends included, at most `NEWS_SITEMAP_LIMIT` of them. With none, a valid empty `urlset`.
 *
 * @param site Site settings (name, base URL, language, zone).
 * @param articles Articles, newest first.
 * @param now The moment of the build.
 * @returns The XML text.
 */
export function renderNewsSitemap(site: SiteConfig, articles: readonly Article[], now: Date): string {
  const end = now.getTime();
  const start = end - NEWS_WINDOW_MS;
  const recent = articles
    .filter((article) => {
      const time = article.date.instant.getTime();
      return article.status === 'published' && time >= start && time <= end;
    })
    .slice(0, NEWS_SITEMAP_LIMIT);
  const urlset = createXmlDocument().ele('urlset', {
    xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9',
    'xmlns:news': 'http://www.google.com/schemas/sitemap-news/0.9',
  });
  const language = newsLanguage(site.language);
  for (const article of recent) {
    const url = urlset.ele('url');
    url.ele('loc').txt(literal(absoluteUrl(site, article.url)));
    const news = url.ele('news:news');
    const publication = news.ele('news:publication');
    publication.ele('news:name').txt(literal(site.name));
    publication.ele('news:language').txt(literal(language));
    news.ele('news:publication_date').txt(literal(rfc3339(article.date.instant, site.timezone)));
    news.ele('news:title').txt(literal(article.title));
  }
  return urlset.end({ prettyPrint: true });
}

/**
 * Google News takes an ISO 639 code (`en`, not `en-GB`), except for Chinese, which is `zh-cn`
 * (Simplified) or `zh-tw` (Traditional).
 *
 * @param language The site's BCP 47 language tag.
 * @returns The code for `news:language`.
 */
export function newsLanguage(language: string): string {
  const [primary = language, ...rest] = language.toLowerCase().split('-');
  if (primary !== 'zh') return primary;
  return rest.some((subtag) => ['hant', 'tw', 'hk', 'mo'].includes(subtag)) ? 'zh-tw' : 'zh-cn';
}
