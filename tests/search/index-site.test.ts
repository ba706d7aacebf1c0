/**
 * The search index: one Pagefind bundle per year, listed in `pagefind/shards.json`, with only the
 * years whose documents changed indexed again and the others linked from the previous site.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewsDate } from '../../src/content/dates.ts';
import { loadContent } from '../../src/content/load.ts';
import { createFilters } from '../../src/eleventy/filters.ts';
import { searchDocuments, type SearchDocument } from '../../src/search/documents.ts';
import * as indexSite from '../../src/search/index-site.ts';
import { SearchIndexError, writeSearchIndex } from '../../src/search/index-site.ts';
import type { Manifest } from '../../src/search/manifest.ts';
import { fixture, listFiles, tempDir } from '../helpers/build.ts';

/** A document dated 1 May of its year. */
function doc(slug: string, year: number, text = `Harbour news about ${slug}.`): SearchDocument {
  return {
    url: `/${year}/05/01/${slug}/`,
    title: `Story ${slug}`,
    text,
    year,
    date: `${year}-05-01T12:00:00.000Z`,
    displayDate: `May 1, ${year}`,
    authors: ['Amara Okafor'],
    tags: ['Harbour'],
  };
}

const threeYears = [doc('ferry', 2025), doc('budget', 2025), doc('dredging', 2024), doc('storm', 2023)];

async function manifestOf(siteDir: string): Promise<Manifest> {
  return JSON.parse(await readFile(path.join(siteDir, 'pagefind', 'shards.json'), 'utf8')) as Manifest;
}

/** A fresh, empty site folder inside `root`. */
async function siteIn(root: string, name: string): Promise<string> {
  const dir = path.join(root, name);
  await mkdir(dir, { recursive: true });
  return dir;
}

/** The inode of every file of a bundle, by relative path. */
async function inodes(bundle: string): Promise<Map<string, number>> {
  const files = await listFiles(bundle);
  return new Map(await Promise.all(files.map(async (file) => [file, (await stat(path.join(bundle, file))).ino] as const)));
}

describe('writeSearchIndex', () => {
  let root: string;
  let first: string;

  beforeAll(async () => {
    root = await tempDir('search-index');
    first = await siteIn(root, 'first');
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('should export writeSearchIndex and SearchIndexError only', () => {
    expect(Object.keys(indexSite).sort()).toEqual(['SearchIndexError', 'writeSearchIndex']);
  });

  it('should write one bundle per year and list them newest first in shards.json', async () => {
    expect(await writeSearchIndex({ siteDir: first, documents: threeYears })).toEqual({ pages: 4, shards: 3, rebuilt: 3 });
    const manifest = await manifestOf(first);
    expect(manifest).toMatchObject({ format: expect.any(String), pagefind: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(manifest.shards.map(({ name, bundle, pages }) => ({ name, bundle, pages }))).toEqual([
      { name: '2025', bundle: '/pagefind/2025/', pages: 2 },
      { name: '2024', bundle: '/pagefind/2024/', pages: 1 },
      { name: '2023', bundle: '/pagefind/2023/', pages: 1 },
    ]);
    for (const shard of manifest.shards) {
      expect(shard.key).toMatch(/^[0-9a-f]{64}$/);
      const files = await listFiles(path.join(first, 'pagefind', shard.name));
      expect(files).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-entry.json', 'pagefind-ui.js', 'pagefind-ui.css']));
      expect(files.some((file) => /^fragment\/.+\.pf_fragment$/.test(file))).toBe(true);
      expect(files.some((file) => /^filter\/.+\.pf_filter$/.test(file))).toBe(true);
      expect(files.some((file) => /^wasm\..+\.pagefind$/.test(file))).toBe(true);
      expect(shard.files).toBe(files.length);
    }
  });

  it('should put the Pagefind UI files at /pagefind/, the paths the search page loads', async () => {
    for (const file of ['pagefind-ui.js', 'pagefind-ui.css']) {
      expect(await readFile(path.join(first, 'pagefind', file))).toEqual(await readFile(path.join(first, 'pagefind', '2025', file)));
    }
  });

  it('should index only the documents of its year in each bundle', async () => {
    const entry = async (year: string) =>
      JSON.parse(await readFile(path.join(first, 'pagefind', year, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect((await entry('2025')).languages.en?.page_count).toBe(2);
    expect((await entry('2023')).languages.en?.page_count).toBe(1);
  });

  it('should rebuild only the year whose document changed and hard-link the other years', async () => {
    const second = await siteIn(root, 'second');
    const changed = threeYears.map((document) => (document.year === 2024 ? { ...document, text: 'The dredging was postponed.' } : document));
    expect(await writeSearchIndex({ siteDir: second, previousDir: first, documents: changed })).toEqual({ pages: 4, shards: 3, rebuilt: 1 });

    const [before, after] = [await manifestOf(first), await manifestOf(second)];
    expect(after.shards.map((shard) => shard.key === before.shards.find((old) => old.name === shard.name)?.key)).toEqual([true, false, true]);
    for (const year of ['2025', '2023']) {
      const [old, linked] = [await inodes(path.join(first, 'pagefind', year)), await inodes(path.join(second, 'pagefind', year))];
      expect([...linked.keys()].sort()).toEqual([...old.keys()].sort());
      for (const [file, inode] of linked) expect(inode, `${year}/${file}`).toBe(old.get(file));
    }
    const rebuilt = await inodes(path.join(second, 'pagefind', '2024'));
    const previous = await inodes(path.join(first, 'pagefind', '2024'));
    expect([...rebuilt].some(([file, inode]) => previous.get(file) !== inode)).toBe(true);
  });

  it('should re-use every year when nothing changed', async () => {
    const again = await siteIn(root, 'again');
    expect(await writeSearchIndex({ siteDir: again, previousDir: first, documents: [...threeYears].reverse() })).toEqual({ pages: 4, shards: 3, rebuilt: 0 });
    expect((await manifestOf(again)).shards).toEqual((await manifestOf(first)).shards);
    expect(await readFile(path.join(again, 'pagefind', 'pagefind-ui.js'))).toEqual(await readFile(path.join(first, 'pagefind', 'pagefind-ui.js')));
  });

  it('should drop a year that no longer has documents', async () => {
    const fewer = await siteIn(root, 'fewer');
    const result = await writeSearchIndex({ siteDir: fewer, previousDir: first, documents: threeYears.filter((document) => document.year !== 2023) });
    expect(result).toEqual({ pages: 3, shards: 2, rebuilt: 0 });
    expect((await manifestOf(fewer)).shards.map((shard) => shard.name)).toEqual(['2025', '2024']);
    await expect(stat(path.join(fewer, 'pagefind', '2023'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('should rebuild every year when the previous site has no usable manifest', async () => {
    const cases: Record<string, (pagefindDir: string) => Promise<void>> = {
      'no pagefind folder': (dir) => rm(dir, { recursive: true, force: true }),
      'no manifest': (dir) => unlink(path.join(dir, 'shards.json')),
      'a damaged manifest': (dir) => writeFile(path.join(dir, 'shards.json'), '{"format": "broadsheet-search/1", "shards": [{'),
      'an older format': async (dir) => {
        const manifest = JSON.parse(await readFile(path.join(dir, 'shards.json'), 'utf8')) as Manifest;
        await writeFile(path.join(dir, 'shards.json'), JSON.stringify({ ...manifest, format: 'broadsheet-search/0' }));
      },
    };
    for (const [label, damage] of Object.entries(cases)) {
      const previous = await siteIn(root, `previous-${label}`);
      await writeSearchIndex({ siteDir: previous, previousDir: first, documents: threeYears });
      await damage(path.join(previous, 'pagefind'));
      const next = await siteIn(root, `next-${label}`);
      expect(await writeSearchIndex({ siteDir: next, previousDir: previous, documents: threeYears }), label).toEqual({ pages: 4, shards: 3, rebuilt: 3 });
    }
  });

  it('should rebuild a year whose previous bundle lost a file, and re-use the rest', async () => {
    const previous = await siteIn(root, 'damaged');
    await writeSearchIndex({ siteDir: previous, previousDir: first, documents: threeYears });
    await unlink(path.join(previous, 'pagefind', '2024', 'pagefind-entry.json'));
    const next = await siteIn(root, 'repaired');
    expect(await writeSearchIndex({ siteDir: next, previousDir: previous, documents: threeYears })).toEqual({ pages: 4, shards: 3, rebuilt: 1 });
    expect(await listFiles(path.join(next, 'pagefind', '2024'))).toContain('pagefind-entry.json');
  });

  it('should rebuild everything when the previous site is the site being written', async () => {
    const same = await siteIn(root, 'same');
    await writeSearchIndex({ siteDir: same, previousDir: first, documents: threeYears });
    expect(await writeSearchIndex({ siteDir: same, previousDir: same, documents: threeYears })).toEqual({ pages: 4, shards: 3, rebuilt: 3 });
  });

  it('should build with a single Pagefind process too', async () => {
    const single = await siteIn(root, 'single');
    expect(await writeSearchIndex({ siteDir: single, documents: threeYears, concurrency: 1 })).toEqual({ pages: 4, shards: 3, rebuilt: 3 });
    expect((await manifestOf(single)).shards.map((shard) => shard.key)).toEqual((await manifestOf(first)).shards.map((shard) => shard.key));
  });

  it('should index a year of more than 1,000 stories, built alone, beside the small years', async () => {
    const large = await siteIn(root, 'large');
    const busyYear = Array.from({ length: 1_001 }, (_, index) => doc(`story-${index}`, 2024));
    const result = await writeSearchIndex({ siteDir: large, documents: [...threeYears, ...busyYear] });
    expect(result).toEqual({ pages: 1_005, shards: 3, rebuilt: 3 });
    expect((await manifestOf(large)).shards.map((shard) => [shard.name, shard.pages])).toEqual([
      ['2025', 2],
      ['2024', 1_002],
      ['2023', 1],
    ]);
  });

  it('should index a year once its documents are ready, and the other years meanwhile', async () => {
    const waiting = await siteIn(root, 'waiting');
    let rendered = false;
    let release!: () => void;
    const ready = new Promise<void>((resolve) => (release = resolve)).then(() => (rendered = true));
    // 2025's text cannot be read until it is ready, as an article still being rendered.
    const pending = threeYears.map((document) =>
      document.year === 2025
        ? {
            ...document,
            ready,
            textKey: document.text,
            get text() {
              if (!rendered) throw new Error(`${document.url} read before it was rendered`);
              return document.text;
            },
          }
        : document,
    );
    const indexing = writeSearchIndex({ siteDir: waiting, documents: pending });
    // The older years are indexed on the second process while 2025 waits.
    const entry = path.join(waiting, 'pagefind', '2023', 'pagefind-entry.json');
    await expect.poll(() => stat(entry).then(() => true, () => false), { timeout: 15_000 }).toBe(true);
    release();
    expect(await indexing).toEqual({ pages: 4, shards: 3, rebuilt: 3 });
    const summary = (manifest: Manifest) => manifest.shards.map(({ name, key, pages }) => ({ name, key, pages }));
    expect(summary(await manifestOf(waiting))).toEqual(summary(await manifestOf(first)));
  });

  it('should hand a process its next years at once, so it indexes them while this thread is busy', async () => {
    const held = await siteIn(root, 'held');
    const entries = ['2025', '2024', '2023'].map((year) => path.join(held, 'pagefind', year, 'pagefind-entry.json'));
    // Once 2025 is handed over, this thread is held, as Eleventy holds it while it writes pages:
    // the event loop does not turn until every year is written or 10 s have passed.
    let writtenWhileHeld: Promise<string[]> | undefined;
    const hold = () =>
      new Promise<string[]>((resolve) =>
        setImmediate(() => {
          const until = Date.now() + 10_000;
          while (Date.now() < until && !entries.every((entry) => existsSync(entry))) continue;
          resolve(entries.filter((entry) => existsSync(entry)));
        }),
      );
    const documents = threeYears.map((document) =>
      document.year === 2025
        ? {
            ...document,
            // Planning the years reads the key, not the text (as for a rendered body in a build).
            textKey: document.text,
            get text() {
              writtenWhileHeld ??= hold();
              return document.text;
            },
          }
        : document,
    );
    expect(await writeSearchIndex({ siteDir: held, documents, concurrency: 1 })).toEqual({ pages: 4, shards: 3, rebuilt: 3 });
    expect(await writtenWhileHeld).toEqual(entries);
  });

  it('should stop, writing no further bundle, when its signal aborts', async () => {
    const stopped = await siteIn(root, 'stopped');
    const stop = new AbortController();
    let release!: () => void;
    const ready = new Promise<void>((resolve) => (release = resolve));
    const indexing = writeSearchIndex({ siteDir: stopped, documents: threeYears.map((document) => ({ ...document, ready })), signal: stop.signal, concurrency: 1 });
    stop.abort();
    release();
    await expect(indexing).rejects.toBeInstanceOf(SearchIndexError);
    expect(await listFiles(path.join(stopped, 'pagefind'))).toEqual([]);
  });

  it('should still write the UI files and an empty list when there is nothing to index', async () => {
    const empty = await siteIn(root, 'empty');
    expect(await writeSearchIndex({ siteDir: empty, previousDir: first, documents: [] })).toEqual({ pages: 0, shards: 0, rebuilt: 0 });
    expect((await manifestOf(empty)).shards).toEqual([]);
    expect((await listFiles(path.join(empty, 'pagefind'))).sort()).toEqual(['pagefind-ui.css', 'pagefind-ui.js', 'shards.json']);
  });

  it('should throw a SearchIndexError naming the folder when the site folder does not exist', async () => {
    const missing = path.join(root, 'nothing-here');
    const failure = writeSearchIndex({ siteDir: missing, documents: threeYears });
    await expect(failure).rejects.toBeInstanceOf(SearchIndexError);
    await expect(failure).rejects.toThrow(`Cannot build the search index: \`${missing}\` is not a folder. Build the site first, then index it.`);
  });

  it('should throw a SearchIndexError when two documents share a URL or a year is not a whole number', async () => {
    const site = await siteIn(root, 'bad-documents');
    const twice = writeSearchIndex({ siteDir: site, documents: [doc('ferry', 2025), doc('ferry', 2025)] });
    await expect(twice).rejects.toBeInstanceOf(SearchIndexError);
    await expect(twice).rejects.toThrow('two documents have the URL `/2025/05/01/ferry/`');
    const fraction = writeSearchIndex({ siteDir: site, documents: [{ ...doc('ferry', 2025), year: 2025.5 }] });
    await expect(fraction).rejects.toBeInstanceOf(SearchIndexError);
    await expect(fraction).rejects.toThrow('has the year `2025.5`');
  });
});

describe('the basic fixture', () => {
  it('should index every published article, in one bundle per year', async () => {
    const { content } = await loadContent({ contentDir: fixture('basic').contentDir });
    const documents = searchDocuments(content.articles, createFilters(content.site).readableDate as (date: NewsDate) => string);
    const root = await tempDir('search-basic');
    try {
      const result = await writeSearchIndex({ siteDir: root, documents, language: content.site.language });
      const years = new Set(content.articles.map((article) => article.date.year));
      expect(result).toEqual({ pages: content.articles.length, shards: years.size, rebuilt: years.size });
      const manifest = await manifestOf(root);
      expect(manifest.shards.map((shard) => Number(shard.name))).toEqual([...years].sort((a, b) => b - a));
      expect(manifest.shards.reduce((sum, shard) => sum + shard.pages, 0)).toBe(content.articles.length);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
