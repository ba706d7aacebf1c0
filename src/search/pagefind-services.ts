/**
 * Pagefind's Node API talks to one `pagefind --service` process per module instance, and that
 * process indexes on a single thread, so two indexes in one service take as long as two in a row.
 * Each extra instance of the module (imported under its own query string) starts a process of its
 * own; on a 2-core machine two of them build the year bundles about 30% faster than one.
 *
 * The instances live in a worker thread (`pagefind-relay.mjs`), which writes to their pipes
 * whatever the main thread is doing: Eleventy writing pages keeps the main thread's event loop
 * from turning for seconds at a time.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PagefindIndex } from 'pagefind';

/** A record of Pagefind's `addCustomRecord`. */
export type PagefindRecord = Parameters<PagefindIndex['addCustomRecord']>[0];

/** One Pagefind service process, driven through the relay thread; calls made while it is busy wait their turn there. */
export interface PagefindService {
  /**
   * Index the records and write the bundle to `outputPath`, all in the relay thread.
   * Resolves with Pagefind's errors and the step they stopped (`start`, `index the stories`, `write the bundle`).
   */
  buildBundle(records: PagefindRecord[], outputPath: string): Promise<{ errors: string[]; step?: string }>;
  /** The files of an empty bundle (its UI files, say). */
  emptyBundleFiles(): Promise<{ errors: string[]; files: Array<{ path: string; content: Uint8Array }> }>;
  /** Stops the process; the relay thread ends once every service it drives is closed. */
  close(): Promise<void>;
}

let packageDir: string | undefined;

/** Folder of the installed `pagefind` package (its `exports` hide `package.json` from `require`). */
function pagefindPackageDir(): string {
  if (packageDir) return packageDir;
  // The node_modules folders Node would search for `import 'pagefind'` from here, nearest first.
  for (const folder of createRequire(import.meta.url).resolve.paths('pagefind') ?? []) {
    const candidate = path.join(folder, 'pagefind');
    if (existsSync(path.join(candidate, 'package.json'))) return (packageDir = candidate);
  }
  throw new Error('Cannot find the `pagefind` package. Install the dependencies with `npm install`, then build again.');
}

/**
 * The installed Pagefind version, which is part of every shard's key: a new Pagefind rebuilds all.
 *
 * @returns A version such as `1.6.0`.
 */
export async function pagefindVersion(): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(pagefindPackageDir(), 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/**
 * Start `count` independent Pagefind services, driven from one worker thread
 * (`pagefind-relay.mjs`). Close each with `close()` when done.
 *
 * @param count How many service processes may run at once (at least 1).
 * @returns The services; each starts its process on its first call.
 */
export async function loadServices(count: number): Promise<PagefindService[]> {
  const dir = pagefindPackageDir();
  const manifest = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as { exports?: { '.'?: { import?: string } } };
  const entry = pathToFileURL(path.join(dir, manifest.exports?.['.']?.import ?? 'lib/index.js')).href;
  // A distinct URL is a distinct module record, with its own `persistentService`.
  const relay = new Relay(Array.from({ length: Math.max(1, count) }, (_, index) => `${entry}?service=${index + 1}`));
  let open = Math.max(1, count);
  return Array.from({ length: open }, (_, service) => ({
    buildBundle: async (records, outputPath) => (await relay.call({ service, method: 'buildBundle', args: [{ records, outputPath }] })) as { errors: string[]; step?: string },
    emptyBundleFiles: async () => (await relay.call({ service, method: 'emptyBundleFiles', args: [] })) as { errors: string[]; files: Array<{ path: string; content: Uint8Array }> },
    close: async () => {
      try {
        await relay.call({ service, method: 'close', args: [] });
      } finally {
        if (--open === 0) await relay.stop();
      }
    },
  }));
}

/** The main thread's end of `pagefind-relay.mjs`: each call is a message, answered by its id. */
class Relay {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (reason: unknown) => void }>();
  private calls = 0;

  constructor(entries: string[]) {
    this.worker = new Worker(new URL('./pagefind-relay.mjs', import.meta.url), { workerData: { entries }, execArgv: [] });
    this.worker.on('message', ({ id, result, error }: { id: number; result?: unknown; error?: unknown }) => {
      const call = this.waiting.get(id);
      this.waiting.delete(id);
      if (error !== undefined) call?.reject(error);
      else call?.resolve(result);
    });
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', () => this.failAll(new Error('The Pagefind relay thread stopped')));
  }

  call(message: { service: number; method: string; args: unknown[] }): Promise<unknown> {
    const id = ++this.calls;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...message });
    });
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }

  private failAll(error: unknown): void {
    for (const call of this.waiting.values()) call.reject(error);
    this.waiting.clear();
  }
}
