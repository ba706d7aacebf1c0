/**
 * "Related stories" and "More from <author>" for every article, computed once for the whole
 * archive. Pure, and near-linear in the number of articles however popular a tag is.
 */
import type { Article, ArticleLink } from '../content/model.ts';

/** Options for `relatedArticles` and `moreFromAuthor`. */
export interface Options {
  /** Links per article (default: `4` for `relatedArticles`, `3` for `moreFromAuthor`). */
  limit?: number;
  /**
   * `relatedArticles` only: how many of a tag's other articles, nearest in date, are candidates
   * through that tag. It bounds the work on tags that many articles carry (default: `50`).
   */
  window?: number;
  /**
   * `moreFromAuthor` only: links already shown with each article, by article URL, to leave out
   * (pass the `relatedArticles` result so a story is not listed twice) (default: none).
   */
  exclude?: ReadonlyMap<string, readonly ArticleLink[]>;
}

/**
 * Related stories: the articles that share the most telling tags with each article.
 *
 * A candidate scores the sum, over the tags it shares, of `1 / log2(1 + n)` where `n` is how many
 * articles carry the tag, so a rare tag outweighs a common one. Ties go to the newer article. An
 * article is never related to itself, and one without tags has no related stories.
 *
 * Bound: through each of its tags an article considers at most `window` of that tag's other
 * articles, the ones nearest to it in date; every candidate is then scored on all the tags it
 * shares. The result is exact for tags with at most `window + 1` articles; on a tag that 30% of
 * the archive carries, the stories picked are among the `window` nearest in time rather than the
 * newest in the whole archive. The work is O(N log N + N · t² · window) for N articles with t
 * tags each, whatever the tag sizes: no tag's whole list is ever scanned per article.
 *
 * @param articles Published articles (any order; newest first is what `loadContent` gives).
 * @param options Links per article and the per-tag window.
 * @returns For each article URL, up to `limit` links, best first (empty when none).
 * @throws TypeError When an option is not a positive whole number.
 */
export function relatedArticles(articles: readonly Article[], options: Options = {}): Map<string, ArticleLink[]> {
  const limit = count(options, 'limit', 4);
  const window = count(options, 'window', 50);
  // Work on positions in newest-first order, not input indices: a smaller position is newer,
  // which is the tie-break, and each tag's list of positions comes out sorted by date.
  const order = newestFirst(articles);
  const sorted = order.map((index) => articles[index]!);
  const time = Float64Array.from(sorted, (article) => article.date.instant.getTime());

  // Tags as small integers. Each article's tag ids sit in one flat array (its own run is
  // `tagList[tagStart[p] .. tagStart[p + 1]]`), and with them where the article sits in that
  // tag's newest-first list of articles (`placeIn`).
  const tagIds = new Map<string, number>();
  const members: number[][] = [];
  const tagStart = new Int32Array(sorted.length + 1);
  const ownIds: number[] = [];
  const places: number[] = [];
  sorted.forEach((article, position) => {
    for (const slug of new Set(article.tags.map((tag) => tag.slug))) {
      let id = tagIds.get(slug);
      if (id === undefined) tagIds.set(slug, (id = members.push([]) - 1));
      ownIds.push(id);
      places.push(members[id]!.push(position) - 1);
    }
    tagStart[position + 1] = ownIds.length;
  });
  const tagList = Int32Array.from(ownIds);
  const placeIn = Int32Array.from(places);
  const weight = Float64Array.from(members, (list) => 1 / Math.log2(1 + list.length));

  // Scratch space reused for every article. Marks are stamped with `position + 1`, so they never
  // need clearing; `score` is only read for this article's candidates, which were just written.
  const tagMark = new Int32Array(members.length);
  const seen = new Int32Array(sorted.length);
  const score = new Float64Array(sorted.length);
  const candidates: number[] = [];
  const nearest = new Int32Array(window);
  // Scores within a rounding error of each other are a tie (the same weights summed in another order).
  const before = (a: number, b: number) => (Math.abs(score[a]! - score[b]!) > 1e-9 ? score[a]! > score[b]! : a < b);
  const related = new Map<string, ArticleLink[]>();
  for (let position = 0; position < sorted.length; position++) {
    const stamp = position + 1;
    const from = tagStart[position]!;
    const to = tagStart[position + 1]!;
    for (let at = from; at < to; at++) tagMark[tagList[at]!] = stamp;
    seen[position] = stamp;
    candidates.length = 0;
    for (let at = from; at < to; at++) {
      const found = nearestInDate(members[tagList[at]!]!, placeIn[at]!, time, nearest);
      for (let n = 0; n < found; n++) {
        const other = nearest[n]!;
        if (seen[other] === stamp) continue;
        seen[other] = stamp;
        candidates.push(other);
        let sum = 0;
        for (let their = tagStart[other]!; their < tagStart[other + 1]!; their++) {
          if (tagMark[tagList[their]!] === stamp) sum += weight[tagList[their]!]!;
        }
        score[other] = sum;
      }
    }
    related.set(sorted[position]!.url, topN(candidates, limit, before).map((other) => linkTo(sorted[other]!)));
  }
  return related;
}

/**
 * More from the author: each article's first author's newest other articles, including ones they
 * co-wrote, leaving out any in `exclude`. O(N · (limit + excluded)).
 *
 * @param articles Published articles (any order).
 * @param options `limit`: links per article (default: `3`); `exclude`: links to leave out.
 * @returns For each article URL, up to `limit` links, newest first (empty when none).
 * @throws TypeError When `limit` is not a positive whole number.
 */
export function moreFromAuthor(articles: readonly Article[], options: Omit<Options, 'window'> = {}): Map<string, ArticleLink[]> {
  const limit = count(options, 'limit', 3);
  const exclude = options.exclude ?? new Map<string, readonly ArticleLink[]>();
  const byAuthor = new Map<string, number[]>();
  for (const index of newestFirst(articles)) {
    for (const slug of new Set(articles[index]!.authors.map((author) => author.slug))) {
      const list = byAuthor.get(slug);
      if (list) list.push(index);
      else byAuthor.set(slug, [index]);
    }
  }
  const more = new Map<string, ArticleLink[]>();
  articles.forEach((article, index) => {
    const first = article.authors[0];
    const links: ArticleLink[] = [];
    const shown = new Set((exclude.get(article.url) ?? []).map((link) => link.url));
    // Stops after `limit` links, so it reads at most `limit + shown.size + 1` of the author's list.
    for (const other of (first && byAuthor.get(first.slug)) || []) {
      if (links.length === limit) break;
      if (other !== index && !shown.has(articles[other]!.url)) links.push(linkTo(articles[other]!));
    }
    more.set(article.url, links);
  });
  return more;
}

/** Indices of `articles`, newest first; equal dates keep their input order. */
function newestFirst(articles: readonly Article[]): number[] {
  const time = articles.map((article) => article.date.instant.getTime());
  return articles.map((_, index) => index).sort((a, b) => time[b]! - time[a]! || a - b);
}

/**
 * Write into `out` up to `out.length` entries of a newest-first list nearest in date to the one at
 * `place`, walking outwards from it; on equal distance the newer side comes first. O(out.length).
 *
 * @returns How many were written.
 */
function nearestInDate(list: readonly number[], place: number, time: Float64Array, out: Int32Array): number {
  const at = time[list[place]!]!;
  let newer = place - 1;
  let older = place + 1;
  let taken = 0;
  while (taken < out.length && (newer >= 0 || older < list.length)) {
    const newerGap = newer >= 0 ? time[list[newer]!]! - at : Infinity;
    const olderGap = older < list.length ? at - time[list[older]!]! : Infinity;
    out[taken++] = newerGap <= olderGap ? list[newer--]! : list[older++]!;
  }
  return taken;
}

/** The first `n` of `items` by `before`, without sorting them all. O(items · n). */
function topN(items: readonly number[], n: number, before: (a: number, b: number) => boolean): number[] {
  const best: number[] = [];
  for (const item of items) {
    if (best.length === n && !before(item, best[n - 1]!)) continue;
    let at = best.length;
    while (at > 0 && before(item, best[at - 1]!)) at--;
    best.splice(at, 0, item);
    if (best.length > n) best.pop();
  }
  return best;
}

function linkTo(article: Article): ArticleLink {
  return { title: article.title, url: article.url };
}

function count(options: Options, name: 'limit' | 'window', fallback: number): number {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`Expected the related-stories options to be an object, not \`${String(options)}\``);
  }
  const value = options[name] ?? fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new TypeError(`Expected the related-stories option \`${name}\` to be a whole number of 1 or more, not \`${JSON.stringify(value)}\``);
  }
  return value;
}
