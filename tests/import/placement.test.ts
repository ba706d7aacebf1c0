import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importArchive } from '../../src/import/import-archive.ts';
import { findingsOn, loadImported, readImported, workspace, type Workspace } from './helpers.ts';

let space: Workspace | undefined;
afterEach(() => space?.cleanup());

/** Write Jekyll posts (path below the archive → text) and import them. */
async function importPosts(posts: Record<string, string>) {
  space = await workspace();
  for (const [name, text] of Object.entries(posts)) {
    const file = path.join(space.cwd, 'old-site', name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  const result = await importArchive({ source: 'old-site', cwd: space.cwd });
  return { result, read: (source: string) => readImported(space!.cwd, result, source) };
}

const post = (title: string, extra = '') => `---\ntitle: ${title}\nauthor: Ana Ruiz\n${extra}---\nText.\n`;

describe('placing imported articles', () => {
  it('should give the second of two posts with one day and slug a `-2` slug, keeping its old URL', async () => {
    const { result, read } = await importPosts({
      '_posts/2024-01-02-same.md': post('First'),
      'news/_posts/2024-01-02-same.md': post('Second'),
    });
    expect(result.posts.map((item) => item.output)).toEqual(['content/articles/imported/2024/same.md', 'content/articles/imported/2024/same-2.md']);
    expect(findingsOn(result, 'news/_posts/2024-01-02-same.md')).toEqual(['slug-changed@-']);
    expect((await read('news/_posts/2024-01-02-same.md')).data.aliases).toEqual(['/news/2024/01/02/same.html']);
    expect((await loadImported(space!.cwd)).content.articles.map((article) => article.url).sort()).toEqual(['/2024/01/02/same-2/', '/2024/01/02/same/']);
  });

  it('should rename the file of a post that shares a slug with one on another day, and keep its address with `slug`', async () => {
    const { result, read } = await importPosts({
      '_posts/2024-01-02-weekly.md': post('Week one'),
      '_posts/2024-01-09-weekly.md': post('Week two'),
    });
    expect(result.posts.map((item) => item.output)).toEqual(['content/articles/imported/2024/weekly.md', 'content/articles/imported/2024/weekly-2.md']);
    expect((await read('_posts/2024-01-09-weekly.md')).data.slug).toBe('weekly');
    expect(findingsOn(result, '_posts/2024-01-09-weekly.md')).toEqual(['file-renamed@-']);
    expect((await loadImported(space!.cwd)).content.articles.map((article) => article.url).sort()).toEqual(['/2024/01/02/weekly/', '/2024/01/09/weekly/']);
  });

  it('should give an old URL to the first post that claims it, and warn about the other', async () => {
    const { result, read } = await importPosts({
      '_posts/2024-01-02-a.md': post('A', 'redirect_from: /old/\n'),
      '_posts/2024-01-03-b.md': post('B', 'redirect_from: /old/\n'),
    });
    expect((await read('_posts/2024-01-03-b.md')).data.aliases).toEqual(['/2024/01/03/b.html']);
    expect(result.posts[1]?.findings.map((item) => item.message)).toEqual(['The old URL `/old/` was dropped: `_posts/2024-01-02-a.md` has the same address. Add a redirect by hand if it matters.']);
    await expect(loadImported(space!.cwd)).resolves.toBeTruthy();
  });
});
