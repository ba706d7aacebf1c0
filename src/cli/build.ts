/**
 * `npm run build`: builds the site into a fresh folder next to `_site/` and swaps it in only when
 * every stage succeeded, so a failed build leaves the published site exactly as it was.
 */
import { isMain } from './is-main.ts';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { constants, setPriority } from 'node:os';
import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { planEmit } from '../eleventy/emit-plan.ts';
import { writePages } from '../eleventy/write-pages.ts';
import { loadSiteData } from '../eleventy/site-data.ts';
import { ContentError } from '../errors/report.ts';
import { readPageKeys, writePageKeys } from '../output/reuse.ts';
import { pruneRenderCache, type Pruned } from '../render/prune-cache.ts';
import { searchDocuments } from '../search/documents.ts';
import { writeSearchIndex } from '../search/index-site.ts';
import type { NewsDate } from '../content/dates.ts';
import type { ValidatedArticle } from '../content/model.ts';
import type { SiteConfig } from '../content/schema.ts';
import { createFilters } from '../eleventy/filters.ts';

/** Options for `buildSite`. */
export interface Options {
  /** Content folder (default: `'content'`, relative to the working directory). */
  contentDir?: string;
  /** Static files copied to the site root (default: `'public'`). */
  publicDir?: string;
  /** Output folder (default: `'_site'`). */
  outputDir?: string;
  /** Build a preview: drafts and scheduled articles shown, content errors on the pages (default: `false`). */
  preview?: boolean;
  /** Runs after Eleventy wrote the staging folder and before the swap; a throw aborts the build. */
  beforeSwap?: (stagingDir: string) => Promise<void>;
  /** Write the Pagefind search index to `pagefind/` before the swap (default: `true`). */
  search?: boolean;
  /**
   * Re-use the pages of the previous build whose data did not change, instead of writing them
   * again (default: `true`). `false` writes every page.
   */
  incremental?: boolean;
  /** Pages per Eleventy run; a large site is written in parts to keep memory flat (default: 5,000). */
  partSize?: number;
  /** Threads writing article pages besides the main one (default: 1 with two cores or more). */
  pageThreads?: number;
  /** Broadsheet's cache: renderings, page keys, trash (default: `'.cache/broadsheet'` in the working folder). */
  cacheDir?: string;
}

/** What a successful build wrote. */
export interface BuildResult {
  outputDir: string;
  /** Pages of the site made by templates: written now or re-used from the previous build. */
  pages: number;
  /** Of those, pages re-used unchanged from the previous build. */
  reused: number;
  /** Static files copied from `public/`. */
  copied: number;
  seconds: number;
  /** Renderings removed from the cache, unused for 30 days (it is pruned at most once a day). */
  pruned?: Pruned;
}

/**
 * Build the site atomically.
 *
 * @param options Where the project is and where the site goes.
 * @returns What was written.
 * @throws When any stage fails; the output folder is then untouched and the staging folder removed.
 */
export async function buildSite(options: Options = {}): Promise<BuildResult> {
  const started = performance.now();
  const contentDir = path.resolve(options.contentDir ?? 'content');
  const publicDir = path.resolve(options.publicDir ?? 'public');
  const outputDir = path.resolve(options.outputDir ?? '_site');
  const parent = path.dirname(outputDir);
  const base = path.basename(outputDir);
  // Page keys and trash live beside the render cache.
  const cacheDir = path.resolve(options.cacheDir ?? '.cache/broadsheet');
  await mkdir(parent, { recursive: true });
  await removeLeftovers(parent, base, cacheDir);

  const previousKeys = options.incremental === false ? undefined : await readPageKeys(cacheDir, outputDir);
  const staging = await mkdtemp(path.join(parent, `${base}.tmp-`));
  // Pagefind runs in processes of its own, so the index is made while the bodies, collections,
  // feeds and pages are: it starts once every file is valid, each year as soon as its bodies are
  // rendered. It is written into the staging folder, so the published index always matches the pages.
  let search: Promise<unknown> = Promise.resolve();
  const stopSearch = new AbortController();
  const startSearch = (articles: ValidatedArticle[], site: SiteConfig) => {
    const indexing = performance.now();
    search = writeSearchIndex({
      siteDir: staging,
      previousDir: outputDir,
      documents: searchDocuments(articles.filter((article) => article.status === 'published'), createFilters(site).readableDate as (date: NewsDate) => string),
      language: site.language,
      // A second Pagefind process once the bodies are rendered: until then rendering has the cores.
      coresFree: Promise.allSettled(articles.map((article) => article.body)),
      signal: stopSearch.signal,
    }).finally(() => performance.measure('broadsheet:search', { start: indexing }));
    // Awaited below; marked handled now, in case it fails while the pages are still being made.
    search.catch(() => undefined);
  };
  try {
    const preview = options.preview ?? false;
    const data = await loadSiteData({ contentDir, publicDir, preview, outputDir: staging, cacheDir, ...((options.search ?? true) ? { onValidated: startSearch } : {}) });
    const planning = performance.now();
    const reuse = previousKeys && { dir: outputDir, keys: previousKeys, into: staging };
    const { emit, keys, reused } = await planEmit(data, preview, reuse);
    performance.measure('broadsheet:plan', { start: planning });
    const writing = performance.now();
    const pages = writePages({ data, emit, outputDir: staging, contentDir, publicDir, preview, ...(options.partSize ? { partSize: options.partSize } : {}), ...(options.pageThreads !== undefined ? { threads: options.pageThreads } : {}) }).finally(() =>
      performance.measure('broadsheet:emit', { start: writing }),
    );
    const [written, indexed] = await Promise.allSettled([pages, search]);
    if (written.status === 'rejected') throw written.reason;
    if (indexed.status === 'rejected') throw indexed.reason;
    const results = written.value;
    await options.beforeSwap?.(staging);
    const swapping = performance.now();
    await swap(staging, outputDir, cacheDir);
    performance.measure('broadsheet:swap', { start: swapping });
    await writePageKeys(cacheDir, outputDir, keys);
    const pruned = pruneCache(cacheDir);
    return {
      outputDir,
      pages: results.written + reused,
      reused,
      copied: results.copied,
      seconds: (performance.now() - started) / 1000,
      ...(pruned?.removed ? { pruned } : {}),
    };
  } catch (error) {
    // Nothing may still be writing into the staging folder when it is removed.
    stopSearch.abort();
    await Promise.allSettled([search]);
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Prune the render cache; the site is published by now, so a failure is only a warning. */
function pruneCache(cacheDir: string): Pruned | undefined {
  try {
    return pruneRenderCache(cacheDir);
  } catch (error) {
    console.warn(`Could not prune the render cache in ${cacheDir}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** Put `staging` where `target` is, keeping the old folder until the new one is in place. */
async function swap(staging: string, target: string, cacheDir: string): Promise<void> {
  const old = `${target}.old-${process.pid}`;
  let hadOld = true;
  try {
    await rename(target, old);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    hadOld = false;
  }
  try {
    await rename(staging, target);
  } catch (error) {
    if (hadOld) await rename(old, target);
    throw error;
  }
  if (hadOld) await discard(old, cacheDir);
}

/**
 * Remove a replaced site. Deleting 15,000 files and folders takes 2–3 s the build need not wait
 * for: the folder is moved into the cache's trash and a detached process deletes it. Where it
 * cannot be moved (another file system), it is deleted here.
 */
async function discard(folder: string, cacheDir: string): Promise<void> {
  const trash = path.join(cacheDir, 'trash');
  const target = path.join(trash, `${path.basename(folder)}-${randomUUID()}`);
  try {
    await mkdir(trash, { recursive: true });
    await rename(folder, target);
  } catch {
    await rm(folder, { recursive: true, force: true });
    return;
  }
  deleteInBackground(target);
}

// The deleter first renames the folder to `<name>.deleting-<its pid>`: of two deleters started on
// one folder (a build starting while the previous build's is still at work), only one deletes.
const DELETER = `const fs = require('node:fs');
const from = process.argv[1];
const to = from.replace(/\\.deleting-\\d+$/, '') + '.deleting-' + process.pid;
try { fs.renameSync(from, to); } catch { process.exit(0); }
fs.rmSync(to, { recursive: true, force: true });`;

function deleteInBackground(folder: string): void {
  const child = spawn(process.execPath, ['-e', DELETER, folder], { detached: true, stdio: 'ignore' });
  child.unref();
  try {
    // Lowest priority: the deletion must not slow the build that follows.
    if (child.pid !== undefined) setPriority(child.pid, constants.priority.PRIORITY_LOW);
  } catch {
    // not allowed here: it runs at normal priority
  }
}

/** Staging folders left by a build that was killed part-way, and trash not yet deleted. */
async function removeLeftovers(parent: string, base: string, cacheDir: string): Promise<void> {
  const names = await readdir(parent).catch(() => [] as string[]);
  const stale = names.filter((name) => name.startsWith(`${base}.tmp-`) || name.startsWith(`${base}.old-`));
  await Promise.all(stale.map((name) => rm(path.join(parent, name), { recursive: true, force: true })));
  const trash = path.join(cacheDir, 'trash');
  for (const name of await readdir(trash).catch(() => [] as string[])) {
    const deleter = /\.deleting-(\d+)$/.exec(name);
    if (!deleter || !isRunning(Number(deleter[1]))) deleteInBackground(path.join(trash, name));
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Seconds spent in each stage of the last build in this process: load (read and validate),
 * render, collections, feeds, emit (Eleventy writing pages), search (the Pagefind index) and swap.
 *
 * @returns Stage durations in seconds.
 */
export function stageTimings(): Record<string, number> {
  const seconds = (name: string) => performance.getEntriesByName(`broadsheet:${name}`, 'measure').reduce((sum, entry) => sum + entry.duration, 0) / 1000;
  const [load, render, collections, feeds, plan, emit] = ['load', 'render', 'collections', 'feeds', 'plan', 'emit'].map(seconds) as [number, number, number, number, number, number];
  return { load, render, collections, feeds, plan, emit, search: seconds('search'), swap: seconds('swap') };
}

async function main(): Promise<void> {
  try {
    const result = await buildSite();
    const where = path.relative(process.cwd(), result.outputDir) || result.outputDir;
    const reused = result.reused ? ` (${result.reused} unchanged since the last build)` : '';
    console.log(`Built ${result.pages} pages${reused} and copied ${result.copied} files into ${where}/ in ${result.seconds.toFixed(1)} s.`);
    if (result.pruned) {
      const { removed, bytes } = result.pruned;
      console.log(`Removed ${removed} rendering${removed === 1 ? '' : 's'} unused for 30 days from .cache/broadsheet/ (${(bytes / 1e6).toFixed(1)} MB).`);
    }
    if (process.env.BROADSHEET_TIMING === '1') console.log(`[broadsheet:timing] ${JSON.stringify(stageTimings())}`);
    console.log('Preview it with `npm start` (http://localhost:8080/), which also rebuilds as you edit.');
  } catch (error) {
    // A content error is a report for the editor (every file and line), not a crash: no stack.
    console.error(error instanceof ContentError ? error.message : error);
    console.error('\nThe build failed, so the site in _site/ was left as it was.');
    process.exitCode = 1;
  }
}

if (isMain(import.meta.url)) await main();
