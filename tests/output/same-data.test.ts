import { describe, expect, it } from 'vitest';
import { sameData } from '../../src/output/same-data.ts';

describe('sameData', () => {
  it('should hold equal data equal, whether or not the objects are the same', () => {
    const shared = { name: 'Amara Okafor', links: [{ label: 'Email', url: 'mailto:a@example.org' }] };
    const a = { title: 'Budget vote', date: new Date(Date.UTC(2025, 7, 22)), authors: [shared], tags: [{ slug: 'budget' }] };
    const b = { title: 'Budget vote', date: new Date(Date.UTC(2025, 7, 22)), authors: [structuredClone(shared)], tags: [{ slug: 'budget' }] };
    expect(sameData(a, b)).toBe(true);
    expect(sameData(a, a)).toBe(true);
  });

  it('should tell apart any difference at any depth', () => {
    const base = { title: 'Budget vote', date: new Date(Date.UTC(2025, 7, 22)), related: [{ title: 'Ferry', url: '/a/' }], count: 0 };
    const variants: unknown[] = [
      { ...base, title: 'Budget vote passes' },
      { ...base, date: new Date(Date.UTC(2025, 7, 23)) },
      { ...base, related: [{ title: 'Ferry', url: '/b/' }] },
      { ...base, related: [...base.related, { title: 'Port', url: '/c/' }] },
      { ...base, count: '0' },
      { ...base, extra: true },
      { ...base, related: { 0: base.related[0] } },
      { title: base.title, date: base.date, related: base.related },
      null,
    ];
    for (const variant of variants) {
      expect(sameData(base, variant)).toBe(false);
      expect(sameData(variant, base)).toBe(false);
    }
  });

  it('should count a property left undefined on one side as a difference', () => {
    expect(sameData({ a: 1, b: undefined }, { a: 1 })).toBe(false);
  });
});
