/**
 * Articles → search documents: what the search index holds for each story.
 */
import { describe, expect, it } from 'vitest';
import * as documents from '../../src/search/documents.ts';
import type { NewsDate } from '../../src/content/dates.ts';
import { createFilters } from '../../src/eleventy/filters.ts';
import { loadContent } from '../../src/content/load.ts';
import type { ValidatedArticle } from '../../src/content/model.ts';
import { fixture } from '../helpers/build.ts';
import { makeArticle, makeArticles, site } from '../helpers/sample.ts';

// Filters are typed loosely for Eleventy; this one formats a NewsDate.
const readableDate = createFilters(site).readableDate as (date: NewsDate) => string;

describe('searchDocuments', () => {
  it('should export only searchDocuments', () => {
    expect(Object.keys(documents).sort()).toEqual(['searchDocuments']);
  });

  it("should map an article's URL, headline, year, dates, byline and tags", () => {
    const article = makeArticle({
      title: 'Dredging begins at the harbour',
      date: '2025-08-22T09:30:00-04:00',
      tags: ['Harbour', 'Council'],
      authors: ['Amara Okafor', 'Priya Raman'],
      html: '<p>The first barge arrived on Friday.</p>',
    });
    expect(documents.searchDocuments([article], readableDate)).toEqual([
      {
        url: '/2025/08/22/dredging-begins-at-the-harbour/',
        title: 'Dredging begins at the harbour',
        text: 'The first barge arrived on Friday.',
        year: 2025,
        date: '2025-08-22T13:30:00.000Z',
        displayDate: 'August 22, 2025',
        authors: ['Amara Okafor', 'Priya Raman'],
        tags: ['Harbour', 'Council'],
      },
    ]);
  });

  it('should put the dek before the body, so its words find the story too', () => {
    const article = makeArticle({ title: 'Budget', description: 'Councillors split over the ferry.', html: '<p>The vote was 5 to 4.</p>' });
    expect(documents.searchDocuments([article], readableDate)[0]!.text).toBe('Councillors split over the ferry.\n\nThe vote was 5 to 4.');
  });

  it("should take the year and the shown date from the newsroom's calendar, not UTC", () => {
    // 23:30 in New York on New Year's Eve is already 2026 in UTC.
    const [document] = documents.searchDocuments([makeArticle({ title: 'Fireworks', date: '2025-12-31T23:30:00-05:00' })], readableDate);
    expect(document).toMatchObject({ year: 2025, displayDate: 'December 31, 2025', date: '2026-01-01T04:30:00.000Z' });
  });

  it('should keep the order of the articles and format dates with the function given', () => {
    const articles = makeArticles([{ title: 'Older', date: '2024-03-01' }, { title: 'Newer', date: '2025-03-01' }]);
    const result = documents.searchDocuments(articles, (date) => `day ${date.day}/${date.month}/${date.year}`);
    expect(result.map((document) => [document.title, document.displayDate])).toEqual([
      ['Newer', 'day 1/3/2025'],
      ['Older', 'day 1/3/2024'],
    ]);
  });

  it('should make the same documents from articles still being rendered, readable once their bodies are', async () => {
    let validated: ValidatedArticle[] = [];
    let textBeforeRender: unknown;
    const { content } = await loadContent({
      contentDir: fixture('basic').contentDir,
      onValidated: (articles) => {
        validated = articles;
        const [first] = documents.searchDocuments(articles, readableDate);
        try {
          textBeforeRender = first!.text;
        } catch (error) {
          textBeforeRender = error;
        }
      },
    });
    expect(textBeforeRender).toBeInstanceOf(Error);
    const early = documents.searchDocuments(validated, readableDate);
    const loaded = documents.searchDocuments(content.articles, readableDate);
    expect(early.every((document) => document.ready instanceof Promise)).toBe(true);
    await Promise.all(early.map((document) => document.ready));
    // Newest first, as the index takes the years, and field for field what the loaded articles give.
    const plain = ({ ready: _ready, ...document }: documents.SearchDocument) => ({ ...document, text: document.text });
    expect(early.map(plain)).toEqual(loaded.map(plain));
    expect(loaded.every((document) => document.textKey)).toBe(true);
  });
});
