/**
 * The page-writing thread's task: what goes wrong there reaches the build with its cause, not
 * only Eleventy's "Having trouble rendering" (a thread's error crosses back as its message only).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planEmit } from '../../src/eleventy/emit-plan.ts';
import writePortablePart, { toPortablePart } from '../../src/eleventy/page-writer.ts';
import { loadSiteData } from '../../src/eleventy/site-data.ts';
import { fixture, tempDir } from '../helpers/build.ts';

let root: string;
let emptyCache: string;

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
  if (emptyCache) await rm(emptyCache, { recursive: true, force: true });
});

describe('page-writing thread', () => {
  it('should name the cause when an article page cannot be written (its body gone from the cache)', async () => {
    root = await tempDir('page-writer');
    emptyCache = await mkdtemp(path.join(tmpdir(), 'broadsheet-empty-cache-'));
    const { contentDir, publicDir } = fixture('basic');
    const outputDir = path.join(root, '_site');
    const data = await loadSiteData({ contentDir, publicDir, preview: false, outputDir });
    const { emit } = await planEmit(data, false, undefined);
    const part = toPortablePart({ ...emit, articles: emit.articles.slice(0, 1) }, { data, outputDir, contentDir, publicDir, preview: false });
    const body = part.articles[0]!.body;
    expect('cacheDir' in body).toBe(true);
    part.articles[0]!.body = { ...body, cacheDir: emptyCache };
    await expect(writePortablePart(part)).rejects.toThrow(/went missing from the cache during the build/);
  });
});
