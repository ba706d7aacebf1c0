/**
 * A build prunes the render cache of renderings no build has used for 30 days, and keeps every
 * rendering it used itself, however old.
 */
import { cp, mkdir, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildFixture, tempDir, type BuiltSite } from '../helpers/build.ts';

const DAY = 24 * 60 * 60 * 1000;

/** Every rendering in the cache (not walking its trash, which a background process is deleting). */
async function entries(cacheDir: string): Promise<string[]> {
  const folders = (await readdir(cacheDir)).filter((name) => /^[0-9a-f]{2}$/.test(name));
  const names = await Promise.all(folders.map(async (folder) => (await readdir(path.join(cacheDir, folder))).map((name) => path.join(cacheDir, folder, name))));
  return names.flat().filter((name) => name.endsWith('.entry'));
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('the render cache after a build', () => {
  it('should lose the renderings unused for 30 days and keep the ones the build used', async () => {
    const earlier = await tempDir('prune-cache');
    const cacheDir = await tempDir('prune-cache');
    cleanups.push(() => rm(earlier, { recursive: true, force: true, maxRetries: 3 }), () => rm(cacheDir, { recursive: true, force: true, maxRetries: 3 }));
    const first: BuiltSite = await buildFixture('basic', { cacheDir: earlier, search: false });
    cleanups.push(first.cleanup);
    // Copied, as another process would find it: this one remembers what it rendered in `earlier`.
    await cp(earlier, cacheDir, { recursive: true });
    const used = await entries(cacheDir);
    expect(used.length).toBeGreaterThan(3);

    // Two months pass; one rendering belongs to an article since edited.
    const stale = path.join(cacheDir, '00', `00${'0'.repeat(62)}.entry`);
    await mkdir(path.dirname(stale), { recursive: true });
    await writeFile(stale, 'the rendering of an earlier version');
    const then = new Date(Date.now() - 60 * DAY);
    for (const file of [...used, stale, path.join(cacheDir, 'last-pruned')]) await utimes(file, then, then);

    // Into a folder of its own: replacing a site leaves the old one in the cache's trash, for a
    // background process to delete, which would race with removing the cache after the test.
    const second = await buildFixture('basic', { cacheDir, search: false });
    cleanups.push(second.cleanup);
    expect(second.result.pruned).toEqual({ removed: 1, bytes: 'the rendering of an earlier version'.length });
    expect((await entries(cacheDir)).sort()).toEqual([...used].sort());
    expect(second.result.pages).toBe(first.result.pages);
  });
});
