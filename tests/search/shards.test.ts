/**
 * planShards: one shard per year, newest first; a year larger than the cap in equal parts by date,
 * so no Pagefind process has to hold a very large year's index at once.
 */
import { describe, expect, it } from 'vitest';
import type { SearchDocument } from '../../src/search/documents.ts';
import { planShards } from '../../src/search/shards.ts';

function doc(slug: string, date: string): SearchDocument {
  return { url: `/${date.slice(0, 10).replaceAll('-', '/')}/${slug}/`, title: slug, text: `About ${slug}.`, year: Number(date.slice(0, 4)), date, displayDate: date, authors: [], tags: [] };
}

const inputs = { pagefind: '1.6.0', language: 'en' };

describe('planShards', () => {
  it('should make one shard per year, newest year first', () => {
    const shards = planShards([doc('a', '2024-03-01T00:00:00.000Z'), doc('b', '2025-01-02T00:00:00.000Z'), doc('c', '2024-07-01T00:00:00.000Z')], inputs);
    expect(shards.map((shard) => [shard.name, shard.documents.map((document) => document.title)])).toEqual([
      ['2025', ['b']],
      ['2024', ['a', 'c']],
    ]);
  });

  it('should split a year larger than the cap into equal parts by date, newest part first', () => {
    const months = Array.from({ length: 12 }, (_, index) => doc(`m${index + 1}`, `2025-${String(index + 1).padStart(2, '0')}-15T00:00:00.000Z`));
    const shards = planShards([...months].reverse(), inputs, 5);
    expect(shards.map((shard) => shard.name)).toEqual(['2025-3', '2025-2', '2025-1']);
    expect(shards.map((shard) => shard.documents.length)).toEqual([4, 4, 4]);
    expect(shards[2]!.documents.map((document) => document.title).sort()).toEqual(['m1', 'm2', 'm3', 'm4']);
    expect(new Set(shards.map((shard) => shard.key)).size).toBe(3);
    // Every story is in exactly one part.
    expect(shards.flatMap((shard) => shard.documents.map((document) => document.title)).sort()).toEqual(months.map((document) => document.title).sort());
  });

  it('should keep a year at the cap whole', () => {
    const year = Array.from({ length: 5 }, (_, index) => doc(`d${index}`, `2025-0${index + 1}-01T00:00:00.000Z`));
    expect(planShards(year, inputs, 5).map((shard) => shard.name)).toEqual(['2025']);
  });
});
