/**
 * Runs Eleventy over Broadsheet's templates to write a build's pages into a folder. Eleventy keeps
 * every page of a run in memory until the run ends, so a large site is written in parts, each
 * by a fresh Eleventy: memory stays flat however many pages there are. The article pages, most
 * of a site, are shared out between this thread and page-writing threads (`page-writer.ts`):
 * an Eleventy run uses about one core, and by then rendering is done.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { EmitPlan } from './emit-plan.ts';
import { toPortablePart } from './page-writer.ts';
import type { SiteData } from './site-data.ts';
import { writePart, type Written } from './write-part.ts';

/** Pages per Eleventy run. Measured at 10,000 articles: parts of 5,000 pages cost ~0.3 s a part. */
export const PART_SIZE = 5000;

/**
 * Page-writing threads by default (with two cores or more). Measured on two cores, pages only
 * (caches warm, no search): 10,000 articles 16.1 s against 20.6 s (medians of 4); 100,000
 * articles 106 and 126 s against 124 and 173 s. Two Eleventy runs at once are each ~1.6× slower
 * than one alone: one alone already keeps V8's helper threads busy on the other core. More
 * threads are not measured.
 */
const DEFAULT_THREADS = 1;

/** What `writePages` needs. */
export interface WriteOptions {
  data: SiteData;
  /** The paginated pages to write; the other pages and `public/` are always written. */
  emit: EmitPlan;
  outputDir: string;
  contentDir: string;
  publicDir: string;
  preview: boolean;
  /** Pages in memory at once, over all writers: pages per Eleventy run of a single writer (default: `PART_SIZE`). */
  partSize?: number;
  /** Page-writing threads besides this one (default: 1 with two cores or more; none for a single part of articles). */
  threads?: number;
}

/**
 * Write the pages.
 *
 * @param options The data, the pages and the folders.
 * @returns Pages written and static files copied.
 */
export async function writePages(options: WriteOptions): Promise<Written> {
  const partSize = options.partSize ?? PART_SIZE;
  const wanted = options.threads ?? (availableParallelism() > 1 ? DEFAULT_THREADS : 0);
  if (!Number.isInteger(partSize) || partSize < 1) throw new TypeError(`Expected the part size to be a whole number of pages, at least 1, not ${partSize}`);
  if (!Number.isInteger(wanted) || wanted < 0) throw new TypeError(`Expected the page-writing threads to be a whole number, at least 0, not ${wanted}`);
  // A thread only for two parts of articles or more: starting one costs ~1.5 s.
  const threads = Math.max(0, Math.min(wanted, Math.ceil(options.emit.articles.length / partSize) - 1));
  if (threads === 0) return writeInOneThread(options, partSize);
  // As many pages in memory at once as one thread writing parts of `partSize`: a part of 5,000
  // article pages holds ~0.5 GB until its run ends (two of them took a 100,000-article build to 4.5 GB).
  const size = Math.ceil(partSize / (threads + 1));
  // The first part also writes the single pages and copies `public/`; the article parts follow,
  // each taken by whichever thread is free. After a failure no thread takes another part.
  const [first, ...others] = splitPlan({ ...options.emit, articles: [] }, size);
  const articleParts = splitPlan({ ...emptyPlan(), articles: options.emit.articles }, size).filter((part) => part.articles.length > 0);
  let failed = false;
  const nextArticlePart = () => (failed ? undefined : articleParts.shift());
  const pool = new Piscina({ filename: new URL('./page-writer-entry.mjs', import.meta.url).href, execArgv: [], minThreads: threads, maxThreads: threads });
  const here = async (): Promise<Written[]> => {
    const results = [await writePart(first!, options, false)];
    for (const part of others) if (!failed) results.push(await writePart(part, options, true));
    for (let part = nextArticlePart(); part; part = nextArticlePart()) results.push(await writePart(part, options, true));
    return results;
  };
  const inThread = async (): Promise<Written[]> => {
    const results: Written[] = [];
    for (let part = nextArticlePart(); part; part = nextArticlePart()) results.push((await pool.run(toPortablePart(part, options))) as Written);
    return results;
  };
  const lane = (write: () => Promise<Written[]>) =>
    write().catch((error: unknown) => {
      failed = true;
      throw error;
    });
  try {
    const lanes = await Promise.allSettled([lane(here), ...Array.from({ length: threads }, () => lane(inThread))]);
    const rejected = lanes.find((result) => result.status === 'rejected');
    if (rejected) throw rejected.reason;
    return sum(lanes.flatMap((result) => (result as PromiseFulfilledResult<Written[]>).value));
  } finally {
    // A pool that fails to stop must not hide the build's own error.
    await pool.destroy().catch(() => undefined);
  }
}

/** All pages in this thread, in parts of `size` (the first also writes the single pages and copies `public/`). */
async function writeInOneThread(options: WriteOptions, size: number): Promise<Written> {
  const results: Written[] = [];
  for (const [index, part] of splitPlan(options.emit, size).entries()) results.push(await writePart(part, options, index > 0));
  return sum(results);
}

function sum(results: Written[]): Written {
  return { written: results.reduce((total, result) => total + result.written, 0), copied: results.reduce((total, result) => total + result.copied, 0) };
}

function emptyPlan(): EmitPlan {
  return { articles: [], listings: [], feedFiles: [], redirects: [], pages: [] };
}

/**
 * Split the pages into parts of at most `size` (at least one part, which also writes the rest).
 *
 * @param emit The pages.
 * @param size Pages per part.
 * @returns The parts.
 */
export function splitPlan(emit: EmitPlan, size: number): EmitPlan[] {
  const parts = [emptyPlan()];
  let room = size;
  for (const name of Object.keys(emit) as Array<keyof EmitPlan>) {
    let rest: unknown[] = emit[name];
    while (rest.length > 0) {
      if (room === 0) {
        parts.push(emptyPlan());
        room = size;
      }
      (parts.at(-1)![name] as unknown[]).push(...rest.slice(0, room));
      const taken = Math.min(room, rest.length);
      rest = rest.slice(taken);
      room -= taken;
    }
  }
  return parts;
}
