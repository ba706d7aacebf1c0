import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/content/model.ts';
import { NEWS_WINDOW_MS, newsLanguage, renderNewsSitemap } from '../../src/feeds/news-sitemap.ts';
import { makeArticle, site } from '../helpers/sample.ts';
import { parseXml } from '../helpers/xml.ts';

const NOW = new Date('2025-08-22T16:00:00Z');

/** An article published at an exact instant, with its own URL. */
function at(instant: number, title = `At ${instant}`): Article {
  return { ...base, title, date: { ...base.date, instant: new Date(instant), hasTime: true }, url: `/news/${instant}/` };
}

const base = makeArticle({ title: 'Base', date: '2025-08-22' });

/** The `loc` of every URL in a news sitemap. */
function locs(xml: string): string[] {
  const $ = parseXml(xml);
  return $('url > loc').map((_, element) => $(element).text()).get();
}

describe('renderNewsSitemap', () => {
  it('should describe each article with its publication, date and title', () => {
    const article = makeArticle({ title: 'Budget vote', date: '2025-08-22T09:30' });
    const $ = parseXml(renderNewsSitemap(site, [article], NOW));
    expect($('urlset').attr('xmlns')).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect($('urlset').attr('xmlns:news')).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    expect($('url > loc').text()).toBe('https://news.example.org/2025/08/22/budget-vote/');
    expect($('news\\:publication > news\\:name').text()).toBe('The Sample Ledger');
    expect($('news\\:publication > news\\:language').text()).toBe('en');
    expect($('news\\:news > news\\:publication_date').text()).toBe('2025-08-22T09:30:00-04:00');
    expect($('news\\:news > news\\:title').text()).toBe('Budget vote');
  });

  it('should include an article published exactly two days before now, or exactly now', () => {
    const start = NOW.getTime() - NEWS_WINDOW_MS;
    expect(locs(renderNewsSitemap(site, [at(NOW.getTime()), at(start)], NOW))).toEqual([
      `https://news.example.org/news/${NOW.getTime()}/`,
      `https://news.example.org/news/${start}/`,
    ]);
  });

  it('should leave out an article published a second before the window or a second after now', () => {
    const start = NOW.getTime() - NEWS_WINDOW_MS;
    expect(locs(renderNewsSitemap(site, [at(NOW.getTime() + 1000), at(start - 1000)], NOW))).toEqual([]);
  });

  it('should leave out drafts and scheduled articles inside the window', () => {
    const draft = { ...at(NOW.getTime() - 1000, 'Draft'), status: 'draft' as const, draft: true };
    const scheduled = { ...at(NOW.getTime() - 2000, 'Scheduled'), status: 'scheduled' as const };
    expect(locs(renderNewsSitemap(site, [draft, scheduled], NOW))).toEqual([]);
  });

  it('should list at most 1,000 articles, the newest', () => {
    const articles = Array.from({ length: 1001 }, (_, index) => at(NOW.getTime() - index * 1000));
    // Read with a pattern: checking a 1,000-URL document character by character is slow, and the
    // other tests check that the document is well-formed.
    const listed = [...renderNewsSitemap(site, articles, NOW).matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1]);
    expect(listed).toHaveLength(1000);
    expect(listed.at(-1)).toBe(`https://news.example.org/news/${NOW.getTime() - 999_000}/`);
  });

  it('should be a valid empty urlset when nothing is recent', () => {
    const xml = renderNewsSitemap(site, [], NOW);
    const $ = parseXml(xml);
    expect($('urlset')).toHaveLength(1);
    expect($('url')).toHaveLength(0);
  });

  it('should escape a title with markup and keep entity-like text as written', () => {
    const title = `</script><script>alert(1)</script> "Q" & 'S' AT&amp;T`;
    const xml = renderNewsSitemap(site, [at(NOW.getTime(), title)], NOW);
    expect(xml).not.toContain('<script>');
    expect(parseXml(xml)('news\\:title').text()).toBe(title);
  });
});

describe('newsLanguage', () => {
  it.each([
    ['en', 'en'],
    ['en-GB', 'en'],
    ['pt-BR', 'pt'],
    ['zh-CN', 'zh-cn'],
    ['zh-Hans', 'zh-cn'],
    ['zh-TW', 'zh-tw'],
    ['zh-Hant-HK', 'zh-tw'],
  ])('should write %s as %s', (language, expected) => {
    expect(newsLanguage(language)).toBe(expected);
  });
});
