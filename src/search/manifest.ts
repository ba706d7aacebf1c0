/**
 * `pagefind/shards.json`: the list of bundles (one per year, or per part of a large year). The
 * search page reads it to find the bundles to search, and the next build reads it to find the
 * bundles it may re-use.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SEARCH_FORMAT } from './shards.ts';

/** One bundle in the manifest: a year, or part of a large year. */
export interface ManifestShard {
  /** The shard's name (`shards.ts`), such as `2025` or `2025-2`. */
  name: string;
  /** Site-relative URL of the bundle folder, with a trailing slash: `/pagefind/2025/`. */
  bundle: string;
  /** The shard key its documents had (`shards.ts`). */
  key: string;
  /** Articles in the bundle. The search page weights each year by the counts of older ones. */
  pages: number;
  /** Files and bytes in the bundle folder, to tell a complete bundle from a damaged one. */
  files: number;
  bytes: number;
}

/** The whole manifest. */
export interface Manifest {
  /** `SEARCH_FORMAT` of the build that wrote it; any other value means "rebuild everything". */
  format: string;
  /** Pagefind version that wrote the bundles. */
  pagefind: string;
  /** Newest year first. */
  shards: ManifestShard[];
}

/** File name of the manifest inside `pagefind/`. */
export const MANIFEST_FILE = 'shards.json';

/**
 * Read a previous build's manifest, if there is a usable one.
 *
 * @param pagefindDir The `pagefind/` folder of a published site.
 * @returns The manifest, or `undefined` when it is missing, unreadable, damaged or of another format.
 */
export async function readManifest(pagefindDir: string): Promise<Manifest | undefined> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path.join(pagefindDir, MANIFEST_FILE), 'utf8'));
  } catch {
    return undefined;
  }
  const manifest = data as Partial<Manifest> | null;
  if (manifest?.format !== SEARCH_FORMAT || typeof manifest.pagefind !== 'string' || !Array.isArray(manifest.shards)) return undefined;
  return manifest.shards.every(isShard) ? (manifest as Manifest) : undefined;
}

function isShard(value: unknown): value is ManifestShard {
  const shard = value as Partial<ManifestShard> | null;
  return (
    typeof shard?.name === 'string' &&
    typeof shard.bundle === 'string' &&
    typeof shard.key === 'string' &&
    [shard.pages, shard.files, shard.bytes].every((count) => Number.isSafeInteger(count) && count! >= 0)
  );
}
