/**
 * robots.txt: let every crawler in, and point it at the sitemaps.
 * Spec: https://www.rfc-editor.org/rfc/rfc9309
 */
import type { SiteConfig } from '../content/schema.ts';
import { absoluteUrl } from './site-url.ts';

/**
 * Write robots.txt. Crawlers read it only at the root of a host, so a site served under a path
 * (`https://example.org/news`) needs the host's own robots.txt to list these sitemaps instead.
 *
 * @param site Site settings (base URL).
 * @returns The text, ending in a newline.
 */
export function renderRobots(site: Pick<SiteConfig, 'url'>): string {
  const sitemaps = ['/sitemap.xml', '/news-sitemap.xml'].map((url) => `Sitemap: ${absoluteUrl(site, url)}\n`);
  return `User-agent: *\nAllow: /\n${sitemaps.join('')}`;
}
