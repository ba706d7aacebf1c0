/**
 * Writes the stock-Eleventy baseline site for an archive (see `baseline-files.ts`), once.
 */
import { cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BENCH_SITE_URL } from './archive.ts';
import {
  ARTICLE_LAYOUT, ARTICLES_DATA, BASE_LAYOUT, CONFIG, FEED_TEMPLATE, INDEX_TEMPLATES, LISTING_TEMPLATE,
  NOT_FOUND_TEMPLATE, PAGES_DATA, siteData,
} from './baseline-files.ts';

/** Bump when the baseline's files change, so existing baseline folders are rewritten. */
export const BASELINE_VERSION = 1;

const MARKER = '.bench-baseline.json';

/**
 * Make sure `baselineDir` holds the baseline site for the archive in `contentDir`: `eleventy.config.js`
 * and `src/` (templates, data, and a copy of the articles and About page).
 *
 * @param baselineDir The baseline folder.
 * @param contentDir The generated archive.
 * @param archiveStamp Identifies the archive (its marker text); a different one rewrites the folder.
 * @returns Whether files were written.
 */
export async function ensureBaseline(baselineDir: string, contentDir: string, archiveStamp: string): Promise<boolean> {
  const stamp = JSON.stringify({ version: BASELINE_VERSION, archive: archiveStamp });
  if ((await readFile(path.join(baselineDir, MARKER), 'utf8').catch(() => '')) === stamp) return false;
  const staging = `${baselineDir}.tmp-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  const src = path.join(staging, 'src');
  for (const folder of ['_includes', '_data', 'pages']) await mkdir(path.join(src, folder), { recursive: true });
  await writeFile(path.join(staging, 'eleventy.config.js'), CONFIG);
  await writeFile(path.join(src, '_includes', 'base.njk'), BASE_LAYOUT);
  await writeFile(path.join(src, '_includes', 'article.njk'), ARTICLE_LAYOUT);
  await writeFile(path.join(src, '_data', 'site.json'), siteData('The Benchmark Gazette', BENCH_SITE_URL, '© The Benchmark Gazette. All rights reserved.'));
  await writeFile(path.join(src, 'listing.njk'), LISTING_TEMPLATE);
  for (const [name, text] of Object.entries(INDEX_TEMPLATES)) await writeFile(path.join(src, name), text);
  await writeFile(path.join(src, '404.njk'), NOT_FOUND_TEMPLATE);
  await writeFile(path.join(src, 'feed.njk'), FEED_TEMPLATE);
  // The same files, frontmatter kept; layout and permalink come from the directory data files.
  await cp(path.join(contentDir, 'articles'), path.join(src, 'articles'), { recursive: true });
  await writeFile(path.join(src, 'articles', 'articles.json'), ARTICLES_DATA);
  await cp(path.join(contentDir, 'pages', 'about.md'), path.join(src, 'pages', 'about.md'));
  await writeFile(path.join(src, 'pages', 'pages.json'), PAGES_DATA);
  await writeFile(path.join(staging, MARKER), stamp);
  await rm(baselineDir, { recursive: true, force: true });
  await rename(staging, baselineDir);
  return true;
}
