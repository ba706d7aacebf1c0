/**
 * Groups newest-first articles by a key in one pass, keeping each group newest first.
 */
import type { Article } from '../content/model.ts';

/**
 * Group articles by one or more keys each.
 *
 * @param articles Articles, newest first.
 * @param keysOf The groups an article belongs to (its tag slugs, say).
 * @returns Groups in order of first appearance, each newest first.
 */
export function groupArticles(articles: readonly Article[], keysOf: (article: Article) => Iterable<string>): Map<string, Article[]> {
  const groups = new Map<string, Article[]>();
  for (const article of articles) {
    for (const key of keysOf(article)) {
      const group = groups.get(key);
      if (group) group.push(article);
      else groups.set(key, [article]);
    }
  }
  return groups;
}
