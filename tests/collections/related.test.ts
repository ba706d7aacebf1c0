import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/content/model.ts';
import { moreFromAuthor, relatedArticles } from '../../src/collections/related.ts';
import { makeArticles } from '../helpers/sample.ts';

const titles = (links: Array<{ title: string }> | undefined) => (links ?? []).map((link) => link.title);

/** Many filler articles carrying `name`, so that tag weighs little. */
const filler = (name: string, count: number, from = '2020-01-01') =>
  Array.from({ length: count }, (_, index) => ({
    title: `${name} filler ${index + 1}`,
    date: new Date(Date.parse(from) + index * 86_400_000).toISOString().slice(0, 10),
    tags: [name],
  }));

describe('relatedArticles', () => {
  it('should rank the article sharing the most tag weight first', () => {
    const articles = makeArticles([
      { title: 'Subject', date: '2025-03-01', tags: ['Harbour', 'Budget', 'Ferries'] },
      { title: 'Shares all three', date: '2025-01-01', tags: ['Harbour', 'Budget', 'Ferries'] },
      { title: 'Shares two', date: '2025-02-01', tags: ['Harbour', 'Budget'] },
      { title: 'Shares one', date: '2025-02-20', tags: ['Ferries'] },
      { title: 'Shares none', date: '2025-02-25', tags: ['Weather'] },
    ]);
    expect(titles(relatedArticles(articles).get(articles[0]!.url))).toEqual(['Shares all three', 'Shares two', 'Shares one']);
  });

  it('should let one rare shared tag outweigh one common shared tag', () => {
    const articles = makeArticles([
      { title: 'Subject', date: '2025-06-01', tags: ['Dredging', 'Politics'] },
      { title: 'Shares the rare tag', date: '2024-01-01', tags: ['Dredging'] },
      { title: 'Shares the common tag', date: '2025-05-31', tags: ['Politics'] },
      ...filler('Politics', 20),
    ]);
    const related = titles(relatedArticles(articles).get('/2025/06/01/subject/'));
    expect(related[0]).toBe('Shares the rare tag');
    expect(related[1]).toBe('Shares the common tag');
  });

  it('should put the newer article first when scores tie', () => {
    const articles = makeArticles([
      { title: 'Older', date: '2025-01-01', tags: ['Harbour'] },
      { title: 'Subject', date: '2025-02-01', tags: ['Harbour'] },
      { title: 'Newer', date: '2025-03-01', tags: ['Harbour'] },
      { title: 'Newest', date: '2025-04-01', tags: ['Harbour'] },
    ]);
    expect(titles(relatedArticles(articles).get('/2025/02/01/subject/'))).toEqual(['Newest', 'Newer', 'Older']);
  });

  it('should never relate an article to itself', () => {
    const articles = makeArticles([
      { title: 'One', date: '2025-01-01', tags: ['Harbour', 'Budget'] },
      { title: 'Two', date: '2025-01-02', tags: ['Harbour'] },
    ]);
    const related = relatedArticles(articles);
    expect(titles(related.get(articles[0]!.url))).toEqual(['One']);
    expect(titles(related.get(articles[1]!.url))).toEqual(['Two']);
  });

  it('should give an article without tags, or with tags nobody else uses, an empty list', () => {
    const articles = makeArticles([
      { title: 'Untagged', date: '2025-01-01' },
      { title: 'Alone', date: '2025-01-02', tags: ['Lighthouse'] },
      { title: 'Other', date: '2025-01-03', tags: ['Harbour'] },
    ]);
    const related = relatedArticles(articles);
    expect(related.get(articles[2]!.url)).toEqual([]);
    expect(related.get(articles[1]!.url)).toEqual([]);
    expect(related.size).toBe(3);
  });

  it('should return links with title and url, at most `limit` (4 by default)', () => {
    const articles = makeArticles(filler('Harbour', 10));
    const related = relatedArticles(articles);
    expect(related.get(articles[0]!.url)).toHaveLength(4);
    expect(related.get(articles[0]!.url)![0]).toEqual({ title: articles[1]!.title, url: articles[1]!.url });
    expect(relatedArticles(articles, { limit: 2 }).get(articles[0]!.url)).toHaveLength(2);
  });

  it('should only consider the `window` articles nearest in date on each tag', () => {
    // 2025-01-01 … 2025-01-11; the subject is the 6th. With a window of 2 on the only tag, the
    // candidates are the day before and the day after, newer first.
    const articles = makeArticles(filler('Politics', 11, '2025-01-01'));
    const subject = articles.find((article) => article.title === 'Politics filler 6')!;
    expect(titles(relatedArticles(articles, { window: 2 }).get(subject.url))).toEqual(['Politics filler 7', 'Politics filler 5']);
  });

  it('should still score a windowed candidate on every tag it shares', () => {
    const articles = makeArticles([
      ...filler('Politics', 30, '2025-01-01'),
      { title: 'Subject', date: '2025-03-01', tags: ['Politics', 'Ferries'] },
      { title: 'Far but shares both', date: '2024-01-01', tags: ['Politics', 'Ferries'] },
    ]);
    expect(titles(relatedArticles(articles, { window: 3 }).get('/2025/03/01/subject/'))[0]).toBe('Far but shares both');
  });

  it('should match a brute-force ranking whenever the window covers every tag', () => {
    const sample = fc.record({
      day: fc.integer({ min: 1, max: 28 }),
      tags: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.array(sample, { minLength: 1, maxLength: 25 }), (samples) => {
        const articles = makeArticles(samples.map((s, index) => ({ title: `S${index}`, date: `2025-02-${String(s.day).padStart(2, '0')}`, tags: s.tags })));
        const related = relatedArticles(articles, { window: articles.length, limit: 5 });
        for (const article of articles) expect(titles(related.get(article.url))).toEqual(bruteForce(articles, article, 5));
      }),
      { numRuns: 200 },
    );
  });

  it('should reject a limit or window that is not a positive whole number', () => {
    expect(() => relatedArticles([], { limit: 0 })).toThrow('Expected the related-stories option `limit` to be a whole number of 1 or more, not `0`');
    expect(() => relatedArticles([], { window: 2.5 })).toThrow('`window`');
  });
});

describe('moreFromAuthor', () => {
  const articles = makeArticles([
    { title: 'Subject', date: '2025-01-10', authors: ['Maren Holt', 'Idris Bello'] },
    { title: 'Holt 1', date: '2025-01-01', authors: ['Maren Holt'] },
    { title: 'Holt 2', date: '2025-01-05', authors: ['Maren Holt'] },
    { title: 'Holt 3, co-written', date: '2025-01-20', authors: ['Idris Bello', 'Maren Holt'] },
    { title: 'Holt 4', date: '2025-01-25', authors: ['Maren Holt'] },
    { title: 'Bello only', date: '2025-01-30', authors: ['Idris Bello'] },
  ]);

  it("should list the first author's newest other articles, three by default", () => {
    expect(titles(moreFromAuthor(articles).get('/2025/01/10/subject/'))).toEqual(['Holt 4', 'Holt 3, co-written', 'Holt 2']);
  });

  it('should never list the article itself, and honour `limit`', () => {
    const more = moreFromAuthor(articles, { limit: 10 });
    expect(titles(more.get('/2025/01/25/holt-4/'))).toEqual(['Holt 3, co-written', 'Subject', 'Holt 2', 'Holt 1']);
    expect(titles(more.get('/2025/01/30/bello-only/'))).toEqual(['Holt 3, co-written', 'Subject']);
  });

  it('should leave out the stories given in `exclude`, such as the related ones', () => {
    const exclude = new Map([['/2025/01/10/subject/', [{ title: 'Holt 4', url: '/2025/01/25/holt-4/' }]]]);
    expect(titles(moreFromAuthor(articles, { exclude }).get('/2025/01/10/subject/'))).toEqual(['Holt 3, co-written', 'Holt 2', 'Holt 1']);
  });

  it('should give an author with one article an empty list', () => {
    const alone = makeArticles([{ title: 'Only one', authors: ['Solo Writer'] }]);
    expect(moreFromAuthor(alone).get(alone[0]!.url)).toEqual([]);
  });
});

/** The definition, quadratically: score every other article on all shared tags. */
function bruteForce(articles: Article[], subject: Article, limit: number): string[] {
  const counts = new Map<string, number>();
  for (const article of articles) for (const slug of new Set(article.tags.map((tag) => tag.slug))) counts.set(slug, (counts.get(slug) ?? 0) + 1);
  const own = new Set(subject.tags.map((tag) => tag.slug));
  return articles
    .map((article, position) => {
      const shared = [...new Set(article.tags.map((tag) => tag.slug))].filter((slug) => own.has(slug));
      return { article, position, shared, score: shared.reduce((sum, slug) => sum + 1 / Math.log2(1 + counts.get(slug)!), 0) };
    })
    .filter(({ article, shared }) => article !== subject && shared.length > 0)
    .sort((a, b) => (Math.abs(b.score - a.score) > 1e-9 ? b.score - a.score : b.article.date.instant.getTime() - a.article.date.instant.getTime() || a.position - b.position))
    .slice(0, limit)
    .map(({ article }) => article.title);
}
