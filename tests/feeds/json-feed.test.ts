import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/content/model.ts';
import { renderJsonFeed, type JsonFeed } from '../../src/feeds/json-feed.ts';
import { renderRss } from '../../src/feeds/rss.ts';
import { makeArticles, makeSeries, site, type SampleArticle } from '../helpers/sample.ts';
import { parseXml } from '../helpers/xml.ts';

const FEED_URL = '/feed.json';

/** Render a JSON Feed of the given articles and parse it. */
function feed(articles: readonly Article[], settings: Partial<typeof site> = {}): JsonFeed {
  return JSON.parse(renderJsonFeed({ ...site, ...settings }, articles, { feedUrl: FEED_URL })) as JsonFeed;
}

/** The only item of the feed of one article. */
function itemOf(sample: SampleArticle): JsonFeed['items'][number] {
  const [item] = feed(makeArticles([sample])).items;
  return item!;
}

describe('renderJsonFeed', () => {
  it('should have the required and site fields of JSON Feed 1.1', () => {
    const { items, ...top } = feed(makeSeries(2));
    expect(top).toEqual({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'The Sample Ledger',
      home_page_url: 'https://news.example.org/',
      feed_url: 'https://news.example.org/feed.json',
      description: 'Sample news.',
      language: 'en',
      authors: [{ name: 'The Sample Ledger', url: 'https://news.example.org/' }],
    });
    expect(items).toHaveLength(2);
    for (const item of items) {
      expect(typeof item.id).toBe('string');
      expect(item.content_html).toBeTruthy();
    }
  });

  it('should leave out the description when the site has none', () => {
    const { description: _, ...bare } = site;
    expect(JSON.parse(renderJsonFeed(bare, [], { feedUrl: FEED_URL }))).not.toHaveProperty('description');
  });

  it('should use the given title and page for a tag feed', () => {
    const text = renderJsonFeed(site, [], { title: 'The Sample Ledger: Elections', pageUrl: '/tags/elections/', feedUrl: '/tags/elections/feed.json' });
    const parsed = JSON.parse(text) as JsonFeed;
    expect([parsed.title, parsed.home_page_url, parsed.feed_url]).toEqual([
      'The Sample Ledger: Elections',
      'https://news.example.org/tags/elections/',
      'https://news.example.org/tags/elections/feed.json',
    ]);
    expect(parsed.items).toEqual([]);
  });

  it('should have the same items as RSS, with the same ids in the same order, at most `feedSize`', () => {
    const articles = makeSeries(8);
    const rss = parseXml(renderRss(site, articles, { feedUrl: '/feed.xml' }));
    const guids = rss('item > guid').map((_, element) => rss(element).text()).get();
    expect(guids).toHaveLength(5);
    expect(feed(articles).items.map((item) => item.id)).toEqual(guids);
  });

  it('should describe an item: URL, title, summary, authors with their pages, tag names', () => {
    const item = itemOf({ title: 'Budget vote', date: '2025-08-22', summary: 'The short version.', tags: ['Foreign Policy'], authors: ['Priya Raman', 'Amara Okafor'], guid: 'urn:uuid:1' });
    expect(item).toMatchObject({
      id: 'urn:uuid:1',
      url: 'https://news.example.org/2025/08/22/budget-vote/',
      title: 'Budget vote',
      summary: 'The short version.',
      authors: [
        { name: 'Priya Raman', url: 'https://news.example.org/authors/priya-raman/' },
        { name: 'Amara Okafor', url: 'https://news.example.org/authors/amara-okafor/' },
      ],
      tags: ['Foreign Policy'],
    });
  });

  it('should write date_published and date_modified in RFC 3339 with the newsroom offset', () => {
    const updated = itemOf({ title: 'Summer', date: '2025-08-22T09:30', updated: '2025-11-03T08:15' });
    expect([updated.date_published, updated.date_modified]).toEqual(['2025-08-22T09:30:00-04:00', '2025-11-03T08:15:00-05:00']);
    const plain = itemOf({ title: 'Winter', date: '2025-01-15' });
    expect([plain.date_published, plain.date_modified]).toEqual(['2025-01-15T00:00:00-05:00', '2025-01-15T00:00:00-05:00']);
  });

  it('should make links in content_html absolute', () => {
    const item = itemOf({ title: 'Links', date: '2025-08-22', html: '<p><a href="/about/">a</a> <a href="#fn-1">1</a> <img src="/i.jpg" alt=""></p>' });
    const $ = load(item.content_html, null, false);
    expect($('a').map((_, element) => $(element).attr('href')).get()).toEqual(['https://news.example.org/about/', 'https://news.example.org/2025/08/22/links/#fn-1']);
    expect($('img').attr('src')).toBe('https://news.example.org/i.jpg');
  });

  it('should keep a title with `</script>` literal, JSON-escaped and never HTML-escaped', () => {
    const nasty = `</script><script>alert(1)</script> "Q" & 'S' AT&amp;T &lt;b&gt;`;
    const text = renderJsonFeed(site, makeArticles([{ title: nasty, summary: nasty, tags: [nasty], authors: [nasty] }]), { feedUrl: FEED_URL });
    expect(text).toContain(`"title": ${JSON.stringify(nasty)}`);
    expect(text).toContain('</script><script>alert(1)</script> \\"Q\\" & \'S\' AT&amp;T &lt;b&gt;');
    const [item] = (JSON.parse(text) as JsonFeed).items;
    expect([item!.title, item!.summary, item!.tags[0], item!.authors[0]!.name]).toEqual([nasty, nasty, nasty, nasty]);
  });

  it('should round-trip control characters and text outside the Basic Multilingual Plane through JSON.parse', () => {
    const title = 'Budget\u0008 vote\u0001 🗳️ 𝔉raktur';
    const text = renderJsonFeed(site, makeArticles([{ title }]), { feedUrl: FEED_URL });
    expect(text).not.toMatch(/[\u0000-\u0009\u000B-\u001F]/);
    expect((JSON.parse(text) as JsonFeed).items[0]!.title).toBe(title);
  });

  it('should be pretty-printed and end in a newline', () => {
    const text = renderJsonFeed(site, makeSeries(1), { feedUrl: FEED_URL });
    expect(text.startsWith('{\n  "version"')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });
});
