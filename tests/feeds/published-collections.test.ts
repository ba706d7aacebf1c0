import { describe, expect, it } from 'vitest';
import { buildCollections } from '../../src/collections/index.ts';
import type { Article } from '../../src/content/model.ts';
import { publishedCollections } from '../../src/feeds/published-collections.ts';
import { makeArticle, makeContent, makeSeries, site } from '../helpers/sample.ts';

describe('publishedCollections', () => {
  it('should return the collections themselves when nothing is held back', () => {
    const collections = buildCollections(makeContent(makeSeries(3)));
    expect(publishedCollections(site, collections)).toBe(collections);
  });

  it('should rebuild the collections without drafts, keeping author records of published bylines', () => {
    const draft: Article = { ...makeArticle({ title: 'Draft', date: '2025-09-01', tags: ['Secret'], authors: ['Ghost', 'Amara Okafor'] }), status: 'draft', draft: true };
    const content = makeContent([draft, ...makeSeries(2)]);
    content.authors = content.authors.map((person) => (person.slug === 'amara-okafor' ? { ...person, role: 'Editor' } : person));
    const published = publishedCollections(site, buildCollections(content));
    expect(published.articles.map((article) => article.title)).toEqual(['Story 2', 'Story 1']);
    expect(published.tags.map((tag) => tag.slug)).not.toContain('secret');
    expect(published.authors.map((person) => [person.slug, person.role])).toEqual([
      ['amara-okafor', 'Editor'],
      ['priya-raman', undefined],
    ]);
    expect(published.listings.map((listing) => listing.url)).not.toContain('/2025/09/');
  });
});
