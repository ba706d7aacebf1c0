/**
 * Writes the Pagefind search index into a site being built, as one bundle per publication year
 * under `pagefind/<year>/`, listed newest first in `pagefind/shards.json`. The build calls it on
 * the staging folder before the swap, so the index always matches the pages.
 *
 * Only years whose documents changed are indexed again; every other year's bundle is hard-linked
 * from the published site. The search page (`public/assets/search.js`) searches the newest
 * bundle and merges the others into it. See https://pagefind.app/docs/multisite/.
 */
import { copyFile, link, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildBundle } from './build-bundle.ts';
import { Handover } from './handover.ts';
import type { SearchDocument } from './documents.ts';
import { MANIFEST_FILE, readManifest, type Manifest, type ManifestShard } from './manifest.ts';
import { loadServices, pagefindVersion, type PagefindService } from './pagefind-services.ts';
import { measureBundle, reuseBundle } from './reuse-bundle.ts';
import { SearchIndexError } from './search-index-error.ts';
import { planShards, SEARCH_FORMAT, type Shard } from './shards.ts';

export { SearchIndexError } from './search-index-error.ts';

/** Options for `writeSearchIndex`. */
export interface Options {
  /** The site being built (the staging folder); the index goes to its `pagefind/` folder. */
  siteDir: string;
  /** The published site, whose unchanged year bundles are re-used (default: none, build every year). */
  previousDir?: string;
  /** What to index: `searchDocuments(articles, readableDate)`. */
  documents: SearchDocument[];
  /** The records' language, for word stemming: the site's `language` (default: `'en'`). */
  language?: string;
  /** Pagefind processes run at once for bundles of up to 1,000 stories; each indexes on one core (default: `2`). */
  concurrency?: number;
  /**
   * Resolves once the rest of the build no longer keeps the cores busy (its bodies are rendered):
   * until then one Pagefind process indexes, then `concurrency`. A second process competing with
   * rendering for the cores costs more than it gains. Unset: `concurrency` from the start.
   */
  coresFree?: Promise<unknown>;
  /** Stops the indexing once the bundles already handed to Pagefind are written (the build failed elsewhere); the call then rejects. */
  signal?: AbortSignal;
}

/** What `writeSearchIndex` wrote. */
export interface SearchIndexResult {
  /** Documents in the index, over all years. */
  pages: number;
  /** Year bundles. */
  shards: number;
  /** Year bundles indexed by Pagefind in this call; the others were re-used. */
  rebuilt: number;
}

/** Stories in a bundle above which Pagefind indexes it on a process of its own, alone. */
const INDEX_ALONE_ABOVE = 1_000;

/** The Pagefind UI files the search page loads from `/pagefind/`, whichever year is newest. */
const UI_FILES = ['pagefind-ui.js', 'pagefind-ui.css'];

/**
 * Write the search index: one Pagefind bundle per year, the manifest, and the Pagefind UI files.
 *
 * @param options The site, the published site and the documents.
 * @returns How many documents and bundles there are, and how many bundles were rebuilt.
 * @throws SearchIndexError When the site folder is missing, a document is unusable or Pagefind fails.
 */
export async function writeSearchIndex(options: Options): Promise<SearchIndexResult> {
  const siteDir = path.resolve(options.siteDir);
  const isFolder = await stat(siteDir).then((info) => info.isDirectory(), () => false);
  if (!isFolder) throw new SearchIndexError(`Cannot build the search index: \`${siteDir}\` is not a folder. Build the site first, then index it.`);
  const language = (options.language ?? 'en').toLowerCase();
  const pagefind = await pagefindVersion().catch((error: unknown) => {
    throw asSearchIndexError(error, 'be found');
  });
  const shards = planShards(options.documents, { pagefind, language });
  const outDir = path.join(siteDir, 'pagefind');
  const previousDir = options.previousDir === undefined ? undefined : path.resolve(options.previousDir);
  // Indexing into the published folder itself would link each file onto itself: rebuild instead.
  const previous = previousDir && previousDir !== siteDir ? await readManifest(path.join(previousDir, 'pagefind')) : undefined;
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });

  // Years whose key matches the previous build are linked while the others are being indexed.
  const matches = new Map(shards.map((shard) => [shard, previous?.shards.find((entry) => entry.name === shard.name && entry.key === shard.key)]));
  const reusing = Promise.all(
    shards.map(async (shard) => {
      const before = matches.get(shard);
      const reused = before && (await reuseBundle(path.join(previousDir!, 'pagefind', shard.name), path.join(outDir, shard.name), before));
      return reused ? { ...before, bundle: bundleUrl(shard) } : undefined;
    }),
  );
  const how: Indexing = {
    outDir,
    language,
    concurrency: options.concurrency ?? 2,
    ...(options.coresFree ? { coresFree: options.coresFree } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
  const building = indexShards(shards.filter((shard) => !matches.get(shard)), how);
  // Settle both before throwing, so nothing is still linking into a folder the caller removes.
  const [linking, indexing] = await Promise.allSettled([reusing, building]);
  if (indexing.status === 'rejected') throw indexing.reason;
  if (linking.status === 'rejected') throw asSearchIndexError(linking.reason, `re-use the previous bundles from \`${previousDir}\``);
  const [reused, built] = [linking.value, indexing.value];
  // A previous bundle found damaged is indexed afresh, after the rest.
  const damaged = shards.filter((shard, index) => matches.get(shard) && !reused[index]);
  built.push(...(await indexShards(damaged, how)));
  const entries = new Map([...reused, ...built].filter((entry) => entry !== undefined).map((entry) => [entry.name, entry]));

  const manifest: Manifest = { format: SEARCH_FORMAT, pagefind, shards: shards.map((shard) => entries.get(shard.name)!) };
  await writeFile(path.join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 1)}\n`);
  await placeUiFiles(outDir, shards[0]);
  return { pages: options.documents.length, shards: shards.length, rebuilt: built.length };
}

/** Site-relative URL of a shard's bundle. */
function bundleUrl(shard: Shard): string {
  return `/pagefind/${shard.name}/`;
}

/** Where and how shards are indexed. */
interface Indexing {
  outDir: string;
  language: string;
  /** Pagefind processes for small shards. */
  concurrency: number;
  /** The processes beyond the first wait for it. */
  coresFree?: Promise<unknown>;
  signal?: AbortSignal;
}

/**
 * Index the large shards one at a time, then the others on up to `concurrency` processes. Two
 * large indexes at once contend for memory: 100,000 stories in bundles of 2,500 took as long on
 * one process as on two (752 s against 736 s), and the whole build's memory peaked at 3.9 GiB
 * instead of 4.8 GiB. Bundles of 500 index about 1.35 times as fast on two.
 */
async function indexShards(shards: Shard[], indexing: Indexing): Promise<ManifestShard[]> {
  const large = shards.filter((shard) => shard.documents.length > INDEX_ALONE_ABOVE);
  const built = await buildShards(large, { ...indexing, concurrency: 1 });
  return [...built, ...(await buildShards(shards.filter((shard) => !large.includes(shard)), indexing))];
}

/**
 * Index the shards on up to `concurrency` Pagefind processes. Each is handed over as soon as its
 * documents are ready (their bodies rendered), the newest ready year first, to the least busy
 * process (see `handover.ts`).
 */
async function buildShards(shards: Shard[], { outDir, language, concurrency, coresFree, signal }: Indexing): Promise<ManifestShard[]> {
  if (!shards.length) return [];
  const services = await loadServices(Math.min(Math.max(1, Math.floor(concurrency)), shards.length)).catch((error: unknown) => {
    throw asSearchIndexError(error, 'start');
  });
  const handover = new Handover(services.length, coresFree);
  const built: ManifestShard[] = [];
  const building: Array<Promise<void>> = [];
  let failure: { error: unknown } | undefined;
  let fail!: (error: unknown) => void;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => undefined);
  const readiness = new Map(shards.map((shard) => [shard, Promise.all(shard.documents.map((document) => document.ready)).then(() => shard)]));
  // A body that failed to render fails the build elsewhere; here only the wait for it fails.
  for (const waiting of readiness.values()) waiting.catch(() => undefined);
  const build = async (shard: Shard, service: PagefindService): Promise<void> => {
    const bundle = path.join(outDir, shard.name);
    await buildBundle(service, shard, bundle, language);
    const size = await measureBundle(bundle);
    built.push({ name: shard.name, bundle: bundleUrl(shard), key: shard.key, pages: shard.documents.length, ...size });
  };
  try {
    try {
      for (let left = [...shards]; left.length; ) {
        // The newest year that is ready (the first of those already settled), or the first to be.
        // A failed bundle stops the handing over, even while it waits for a year's bodies.
        const shard = await Promise.race([...left.map((candidate) => readiness.get(candidate)!), failed]);
        left = left.filter((candidate) => candidate !== shard);
        signal?.throwIfAborted();
        const stories = shard.documents.length;
        const index = await Promise.race([handover.take(stories), failed]);
        building.push(
          build(shard, services[index]!)
            .catch((error: unknown) => {
              failure ??= { error };
              fail(error);
            })
            .finally(() => handover.done(index, stories)),
        );
      }
    } finally {
      // A failure must not leave another process writing while the caller cleans up.
      await Promise.all(building);
    }
    if (failure) throw failure.error;
    return built;
  } catch (error) {
    throw asSearchIndexError(error, `write the search index in \`${outDir}\``);
  } finally {
    // Stops every Pagefind process, so the build (and a test run) can exit.
    await Promise.all(services.map((service) => service.close()));
  }
}

/**
 * Put the newest bundle's `pagefind-ui.js` and `.css` at `/pagefind/`, the stable paths the search
 * page loads. Without any bundle they come from an empty index, so the page still finds them.
 */
async function placeUiFiles(outDir: string, newest: Shard | undefined): Promise<void> {
  if (newest) {
    for (const file of UI_FILES) {
      const source = path.join(outDir, newest.name, file);
      await link(source, path.join(outDir, file)).catch(() => copyFile(source, path.join(outDir, file)));
    }
    return;
  }
  let service: PagefindService | undefined;
  try {
    [service] = await loadServices(1);
    const files = await service!.emptyBundleFiles();
    if (files.errors.length) throw new Error(files.errors.join('; '));
    for (const file of files.files.filter((entry) => UI_FILES.includes(entry.path))) await writeFile(path.join(outDir, file.path), file.content);
  } catch (error) {
    throw asSearchIndexError(error, `write its search interface to \`${outDir}\``);
  } finally {
    await service?.close();
  }
}

/** Keep a SearchIndexError as it is; wrap anything else in one that says what failed and where. */
function asSearchIndexError(error: unknown, step: string): SearchIndexError {
  if (error instanceof SearchIndexError) return error;
  const reason = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
  return new SearchIndexError(`Pagefind could not ${step}: ${reason}. The site was not published; fix the cause and build again.`, { cause: error });
}
