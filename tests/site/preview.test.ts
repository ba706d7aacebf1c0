/**
 * The dev server's preview (issue 6): a bad article never takes the others down, and its errors
 * appear on the page itself with file, line and message, not only in the terminal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, readTree, type BuiltSite } from '../helpers/build.ts';

let site: BuiltSite;

beforeAll(async () => {
  site = await buildFixture('broken', { preview: true });
});

afterAll(async () => {
  await site?.cleanup();
});

describe('a preview of content with errors', () => {
  it('should still build the good articles', async () => {
    const $ = await site.html('/');
    expect($('.listing article.card').length).toBeGreaterThan(0);
  });

  it('should show every bad file with its line and message on the page', async () => {
    const $ = await site.html('/');
    const panel = $('.build-errors[role="alert"]');
    expect(panel).toHaveLength(1);
    const report = panel.find('pre').text();
    expect(report).toContain('unknown-key.md');
    expect(report).toContain('js-frontmatter.md');
    expect(report).toMatch(/unknown-field/);
    expect(report).toMatch(/frontmatter-language/);
    expect(report).toMatch(/\d+:\d+/);
  });

  it('should show no error panel when the content is fine', async () => {
    const fine = await buildFixture('newsroom', { preview: true });
    try {
      expect((await fine.html('/'))('.build-errors')).toHaveLength(0);
    } finally {
      await fine.cleanup();
    }
  });

  it('should write the same preview when a page-writing thread writes some of the article pages', async () => {
    // Parts of one article each: the thread gets the error panel and the draft badges from its part's data.
    const threaded = await buildFixture('broken', { preview: true, partSize: 1, pageThreads: 1 });
    try {
      const [mine, theirs] = await Promise.all([readTree(site.outputDir), readTree(threaded.outputDir)]);
      expect([...theirs.keys()].sort()).toEqual([...mine.keys()].sort());
      const differing = [...mine].filter(([name, bytes]) => !bytes.equals(theirs.get(name)!)).map(([name]) => name);
      expect(differing).toEqual([]);
    } finally {
      await threaded.cleanup();
    }
  });
});
