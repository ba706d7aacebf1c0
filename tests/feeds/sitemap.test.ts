import { describe, expect, it } from 'vitest';
import { buildCollections } from '../../src/collections/index.ts';
import type { Article, Page } from '../../src/content/model.ts';
import { renderSitemap, sitemapFiles } from '../../src/feeds/sitemap.ts';
import { sitemapEntries } from '../../src/feeds/sitemap-entries.ts';
import { makeArticle, makeArticles, makeContent, makeSeries, site } from '../helpers/sample.ts';
import { parseXml } from '../helpers/xml.ts';

const about: Page = { title: 'About', slug: 'about', url: '/about/', html: '<p>About us.</p>', sourcePath: 'content/pages/about.md' };

/** The `loc` of every URL in a sitemap. */
function locs(xml: string): string[] {
  const $ = parseXml(xml);
  return $('url > loc').map((_, element) => $(element).text()).get();
}

/** Sitemap entries for an archive, as a build without drafts would list them. */
function entriesOf(articles: Article[], pages: Page[] = [about]) {
  return sitemapEntries(site, buildCollections(makeContent(articles)), pages);
}

describe('renderSitemap', () => {
  it('should list absolute, percent-encoded URLs in the sitemaps.org namespace, each once', () => {
    const xml = renderSitemap(site, [{ url: '/' }, { url: '/tags/北京/' }, { url: '/' }, { url: '/search/?q=a&b=c' }]);
    const $ = parseXml(xml);
    expect($('urlset').attr('xmlns')).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(locs(xml)).toEqual(['https://news.example.org/', 'https://news.example.org/tags/%E5%8C%97%E4%BA%AC/', 'https://news.example.org/search/?q=a&b=c']);
    expect(xml).toContain('<loc>https://news.example.org/search/?q=a&amp;b=c</loc>');
  });

  it('should write lastmod as a W3C datetime with the newsroom offset, and leave it out when unknown', () => {
    const $ = parseXml(renderSitemap(site, [{ url: '/a/', lastmod: new Date('2025-08-22T13:30:00Z') }, { url: '/b/' }]));
    expect($('url').first().children('lastmod').text()).toBe('2025-08-22T09:30:00-04:00');
    expect($('url').last().children('lastmod')).toHaveLength(0);
  });

  it('should be a valid empty urlset when there are no URLs', () => {
    expect(locs(renderSitemap(site, []))).toEqual([]);
  });
});

describe('sitemapEntries', () => {
  it('should list every page of the site, each URL once and absolute in the sitemap', () => {
    const articles = makeSeries(7);
    const entries = entriesOf(articles);
    const urls = entries.map((entry) => entry.url);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls).toEqual(expect.arrayContaining(['/', '/page/2/', '/page/3/', '/tags/', '/authors/', '/archive/', '/about/', '/2025/', '/2025/08/']));
    expect(urls).toEqual(expect.arrayContaining(['/tags/politics/', '/tags/politics/page/2/', '/tags/health/', '/authors/amara-okafor/', '/authors/priya-raman/']));
    expect(urls).toEqual(expect.arrayContaining(articles.map((article) => article.url)));
    expect(urls[0]).toBe('/');
    const absolute = locs(renderSitemap(site, entries));
    expect(absolute).toHaveLength(urls.length);
    expect(new Set(absolute).size).toBe(absolute.length);
    for (const loc of absolute) expect(loc).toMatch(/^https:\/\/news\.example\.org\//);
  });

  it('should date an article by `updated`, else `date`, and a plain page not at all', () => {
    const articles = makeArticles([
      { title: 'Fixed', date: '2025-08-20', updated: '2025-08-21T10:00' },
      { title: 'Plain', date: '2025-08-19' },
    ]);
    const byUrl = new Map(entriesOf(articles).map((entry) => [entry.url, entry.lastmod]));
    expect(byUrl.get('/2025/08/20/fixed/')).toEqual(articles[0]!.updated!.instant);
    expect(byUrl.get('/2025/08/19/plain/')).toEqual(articles[1]!.date.instant);
    expect(byUrl.has('/about/')).toBe(true);
    expect(byUrl.get('/about/')).toBeUndefined();
  });

  it('should date a listing page by the latest change on it, and a later page by the first page too', () => {
    const articles = makeSeries(7);
    const byUrl = new Map(entriesOf(articles).map((entry) => [entry.url, entry.lastmod]));
    const newest = articles[0]!.date.instant;
    expect(byUrl.get('/')).toEqual(newest);
    expect(byUrl.get('/page/3/')).toEqual(newest);
    expect(byUrl.get('/tags/')).toEqual(newest);
    expect(byUrl.get('/tags/health/')).toEqual(articles.find((article) => article.tags.some((tag) => tag.slug === 'health'))!.date.instant);
  });

  it('should leave out drafts, scheduled articles, and tags, authors and months only they have', () => {
    const held = (title: string, status: 'draft' | 'scheduled', date: string): Article => ({
      ...makeArticle({ title, date, tags: ['Secret Tag'], authors: ['Ghost Writer'] }),
      status,
      draft: status === 'draft',
    });
    const articles = [held('Scheduled story', 'scheduled', '2025-09-30'), held('Draft story', 'draft', '2025-09-01'), ...makeSeries(2)];
    const urls = sitemapEntries(site, buildCollections(makeContent(articles)), []).map((entry) => entry.url);
    expect(urls.filter((url) => /secret|ghost|scheduled|draft|2025\/09/.test(url))).toEqual([]);
    expect(urls).toEqual(expect.arrayContaining(makeSeries(2).map((article) => article.url)));
  });
});

describe('sitemapFiles', () => {
  it('should write one sitemap while the URLs fit', () => {
    const files = sitemapFiles(site, [{ url: '/' }, { url: '/a/' }], 2);
    expect(files.map((file) => file.url)).toEqual(['/sitemap.xml']);
    expect(locs(files[0]!.content)).toHaveLength(2);
  });

  it('should write a sitemap index and numbered parts past the limit, every URL in exactly one part', () => {
    const lastmod = new Date('2025-08-22T13:30:00Z');
    const urls = Array.from({ length: 5 }, (_, index) => ({ url: `/${index}/`, ...(index === 1 ? { lastmod } : {}) }));
    const [index, ...parts] = sitemapFiles(site, urls, 2);
    expect(index!.url).toBe('/sitemap.xml');
    expect(parts.map((part) => part.url)).toEqual(['/sitemap-1.xml', '/sitemap-2.xml', '/sitemap-3.xml']);
    const $ = parseXml(index!.content);
    expect($('sitemapindex').attr('xmlns')).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect($('sitemap > loc').map((_, element) => $(element).text()).get()).toEqual(parts.map((part) => `https://news.example.org${part.url}`));
    expect($('sitemap').first().children('lastmod').text()).toBe('2025-08-22T09:30:00-04:00');
    expect($('sitemap').last().children('lastmod')).toHaveLength(0);
    expect(parts.flatMap((part) => locs(part.content))).toEqual(urls.map((entry) => `https://news.example.org${entry.url}`));
  });
});
