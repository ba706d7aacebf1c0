/**
 * The Pagefind index: on its own over a hand-made folder, and as the build's `beforeSwap` step over
 * `tests/sites/basic/`, where only article pages (marked `data-pagefind-body`) may be indexed.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexSite, SearchIndexError } from '../../src/search/index-site.ts';
import { buildFixture, fixture, listFiles, tempDir, type BuiltSite } from '../helpers/build.ts';
import { readArchive } from '../site/archive-model.ts';

/** Pages per language, from the bundle's entry file. */
async function indexedPages(siteDir: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(siteDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

describe('indexSite', () => {
  it('should index only the pages marked data-pagefind-body and write the bundle into pagefind/', async () => {
    const root = await tempDir('pagefind-folder');
    const page = (title: string, body: boolean) =>
      `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main><article${body ? ' data-pagefind-body' : ''}><h1>${title}</h1><p>Harbour news.</p></article></main></body></html>`;
    await mkdir(path.join(root, 'one'), { recursive: true });
    await mkdir(path.join(root, 'tags'), { recursive: true });
    await writeFile(path.join(root, 'one', 'index.html'), page('Dredging begins', true));
    await writeFile(path.join(root, 'index.html'), page('Front page', true));
    await writeFile(path.join(root, 'tags', 'index.html'), page('Topics', false));

    try {
      expect(await indexSite(root)).toEqual({ pages: 2 });
      const files = await listFiles(path.join(root, 'pagefind'));
      expect(files).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-ui.js', 'pagefind-ui.css', 'pagefind-entry.json']));
      expect(files.some((file) => file.startsWith('index/'))).toBe(true);
      expect(files.some((file) => file.startsWith('fragment/'))).toBe(true);
      expect(await indexedPages(root)).toBe(2);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('should throw a SearchIndexError naming the folder when it does not exist', async () => {
    const root = await tempDir('pagefind-missing');
    const missing = path.join(root, 'nothing-here');
    try {
      const failure = indexSite(missing);
      await expect(failure).rejects.toBeInstanceOf(SearchIndexError);
      await expect(failure).rejects.toThrow(`Cannot build the search index: \`${missing}\` is not a folder.`);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('the basic fixture, indexed before the swap', () => {
  const { articles } = readArchive(fixture('basic').contentDir);
  let site: BuiltSite;
  let pages = -1;

  beforeAll(async () => {
    site = await buildFixture('basic', {
      beforeSwap: async (stagingDir) => {
        ({ pages } = await indexSite(stagingDir));
      },
    });
  });

  afterAll(async () => {
    await site?.cleanup();
  });

  it('should publish the Pagefind bundle with the site', async () => {
    const files = await site.files();
    for (const file of ['/pagefind/pagefind.js', '/pagefind/pagefind-ui.js', '/pagefind/pagefind-ui.css', '/pagefind/pagefind-entry.json']) {
      expect(files).toContain(file);
    }
    expect(files.some((file) => /^\/pagefind\/index\/.+\.pf_index$/.test(file))).toBe(true);
    expect(files.some((file) => /^\/pagefind\/fragment\/.+\.pf_fragment$/.test(file))).toBe(true);
    expect(files.some((file) => /^\/pagefind\/wasm\..+\.pagefind$/.test(file))).toBe(true);
  });

  it('should index every published article and nothing else', async () => {
    expect(pages).toBe(articles.length);
    expect(await indexedPages(site.outputDir)).toBe(articles.length);
  });

  it("should mark each story's headline, date and authors as metadata, and its year, tags and authors as filters", async () => {
    // Filter names and values are inside compressed files; the browser test checks them in the UI.
    expect((await site.files()).some((file) => file.startsWith('/pagefind/filter/'))).toBe(true);
    const $ = await site.html(articles[0]!.url);
    const story = $('article.story[data-pagefind-body]');
    expect(story).toHaveLength(1);
    expect(story.attr('data-pagefind-filter')).toBe(`year:${articles[0]!.day.slice(0, 4)}`);
    expect(story.find('[data-pagefind-filter="tag"]').length).toBe(articles[0]!.tags.length);
    expect(story.find('[data-pagefind-filter="author"]').length).toBe(articles[0]!.authors.length);
    expect(story.find('h1[data-pagefind-meta="title"]')).toHaveLength(1);
    expect(story.attr('data-pagefind-meta')).toMatch(/^date:\w+ \d{1,2}, \d{4}$/);
    expect(story.find('[data-pagefind-meta^="author:"]').attr('data-pagefind-meta')).toBe(`author:${articles[0]!.authors.map((author) => author.name).join(', ')}`);
  });
});
