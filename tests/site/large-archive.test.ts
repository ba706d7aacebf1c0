/**
 * An archive bigger than one feed: 60 generated one-paragraph articles on consecutive days, with
 * the default settings (10 per page, 50 feed items). Generated rather than checked in, since only
 * their number and order matter.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/cli/build.ts';
import { siteAt, tempDir, type BuiltSite } from '../helpers/build.ts';
import { readListing } from './archive-model.ts';

const COUNT = 60;
const day = (index: number) => new Date(Date.UTC(2025, 0, 1 + index)).toISOString().slice(0, 10);
/** Newest first, as every listing and the feed should order them. */
const urls = Array.from({ length: COUNT }, (_, index) => `/${day(index).replaceAll('-', '/')}/tide-report-${index + 1}/`).reverse();

let site: BuiltSite;

beforeAll(async () => {
  const root = await tempDir('large');
  const content = path.join(root, 'content');
  await mkdir(path.join(content, 'articles'), { recursive: true });
  await mkdir(path.join(root, 'public'));
  await writeFile(
    path.join(content, 'site.yaml'),
    'name: The Tide Table\nurl: https://tides.example.com\ncopyright: "© The Tide Table"\ntimezone: Asia/Tokyo\n',
  );
  await Promise.all(
    Array.from({ length: COUNT }, (_, index) =>
      writeFile(
        path.join(content, 'articles', `tide-report-${index + 1}.md`),
        `---\ntitle: Tide report number ${index + 1}\ndate: ${day(index)}\nauthor: ${index % 2 ? 'Ada Marsh' : 'Ben Okoro'}\ntags: Tides\n---\n` +
          `High water at the harbour mouth was at ${(index % 12) + 1} o'clock on day ${index + 1}.\n`,
      ),
    ),
  );
  const outputDir = path.join(root, 'site');
  site = siteAt(outputDir, await buildSite({ contentDir: content, publicDir: path.join(root, 'public'), outputDir }), root);
});

afterAll(async () => {
  await site?.cleanup();
});

describe('an archive larger than the feed', () => {
  it('should keep only the newest 50 items in the feed, newest first', async () => {
    const $ = await site.xml('/feed.xml');
    const links = $('channel > item > link')
      .toArray()
      .map((link) => new URL($(link).text()).pathname);
    expect(links).toEqual(urls.slice(0, 50));
  });

  it('should page the front page ten at a time and list every article once', async () => {
    const listing = await readListing(site, '/');
    expect(listing.pages).toEqual(['/', ...Array.from({ length: 5 }, (_, index) => `/page/${index + 2}/`)]);
    expect(listing.cardsPerPage.map((cards) => cards.length)).toEqual([10, 10, 10, 10, 10, 10]);
    expect(listing.cards).toEqual(urls);
  });

  it('should page a tag and an author the same way', async () => {
    expect((await readListing(site, '/tags/tides/')).cards).toEqual(urls);
    expect((await readListing(site, '/authors/ada-marsh/')).cards).toEqual(urls.filter((_, index) => index % 2 === 0));
  });

  it('should leave no page beyond the last one', async () => {
    expect(await site.files()).not.toContain('/page/7/index.html');
    const $ = await site.html('/page/6/');
    expect($('.pagination a[rel=next]')).toHaveLength(0);
  });
});
