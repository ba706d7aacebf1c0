/**
 * The dev server (`npm start`) rebuilds on every save: the plugin reads again only the files the
 * watcher reported, and hands Eleventy only the pages whose data changed since its previous
 * rebuild, as long as the output folder is the one it wrote them to.
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
let data: GlobalData;
const handlers = new Map<string, (...args: unknown[]) => unknown>();

/** Register the plugin as `.eleventy.js` does for `npm start`, with a stand-in for Eleventy's config API. */
function register(): GlobalData {
  let global: GlobalData | undefined;
  const config = {
    addGlobalData: (_name: string, fn: GlobalData) => (global = fn),
    addFilter: () => undefined,
    addPassthroughCopy: () => undefined,
    addWatchTarget: () => undefined,
    setChokidarConfig: () => undefined,
    on: (event: string, handler: (...args: unknown[]) => unknown) => handlers.set(event, handler),
    ignores: new Set<string>(),
    directories: { output: outputDir },
  };
  broadsheetPlugin(config as never, { contentDir: copy.contentDir, publicDir: copy.publicDir, preview: true });
  return global!;
}

/** One rebuild as Eleventy runs it: the watcher's files, the global data, then the written pages. */
async function rebuild(saved?: string[]): Promise<{ emit: EmitPlan }> {
  if (saved) await handlers.get('eleventy.beforeWatch')!(saved);
  return data();
}

/** Write a stand-in file for every page Eleventy would write, as it would, and end the build. */
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
  await handlers.get('eleventy.after')!();
  return urls;
}

beforeAll(async () => {
  copy = await copyFixture('basic');
  outputDir = path.join(await tempDir('dev-server'), '_site');
  data = register();
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
    const changed = await write((await rebuild([file])).emit);
    expect(changed).toContain('/2024/04/22/ferry-timetable-changes/');
    expect(changed.length).toBeLessThan(all.length / 2);
  });

  it('should read again only the files the watcher reported, by any spelling of their path', async () => {
    const retitle = async (name: string, title: string) => {
      const file = path.join(copy.contentDir, 'pages', name);
      await writeFile(file, (await readFile(file, 'utf8')).replace(/^title: .*$/m, `title: ${title}`));
      return file;
    };
    const about = await retitle('about.md', 'About the newsroom');
    const privacy = await retitle('privacy.md', 'Your privacy');
    // Only one save reported: the other file is taken as it was (the watcher is trusted). Page
    // titles are in every page's navigation, so both pages are written each time.
    const first = (await rebuild([path.relative(process.cwd(), about)])).emit;
    expect(first.pages.map((page) => page.title).sort()).toEqual(['About the newsroom', 'Privacy']);
    await write(first);
    const second = (await rebuild([privacy])).emit;
    expect(second.pages.map((page) => page.title).sort()).toEqual(['About the newsroom', 'Your privacy']);
    await write(second);
  });

  it('should write every page again when the output folder was replaced', async () => {
    const all = (await write((await rebuild([])).emit)).length;
    await rm(outputDir, { recursive: true, force: true });
    await mkdir(outputDir, { recursive: true });
    expect((await write((await rebuild([])).emit)).length).toBeGreaterThan(30);
    expect(all).toBe(0);
  });
});
