import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scaffoldArticle } from '../../src/cli/new.ts';
import { loadContent } from '../../src/content/load.ts';
import { writeContent } from '../helpers/content.ts';

// 03:30 UTC on 25 November is still 24 November in New York: the file must carry the newsroom's day.
const now = new Date('2026-11-25T03:30:00Z');

describe('npm run new', () => {
  it("should write a draft dated today in the newsroom's time zone, with a stable id", async () => {
    const { contentDir, cwd } = await writeContent({});
    const { file, url } = await scaffoldArticle({
      title: 'Council: agrees "new" budget — at last',
      authors: ['Amara Okafor', 'Priya Raman'],
      tags: ['Budget', 'Local Government'],
      contentDir,
      now,
    });
    expect(url).toBe('/2026/11/24/council-agrees-new-budget-at-last/');
    const text = await readFile(path.resolve(file), 'utf8');
    expect(text).toMatch(/^date: 2026-11-24$/m);
    expect(text).toMatch(/^id: [0-9a-f-]{36}$/m);
    expect(text).toMatch(/^draft: true$/m);
    expect(text).toMatch(/^# description:/m); // every field is explained, optional ones commented out

    const { content, files } = await loadContent({ contentDir, cwd, includeDrafts: true, cacheDir: false });
    expect(files.flatMap((f) => f.messages)).toEqual([]);
    const [article] = content.articles;
    expect(article?.title).toBe('Council: agrees "new" budget — at last');
    expect(article?.authors.map((author) => author.name)).toEqual(['Amara Okafor', 'Priya Raman']);
    expect(article?.tags.map((tag) => tag.name)).toEqual(['Budget', 'Local Government']);
    expect(article?.url).toBe(url);
  });

  it('should keep a new draft out of a production build', async () => {
    const { contentDir, cwd } = await writeContent({});
    await scaffoldArticle({ title: 'Held back', contentDir, now });
    const { content } = await loadContent({ contentDir, cwd, cacheDir: false });
    expect(content.articles).toEqual([]);
    expect(content.heldBack).toEqual({ drafts: 1, scheduled: 0 });
  });

  it('should refuse to overwrite an existing article', async () => {
    const { contentDir } = await writeContent({});
    const first = await scaffoldArticle({ title: 'Same headline', contentDir, now });
    const before = await readFile(path.resolve(first.file), 'utf8');
    await expect(scaffoldArticle({ title: 'Same headline', contentDir, now })).rejects.toThrow(/already exists, so nothing was written/);
    expect(await readFile(path.resolve(first.file), 'utf8')).toBe(before);
  });

  it('should refuse a headline with no letters or digits', async () => {
    const { contentDir } = await writeContent({});
    await expect(scaffoldArticle({ title: '🎉 !!', contentDir, now })).rejects.toThrow(/Expected a headline with letters or digits/);
  });
});
