/**
 * Addresses the site itself publishes, which no page or old-URL alias may take.
 */
import { report } from '../errors/report.ts';
import type { Entry } from './read-entries.ts';
import type { ArticleFrontmatter } from './schema.ts';
import { toSlug } from './slug.ts';

/** Top-level URL segments the site itself uses; no page or slug may take them. */
const RESERVED = new Set(['tags', 'authors', 'archive', 'page', 'feed', 'search', 'assets', 'pagefind', '404']);

/** Files the site writes at its root (also link targets `npm run check` accepts). */
export const SITE_FILES = new Set(['/', '/feed.xml', '/atom.xml', '/feed.json', '/sitemap.xml', '/news-sitemap.xml', '/robots.txt', '/_redirects', '/404.html', '/favicon.svg']);
// The archive's own addresses (/2025/, /2025/03/, /page/2/) and sitemap parts.
const SITE_PATHS = /^\/(\d{4}\/(\d{2}\/)?(page\/\d+\/)?|sitemap-\d+\.xml)$/;

/**
 * The address an alias is published at: `/old/index.html` and `/old` are `/old/` (a redirect page
 * needs a file name, and hosts serve `/old` from `/old/index.html`); `/old.html` stays as it is.
 */
export function normalizeAlias(alias: string): string {
  const folder = alias.replace(/\/index\.html?$/, '/');
  return folder.endsWith('/') || /\.[A-Za-z0-9]+$/.test(folder) ? folder : `${folder}/`;
}

/**
 * Report aliases that name an address the site publishes, or pass through one as a folder.
 *
 * @param entry A validated article.
 * @param reservedUrls Other addresses taken, such as the files in `public/`.
 */
export function checkAliases(entry: Entry<ArticleFrontmatter>, reservedUrls: ReadonlySet<string>): void {
  entry.data.aliases.forEach((alias, index) => {
    const url = normalizeAlias(alias);
    const segments = url.split('/').filter(Boolean);
    // The address itself, and every folder on its way, must be free: `/feed.xml/` would need
    // `feed.xml` to be a folder.
    const ancestors = segments.map((_, depth) => `/${segments.slice(0, depth + 1).join('/')}`);
    const taken = (path: string) => SITE_FILES.has(path) || reservedUrls.has(path);
    if (taken(url) || ancestors.some(taken) || SITE_PATHS.test(url) || RESERVED.has(segments[0] ?? '') || url === '/') {
      report(entry.file, 'alias-reserved', entry.places.get(`aliases.${index}`) ?? entry.places.get('aliases'), alias);
    }
  });
}

/**
 * Report a page whose file name would take an address the site uses.
 *
 * @param entry A validated page.
 */
export function checkPageSlug(entry: Entry<unknown>): void {
  const slug = toSlug(entry.stem);
  if (!slug || RESERVED.has(slug) || /^\d+$/.test(slug)) report(entry.file, 'reserved-slug', { line: 1, column: 1 }, slug || entry.stem);
}
