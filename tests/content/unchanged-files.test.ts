/**
 * A build does not read a content file that has not been written since the previous load: the
 * frontmatter pack remembers its `lstat` stamp. Any write is seen, even one that keeps the size,
 * and a file written just before a load is read again next time (its times could repeat).
 */
import * as fs from 'node:fs';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import { article, plainContent, writeContent, type WrittenFixture } from '../helpers/content.ts';

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof fs>();
  return { ...actual, readFileSync: vi.fn(actual.readFileSync) };
});

const articles = {
  'budget.md': article({ title: 'Budget passes', extra: ['tags: [Budget]'] }),
  'ferry.md': article({ title: 'Ferry timetable changes', date: '2025-03-04T09:30:00+01:00' }),
};

/** The article files `loadContent` read, by name. */
async function articlesRead(where: WrittenFixture, cacheDir: string): Promise<{ read: string[]; content: unknown; titles: string[] }> {
  vi.mocked(fs.readFileSync).mockClear();
  const { content } = await loadContent({ ...where, cacheDir });
  const read = vi.mocked(fs.readFileSync).mock.calls
    .map(([file]) => String(file))
    .filter((file) => file.includes(`${path.sep}articles${path.sep}`))
    .map((file) => path.basename(file));
  return { read: [...new Set(read)].sort(), content: plainContent(content), titles: content.articles.map((item) => item.title).sort() };
}

// Files must be older than the racy window (two seconds) when first read, to be trusted after.
const RACY_WAIT_MS = 2_100;

describe('unchanged content files', () => {
  let where: WrittenFixture;
  let cacheDir: string;
  beforeEach(async () => {
    where = await writeContent({ articles });
    cacheDir = path.join(where.cwd, 'cache');
    await sleep(RACY_WAIT_MS);
  });

  it('should take a file not written since the previous load from the pack, unread, with the same content', async () => {
    const first = await articlesRead(where, cacheDir);
    expect(first.read).toEqual(['budget.md', 'ferry.md']);
    const second = await articlesRead(where, cacheDir);
    expect(second.read).toEqual([]);
    expect(second.content).toEqual(first.content);
  });

  it('should read a file again after any write, even one that keeps its size', async () => {
    await articlesRead(where, cacheDir);
    const file = path.join(where.contentDir, 'articles', 'budget.md');
    const edited = article({ title: 'Budget failed', extra: ['tags: [Budget]'] });
    expect(edited.length).toBe(articles['budget.md'].length);
    await writeFile(file, edited);
    const second = await articlesRead(where, cacheDir);
    expect(second.read).toEqual(['budget.md']);
    expect(second.titles).toEqual(['Budget failed', 'Ferry timetable changes']);
  });

  it('should read again a file written less than two seconds before the load that read it', async () => {
    const file = path.join(where.contentDir, 'articles', 'ferry.md');
    await writeFile(file, articles['ferry.md']);
    await articlesRead(where, cacheDir);
    expect((await articlesRead(where, cacheDir)).read).toEqual(['ferry.md']);
    await sleep(RACY_WAIT_MS);
    expect((await articlesRead(where, cacheDir)).read).toEqual(['ferry.md']);
    expect((await articlesRead(where, cacheDir)).read).toEqual([]);
  });

  it('should read and render the body again when its rendering is not in the cache', async () => {
    const first = await articlesRead(where, cacheDir);
    // Another cache folder holding only the pack: the files are known, their renderings are not.
    const bare = path.join(where.cwd, 'bare-cache');
    await mkdir(bare);
    for (const name of await readdir(cacheDir)) if (name.startsWith('frontmatter-')) await copyFile(path.join(cacheDir, name), path.join(bare, name));
    const second = await articlesRead(where, bare);
    expect(second.read).toEqual(['budget.md', 'ferry.md']);
    expect(second.content).toEqual(first.content);
  });

  it('should read every file again when the render pipeline changed since the pack was saved', async () => {
    await articlesRead(where, cacheDir);
    const [name] = (await readdir(cacheDir)).filter((entry) => entry.startsWith('frontmatter-'));
    const packFile = path.join(cacheDir, name!);
    const pack = JSON.parse(await readFile(packFile, 'utf8')) as { renderVersion: string };
    await writeFile(packFile, JSON.stringify({ ...pack, renderVersion: 'an older pipeline' }));
    expect((await articlesRead(where, cacheDir)).read).toEqual(['budget.md', 'ferry.md']);
  });
});
