/**
 * What the search index holds for each article, taken from the loaded data rather than from the
 * written pages: Pagefind then never parses HTML, and a year's documents can be compared with the
 * previous build's to decide whether its index must be rebuilt.
 */
import type { NewsDate } from '../content/dates.ts';
import type { Article, ValidatedArticle } from '../content/model.ts';
import type { RenderedMarkdown } from '../pipeline/render.ts';

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
  /** Resolves once `text` can be read: the body is rendered. Unset: it can be read now. */
  ready?: Promise<unknown>;
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
 * What the index reads of an article: a loaded `Article`, or a `ValidatedArticle` whose body is
 * still being rendered (its documents are then `ready` once it is).
 */
export type IndexedArticle = Pick<Article, 'url' | 'title' | 'description' | 'date' | 'authors' | 'tags'> &
  ({ body: RenderedMarkdown } | Pick<ValidatedArticle, 'body' | 'bodyKey'>);

/**
 * Turn published articles into search documents, one each, in the same order.
 *
 * @param articles The published articles, loaded or still being rendered.
 * @param formatDate The reader-facing date format: the `readableDate` filter of
 *   `createFilters(site)`, so results show dates exactly as the pages do.
 * @returns One document per article.
 */
export function searchDocuments(articles: readonly IndexedArticle[], formatDate: (date: NewsDate) => string): SearchDocument[] {
  return articles.map((article) => {
    const { description } = article;
    let body = article.body instanceof Promise ? undefined : article.body;
    const ready = article.body instanceof Promise ? article.body.then((rendered) => (body = rendered)) : undefined;
    // A body that failed to render fails the build elsewhere; here only a shard that waits for it fails.
    ready?.catch(() => undefined);
    const bodyKey = 'bodyKey' in article ? article.bodyKey : article.body.key;
    return {
      url: article.url,
      title: article.title,
      // The dek is part of the story readers see under the headline, so its words should find it.
      // Read when indexed: the body's text comes from the render cache (src/render/render-all.ts).
      get text() {
        if (!body) throw new Error(`The search index read \`${article.url}\` before its body was rendered.`);
        return [description, body.text].filter((part) => part?.trim()).join('\n\n');
      },
      ...(bodyKey === undefined ? {} : { textKey: JSON.stringify([description ?? '', bodyKey]) }),
      ...(ready ? { ready } : {}),
      year: article.date.year,
      date: article.date.instant.toISOString(),
      displayDate: formatDate(article.date),
      authors: article.authors.map((author) => author.name),
      tags: article.tags.map((tag) => tag.name),
    };
  });
}
