/**
 * The render cache is pruned of renderings no build has used for 30 days; a build's use keeps an
 * entry, however old it was.
 */
import { cp, mkdir, mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { entryPath } from '../../src/render/cache-entries.ts';
import { pipelineVersion } from '../../src/render/pipeline-version.ts';
import { pruneRenderCache } from '../../src/render/prune-cache.ts';
import { renderAll, renderKey } from '../../src/render/render-all.ts';

const DAY = 24 * 60 * 60 * 1000;

let cacheDir: string;
beforeEach(async () => {
  cacheDir = await mkdtemp(path.join(tmpdir(), 'broadsheet-prune-'));
});
afterEach(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

/** Render bodies into the cache, as an earlier build did, and return each one's entry file. */
async function cached(...bodies: string[]): Promise<string[]> {
  // Rendered elsewhere and copied: renderAll remembers what it rendered last in a folder, and
  // would not read those entries again there.
  const elsewhere = await mkdtemp(path.join(tmpdir(), 'broadsheet-prune-'));
  await renderAll(bodies.map((body, index) => ({ path: `${index}.md`, body })), { cacheDir: elsewhere, threads: 1 });
  await cp(elsewhere, cacheDir, { recursive: true });
  await rm(elsewhere, { recursive: true });
  const version = await pipelineVersion();
  return bodies.map((body) => entryPath(cacheDir, renderKey(version, body)));
}

async function age(file: string, days: number): Promise<void> {
  const then = new Date(Date.now() - days * DAY);
  await utimes(file, then, then);
}

async function ageInDays(file: string): Promise<number> {
  return (Date.now() - (await stat(file)).mtimeMs) / DAY;
}

describe('pruneRenderCache', () => {
  it('should remove renderings unused for 30 days and builds’ leftovers, and nothing else', async () => {
    const [old, recent, fresh] = await cached('An old *story*.\n', 'A story from last week.\n', 'Today’s story.\n');
    await age(old!, 40);
    await age(recent!, 20);
    const leftover = `${fresh!}.0f6d.tmp`; // a build killed while storing an entry
    const storing = `${recent!}.1a2b.tmp`; // a build storing one right now
    await writeFile(leftover, 'half an entry');
    await writeFile(storing, 'half an entry');
    await age(leftover, 2);
    // The rest of the cache is not the pruning's: the frontmatter pack, page keys, trash.
    const others = [
      path.join(cacheDir, 'frontmatter-abc.json'),
      path.join(cacheDir, 'builds', 'site.json'),
      path.join(cacheDir, 'builds', 'site.json.4242.tmp'),
      path.join(cacheDir, 'trash', 'old', 'index.html'),
    ];
    for (const file of others) {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, '{}');
      await age(file, 400);
    }
    const oldBytes = (await stat(old!)).size;

    expect(pruneRenderCache(cacheDir)).toEqual({ removed: 2, bytes: oldBytes + 'half an entry'.length });
    expect([old, recent, fresh, leftover, storing, ...others].map((file) => existsSync(file!))).toEqual([false, true, true, false, true, true, true, true, true]);
  });

  it('should do nothing where there is no cache yet', async () => {
    expect(pruneRenderCache(path.join(cacheDir, 'none'))).toBeUndefined();
    expect(existsSync(path.join(cacheDir, 'none'))).toBe(false);
  });

  it('should prune at most once a day', async () => {
    const [entry] = await cached('A story.\n');
    expect(pruneRenderCache(cacheDir)).toEqual({ removed: 0, bytes: 0 });
    await age(entry!, 31);
    expect(pruneRenderCache(cacheDir)).toBeUndefined();
    expect(existsSync(entry!)).toBe(true);
    expect(pruneRenderCache(cacheDir, { now: Date.now() + DAY + 1000 })).toEqual({ removed: 1, bytes: expect.any(Number) });
    expect(existsSync(entry!)).toBe(false);
  });

  it('should keep an old rendering that a build used again, and leave a young one’s time alone', async () => {
    const [old, young] = await cached('An old *story*, still published.\n', 'A story from Tuesday.\n');
    await age(old!, 90);
    await age(young!, 3);
    const { cached: hits, outcomes } = await renderAll(
      ['An old *story*, still published.\n', 'A story from Tuesday.\n'].map((body, index) => ({ path: `${index}.md`, body })),
      { cacheDir, threads: 1 },
    );
    expect(hits).toBe(2);
    expect(outcomes[0]!.rendered.html).toBe('<p>An old <em>story</em>, still published.</p>');
    expect(await ageInDays(old!)).toBeLessThan(0.01);
    // Refreshed at most once a week: a build does not write to every entry it reads.
    expect(await ageInDays(young!)).toBeGreaterThan(2.99);
    expect(pruneRenderCache(cacheDir, { always: true })).toEqual({ removed: 0, bytes: 0 });
    expect(existsSync(old!)).toBe(true);
  });

  it('should read its entries again after a day, as a dev server left running does, and render one that is gone', async () => {
    const body = 'A story the dev server shows.\n';
    const jobs = [{ path: 'a.md', body }];
    const [entry] = await cached(body);
    expect((await renderAll(jobs, { cacheDir, threads: 1 })).cached).toBe(1);
    await rm(entry!);
    // The same day, the outcome is remembered and the entry not read again.
    expect((await renderAll(jobs, { cacheDir, threads: 1 })).cached).toBe(1);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + DAY + 1000 });
    try {
      const { cached: hits, outcomes } = await renderAll(jobs, { cacheDir, threads: 1 });
      expect(hits).toBe(0);
      expect(outcomes[0]!.rendered.html).toBe('<p>A story the dev server shows.</p>');
    } finally {
      vi.useRealTimers();
    }
    expect(existsSync(entry!)).toBe(true);
  });
});
