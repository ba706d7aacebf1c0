/**
 * Newsroom features visible in a built site: corrections, old URLs that keep working, drafts and
 * scheduled stories held back (and shown with a badge in a preview build), sharing metadata.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, fileForUrl, type BuiltSite } from '../helpers/build.ts';

const ferry = '/2025/03/04/ferry-fares-rise/';
const quay = '/2025/03/02/quay-works/';
const quayTitle = `</script><script>alert('ld')</script> Quay works "begin" & end`;

let site: BuiltSite;
let preview: BuiltSite;

beforeAll(async () => {
  site = await buildFixture('newsroom');
  preview = await buildFixture('newsroom', { preview: true });
});

afterAll(async () => {
  await site?.cleanup();
  await preview?.cleanup();
});

describe('corrections', () => {
  it('should show every correction in a marked box, oldest first', async () => {
    const $ = await site.html(ferry);
    const box = $('aside.corrections');
    expect(box.find('h2').text()).toBe('Corrections');
    expect(box.find('li time').map((_, time) => $(time).attr('datetime')).get()).toEqual(['2025-03-05', '2025-03-06']);
    expect(box.text()).toContain('It is 4.40.');
  });

  it('should count the latest correction as the modification date', async () => {
    const $ = await site.html(ferry);
    const data = JSON.parse($('script[type="application/ld+json"]').text());
    expect(data.dateModified).toBe('2025-03-06T05:00:00.000Z');
    expect($('meta[property="article:modified_time"]').attr('content')).toBe('2025-03-06T05:00:00.000Z');
  });
});

describe('corrections in feeds', () => {
  it('should date the entry by its latest correction in Atom and JSON Feed', async () => {
    const $ = await site.xml('/atom.xml');
    const entry = $('entry').filter((_, element) => $(element).find('link[rel="alternate"]').attr('href')!.endsWith(ferry));
    expect(entry.find('updated').text()).toBe('2025-03-06T00:00:00-05:00');
    const feed = JSON.parse(await readFile(fileForUrl(site.outputDir, '/feed.json'), 'utf8')) as { items: Array<{ url: string; date_modified: string }> };
    expect(feed.items.find((item) => item.url.endsWith(ferry))?.date_modified).toBe('2025-03-06T00:00:00-05:00');
  });
});

describe('old URLs (aliases)', () => {
  it('should publish a redirect page at each old address, pointing at the article', async () => {
    for (const old of ['/news/2025/ferry-fares.html', '/stories/ferry-fares-rise/']) {
      const $ = await site.html(old);
      expect($('meta[http-equiv="refresh"]').attr('content')).toBe(`0; url=${ferry}`);
      expect($('link[rel="canonical"]').attr('href')).toBe(`https://gazette.example.com${ferry}`);
      expect($('a').attr('href')).toBe(ferry);
    }
  });

  it('should list them as permanent redirects in _redirects', async () => {
    const lines = (await readFile(fileForUrl(site.outputDir, '/_redirects'), 'utf8')).trim().split('\n');
    expect(lines).toEqual([`/news/2025/ferry-fares.html ${ferry} 301`, `/stories/ferry-fares-rise/ ${ferry} 301`]);
  });
});

describe('drafts and scheduled stories', () => {
  it('should leave them out of every page and feed of a production build', async () => {
    const files = await site.files();
    expect(files.some((file) => file.includes('harbour-master'))).toBe(false);
    expect(files.some((file) => file.includes('2099'))).toBe(false);
    for (const file of files.filter((name) => /\.(html|xml|json)$/.test(name))) {
      const text = await readFile(fileForUrl(site.outputDir, file), 'utf8');
      expect(text, file).not.toContain('Harbour master to retire');
      expect(text, file).not.toContain('budget in 2099');
    }
  });

  it('should show them with a badge in a preview build', async () => {
    const draft = await preview.html('/2025/03/01/harbour-master-draft/');
    expect(draft('.status-badge').text()).toContain('Draft');
    const scheduled = await preview.html('/2099/01/15/future-budget/');
    expect(scheduled('.status-badge').text()).toContain('Scheduled');
    const published = await preview.html(ferry);
    expect(published('.status-badge')).toHaveLength(0);
  });
});

describe('sharing metadata', () => {
  it('should give every article Open Graph, Twitter and NewsArticle metadata', async () => {
    const $ = await site.html(ferry);
    expect($('meta[property="og:type"]').attr('content')).toBe('article');
    expect($('meta[property="og:url"]').attr('content')).toBe(`https://gazette.example.com${ferry}`);
    expect($('meta[name="twitter:card"]').attr('content')).toBe('summary');
    expect($('link[rel="canonical"]').attr('href')).toBe(`https://gazette.example.com${ferry}`);
    const data = JSON.parse($('script[type="application/ld+json"]').text());
    expect(data).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Ferry fares rise by a tenth from April',
      datePublished: '2025-03-04T05:00:00.000Z',
      author: [{ '@type': 'Person', name: 'Mina Okoro', url: 'https://gazette.example.com/authors/mina-okoro/' }],
      publisher: { name: 'The Harbour Gazette' },
    });
  });

  it('should escape markup inside the JSON-LD block so it round-trips and cannot close the script', async () => {
    const html = await readFile(fileForUrl(site.outputDir, quay), 'utf8');
    const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(block).not.toContain('<');
    expect(JSON.parse(block).headline).toBe(quayTitle);
    expect(html.match(/<script/g)).toHaveLength(1); // the JSON-LD block and nothing else
    const $ = await site.html(quay);
    expect($('meta[property="og:title"]').attr('content')).toBe(quayTitle);
    expect($('title').text()).toBe(`${quayTitle} · The Harbour Gazette`);
  });
});
