import { describe, expect, it } from 'vitest';
import { buildCollections } from '../../src/collections/index.ts';
import type { Article } from '../../src/content/model.ts';
import { makeArticles, makeContent, makeSeries } from '../helpers/sample.ts';

const titles = (articles: readonly Article[]) => articles.map((article) => article.title);

describe('buildCollections: articles', () => {
  it('should link each article to the older one as `previous` and the newer one as `next`', () => {
    const articles = makeSeries(3); // Story 3 (newest), Story 2, Story 1
    const { articles: linked } = buildCollections(makeContent(articles));
    expect(titles(linked)).toEqual(['Story 3', 'Story 2', 'Story 1']);
    expect(linked.map((article) => [article.previous?.title, article.next?.title])).toEqual([
      ['Story 2', undefined],
      ['Story 1', 'Story 3'],
      [undefined, 'Story 2'],
    ]);
    expect(linked[1]!.previous).toEqual({ title: 'Story 1', url: articles[2]!.url });
  });

  it('should not change the articles it was given', () => {
    const articles = makeSeries(3);
    const before = structuredClone(articles);
    buildCollections(makeContent(articles));
    expect(articles).toEqual(before);
  });

  it('should give the same collections for the same content', () => {
    const content = makeContent(makeSeries(8));
    expect(buildCollections(content)).toEqual(buildCollections(content));
  });

  it('should link stories afresh when a title, tag or byline changed since the last call', () => {
    // The dev server calls it on every save; the story links are kept only while what they read is unchanged.
    const linksOf = (articles: Article[]) => buildCollections(makeContent(articles)).articles.map((article) => [...(article.related ?? []), ...(article.moreFromAuthor ?? [])]);
    const articles = makeSeries(6);
    const before = linksOf(articles);
    const retitled = articles.map((article) => (article.title === 'Story 2' ? { ...article, title: 'Story two' } : article));
    expect(JSON.stringify(linksOf(retitled))).toContain('Story two');
    const retagged = articles.map((article) => ({ ...article, tags: article.title === 'Story 1' ? [] : article.tags }));
    expect(linksOf(retagged)).not.toEqual(before);
    const rebylined = articles.map((article) => ({ ...article, authors: article.title === 'Story 3' ? [] : article.authors }));
    expect(linksOf(rebylined)).not.toEqual(before);
    expect(linksOf(articles)).toEqual(before);
  });
});

describe('buildCollections: front page', () => {
  it('should list every article newest first, `perPage` to a page', () => {
    const articles = makeSeries(7);
    const home = buildCollections(makeContent(articles)).listings.filter((listing) => listing.kind === 'home');
    expect(home.map((page) => [page.url, page.items.length, page.total])).toEqual([
      ['/', 3, 7],
      ['/page/2/', 3, 7],
      ['/page/3/', 1, 7],
    ]);
    expect(home.flatMap((page) => titles(page.items))).toEqual(titles(articles));
  });

  it('should still have a front page when there are no articles', () => {
    const { listings } = buildCollections(makeContent([]));
    expect(listings.map((listing) => [listing.kind, listing.url, listing.items])).toEqual([['home', '/', []]]);
  });
});

describe('buildCollections: tags', () => {
  it('should list in each tag exactly the articles with that tag, newest first', () => {
    const articles = makeSeries(10);
    const { listings, tags } = buildCollections(makeContent(articles));
    for (const tag of tags) {
      const pages = listings.filter((listing) => listing.kind === 'tag' && listing.tag?.slug === tag.slug);
      const expected = articles.filter((article) => article.tags.some((t) => t.slug === tag.slug));
      expect(pages.flatMap((page) => titles(page.items)), tag.name).toEqual(titles(expected));
      expect(pages.every((page) => page.total === expected.length && page.title === tag.name)).toBe(true);
    }
    expect(tags.map((tag) => tag.slug).sort()).toEqual(['economy', 'health', 'politics']);
  });

  it('should summarize tags most used first, then by name, with counts', () => {
    const articles = makeArticles([
      { title: 'A', date: '2025-08-01', tags: ['Zoning', 'Budget'] },
      { title: 'B', date: '2025-08-02', tags: ['Budget'] },
      { title: 'C', date: '2025-08-03', tags: ['Arts'] },
    ]);
    const { tags } = buildCollections(makeContent(articles));
    expect(tags).toEqual([
      { name: 'Budget', slug: 'budget', url: '/tags/budget/', count: 2 },
      { name: 'Arts', slug: 'arts', url: '/tags/arts/', count: 1 },
      { name: 'Zoning', slug: 'zoning', url: '/tags/zoning/', count: 1 },
    ]);
  });

  it('should paginate a tag listing under /tags/<slug>/', () => {
    const { listings } = buildCollections(makeContent(makeSeries(7)));
    const politics = listings.filter((listing) => listing.tag?.slug === 'politics');
    expect(politics.map((page) => page.url)).toEqual(['/tags/politics/', '/tags/politics/page/2/', '/tags/politics/page/3/']);
  });

  it('should make no tag listings when no article has tags', () => {
    const { listings, tags } = buildCollections(makeContent(makeArticles([{ title: 'Untagged' }])));
    expect(tags).toEqual([]);
    expect(listings.filter((listing) => listing.kind === 'tag')).toEqual([]);
  });
});

describe('buildCollections: authors', () => {
  it('should list in each author listing exactly their articles, newest first, including shared bylines', () => {
    const articles = makeSeries(6);
    const { listings, authors } = buildCollections(makeContent(articles));
    expect(authors.map((author) => [author.name, author.count])).toEqual([
      ['Amara Okafor', 6],
      ['Priya Raman', 3],
    ]);
    const priya = listings.filter((listing) => listing.kind === 'author' && listing.author?.slug === 'priya-raman');
    expect(priya.map((page) => page.url)).toEqual(['/authors/priya-raman/']);
    expect(titles(priya[0]!.items)).toEqual(['Story 6', 'Story 4', 'Story 2']);
    expect(priya[0]!.title).toBe('Priya Raman');
  });
});

describe('buildCollections: dates', () => {
  const articles = makeArticles([
    { title: 'New year', date: '2026-01-01' },
    { title: 'Late August', date: '2025-08-30' },
    { title: 'Mid August', date: '2025-08-15' },
    { title: 'Early August', date: '2025-08-01' },
    { title: 'Ides', date: '2025-03-15' },
    // 00:15 UTC on 1 September is still 31 August in New York.
    { title: 'Late night', date: '2025-09-01T00:15:00Z' },
  ]);

  it('should summarize years and months newest first, with counts and URLs', () => {
    const { years } = buildCollections(makeContent(articles));
    expect(years).toEqual([
      { year: 2026, url: '/2026/', count: 1, months: [{ month: 1, name: 'January', url: '/2026/01/', count: 1 }] },
      {
        year: 2025,
        url: '/2025/',
        count: 5,
        months: [
          { month: 8, name: 'August', url: '/2025/08/', count: 4 },
          { month: 3, name: 'March', url: '/2025/03/', count: 1 },
        ],
      },
    ]);
  });

  it('should list each month’s articles, newest first, titled with the month and year', () => {
    const { listings } = buildCollections(makeContent(articles));
    const august = listings.filter((listing) => listing.kind === 'month' && listing.url.startsWith('/2025/08/'));
    expect(august.map((page) => [page.url, page.title])).toEqual([
      ['/2025/08/', 'August 2025'],
      ['/2025/08/page/2/', 'August 2025'],
    ]);
    expect(august.flatMap((page) => titles(page.items))).toEqual(['Late night', 'Late August', 'Mid August', 'Early August']);
  });

  it('should list each year’s articles under /YYYY/', () => {
    const { listings } = buildCollections(makeContent(articles));
    const year = listings.filter((listing) => listing.kind === 'year' && listing.title === '2025');
    expect(year.map((page) => page.url)).toEqual(['/2025/', '/2025/page/2/']);
    expect(year.flatMap((page) => titles(page.items))).toEqual(['Late night', 'Late August', 'Mid August', 'Early August', 'Ides']);
  });

  it('should name months in the site language', () => {
    const { years, listings } = buildCollections(makeContent(articles, { language: 'fr' }));
    expect(years[1]!.months.map((month) => month.name)).toEqual(['août', 'mars']);
    expect(listings.find((listing) => listing.url === '/2025/03/')!.title).toBe('mars 2025');
  });
});

describe('buildCollections: listing URLs', () => {
  it('should give every listing page of every kind its own URL', () => {
    const { listings } = buildCollections(makeContent(makeSeries(40), { perPage: 2 }));
    const urls = listings.map((listing) => listing.url);
    expect(new Set(urls).size).toBe(urls.length);
    expect(new Set(listings.map((listing) => listing.kind))).toEqual(new Set(['home', 'tag', 'author', 'year', 'month']));
  });

  it('should not give a listing page the URL of an article', () => {
    const content = makeContent(makeSeries(40), { perPage: 2 });
    const { listings, articles } = buildCollections(content);
    const articleUrls = new Set(articles.map((article) => article.url));
    expect(listings.filter((listing) => articleUrls.has(listing.url))).toEqual([]);
  });

  it('should show every article exactly once on each listing’s pages', () => {
    const { listings } = buildCollections(makeContent(makeSeries(11)));
    const byListing = new Map<string, Article[]>();
    for (const listing of listings) {
      const key = `${listing.kind}:${listing.tag?.slug ?? listing.author?.slug ?? listing.url.replace(/page\/\d+\/$/, '')}`;
      byListing.set(key, [...(byListing.get(key) ?? []), ...listing.items]);
    }
    for (const [key, items] of byListing) {
      expect(new Set(items.map((article) => article.url)).size, key).toBe(items.length);
      const listing = listings.find((candidate) => `${candidate.kind}:${candidate.tag?.slug ?? candidate.author?.slug ?? candidate.url.replace(/page\/\d+\/$/, '')}` === key)!;
      expect(items, key).toHaveLength(listing.total);
    }
  });
});
