/**
 * Which pages Eleventy writes in this build: those whose data changed since the previous build.
 * The paginated templates loop over `broadsheet.emit.*`; the rest are re-used (src/output/reuse.ts).
 */
import { createHash } from 'node:crypto';
import { codeVersion } from '../output/code-version.ts';
import { pageKey, pagesToWrite, type PageKeys, type Reuse } from '../output/reuse.ts';
import { sameData } from '../output/same-data.ts';
import { loopTurner } from '../output/let-loop-turn.ts';
import type { SiteData } from './site-data.ts';

/** Article page keys by URL, with the data they were made from: the dev server keeps them between rebuilds. */
export type ArticleKeys = Map<string, { article: SiteData['articles'][number]; shared: string; key: string }>;

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
 * @param previous The previous rebuild's article keys: an article with the same data keeps its key.
 * @returns The pages to write, every page's key, how many were re-used, and the article keys.
 */
export async function planEmit(
  data: SiteData,
  preview: boolean,
  reuse: Reuse | undefined,
  previous?: ArticleKeys,
): Promise<{ emit: EmitPlan; keys: PageKeys; reused: number; articleKeys: ArticleKeys }> {
  // What every page shows besides its own data: the layout's settings, navigation and error panel.
  const shared = createHash('sha256')
    .update(await codeVersion())
    .update(JSON.stringify({ preview, site: data.site, nav: data.pages.map(({ title, url }) => ({ title, url })), errors: data.buildErrors }))
    .digest('hex');
  // Parts many pages share are hashed by a key instead of serialized again: a body by its render
  // key (which its HTML, text and outline follow from), a byline by its author's key, an article
  // inside a listing by its own page key. Keying 10,000 articles hashes 25 MB instead of 37 MB.
  const authorKeys = new Map<object, string>();
  const known = new WeakMap<object, string>();
  const articleKeys: ArticleKeys = new Map();
  // The search index runs alongside: let its Pagefind pipes move (see let-loop-turn.ts).
  const turn = loopTurner();
  for (const article of data.articles) {
    await turn();
    const before = previous?.get(article.url);
    let key = before?.shared === shared && sameData(before.article, article) ? before.key : undefined;
    if (key === undefined) {
      const authors = article.authors.map((author) => authorKeys.get(author) ?? authorKeys.set(author, pageKey('', author)).get(author)!);
      key = pageKey(shared, { ...article, authors, body: article.body.key ?? article.body });
    }
    known.set(article, key);
    articleKeys.set(article.url, { article, shared, key });
  }

  const keys: PageKeys = {};
  const select = <T>(items: readonly T[], url: (item: T) => string, key: (item: T) => string) => pagesToWrite(items, url, key, reuse, keys);
  // One after the other: `keys` is filled in page order.
  const emit: EmitPlan = {
    articles: await select(data.articles, (article) => article.url, (article) => known.get(article)!),
    listings: await select(data.listings, (listing) => listing.url, (listing) => pageKey(shared, listing, known)),
    // A feed known by its source is keyed without being made: only changed feeds are made at all.
    feedFiles: await select(data.feedFiles, (file) => file.url, (file) =>
      file.source === undefined ? pageKey(shared, file) : pageKey(shared, { url: file.url, source: file.source }, known),
    ),
    redirects: await select(data.redirects, (redirect) => redirect.from, (redirect) => pageKey(shared, redirect)),
    pages: await select(data.pages, (page) => page.url, (page) => pageKey(shared, page)),
  };
  const written = Object.values(emit).reduce((sum, list: unknown[]) => sum + list.length, 0);
  return { emit, keys, reused: Object.keys(keys).length - written, articleKeys };
}
