/**
 * What the search index holds for each article, taken from the loaded data rather than from the
 * written pages: Pagefind then never parses HTML, and a year's documents can be compared with the
 * previous build's to decide whether its index must be rebuilt.
 */
import type { NewsDate } from '../content/dates.ts';
import type { Article } from '../content/model.ts';

/** One article as the search index sees it. */
export interface SearchDocument {
  /** Site-relative URL of the article page, such as `/2025/08/22/harbour-dredging/`. */
  url: string;
  /** The headline, searched and shown as the result's link. */
  title: string;
  /** Plain text that is searched and quoted in excerpts: the dek, then the body. */
  readonly text: string;
  /**
   * Stands for `text` when deciding whether a year must be indexed again, when known without
   * reading the text (the rendering's cache key): 100,000 texts are then never all in memory.
   */
  textKey?: string;
  /** Publication year in the newsroom's zone: the index is split by it. */
  year: number;
  /** Publication instant as an ISO string, the sort key (`2025-08-22T13:30:00.000Z`). */
  date: string;
  /** The date as readers see it on the site, such as `August 22, 2025`. */
  displayDate: string;
  /** Byline names, in byline order. */
  authors: string[];
  /** Tag names as shown. */
  tags: string[];
}

/**
 * Turn published articles into search documents, one each, in the same order.
 *
 * @param articles The published articles (newest first, as `loadContent` returns them).
 * @param formatDate The reader-facing date format: the `readableDate` filter of
 *   `createFilters(site)`, so results show dates exactly as the pages do.
 * @returns One document per article.
 */
export function searchDocuments(articles: Article[], formatDate: (date: NewsDate) => string): SearchDocument[] {
  return articles.map((article) => {
    const { description, body } = article;
    return {
      url: article.url,
      title: article.title,
      // The dek is part of the story readers see under the headline, so its words should find it.
      // Read when indexed: the body's text comes from the render cache (src/render/render-all.ts).
      get text() {
        return [description, body.text].filter((part) => part?.trim()).join('\n\n');
      },
      ...(body.key === undefined ? {} : { textKey: JSON.stringify([description ?? '', body.key]) }),
      year: article.date.year,
      date: article.date.instant.toISOString(),
      displayDate: formatDate(article.date),
      authors: article.authors.map((author) => author.name),
      tags: article.tags.map((tag) => tag.name),
    };
  });
}
