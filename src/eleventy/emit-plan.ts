/**
 * Which pages Eleventy writes in this build: those whose data changed since the previous build.
 * The paginated templates loop over `broadsheet.emit.*`; the rest are re-used (src/output/reuse.ts).
 */
import { createHash } from 'node:crypto';
import type { Article } from '../content/model.ts';
import { codeVersion } from '../output/code-version.ts';
import { pageKey, pagesToWrite, type PageKeys, type Reuse } from '../output/reuse.ts';
import type { SiteData } from './site-data.ts';

/** The pages to write, by template. */
export interface EmitPlan {
  articles: SiteData['articles'];
  listings: SiteData['listings'];
  feedFiles: SiteData['feedFiles'];
  redirects: SiteData['redirects'];
  pages: SiteData['pages'];
}

/**
 * Key every page and keep those that must be written.
 *
 * @param data The site's data.
 * @param preview Whether this is a preview (its pages differ from a build's).
 * @param reuse The previous build, if any.
 * @returns The pages to write, every page's key, and how many were re-used.
 */
export async function planEmit(data: SiteData, preview: boolean, reuse: Reuse | undefined): Promise<{ emit: EmitPlan; keys: PageKeys; reused: number }> {
  // What every page shows besides its own data: the layout's settings, navigation and error panel.
  const shared = createHash('sha256')
    .update(await codeVersion())
    .update(JSON.stringify({ preview, site: data.site, nav: data.pages.map(({ title, url }) => ({ title, url })), errors: data.buildErrors }))
    .digest('hex');
  const articleKeys = new WeakMap<Article, string>();
  for (const article of data.articles) articleKeys.set(article, pageKey(shared, article));

  const keys: PageKeys = {};
  const select = <T>(items: readonly T[], url: (item: T) => string, key: (item: T) => string) =>
    pagesToWrite(items.map((page) => ({ page, url: url(page), key: key(page) })), reuse, keys);
  const emit: EmitPlan = {
    articles: select(data.articles, (article) => article.url, (article) => articleKeys.get(article)!),
    listings: select(data.listings, (listing) => listing.url, (listing) => pageKey(shared, listing, articleKeys)),
    // A feed known by its source is keyed without being made: only changed feeds are made at all.
    feedFiles: select(data.feedFiles, (file) => file.url, (file) =>
      file.source === undefined ? pageKey(shared, file) : pageKey(shared, { url: file.url, source: file.source }, articleKeys),
    ),
    redirects: select(data.redirects, (redirect) => redirect.from, (redirect) => pageKey(shared, redirect)),
    pages: select(data.pages, (page) => page.url, (page) => pageKey(shared, page)),
  };
  const written = Object.values(emit).reduce((sum, list: unknown[]) => sum + list.length, 0);
  return { emit, keys, reused: Object.keys(keys).length - written };
}
