/**
 * A rebuild re-uses the pages whose data did not change, and the site it publishes is byte for
 * byte the site a full build writes.
 */
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type Options } from '../../src/cli/build.ts';
import { copyFixture, readTree, tempDir } from '../helpers/build.ts';
import { splitPlan } from '../../src/eleventy/write-pages.ts';
import type { EmitPlan } from '../../src/eleventy/emit-plan.ts';

const edited = path.join('articles', '2024', 'ferry-timetable-changes.md');

let copy: Awaited<ReturnType<typeof copyFixture>>;
let root: string;
let options: Options;

beforeAll(async () => {
  copy = await copyFixture('basic');
  root = await tempDir('incremental');
  options = { contentDir: copy.contentDir, publicDir: copy.publicDir, outputDir: path.join(root, '_site'), search: false };
});

afterAll(async () => {
  if (copy) await rm(copy.root, { recursive: true, force: true });
  if (root) await rm(root, { recursive: true, force: true });
});

/** The same content built from scratch, for comparison. */
async function fullBuild(): Promise<Map<string, Buffer>> {
  const outputDir = path.join(root, 'full');
  await buildSite({ ...options, outputDir, incremental: false });
  return readTree(outputDir);
}

function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((name) => !a.get(name)?.equals(b.get(name) ?? Buffer.alloc(0)) || !b.has(name)).sort();
}

describe('incremental builds', () => {
  it('should write every page the first time, then re-use them all when nothing changed', async () => {
    const first = await buildSite(options);
    expect(first.reused).toBe(0);
    const before = await readTree(options.outputDir!);
    const second = await buildSite(options);
    expect(second.pages).toBe(first.pages);
    // Only the pages made from the whole archive (topic index, archive, 404, …) are written again.
    expect(second.reused).toBeGreaterThan(first.pages - 10);
    expect(differences(await readTree(options.outputDir!), before)).toEqual([]);
  });

  it('should rewrite the edited article and the listings and feeds that show it, and match a full build', async () => {
    const file = path.join(copy.contentDir, edited);
    const original = await readFile(file, 'utf8');
    const inode = async (file: string) => (await stat(path.join(options.outputDir!, file))).ino;
    const about = await inode('about/index.html');
    await writeFile(file, original.replace(/^title: .*$/m, 'title: Ferry timetable changes again'));
    const result = await buildSite(options);
    expect(result.pages - result.reused).toBeGreaterThan(3); // the article, its neighbours, the front page, its topic
    expect(result.reused).toBeGreaterThan(0);
    // A re-used page is a hard link to the published file: the same inode.
    expect(await inode('about/index.html')).toBe(about);
    const built = await readTree(options.outputDir!);
    const article = [...built.keys()].find((name) => name.endsWith('ferry-timetable-changes/index.html'));
    expect(built.get(article!)?.toString()).toContain('Ferry timetable changes again');
    expect(differences(built, await fullBuild())).toEqual([]);
  });

  it('should drop the pages of a deleted article', async () => {
    const file = path.join(copy.contentDir, edited);
    const text = await readFile(file, 'utf8');
    await rm(file);
    try {
      await buildSite(options);
      const built = await readTree(options.outputDir!);
      expect([...built.keys()].some((name) => name.includes('ferry-timetable-changes'))).toBe(false);
      expect(differences(built, await fullBuild())).toEqual([]);
    } finally {
      await writeFile(file, text);
    }
  });

  it('should not trust the record of a site that was replaced by hand', async () => {
    await buildSite(options);
    await rm(options.outputDir!, { recursive: true });
    await buildSite({ ...options, outputDir: path.join(root, 'elsewhere') });
    // An output folder made again from scratch: nothing to re-use, and every page is there.
    const result = await buildSite(options);
    expect(result.reused).toBe(0);
    expect(differences(await readTree(options.outputDir!), await fullBuild())).toEqual([]);
  });

  it('should write the same site in parts, some by a page-writing thread, as in one Eleventy run', async () => {
    // Two parts of articles at least: the thread takes the first at once, this thread the others.
    const parts = await buildSite({ ...options, outputDir: path.join(root, 'parts'), incremental: false, partSize: 5, pageThreads: 1 });
    const full = await buildSite({ ...options, outputDir: path.join(root, 'full'), incremental: false });
    const whole = await readTree(path.join(root, 'full'));
    expect(parts.pages).toBe(full.pages);
    expect(differences(await readTree(path.join(root, 'parts')), whole)).toEqual([]);
  });

  it('should not re-use a build’s pages for a preview, whose pages differ', async () => {
    await buildSite(options);
    const preview = await buildSite({ ...options, preview: true });
    expect(preview.reused).toBe(0);
    const again = await buildSite({ ...options, preview: true });
    expect(again.reused).toBeGreaterThan(preview.pages - 10);
    const build = await buildSite(options);
    expect(build.reused).toBe(0);
    expect(differences(await readTree(options.outputDir!), await fullBuild())).toEqual([]);
  });
});

describe('splitPlan', () => {
  it('should cut the pages into parts of the given size, in order, with at least one part', () => {
    const emit = { articles: [1, 2, 3], listings: [4, 5], feedFiles: [], redirects: [6], pages: [7] } as unknown as EmitPlan;
    const parts = splitPlan(emit, 3);
    expect(parts.map((part) => Object.values(part).flat())).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(parts[1]).toEqual({ articles: [], listings: [4, 5], feedFiles: [], redirects: [6], pages: [] });
    expect(splitPlan({ articles: [], listings: [], feedFiles: [], redirects: [], pages: [] }, 3)).toHaveLength(1);
  });
});
