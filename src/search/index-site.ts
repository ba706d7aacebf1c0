/**
 * Builds the Pagefind search index for a written site, through Pagefind's Node API. The build
 * calls it on the staging folder before the swap, so the index always matches the pages.
 *
 * What gets indexed is decided by the markup: only elements marked `data-pagefind-body` (the
 * article's `<article class="story">`), with `data-pagefind-meta`, `data-pagefind-filter` and
 * `data-pagefind-ignore` inside them. See https://pagefind.app/docs/indexing/.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';

/** What `indexSite` wrote. */
export interface IndexResult {
  /** Pages in the index: those with a `data-pagefind-body` element (every page when none has one). */
  pages: number;
}

/** Thrown when Pagefind cannot index a site; `cause` keeps Pagefind's own error, if any. */
export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

/**
 * Index every HTML page under `siteDir` and write the bundle (`pagefind.js`, the Pagefind UI,
 * the index and fragment files) to `<siteDir>/pagefind/`.
 *
 * @param siteDir The written site (the staging folder during a build).
 * @returns How many pages were indexed.
 * @throws SearchIndexError When the folder is missing or Pagefind reports an error.
 */
export async function indexSite(siteDir: string): Promise<IndexResult> {
  const root = path.resolve(siteDir);
  const isFolder = await stat(root).then((info) => info.isDirectory(), () => false);
  if (!isFolder) throw new SearchIndexError(`Cannot build the search index: \`${root}\` is not a folder. Build the site first, then index it.`);
  const fail = (step: string, detail: unknown): never => {
    const reason = Array.isArray(detail) ? detail.join('; ') : detail instanceof Error ? detail.message : String(detail);
    throw new SearchIndexError(`Pagefind could not ${step} for the site in \`${root}\`: ${reason}. The site was not published; fix the cause and build again.`, {
      cause: detail,
    });
  };
  try {
    const created = await pagefind.createIndex({}).catch((error: unknown) => fail('start', error));
    if (created.errors.length || !created.index) fail('start', created.errors);
    const index = created.index!;
    const added = await index.addDirectory({ path: root });
    if (added.errors.length) fail('index the pages', added.errors);
    const bundle = path.join(root, 'pagefind');
    const written = await index.writeFiles({ outputPath: bundle });
    if (written.errors.length) fail('write the index', written.errors);
    // `page_count` above counts every HTML file read; the entry file counts the pages indexed.
    return { pages: await indexedPages(bundle) };
  } catch (error) {
    if (error instanceof SearchIndexError) throw error;
    return fail('index the pages', error);
  } finally {
    // Stops Pagefind's helper process, so the build (and a test run) can exit.
    await pagefind.close();
  }
}

/** Pages in a written bundle, summed over its languages. */
async function indexedPages(bundle: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}
