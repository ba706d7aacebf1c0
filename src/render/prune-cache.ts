/**
 * Keeps the render cache from growing without end. Every edit leaves the article's previous
 * rendering behind, and every change to the pipeline (an upgrade, an option) leaves all of them:
 * at 100,000 articles, about 2 GB each time. A build removes the entries that no build has read
 * for 30 days (reading an entry refreshes its time: see `cache-entries.ts`), at most once a day.
 * By age rather than by "not in this build", so a build does not remove what another build or the
 * dev server, over other content or on another branch, is using (a build that reads an old entry
 * in the very instant it is removed finds it missing later, and says to build again).
 */
import { existsSync, lstatSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const DAY_MS = 24 * 60 * 60 * 1000;

/** An entry unused for this long is removed (one in use is refreshed once it is a week old: `REFRESH_AFTER_MS`). */
export const UNUSED_FOR_MS = 30 * DAY_MS;
// A `.tmp` file this old was left by a build killed while storing an entry.
const LEFT_BEHIND_MS = DAY_MS;
const STAMP = 'last-pruned';
// Entry folders are named by the first two hex digits of the key; nothing else in the cache is touched.
const ENTRY_FOLDER = /^[0-9a-f]{2}$/;

/** What a pruning removed. */
export interface Pruned {
  removed: number;
  bytes: number;
}

/** Options for `pruneRenderCache`. */
export interface PruneOptions {
  /** The time to measure ages from (default: now). */
  now?: number;
  /** Prune even if the cache was pruned less than a day ago (default: `false`). */
  always?: boolean;
}

/**
 * Remove the render cache's entries unused for 30 days, unless it was pruned within a day.
 *
 * @param cacheDir The cache folder.
 * @param options Clock and frequency.
 * @returns What was removed, or `undefined` when it was not time to prune.
 */
export function pruneRenderCache(cacheDir: string, options: PruneOptions = {}): Pruned | undefined {
  if (!existsSync(cacheDir)) return undefined;
  const now = options.now ?? Date.now();
  const stamp = path.join(cacheDir, STAMP);
  const last = statSync(stamp, { throwIfNoEntry: false });
  if (!options.always && last && now - last.mtimeMs < DAY_MS) return undefined;
  // Stamped first: two builds ending together do not both walk the cache.
  writeFileSync(stamp, `${new Date(now).toISOString()}\n`);
  const pruned: Pruned = { removed: 0, bytes: 0 };
  for (const folder of readdirSync(cacheDir).filter((name) => ENTRY_FOLDER.test(name))) {
    for (const name of namesIn(path.join(cacheDir, folder))) {
      const limit = name.endsWith('.entry') ? UNUSED_FOR_MS : name.endsWith('.tmp') ? LEFT_BEHIND_MS : undefined;
      if (limit === undefined) continue;
      const file = path.join(cacheDir, folder, name);
      const info = lstatSync(file, { throwIfNoEntry: false });
      if (!info?.isFile() || now - info.mtimeMs <= limit) continue;
      rmSync(file, { force: true });
      pruned.removed += 1;
      pruned.bytes += info.size;
    }
  }
  return pruned;
}

/** A folder's names; none when it went away meanwhile or is not a folder. */
function namesIn(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
