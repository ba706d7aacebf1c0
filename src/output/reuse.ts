/**
 * Incremental output: every page gets a key (a hash of the code version and of all the data its
 * template sees). A page whose key is the same as in the previous build is not written again but
 * taken from the previous site: hard-linked into the staging folder (`npm run build`), or left
 * where it is (the dev server). A warm build of 10,000 articles then writes a handful of pages.
 *
 * The keys of the published site are kept in `.cache/broadsheet/builds/`, with the identity of
 * the folder they describe, so a site that was replaced or deleted is never mistaken for it.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, linkSync, mkdirSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loopTurner } from './let-loop-turn.ts';

/** Output file (relative, `/`-separated) → key. */
export type PageKeys = Record<string, string>;

/** Where unchanged pages come from. */
export interface Reuse {
  /** The previous site's folder: the published one for a build, the output itself in the dev server. */
  dir: string;
  /** The previous build's keys. */
  keys: PageKeys;
  /** Hard-link re-used pages into this folder (a build's staging folder); unset when they are already in place. */
  into?: string;
}

const FORMAT = 1;

/** Errors that mean "this file system cannot hard-link here": copy instead. */
export const CANNOT_LINK = new Set(['EXDEV', 'EPERM', 'EMLINK', 'ENOTSUP']);

/**
 * The file Eleventy writes for a permalink: `/a/b/` → `a/b/index.html`, `/feed.xml` → `feed.xml`.
 *
 * @param url Site-relative URL.
 * @returns Output-relative path with `/` separators.
 */
export function outputFile(url: string): string {
  const file = url.endsWith('/') ? `${url}index.html` : url;
  return file.replace(/^\/+/, '');
}

/**
 * The key of one page's data.
 *
 * @param shared Hash of what every page sees (code version, site settings, navigation).
 * @param value The page's own data, as its template receives it.
 * @param known Objects whose keys are already known (articles inside a listing): hashed by key
 *   rather than serialized again, which keeps keying linear in the size of the archive.
 * @returns A short hash.
 */
export function pageKey(shared: string, value: unknown, known?: WeakMap<object, string>): string {
  const replacer = known && ((key: string, inner: unknown) => (key !== '' && inner !== null && typeof inner === 'object' && known.has(inner) ? known.get(inner) : inner));
  // sha1: these keys only detect change (nothing trusts them for security), and it is faster.
  return createHash('sha1')
    .update(shared)
    .update('\0')
    .update(JSON.stringify(value, replacer) ?? 'undefined')
    .digest('base64url');
}

/**
 * Split pages into those to write and those re-used from the previous build, placing the
 * re-used ones when `reuse.into` is set. A page the previous site lacks is written.
 *
 * @param pages The pages.
 * @param urlOf A page's URL.
 * @param keyOf A page's key.
 * @param reuse The previous build, if there is one to re-use.
 * @param keys Filled with every page's key, for the next build.
 * @returns The pages to write.
 */
export async function pagesToWrite<T>(pages: readonly T[], urlOf: (page: T) => string, keyOf: (page: T) => string, reuse: Reuse | undefined, keys: PageKeys): Promise<T[]> {
  const write: T[] = [];
  const folders = new Set<string>();
  const turn = loopTurner();
  for (const page of pages) {
    const file = outputFile(urlOf(page));
    const key = keyOf(page);
    keys[file] = key;
    if (!reuse || reuse.keys[file] !== key || !place(file, reuse, folders)) write.push(page);
    await turn();
  }
  return write;
}

// Synchronous: one system call per page beats the promise API's round trips (10,000 links: ~0.3 s).
function place(file: string, reuse: Reuse, folders: Set<string>): boolean {
  // In place (the dev server): the page is there, unless the whole folder was replaced, which
  // the plugin checks once (`folderCreation`) rather than once per page (~0.2 s at 10,000 articles).
  if (!reuse.into) return true;
  const source = path.join(reuse.dir, file);
  const target = path.join(reuse.into, file);
  const folder = path.dirname(target);
  if (!folders.has(folder)) {
    mkdirSync(folder, { recursive: true });
    folders.add(folder);
  }
  try {
    linkSync(source, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return false; // gone from the previous site: write it
    if (!CANNOT_LINK.has(code ?? '')) throw error;
    copyFileSync(source, target); // a file system without hard links
  }
  return true;
}

/**
 * The keys of the site now in `outputDir`, if they were recorded for this very folder.
 *
 * @param cacheDir Broadsheet's cache folder.
 * @param outputDir The published site.
 * @returns The keys, or `undefined` when there is no trustworthy record.
 */
export async function readPageKeys(cacheDir: string, outputDir: string): Promise<PageKeys | undefined> {
  try {
    const record = JSON.parse(await readFile(recordPath(cacheDir, outputDir), 'utf8')) as { format: number; identity: string; keys: PageKeys };
    return record.format === FORMAT && record.identity === identity(outputDir) ? record.keys : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Record the keys of the site just put in `outputDir` (after the swap).
 *
 * @param cacheDir Broadsheet's cache folder.
 * @param outputDir The published site.
 * @param keys Its pages' keys.
 */
export async function writePageKeys(cacheDir: string, outputDir: string, keys: PageKeys): Promise<void> {
  const target = recordPath(cacheDir, outputDir);
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify({ format: FORMAT, outputDir, identity: identity(outputDir), keys }));
  await rename(temporary, target);
}

/**
 * Forget the record of `outputDir`: the dev server writes preview pages into it in place.
 *
 * @param cacheDir Broadsheet's cache folder.
 * @param outputDir The output folder.
 */
export async function forgetPageKeys(cacheDir: string, outputDir: string): Promise<void> {
  await rm(recordPath(cacheDir, outputDir), { force: true });
}

function recordPath(cacheDir: string, outputDir: string): string {
  const name = createHash('sha256').update(path.resolve(outputDir)).digest('hex').slice(0, 32);
  return path.join(cacheDir, 'builds', `${name}.json`);
}

/**
 * A folder's device, inode and creation time: a folder deleted and made again has new ones (even
 * on a re-used inode), while writing into it changes none of them.
 *
 * @param folder The folder.
 * @returns Its identity, or `'missing'`.
 */
export function folderCreation(folder: string): string {
  try {
    const info = statSync(folder);
    return `${info.dev}:${info.ino}:${info.birthtimeMs}`;
  } catch {
    return 'missing';
  }
}

// The folder's inode, and its change time, which a rename into place sets.
function identity(folder: string): string {
  try {
    const info = statSync(folder);
    return `${info.dev}:${info.ino}:${info.ctimeMs}`;
  } catch {
    return 'missing';
  }
}
