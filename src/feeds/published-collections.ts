/**
 * The dev server builds collections with drafts and scheduled articles in them. Feeds and sitemaps
 * are for the public, so they see the collections as a build without drafts would make them.
 */
import { buildCollections, type Collections } from '../collections/index.ts';
import type { Author } from '../content/model.ts';
import type { SiteConfig } from '../content/schema.ts';

/**
 * Collections of published articles only. When nothing is held back this is `collections` itself;
 * otherwise the listings are built again, so no tag, author or page exists only for a draft.
 *
 * @param site Site settings (page size, language).
 * @param collections Collections, possibly with drafts and scheduled articles.
 * @returns Collections whose every article has `status: 'published'`.
 */
export function publishedCollections(site: SiteConfig, collections: Collections): Collections {
  const { articles } = collections;
  if (articles.every((article) => article.status === 'published')) return collections;
  const published = articles.filter((article) => article.status === 'published');
  const bylines = new Set(published.flatMap((article) => article.authors.map((author) => author.slug)));
  // Author records (role, bio) come from the collections; only authors with a published article stay.
  const authors: Author[] = collections.authors.filter((author) => bylines.has(author.slug));
  return buildCollections({ site, articles: published, authors, pages: [], heldBack: { drafts: 0, scheduled: 0 } });
}
