/**
 * Splits a list into numbered pages: `/base/`, `/base/page/2/`, …
 */

/** One page of a paginated list. */
export interface Pagination<T> {
  items: T[];
  /** 1-based. */
  pageNumber: number;
  totalPages: number;
  /** This page's URL. */
  url: string;
  /** The newer page (towards page 1), if any. */
  previousUrl?: string;
  /** The older page, if any. */
  nextUrl?: string;
}

/**
 * Cut `items` into pages of `perPage`. An empty list still has one (empty) page, so its URL exists.
 *
 * @param items The whole list, in display order.
 * @param perPage Items per page (at least 1).
 * @param baseUrl URL of the first page, ending in `/`.
 * @returns The pages, in order.
 */
export function paginate<T>(items: readonly T[], perPage: number, baseUrl: string): Array<Pagination<T>> {
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  const urlOf = (pageNumber: number) => (pageNumber === 1 ? baseUrl : `${baseUrl}page/${pageNumber}/`);
  return Array.from({ length: totalPages }, (_, index) => {
    const pageNumber = index + 1;
    return {
      items: items.slice(index * perPage, pageNumber * perPage),
      pageNumber,
      totalPages,
      url: urlOf(pageNumber),
      ...(pageNumber > 1 ? { previousUrl: urlOf(pageNumber - 1) } : {}),
      ...(pageNumber < totalPages ? { nextUrl: urlOf(pageNumber + 1) } : {}),
    };
  });
}
