/**
 * The frontmatter cache: a second load of the same files gives the same content without parsing
 * YAML again, and a file with a problem is reported on every load, never remembered.
 */
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import { ContentError } from '../../src/errors/report.ts';
import { article, md, plainContent, writeContent } from '../helpers/content.ts';

const articles = {
  'budget.md': article({ extra: ['tags: [Budget, Assembly]', 'description: "A dek: with a colon"'] }),
  'ferry.md': article({ title: 'Ferry “timetable” changes', date: '2025-03-04T09:30:00+01:00', extra: ['tags:', '  - Transport'] }),
};

describe('frontmatter cache', () => {
  it('should give the same content on a second load, from one pack file', async () => {
    const where = await writeContent({ articles });
    const cacheDir = path.join(where.cwd, 'cache');
    const first = await loadContent({ ...where, cacheDir });
    expect((await readdir(cacheDir)).filter((name) => name.startsWith('frontmatter-'))).toHaveLength(1);
    const second = await loadContent({ ...where, cacheDir });
    const uncached = await loadContent({ ...where, cacheDir: false });
    expect(plainContent(second.content)).toEqual(plainContent(first.content));
    expect(plainContent(second.content)).toEqual(plainContent(uncached.content));
  });

  it('should read an edited file again', async () => {
    const where = await writeContent({ articles });
    const cacheDir = path.join(where.cwd, 'cache');
    await loadContent({ ...where, cacheDir });
    await writeFile(path.join(where.contentDir, 'articles', 'budget.md'), article({ title: 'Budget passes at last' }));
    const { content } = await loadContent({ ...where, cacheDir });
    expect(content.articles.map((item) => item.title)).toContain('Budget passes at last');
  });

  it('should report a file with a problem on every load, at its line', async () => {
    const broken = md(['title: Budget', 'title: Again', 'date: 2025-08-22', 'author: Amara Okafor']);
    const where = await writeContent({ articles: { ...articles, 'broken.md': broken } });
    const cacheDir = path.join(where.cwd, 'cache');
    for (let run = 0; run < 2; run++) {
      const error = await loadContent({ ...where, cacheDir }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ContentError);
      expect((error as ContentError).message).toMatch(/broken\.md[\s\S]*3:1/);
    }
  });
});
