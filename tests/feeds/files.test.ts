import { describe, expect, it } from 'vitest';
import { buildCollections } from '../../src/collections/index.ts';
import type { Article, Page } from '../../src/content/model.ts';
import { feedFiles, type FeedFile } from '../../src/feeds/files.ts';
import { feedLinks } from '../../src/feeds/feed-links.ts';
import type { JsonFeed } from '../../src/feeds/json-feed.ts';
import { renderRobots } from '../../src/feeds/robots.ts';
import { makeArticle, makeContent, makeSeries, site } from '../helpers/sample.ts';
import { parseXml } from '../helpers/xml.ts';

const about: Page = { title: 'About', slug: 'about', url: '/about/', html: '<p>About us.</p>', sourcePath: 'content/pages/about.md' };
const NOW = new Date('2025-08-13T12:00:00Z');

/** Every file for an archive, as the build writes them. */
function filesOf(articles: Article[]): FeedFile[] {
  return feedFiles(site, buildCollections(makeContent(articles)), [about], NOW);
}

/** One file by URL. */
function file(files: readonly FeedFile[], url: string): string {
  const found = files.find((candidate) => candidate.url === url);
  if (!found) throw new Error(`No file at ${url}; there are ${files.map((candidate) => candidate.url).join(', ')}`);
  return found.content;
}

/** The item titles of an RSS feed. */
function rssTitles(xml: string): string[] {
  const $ = parseXml(xml);
  return $('item > title').map((_, element) => $(element).text()).get();
}

/** An article held back from the public. */
function held(title: string, status: 'draft' | 'scheduled', date: string): Article {
  return { ...makeArticle({ title, date, tags: ['Secret Tag', 'Politics'], authors: ['Ghost Writer', 'Amara Okafor'] }), status, draft: status === 'draft' };
}

describe('feedFiles', () => {
  it('should write the site feeds, one RSS feed per tag and per author, the sitemaps and robots.txt', () => {
    const urls = filesOf(makeSeries(12)).map((candidate) => candidate.url);
    expect(urls).toEqual([
      '/feed.xml',
      '/atom.xml',
      '/feed.json',
      '/tags/politics/feed.xml',
      '/tags/economy/feed.xml',
      '/tags/health/feed.xml',
      '/authors/priya-raman/feed.xml',
      '/authors/amara-okafor/feed.xml',
      '/sitemap.xml',
      '/news-sitemap.xml',
      '/robots.txt',
    ]);
  });

  it('should write well-formed XML and JSON', () => {
    for (const { url, content } of filesOf(makeSeries(4))) {
      if (url.endsWith('.xml')) expect(() => parseXml(content), url).not.toThrow();
      if (url.endsWith('.json')) expect(() => JSON.parse(content), url).not.toThrow();
    }
  });

  it('should put exactly the newest articles of a tag in its feed, titled after the tag', () => {
    const articles = makeSeries(12);
    const files = filesOf(articles);
    const economy = articles.filter((article) => article.tags.some((tag) => tag.slug === 'economy'));
    expect(rssTitles(file(files, '/tags/economy/feed.xml'))).toEqual(economy.slice(0, site.feedSize).map((article) => article.title));
    const $ = parseXml(file(files, '/tags/economy/feed.xml'));
    expect($('channel > title').text()).toBe('The Sample Ledger: Economy');
    expect($('channel > link').text()).toBe('https://news.example.org/tags/economy/');
    expect($('channel > atom\\:link').attr('href')).toBe('https://news.example.org/tags/economy/feed.xml');
  });

  it('should put exactly the newest articles of an author in their feed', () => {
    const articles = makeSeries(12);
    const priya = articles.filter((article) => article.authors.some((person) => person.slug === 'priya-raman'));
    const xml = file(filesOf(articles), '/authors/priya-raman/feed.xml');
    expect(rssTitles(xml)).toEqual(priya.slice(0, site.feedSize).map((article) => article.title));
    expect(parseXml(xml)('channel > title').text()).toBe('The Sample Ledger: Priya Raman');
  });

  it('should never put a draft or scheduled article, or a tag or author only they have, in any file', () => {
    // Dated inside the news sitemap's window and newer than every published story.
    const articles = [held('Scheduled SECRET story', 'scheduled', '2025-08-13T07:00'), held('Draft SECRET story', 'draft', '2025-08-13T06:00'), ...makeSeries(12)];
    const files = filesOf(articles);
    for (const { url, content } of files) {
      expect(url).not.toMatch(/secret|ghost/i);
      expect(content, url).not.toMatch(/secret|ghost/i);
    }
    expect(rssTitles(file(files, '/feed.xml'))[0]).toBe('Story 12');
    expect((JSON.parse(file(files, '/feed.json')) as JsonFeed).items[0]!.title).toBe('Story 12');
    expect(rssTitles(file(files, '/tags/politics/feed.xml'))[0]).toBe('Story 12');
  });

  it('should list recent articles in the news sitemap', () => {
    const $ = parseXml(file(filesOf(makeSeries(12)), '/news-sitemap.xml'));
    // NOW is 2025-08-13 08:00 in New York: Story 12 (Aug 12, 00:00) is inside two days, Story 11 (Aug 11) is not.
    expect($('news\\:title').map((_, element) => $(element).text()).get()).toEqual(['Story 12']);
  });

  it('should write robots.txt that lists both sitemaps', () => {
    expect(file(filesOf(makeSeries(1)), '/robots.txt')).toBe(
      'User-agent: *\nAllow: /\nSitemap: https://news.example.org/sitemap.xml\nSitemap: https://news.example.org/news-sitemap.xml\n',
    );
    expect(renderRobots({ url: 'https://example.org/news' })).toContain('Sitemap: https://example.org/news/sitemap.xml\n');
  });

  it('should write every feed that pages advertise', () => {
    const articles = makeSeries(3);
    const urls = new Set(filesOf(articles).map((candidate) => candidate.url));
    const collections = buildCollections(makeContent(articles));
    for (const listing of collections.listings) {
      for (const link of feedLinks(site, listing)) expect(urls, `${listing.url} → ${link.href}`).toContain(link.href);
    }
  });

  it('should write valid, empty feeds for an archive with no articles', () => {
    const files = filesOf([]);
    expect(files.map((candidate) => candidate.url)).toEqual(['/feed.xml', '/atom.xml', '/feed.json', '/sitemap.xml', '/news-sitemap.xml', '/robots.txt']);
    expect(parseXml(file(files, '/atom.xml'))('entry')).toHaveLength(0);
    expect(parseXml(file(files, '/sitemap.xml'))('loc').map((_, element) => parseXml(file(files, '/sitemap.xml'))(element).text()).get()).toContain(
      'https://news.example.org/about/',
    );
  });
});
