/**
 * The one error the search index throws. It lives in its own file so every module under
 * `src/search/` can throw it without importing `index-site.ts`, which re-exports it.
 */

/** Thrown when the search index cannot be written; `cause` keeps the underlying error, if any. */
export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}
