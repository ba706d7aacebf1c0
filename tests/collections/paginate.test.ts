import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paginate } from '../../src/collections/index.ts';

const numbers = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

describe('paginate', () => {
  it('should give an empty list one empty page, so its URL still exists', () => {
    expect(paginate([], 3, '/')).toEqual([{ items: [], pageNumber: 1, totalPages: 1, url: '/' }]);
  });

  it('should put one item on one page without links to other pages', () => {
    expect(paginate([1], 3, '/')).toEqual([{ items: [1], pageNumber: 1, totalPages: 1, url: '/' }]);
  });

  it('should put exactly `perPage` items on one page', () => {
    const pages = paginate(numbers(3), 3, '/tags/elections/');
    expect(pages).toEqual([{ items: [1, 2, 3], pageNumber: 1, totalPages: 1, url: '/tags/elections/' }]);
  });

  it('should start a second page at `perPage` + 1 items, at /page/2/', () => {
    expect(paginate(numbers(4), 3, '/')).toEqual([
      { items: [1, 2, 3], pageNumber: 1, totalPages: 2, url: '/', nextUrl: '/page/2/' },
      { items: [4], pageNumber: 2, totalPages: 2, url: '/page/2/', previousUrl: '/' },
    ]);
  });

  it('should number pages under the base URL of the listing', () => {
    expect(paginate(numbers(7), 3, '/2025/08/').map((page) => page.url)).toEqual(['/2025/08/', '/2025/08/page/2/', '/2025/08/page/3/']);
  });

  it('should link each page to its neighbours: previous is newer (towards page 1), next is older', () => {
    const [first, middle, last] = paginate(numbers(7), 3, '/');
    expect([first!.previousUrl, first!.nextUrl]).toEqual([undefined, '/page/2/']);
    expect([middle!.previousUrl, middle!.nextUrl]).toEqual(['/', '/page/3/']);
    expect([last!.previousUrl, last!.nextUrl]).toEqual(['/page/2/', undefined]);
  });

  it('should keep every item exactly once, in order, on full pages except the last', () => {
    fc.assert(
      fc.property(fc.nat({ max: 60 }), fc.integer({ min: 1, max: 12 }), (count, perPage) => {
        const items = numbers(count);
        const pages = paginate(items, perPage, '/base/');
        expect(pages.flatMap((page) => page.items)).toEqual(items);
        expect(pages).toHaveLength(Math.max(1, Math.ceil(count / perPage)));
        pages.forEach((page, index) => {
          expect(page.pageNumber).toBe(index + 1);
          expect(page.totalPages).toBe(pages.length);
          if (index < pages.length - 1) expect(page.items).toHaveLength(perPage);
          else expect(page.items.length).toBeLessThanOrEqual(perPage);
          expect(page.nextUrl).toBe(pages[index + 1]?.url);
          expect(page.previousUrl).toBe(pages[index - 1]?.url);
        });
        expect(new Set(pages.map((page) => page.url)).size).toBe(pages.length);
      }),
    );
  });
});
