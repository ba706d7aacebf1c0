/**
 * Everything the templates paginate over, computed once from the loaded content. Pure: the same
 * content always gives the same collections, in time linear in the number of articles.
 */
import type { Article, ArticleLink, Content } from '../content/model.ts';
import { moreFromAuthor, relatedArticles } from './related.ts';
import { authorListings, dateListings, frontPageListings, tagListings, type AuthorSummary, type Listing, type TagSummary, type YearSummary } from './listings.ts';

/** The views of the archive that pages are made from. */
export interface Collections {
  /** Articles newest first, each with `previous` (older), `next` (newer), `related` and `moreFromAuthor` filled in. */
  articles: Article[];
  /** Every listing page: front page, tags, authors, years and months. */
  listings: Listing[];
  tags: TagSummary[];
  authors: AuthorSummary[];
  years: YearSummary[];
  /** Old URLs (frontmatter `aliases`) and the article each now points to. */
  redirects: Array<{ from: string; to: string }>;
}

/**
 * Compute the collections.
 *
 * @param content Loaded content, articles newest first.
 * @returns Collections for the templates and feeds.
 */
export function buildCollections(content: Content): Collections {
  const { articles, site } = content;
  const { related, more } = linkedStories(articles);
  const linked = articles.map((article, index) => {
    const older = articles[index + 1];
    const newer = articles[index - 1];
    return {
      ...article,
      related: related.get(article.url) ?? [],
      moreFromAuthor: more.get(article.url) ?? [],
      ...(older ? { previous: { title: older.title, url: older.url } } : {}),
      ...(newer ? { next: { title: newer.title, url: newer.url } } : {}),
    };
  });
  const tags = tagListings(linked, site.perPage);
  const authors = authorListings(linked, content.authors, site.perPage);
  const dates = dateListings(linked, site.perPage, site.language);
  return {
    articles: linked,
    listings: [...frontPageListings(linked, site.perPage), ...tags.listings, ...authors.listings, ...dates.listings],
    tags: tags.tags,
    authors: authors.authors,
    years: dates.years,
    redirects: linked.flatMap((article) => article.aliases.map((from) => ({ from, to: article.url }))),
  };
}

// The dev server builds the collections on every save, and a save rarely changes what the story
// links read (URLs, titles, dates, tags, bylines): the last result is kept while those stay the same.
let lastLinks: { reads: string; related: Map<string, ArticleLink[]>; more: Map<string, ArticleLink[]> } | undefined;

/** "Related stories" and "More from", computed again only when what they read changed. */
function linkedStories(articles: readonly Article[]): { related: Map<string, ArticleLink[]>; more: Map<string, ArticleLink[]> } {
  const reads = articles
    .map((article) => [article.url, article.title, article.date.instant.getTime(), ...article.tags.map((tag) => tag.slug), '|', ...article.authors.map((author) => author.slug)].join('\t'))
    .join('\n');
  if (lastLinks?.reads !== reads) {
    const related = relatedArticles(articles);
    // A story already under "Related stories" is not listed again under "More from".
    lastLinks = { reads, related, more: moreFromAuthor(articles, { exclude: related }) };
  }
  return lastLinks;
}
