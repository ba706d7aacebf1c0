/**
 * Worker-thread entry: renders a batch of bodies with the shared processor, stores each in the
 * render cache when asked, and returns plain data.
 */
import { getPriority, setPriority } from 'node:os';
import { VFile } from 'vfile';
import { renderMarkdown, type RenderedMarkdown } from '../pipeline/render.ts';
import { writeEntry } from './cache-entries.ts';
import type { RenderJob, RenderOutcome } from './render-all.ts';

/**
 * How far below the rest of the build a render thread runs (a nice increment). The Pagefind
 * processes index the years already rendered; when they get the cores first, the index keeps pace
 * with rendering, instead of one process indexing the last years alone after the pages are
 * written (cold 100,000 articles: 1,039 s against 1,092–1,152 s before).
 */
export const RENDER_NICENESS = 10;

/**
 * Lower the calling worker thread's priority by `RENDER_NICENESS`. Only on Linux, where a
 * thread's nice value is its own; elsewhere it would slow the whole build. Threads the worker
 * starts later inherit it; the main thread has started libuv's pool long before.
 */
export function yieldToSearch(): void {
  if (process.platform !== 'linux') return;
  try {
    setPriority(Math.min(19, getPriority() + RENDER_NICENESS));
  } catch {
    // Refused (a sandbox, say): the thread renders at the build's priority.
  }
}

/**
 * Render jobs one by one (the processor is built once per thread).
 *
 * @param jobs Bodies to render.
 * @returns One outcome per job, in order.
 */
export default async function renderBatch(jobs: RenderJob[]): Promise<RenderOutcome[]> {
  const outcomes: RenderOutcome[] = [];
  for (const job of jobs) outcomes.push(await renderOne(job));
  return outcomes;
}

/**
 * Render one body, keeping its messages as plain data so they can cross threads and be cached.
 *
 * @param job The body and the path its messages name.
 * @returns The rendering and its messages.
 */
export async function renderOne(job: RenderJob): Promise<RenderOutcome> {
  const file = new VFile({ path: job.path, value: job.body });
  const rendered = await renderMarkdown(file);
  const messages = file.messages.map((message) => ({
    reason: message.reason,
    line: message.line ?? undefined,
    column: message.column ?? undefined,
    ruleId: message.ruleId ?? undefined,
    fatal: message.fatal ?? undefined,
  }));
  const outcome = { rendered, messages };
  if (!job.store) return outcome;
  writeEntry(job.store.cacheDir, job.store.key, outcome);
  // The caller reads HTML and text back from the cache when it needs them.
  const { html: _html, text: _text, ...light } = rendered;
  return { rendered: light as RenderedMarkdown, messages };
}
