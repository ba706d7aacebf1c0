/**
 * Article bodies as feeds carry them: with absolute links. Each body is rewritten once per build,
 * however many feeds (site, tag, author; RSS, Atom, JSON) carry it; parsing the HTML is the
 * costly part of writing feeds.
 */
import type { Article } from '../content/model.ts';
import { absolutizeUrls } from './absolute-urls.ts';

// Keyed by the rendered body, so the cache lives exactly as long as the article's rendering.
const cache = new WeakMap<object, { html: string; pageUrl: string; result: string }>();

/**
 * The article's body HTML with absolute links, as `absolutizeUrls` makes it, remembered per body.
 *
 * @param article The article.
 * @param pageUrl Absolute URL of the article, for fragments and relative paths.
 * @returns The body HTML with absolute links.
 */
export function feedHtml(article: Pick<Article, 'body'>, pageUrl: string): string {
  const { body } = article;
  const hit = cache.get(body);
  if (hit && hit.html === body.html && hit.pageUrl === pageUrl) return hit.result;
  const result = absolutizeUrls(body.html, pageUrl);
  cache.set(body, { html: body.html, pageUrl, result });
  return result;
}
