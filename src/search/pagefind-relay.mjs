/**
 * A worker thread that talks to the Pagefind service processes for the build: it takes calls of
 * Pagefind's Node API from the main thread and writes them to the processes' pipes from its own
 * event loop. The main thread's loop is busy for seconds at a time while Eleventy writes pages,
 * and Pagefind sat idle waiting for its pipe meanwhile (1,690 stories took 87 s to add instead of 3).
 *
 * Messages in: `{ id, service, method, args, index }`; out: `{ id, result }` or `{ id, error }`.
 * `workerData.entries` are the module URLs of the Pagefind instances, one process each.
 */
import { parentPort, workerData } from 'node:worker_threads';

const services = await Promise.all(workerData.entries.map((entry) => import(entry)));
/** Indexes by the handle the main thread knows them by. */
const indexes = new Map();
let handles = 0;

async function call({ service, method, args, index }) {
  if (method === 'createIndex') {
    const { errors, index: created } = await services[service].createIndex(...args);
    if (!created) return { errors };
    indexes.set(++handles, created);
    return { errors, index: handles };
  }
  if (method === 'close') return services[service].close();
  const target = indexes.get(index);
  if (!target) throw new Error(`Pagefind index ${index} was deleted`);
  if (method === 'deleteIndex') indexes.delete(index);
  return target[method](...args);
}

parentPort.on('message', (message) => {
  call(message).then(
    (result) => parentPort.postMessage({ id: message.id, result }),
    (error) => parentPort.postMessage({ id: message.id, error }),
  );
});
