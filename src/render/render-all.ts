/**
 * Renders every body of a build exactly once: from the persistent cache when the body and the
 * pipeline are unchanged, otherwise on all cores (worker threads), and stores what it rendered.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Piscina } from 'piscina';
import type { RenderedMarkdown } from '../pipeline/render.ts';
import { readLater } from './cached-rendering.ts';
import { readEntryHeader } from './cache-entries.ts';
import { pipelineVersion } from './pipeline-version.ts';
import { renderOne } from './render-worker.ts';

/** One body to render. */
export interface RenderJob {
  /** Path named in messages. */
  path: string;
  /** Markdown, padded so line numbers match the source file. */
  body: string;
  /** The body's key (`renderKey`), when the caller computed it already. */
  key?: string;
  /**
   * Where to store the rendering, by whoever renders it (a worker thread, say): the outcome then
   * comes back without its HTML and text, so they never pile up in the main thread.
   */
  store?: { cacheDir: string; key: string };
}

/** A message as plain data, so it can cross threads and live in the cache. */
export interface PlainMessage {
  reason: string;
  line?: number | undefined;
  column?: number | undefined;
  ruleId?: string | undefined;
  fatal?: boolean | undefined;
}

/** The rendering of one job. */
export interface RenderOutcome {
  rendered: RenderedMarkdown;
  messages: PlainMessage[];
}

/** Options for `renderAll`. */
export interface Options {
  /** Folder of the persistent cache; `false` turns it off (default: `'.cache/broadsheet'`). */
  cacheDir?: string | false;
  /** Worker threads for cache misses (default: the number of cores). */
  threads?: number;
  /**
   * Called for each job as soon as its rendering is ready (at once for a cached one), with the
   * job's index: the bodies' text can be used (for the search index, say) before all are rendered.
   */
  onRendered?: (index: number, outcome: RenderOutcome) => void;
}

// Starting a worker (tsx plus the unified stack) costs about 1.5 s; below this many misses
// (~5 ms each) one thread finishes first. Measured: 2,000 bodies, 2 cores: 9.0 s in workers, 11.2 s in one.
const MIN_JOBS_FOR_WORKERS = 500;

// The outcomes of the previous call, for the dev server, which renders on every save: an
// unchanged body is then not even read from the cache. Their HTML and text stay in the cache.
// Trusted for a day: reading the entries again refreshes their times, so a dev server left
// running for weeks never holds an entry the cache's pruning takes for unused (prune-cache.ts).
let remembered = { cacheDir: '', at: 0, outcomes: new Map<string, RenderOutcome>() };
const REMEMBER_FOR_MS = 24 * 60 * 60 * 1000;
const BATCH_SIZE = 32;

/** A body not held in memory: read when it is to be rendered (its entry is not in the cache). */
export interface LaterJob {
  path: string;
  body: () => Promise<string>;
  key: string;
}

/**
 * The error for a body whose file changed or went away since the build read it.
 *
 * @param file The file, as messages name it.
 * @returns The error to throw.
 */
export function changedDuringBuild(file: string): Error {
  return new Error(`\`${file}\` changed during the build. Build again: the bodies rendered so far are in the cache.`);
}

/**
 * The cache key of a body: a hash of the pipeline fingerprint and the Markdown.
 *
 * @param version `pipelineVersion()`.
 * @param body The Markdown.
 * @returns A hex digest.
 */
export function renderKey(version: string, body: string): string {
  return createHash('sha256').update(version).update('\0').update(body).digest('hex');
}

/**
 * Render bodies, using and filling the cache.
 *
 * @param jobs Bodies to render.
 * @param options Cache folder and thread count.
 * @returns Outcomes in the order of `jobs`, and how many came from the cache.
 */
export async function renderAll(jobs: ReadonlyArray<RenderJob | LaterJob>, options: Options = {}): Promise<{ outcomes: RenderOutcome[]; cached: number }> {
  const cacheDir = options.cacheDir === false ? undefined : path.resolve(options.cacheDir ?? '.cache/broadsheet');
  const version = await pipelineVersion();
  const keys = jobs.map((job) => job.key ?? renderKey(version, job.body as string));
  const memory = cacheDir === remembered.cacheDir && Date.now() - remembered.at < REMEMBER_FOR_MS ? remembered.outcomes : undefined;
  // A hit keeps only the light part of its entry at once: 100,000 entries whole would take gigabytes.
  const hit = (key: string): RenderOutcome | undefined => {
    if (!cacheDir) return undefined;
    const known = memory?.get(key);
    if (known) return known;
    const entry = readEntryHeader(cacheDir, key);
    return entry && { messages: entry.messages, rendered: readLater(cacheDir, key, entry.rendered as RenderedMarkdown) };
  };
  const outcomes: Array<RenderOutcome | undefined> = keys.map(hit);
  const misses = jobs.map((_, index) => index).filter((index) => outcomes[index] === undefined);
  outcomes.forEach((outcome, index) => outcome && options.onRendered?.(index, outcome));
  // Read (if not held) when its batch is handed out, so only the bodies being rendered are in memory.
  const missAt = async (position: number): Promise<RenderJob> => {
    const index = misses[position]!;
    const job = jobs[index]!;
    let body = job.body;
    if (typeof body !== 'string') {
      // Its key was made from the text read earlier, which must not have changed since.
      body = await body();
      if (renderKey(version, body) !== keys[index]) throw changedDuringBuild(job.path);
    }
    return { path: job.path, body, ...(cacheDir ? { store: { cacheDir, key: keys[index]! } } : {}) };
  };
  await renderMisses(misses.length, missAt, options.threads ?? availableParallelism(), (position, outcome) => {
    const index = misses[position]!;
    if (cacheDir && outcome.rendered.key === undefined) outcome.rendered = readLater(cacheDir, keys[index]!, outcome.rendered);
    outcomes[index] = outcome;
    options.onRendered?.(index, outcome);
  });
  if (cacheDir) remembered = { cacheDir, at: Date.now(), outcomes: new Map(keys.map((key, index) => [key, outcomes[index]!])) };
  return { outcomes: outcomes as RenderOutcome[], cached: jobs.length - misses.length };
}

/**
 * The same rendering with other HTML (images replaced by their sizes, say); `text` stays.
 *
 * @param rendered A rendering.
 * @param html The new HTML.
 * @returns A copy whose `key` also covers the new HTML.
 */
export function withHtml(rendered: RenderedMarkdown, html: string): RenderedMarkdown {
  const { html: _html, ...descriptors } = Object.getOwnPropertyDescriptors(rendered);
  const copy = Object.defineProperties({}, { ...descriptors, html: { value: html, enumerable: false } }) as RenderedMarkdown;
  copy.key = createHash('sha256').update(rendered.key ?? '').update('\0').update(html).digest('hex');
  return copy;
}

/** Render `count` jobs, in order on one thread or in batches on a pool; `done` gets each outcome with its job's position. */
async function renderMisses(count: number, jobAt: (position: number) => Promise<RenderJob>, threads: number, done: (position: number, outcome: RenderOutcome) => void): Promise<void> {
  if (count < MIN_JOBS_FOR_WORKERS || threads < 2) {
    for (let position = 0; position < count; position++) done(position, await renderOne(await jobAt(position)));
    return;
  }
  const pool = new Piscina({
    // The entry loads TypeScript through tsx, whether or not the main thread does; no flags of the
    // main thread's (its own `--import tsx`, say) are passed on.
    filename: new URL('./render-worker-entry.mjs', import.meta.url).href,
    execArgv: [],
    maxThreads: threads,
    minThreads: threads,
  });
  try {
    // Two batches per thread in flight, the next one handed out as one comes back: the bodies are
    // rendered in the order given (all at once, the pool's queue mixes them up), so the first ones
    // are ready first. The search index waits for a year's bodies, newest year first.
    let next = 0;
    const lane = async (): Promise<void> => {
      for (let start = next; start < count; start = next) {
        next += BATCH_SIZE;
        const positions = Array.from({ length: Math.min(BATCH_SIZE, count - start) }, (_, offset) => start + offset);
        const outcomes = (await pool.run(await Promise.all(positions.map(jobAt)))) as RenderOutcome[];
        outcomes.forEach((outcome, offset) => done(start + offset, outcome));
      }
    };
    await Promise.all(Array.from({ length: threads * 2 }, lane));
  } finally {
    await pool.destroy();
  }
}
