/**
 * Pagefind's Node API talks to one `pagefind --service` process per module instance, and that
 * process indexes on a single thread, so two indexes in one service take as long as two in a row.
 * Each extra instance of the module (imported under its own query string) starts a process of its
 * own; on a 2-core machine two of them build the year bundles about 30% faster than one.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** One Pagefind module instance: its own service process, started on first use. */
export type PagefindService = typeof import('pagefind');

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
 * Load `count` independent instances of Pagefind's Node API. Close each with `close()` when done.
 *
 * @param count How many service processes may run at once (at least 1).
 * @returns The instances; each starts its process on its first call.
 */
export async function loadServices(count: number): Promise<PagefindService[]> {
  const dir = pagefindPackageDir();
  const manifest = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as { exports?: { '.'?: { import?: string } } };
  const entry = pathToFileURL(path.join(dir, manifest.exports?.['.']?.import ?? 'lib/index.js')).href;
  // A distinct URL is a distinct module record, with its own `persistentService`.
  return Promise.all(Array.from({ length: Math.max(1, count) }, (_, index) => import(`${entry}?service=${index + 1}`) as Promise<PagefindService>));
}
