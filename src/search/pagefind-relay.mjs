/**
 * A worker thread that talks to the Pagefind service processes for the build: it makes whole
 * bundles with Pagefind's Node API at the main thread's request, writing to the processes' pipes
 * from its own event loop. The main thread's loop is busy for seconds at a time while Eleventy
 * writes pages, and Pagefind sat idle waiting for its pipe meanwhile (1,690 stories took 87 s to
 * add instead of 3).
 *
 * Messages in: `{ id, service, method, args }`; out: `{ id, result }` or `{ id, error }`.
 * Each service takes its calls one after the other: the main thread hands over the next bundles
 * while one is being built (see `handover.ts`). `workerData.entries` are the module URLs of the
 * Pagefind instances, one process each.
 */
import { parentPort, workerData } from 'node:worker_threads';

const services = await Promise.all(workerData.entries.map((entry) => import(entry)));
// Records sent before waiting for their answers: enough to keep Pagefind busy, while a large
// bundle's text is not all waiting in the pipe's buffer at once.
const BATCH = 200;

/**
 * Build a whole bundle without the main thread: make an index, add the records, write the files
 * and free the index. Resolves with the step that failed and Pagefind's errors, if any.
 */
async function buildBundle(pagefind, { records, outputPath }) {
  const { errors, index } = await pagefind.createIndex({});
  if (errors.length || !index) return { step: 'start', errors };
  try {
    for (let start = 0; start < records.length; start += BATCH) {
      const added = await Promise.all(records.slice(start, start + BATCH).map((record) => index.addCustomRecord(record)));
      const failed = added.flatMap((result) => result.errors);
      if (failed.length) return { step: 'index the stories', errors: failed };
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) return { step: 'write the bundle', errors: written.errors };
    return { errors: [] };
  } finally {
    // Frees the index inside the process before it starts on the next one.
    await index.deleteIndex().catch(() => undefined);
  }
}

/** The files of an empty bundle: the search page's UI files when there is no story to index. */
async function emptyBundleFiles(pagefind) {
  const { errors, index } = await pagefind.createIndex({});
  if (errors.length || !index) return { errors, files: [] };
  try {
    return await index.getFiles();
  } finally {
    await index.deleteIndex().catch(() => undefined);
  }
}

async function call({ service, method, args }) {
  const pagefind = services[service];
  if (method === 'buildBundle') return buildBundle(pagefind, args[0]);
  if (method === 'emptyBundleFiles') return emptyBundleFiles(pagefind);
  if (method === 'close') return pagefind.close();
  throw new Error(`The Pagefind relay has no call \`${method}\``);
}

/** The end of each service's queue of calls. */
const queues = services.map(() => Promise.resolve());

parentPort.on('message', (message) => {
  const result = queues[message.service].then(() => call(message));
  queues[message.service] = result.catch(() => undefined);
  result.then(
    (value) => parentPort.postMessage({ id: message.id, result: value }),
    (error) => parentPort.postMessage({ id: message.id, error }),
  );
});
