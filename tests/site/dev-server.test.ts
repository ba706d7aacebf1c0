/**
 * The dev server (`npm start`) rebuilds on every save: the plugin then hands Eleventy only the
 * pages whose data changed since its previous rebuild, as long as their files are still there.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmitPlan } from '../../src/eleventy/emit-plan.ts';
import { broadsheetPlugin } from '../../src/eleventy/plugin.ts';
import { outputFile } from '../../src/output/reuse.ts';
import { copyFixture, tempDir } from '../helpers/build.ts';

type GlobalData = () => Promise<{ emit: EmitPlan }>;

let copy: Awaited<ReturnType<typeof copyFixture>>;
let outputDir: string;
let rebuild: GlobalData;

/** Register the plugin as `.eleventy.js` does for `npm start`, with a stand-in for Eleventy's config API. */
function register(): GlobalData {
  let data: GlobalData | undefined;
  const config = {
    addGlobalData: (_name: string, fn: GlobalData) => (data = fn),
    addFilter: () => undefined,
    addPassthroughCopy: () => undefined,
    addWatchTarget: () => undefined,
    on: () => undefined,
    ignores: new Set<string>(),
    directories: { output: outputDir },
  };
  broadsheetPlugin(config as never, { contentDir: copy.contentDir, publicDir: copy.publicDir, preview: true });
  return data!;
}

/** Write a stand-in file for every page Eleventy would write, as it would. */
async function write(emit: EmitPlan): Promise<string[]> {
  const urls = [
    ...emit.articles.map((item) => item.url),
    ...emit.listings.map((item) => item.url),
    ...emit.feedFiles.map((item) => item.url),
    ...emit.redirects.map((item) => item.from),
    ...emit.pages.map((item) => item.url),
  ];
  for (const url of urls) {
    const file = path.join(outputDir, outputFile(url));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, url);
  }
  return urls;
}

beforeAll(async () => {
  copy = await copyFixture('basic');
  outputDir = path.join(await tempDir('dev-server'), '_site');
  rebuild = register();
});

afterAll(async () => {
  if (copy) await rm(copy.root, { recursive: true, force: true });
  if (outputDir) await rm(path.dirname(outputDir), { recursive: true, force: true });
});

describe('dev server rebuilds', () => {
  it('should write every page on the first build, then only what a save changed', async () => {
    const all = await write((await rebuild()).emit);
    expect(all.length).toBeGreaterThan(30);
    expect(await write((await rebuild()).emit)).toEqual([]);

    const file = path.join(copy.contentDir, 'articles', '2024', 'ferry-timetable-changes.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/\n*$/, '\n\nA sentence added in the editor.\n'));
    const changed = await write((await rebuild()).emit);
    expect(changed).toContain('/2024/04/22/ferry-timetable-changes/');
    expect(changed.length).toBeLessThan(all.length / 2);
  });

  it('should write a page again when its file is gone from the output', async () => {
    await rm(path.join(outputDir, 'about', 'index.html'));
    expect(await write((await rebuild()).emit)).toEqual(['/about/']);
  });
});
