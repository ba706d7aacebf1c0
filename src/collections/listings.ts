/**
 * The archive's listing pages as plain data: the front page, one list per tag, per author, per
 * year and per month, each paginated. One template renders them all.
 */
import type { Article, Author, Tag } from '../content/model.ts';
import { groupArticles } from './group.ts';
import { paginate, type Pagination } from './paginate.ts';

/** One page of one listing. */
export interface Listing extends Pagination<Article> {
  kind: 'home' | 'tag' | 'author' | 'year' | 'month';
  /** Heading shown on the page, such as `Tag: Elections`. */
  title: string;
  /** How many articles the whole listing has, across its pages. */
  total: number;
  tag?: Tag;
  author?: Author;
}

/** A tag with the number of articles that carry it. */
export interface TagSummary extends Tag {
  count: number;
}

/** An author with the number of their articles. */
export interface AuthorSummary extends Author {
  count: number;
}

/** A year of the archive, with its months. */
export interface YearSummary {
  year: number;
  url: string;
  count: number;
  months: Array<{ month: number; name: string; url: string; count: number }>;
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * Front-page listing: every article, newest first.
 *
 * @param articles Newest first.
 * @param perPage Articles per page.
 * @returns `/`, `/page/2/`, …
 */
export function frontPageListings(articles: readonly Article[], perPage: number): Listing[] {
  return paginate(articles, perPage, '/').map((page) => ({ ...page, kind: 'home', title: 'Latest news', total: articles.length }));
}

/**
 * Tag listings and the tags index, most used first.
 *
 * @param articles Newest first.
 * @param perPage Articles per page.
 * @returns The tag pages and a summary per tag.
 */
export function tagListings(articles: readonly Article[], perPage: number): { tags: TagSummary[]; listings: Listing[] } {
  const tagsBySlug = new Map<string, Tag>();
  const groups = groupArticles(articles, (article) => article.tags.map((tag) => (tagsBySlug.set(tag.slug, tag), tag.slug)));
  const tags = [...groups].map(([slug, group]) => ({ ...tagsBySlug.get(slug)!, count: group.length }));
  tags.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  const listings = tags.flatMap((tag) =>
    paginate(groups.get(tag.slug)!, perPage, tag.url).map((page): Listing => ({
      ...page,
      kind: 'tag',
      title: tag.name,
      total: tag.count,
      tag: tagsBySlug.get(tag.slug)!,
    })),
  );
  return { tags, listings };
}

/**
 * Author listings, alphabetical.
 *
 * @param articles Newest first.
 * @param authors Every author in a byline.
 * @param perPage Articles per page.
 * @returns The author pages and a summary per author.
 */
export function authorListings(
  articles: readonly Article[],
  authors: readonly Author[],
  perPage: number,
): { authors: AuthorSummary[]; listings: Listing[] } {
  const groups = groupArticles(articles, (article) => article.authors.map((author) => author.slug));
  const summaries = authors.map((author) => ({ ...author, count: groups.get(author.slug)?.length ?? 0 }));
  const listings = authors.flatMap((author) =>
    paginate(groups.get(author.slug) ?? [], perPage, author.url).map((page): Listing => ({
      ...page,
      kind: 'author',
      title: author.name,
      total: groups.get(author.slug)?.length ?? 0,
      author,
    })),
  );
  return { authors: summaries, listings };
}

/**
 * Date archive: one listing per year and per month, newest first.
 *
 * @param articles Newest first.
 * @param perPage Articles per page.
 * @param language Language tag used for month names.
 * @returns Year and month pages, and the years with their months for `/archive/`.
 */
export function dateListings(articles: readonly Article[], perPage: number, language: string): { years: YearSummary[]; listings: Listing[] } {
  const monthName = new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' });
  const nameOf = (month: number) => monthName.format(new Date(Date.UTC(2000, month - 1, 15)));
  const byYear = groupArticles(articles, (article) => [String(article.date.year)]);
  const years: YearSummary[] = [];
  const listings: Listing[] = [];
  for (const [year, yearArticles] of byYear) {
    const yearUrl = `/${year}/`;
    listings.push(...paginate(yearArticles, perPage, yearUrl).map((page): Listing => ({ ...page, kind: 'year', title: year, total: yearArticles.length })));
    const byMonth = groupArticles(yearArticles, (article) => [String(article.date.month)]);
    const months = [...byMonth].map(([month, monthArticles]) => {
      const url = `/${year}/${pad(Number(month))}/`;
      const name = nameOf(Number(month));
      listings.push(
        ...paginate(monthArticles, perPage, url).map((page): Listing => ({ ...page, kind: 'month', title: `${name} ${year}`, total: monthArticles.length })),
      );
      return { month: Number(month), name, url, count: monthArticles.length };
    });
    years.push({ year: Number(year), url: yearUrl, count: yearArticles.length, months });
  }
  return { years, listings };
}
