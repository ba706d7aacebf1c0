/**
 * `buildSite` swaps a finished build into place: a failure at the last moment leaves the old site
 * as it was, and a successful rebuild replaces the whole folder (so deleted articles disappear).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/cli/build.ts';
import { buildFixture, copyFixture, listFiles, readTree, tempDir, type BuiltSite } from '../helpers/build.ts';
import { cardLinks } from './archive-model.ts';

const deleted = { file: '2024/storm-closes-coast-road.md', url: '/2024/06/19/storm-closes-coast-road/', title: 'Storm closes coast road' };

let copy: Awaited<ReturnType<typeof copyFixture>>;
let site: BuiltSite;

beforeAll(async () => {
  copy = await copyFixture('basic');
  site = await buildFixture('basic', { contentDir: copy.contentDir, publicDir: copy.publicDir });
});

afterAll(async () => {
  await site?.cleanup();
  if (copy) await rm(copy.root, { recursive: true, force: true });
});

describe('atomic swap', () => {
  it('should keep the old site when beforeSwap throws, and remove the staging folder', async () => {
    const before = await readTree(site.outputDir);
    let staging = '';
    const build = buildSite({
      contentDir: copy.contentDir,
      publicDir: copy.publicDir,
      outputDir: site.outputDir,
      beforeSwap: async (dir) => {
        staging = dir;
        throw new Error('injected');
      },
    });
    await expect(build).rejects.toThrow('injected');
    // The hook saw a complete build in the staging folder, next to the output folder.
    expect(path.dirname(staging)).toBe(path.dirname(site.outputDir));
    const after = await readTree(site.outputDir);
    expect([...after.keys()]).toEqual([...before.keys()]);
    expect([...after.keys()].filter((file) => !after.get(file)!.equals(before.get(file)!))).toEqual([]);
    expect(await readdir(path.dirname(site.outputDir))).toEqual([path.basename(site.outputDir)]);
  });

  it('should hand beforeSwap the finished staging folder', async () => {
    let seen: string[] = [];
    await buildSite({
      contentDir: copy.contentDir,
      publicDir: copy.publicDir,
      outputDir: site.outputDir,
      beforeSwap: async (dir) => {
        seen = await listFiles(dir);
      },
    });
    expect(seen).toEqual(await listFiles(site.outputDir));
    expect(seen).toContain('feed.xml');
  });

  it('should remove the page of a deleted article on the next build, and every link to it', async () => {
    expect(await site.files()).toContain(`${deleted.url}index.html`);
    await rm(path.join(copy.contentDir, 'articles', deleted.file));
    await buildSite({ contentDir: copy.contentDir, publicDir: copy.publicDir, outputDir: site.outputDir });

    const files = await site.files();
    expect(files).not.toContain(`${deleted.url}index.html`);
    expect(files.filter((file) => file.startsWith('/2024/06/19/'))).toEqual([]);
    expect(cardLinks(await site.html('/'))).not.toContain(deleted.url);
    for (const file of files) {
      const text = await readFile(path.join(site.outputDir, file), 'utf8');
      expect(text, file).not.toContain(deleted.url);
      expect(text, file).not.toContain(deleted.title);
    }
    // The Weather tag had two stories; one remains.
    expect(cardLinks(await site.html('/tags/weather/'))).toEqual(['/2024/12/31/new-years-eve-fireworks-cancelled/']);
    expect(await readdir(path.dirname(site.outputDir))).toEqual([path.basename(site.outputDir)]);
  });

  // Regression: `buildSite` used to call `mkdtemp` next to `outputDir` without creating its parent,
  // so `outputDir: 'deploy/site'` failed with a bare ENOENT.
  it('should build into an output folder whose parent does not exist yet', async () => {
    const root = await tempDir('nested-output');
    try {
      const outputDir = path.join(root, 'deploy', 'site');
      await buildSite({ contentDir: copy.contentDir, publicDir: copy.publicDir, outputDir });
      expect(await listFiles(outputDir)).toContain('index.html');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('should delete replaced sites in the background, leaving alone a folder another deleter is at', async () => {
    const trash = path.resolve('.cache/broadsheet/trash');
    await mkdir(trash, { recursive: true });
    // A deleter that is still running (this process stands for it) and one that died part-way.
    const running = path.join(trash, `site-${randomUUID()}.deleting-${process.pid}`);
    const abandoned = path.join(trash, `site-${randomUUID()}.deleting-2147483646`);
    for (const folder of [running, abandoned]) {
      await mkdir(path.join(folder, 'a'), { recursive: true });
      await writeFile(path.join(folder, 'a', 'index.html'), 'old');
    }
    try {
      await buildSite({ contentDir: copy.contentDir, publicDir: copy.publicDir, outputDir: site.outputDir });
      const gone = async (prefix: string) => !(await readdir(trash)).some((name) => name.startsWith(prefix));
      await expect.poll(() => gone(path.basename(abandoned).replace(/\.deleting-\d+$/, '')), { timeout: 15_000 }).toBe(true);
      expect(await readdir(running)).toEqual(['a']);
    } finally {
      await rm(running, { recursive: true, force: true });
    }
  });
});
