/**
 * Worker-thread entry: renders a batch of bodies with the shared processor and returns plain data.
 */
import { VFile } from 'vfile';
import { renderMarkdown } from '../pipeline/render.ts';
import type { RenderJob, RenderOutcome } from './render-all.ts';

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
  return { rendered, messages };
}
