/**
 * Absolute URLs for feeds and sitemaps.
 */
import type { SiteConfig } from '../content/schema.ts';

/**
 * Turn a site-relative URL into an absolute one, percent-encoded as RFC 3986 requires (a tag slug
 * may keep non-Latin letters: `/tags/北京/` becomes `/tags/%E5%8C%97%E4%BA%AC/`).
 *
 * @param site Site settings; `site.url` has no trailing slash and may include a path.
 * @param url Site-relative URL starting with `/`.
 * @returns The absolute URL.
 */
export function absoluteUrl(site: Pick<SiteConfig, 'url'>, url: string): string {
  return new URL(site.url + url).href;
}
