/**
 * Renders the bodies of the entries a load validated, once each (cached, on all cores), and hands
 * out each body as soon as it is rendered: the build indexes a year for search while the older
 * years are still being rendered.
 */
import type { RenderedMarkdown } from '../pipeline/render.ts';
import { pipelineVersion } from '../render/pipeline-version.ts';
import { renderAll, renderKey } from '../render/render-all.ts';
import type { Entry } from './read-entries.ts';

/** The entries' bodies being rendered, in the entries' order. */
export interface Rendering {
  /** Each body's render key, known before it is rendered. */
  keys: string[];
  /** Each body, once rendered; all reject if rendering fails. */
  bodies: Array<Promise<RenderedMarkdown>>;
  /** Every body, once all are rendered, with the pipeline's warnings on each entry's own file. */
  all: Promise<Map<Entry<unknown>, RenderedMarkdown>>;
}

/**
 * Start rendering the entries' bodies, in the order given.
 *
 * @param entries Validated entries.
 * @param cacheDir The render cache, or `false`.
 * @returns The keys at once, and the bodies as they are rendered.
 */
export async function renderEntries(entries: ReadonlyArray<Entry<unknown>>, cacheDir: string | false): Promise<Rendering> {
  const version = await pipelineVersion();
  const keys = entries.map((entry) => entry.bodyKey || renderKey(version, entry.body as string));
  const settle = entries.map(() => settleLater<RenderedMarkdown>());
  const jobs = entries.map((entry, index) => {
    const job = { path: entry.file.path, key: keys[index]! };
    // A body not held (a one-off build) is read when it is rendered, if it must be.
    return typeof entry.body === 'function' ? { ...job, body: entry.body } : { ...job, body: entry.body };
  });
  const all = renderAll(jobs, { cacheDir, onRendered: (index, { rendered }) => settle[index]!.resolve(rendered) }).then(
    ({ outcomes }) => {
      const results = new Map<Entry<unknown>, RenderedMarkdown>();
      entries.forEach((entry, index) => {
        const { rendered, messages } = outcomes[index]!;
        results.set(entry, rendered);
        for (const { reason, line, column, ruleId, fatal } of messages) {
          const message = entry.file.message(reason, {
            ...(line !== undefined ? { place: { line, column: column ?? 1 } } : {}),
            ...(ruleId !== undefined ? { ruleId } : {}),
            source: 'broadsheet',
          });
          message.fatal = fatal;
        }
      });
      return results;
    },
    (error: unknown) => {
      for (const body of settle) body.reject(error);
      throw error;
    },
  );
  return { keys, bodies: settle.map((body) => body.promise), all };
}

/** A promise with its settle functions; a rejection nobody awaits is not reported as unhandled. */
function settleLater<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (reason: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((yes, no) => ((resolve = yes), (reject = no)));
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}
