import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serializeArticle, writeNewFile } from '../../src/import/write-article.ts';
import { loadImported, workspace, type Workspace } from './helpers.ts';

let space: Workspace | undefined;
afterEach(() => space?.cleanup());

describe('serializeArticle', () => {
  it('should write fields in a fixed order and the body unchanged', () => {
    const text = serializeArticle({ aliases: ['/old/'], draft: true, author: 'Ana Ruiz', date: '2024-03-05', title: 'A title' }, 'Body {{ x }}\n');
    expect(text).toBe('---\ntitle: A title\ndate: 2024-03-05\nauthor: Ana Ruiz\ndraft: true\naliases:\n  - /old/\n---\nBody {{ x }}\n');
  });

  it('should quote every value that YAML 1.1 would read as something else, so Broadsheet reads it back exactly', async () => {
    space = await workspace();
    const tricky = {
      title: 'yes',
      date: '2024-03-05T14:30:00+01:00',
      author: ['No', '@handle'],
      tags: ['on', '1:20', '#hashtag', '017', 'null', '- dash', 'Zoë'],
      description: 'Breaking: news, "quoted" and \'single\'',
    };
    const file = path.join(space.cwd, 'content', 'articles', '2024', 'tricky.md');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, serializeArticle(tricky, 'Body.\n'));
    const [article] = (await loadImported(space.cwd)).content.articles;
    expect(article).toMatchObject({ title: 'yes', description: tricky.description });
    expect(article?.authors.map((author) => author.name)).toEqual(['No', '@handle']);
    expect(article?.tags.map((tag) => tag.name)).toEqual(tricky.tags);
  });
});

describe('writeNewFile', () => {
  it('should never replace a file that is already there', async () => {
    space = await workspace();
    const file = path.join(space.cwd, 'a', 'b.md');
    expect(await writeNewFile(file, 'first')).toBe('written');
    expect(await writeNewFile(file, 'second')).toBe('exists');
    expect(await readFile(file, 'utf8')).toBe('first');
  });
});
