/**
 * Long synchronous stretches on the main thread (planning 14,000 pages) starve the Pagefind
 * processes the search index runs in: their pipes move only when the event loop turns. Work that
 * runs alongside the index calls the function this returns between steps.
 */

/**
 * A function that lets the event loop turn when `interval` ms have passed since it last did.
 *
 * @param interval Most milliseconds between turns (default 20).
 * @returns Resolves at once, or after one turn of the event loop.
 */
export function loopTurner(interval = 20): () => Promise<void> | undefined {
  let last = performance.now();
  return () => {
    if (performance.now() - last < interval) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        last = performance.now();
        resolve();
      }),
    );
  };
}
