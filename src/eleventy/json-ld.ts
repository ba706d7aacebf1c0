/**
 * schema.org `NewsArticle` metadata for search engines, as JSON safe to put inside a `<script>`.
 * https://developers.google.com/search/docs/appearance/structured-data/article
 */
import type { Article } from '../content/model.ts';
import type { SiteConfig } from '../content/schema.ts';

/**
 * Serialize JSON for a `<script type="application/ld+json">` block: `<`, `>` and `&` become
 * `\u003c`-style escapes, so no text can close the script element, and `JSON.parse` still reads it.
 *
 * @param value Any JSON value.
 * @returns The JSON text.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The NewsArticle object of one article.
 *
 * @param article The article.
 * @param site Site settings, for absolute URLs and the publisher.
 * @returns A plain object to serialize with `scriptSafeJson`.
 */
export function newsArticle(article: Article, site: SiteConfig): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': site.url + article.url },
    headline: article.title,
    description: article.summary,
    datePublished: article.date.instant.toISOString(),
    dateModified: article.modified.instant.toISOString(),
    author: article.authors.map((author) => ({ '@type': 'Person', name: author.name, url: site.url + author.url })),
    keywords: article.tags.map((tag) => tag.name),
    wordCount: article.body.wordCount,
    inLanguage: site.language,
    ...(article.leadImage?.url ? { image: [site.url + article.leadImage.url] } : {}),
    publisher: { '@type': 'NewsMediaOrganization', name: site.name, url: site.url + '/' },
  };
}
