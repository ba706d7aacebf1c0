/**
 * Remembers how each content file's frontmatter was read, by a hash of the file's text, so an
 * unchanged file is not parsed again (YAML parsing is a third of loading 10,000 articles).
 * One pack file holds every entry: one read instead of thousands. Only files read without any
 * message are kept, so a file with a problem is always read again and reported again.
 *
 * The pack also remembers each file's `lstat` stamp, so a build need not even read a file that
 * has not been written since (at 10,000 articles a rebuild's load went from 2.3 to 1.7 s). As in
 * Git's index, a file written less than two seconds before the load that read it began is not
 * trusted: a second write within the file system's clock tick (two seconds on FAT) could have left
 * the same times.
 */
import { createHash } from 'node:crypto';
import { readFileSync, type Stats } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fingerprint } from '../fingerprint.ts';
import { bodyOf, type Place, type SplitFile } from './frontmatter.ts';

type Stored = { data: Record<string, unknown>; places: Array<[string, Place]> };

/** What changes whenever a file is written or replaced: inode, size, modification and change times. */
type Stamp = [ino: number, size: number, mtimeMs: number, ctimeMs: number];

/** A file as last read: its stamp, its text's key in `entries`, and its body's render key. */
type KnownFile = { stamp: Stamp; key: string; bodyKey: string };

/**
 * `readSince`: when the load that saved the pack began, before it looked at any file.
 * `renderVersion`: the render pipeline's version that the files' body keys were made with.
 */
type Pack = { readSince: number; renderVersion: string; entries: Record<string, Stored>; files: Record<string, KnownFile> };

/** Files written this close (ms) to the load that read them are not trusted; see the module comment. */
const RACY_MS = 2000;

/** What `recall` gives for an unchanged file: its frontmatter as read before, and its body's render key. */
export interface Recalled {
  data: Record<string, unknown>;
  places: Map<string, Place>;
  bodyKey: string;
}

/** A pack of read frontmatter, loaded from and saved to one file. */
export class FrontmatterCache {
  private readonly fresh = new Map<string, Stored>();
  private readonly freshFiles = new Map<string, KnownFile>();
  private changed = false;
  private readonly openedAt = Date.now();

  private constructor(
    private readonly file: string | undefined,
    private readonly stored: Pack,
    private readonly renderVersion: string,
  ) {}

  /**
   * Open the pack in `cacheDir`; `false` gives a cache that keeps nothing.
   *
   * @param cacheDir Broadsheet's cache folder.
   * @param renderVersion The render pipeline's version: files remembered under another are read again.
   * @returns The cache.
   */
  static async open(cacheDir: string | false, renderVersion: string): Promise<FrontmatterCache> {
    const empty: Pack = { readSince: 0, renderVersion, entries: {}, files: {} };
    if (cacheDir === false) return new FrontmatterCache(undefined, empty, renderVersion);
    const file = path.join(cacheDir, `frontmatter-${await readerVersion()}.json`);
    let stored = empty;
    try {
      const pack = JSON.parse(readFileSync(file, 'utf8')) as Partial<Pack>;
      if (typeof pack.readSince === 'number' && pack.entries && pack.files) {
        // Body keys made by another pipeline are no use: its files are read again.
        stored = pack.renderVersion === renderVersion ? (pack as Pack) : { ...(pack as Pack), files: {} };
      }
    } catch {
      // missing or damaged: read every file
    }
    return new FrontmatterCache(file, stored, renderVersion);
  }

  /**
   * The frontmatter of a file not written since it was last read, without reading it.
   *
   * @param absolute The file's absolute path.
   * @param stats Its `lstat` now.
   * @returns The frontmatter and body key, or `undefined` when the file must be read.
   */
  recall(absolute: string, stats: Stats): Recalled | undefined {
    const known = this.file ? this.stored.files[absolute] : undefined;
    if (!known || !sameStamp(known.stamp, stampOf(stats))) return undefined;
    if (Math.max(stats.mtimeMs, stats.ctimeMs) > this.stored.readSince - RACY_MS) return undefined;
    const entry = this.stored.entries[known.key];
    if (!entry) return undefined;
    this.fresh.set(known.key, entry);
    this.freshFiles.set(absolute, known);
    return { data: entry.data, places: new Map(entry.places), bodyKey: known.bodyKey };
  }

  /**
   * Remember a file that was read and validated without a message, for `recall` in later loads.
   *
   * @param absolute The file's absolute path.
   * @param stats Its `lstat`, taken before it was read.
   * @param key What `split` returned as its key.
   * @param bodyKey Its body's render key, made with the render version the cache was opened with.
   */
  remember(absolute: string, stats: Stats, key: string, bodyKey: string): void {
    if (!this.file || !this.fresh.has(key)) return;
    this.freshFiles.set(absolute, { stamp: stampOf(stats), key, bodyKey });
    // Saved again even when nothing else changed, so a stamp too recent to trust now is trusted next time.
    this.changed = true;
  }

  /**
   * The frontmatter read from this text before, if any.
   *
   * @param text The file's text.
   * @param read Reads it when it is not known (and may report messages on the file).
   * @param clean Whether the file has no messages after reading: only then is the result kept.
   * @returns The split file, and the text's key for `remember`.
   */
  split(text: string, read: () => SplitFile | undefined, clean: () => boolean): (SplitFile & { key: string }) | undefined {
    if (!this.file) {
      const result = read();
      return result && { ...result, key: '' };
    }
    const key = createHash('sha256').update(text).digest('base64url');
    const known = this.stored.entries[key];
    if (known) {
      this.fresh.set(key, known);
      return { data: known.data, places: new Map(known.places), body: bodyOf(text), key };
    }
    const result = read();
    if (result && clean()) {
      this.fresh.set(key, { data: result.data, places: [...result.places] });
      this.changed = true;
    }
    return result && { ...result, key };
  }

  /** Write the pack, keeping only the entries used in this load (so deleted files drop out). */
  async save(): Promise<void> {
    const unchanged = this.fresh.size === Object.keys(this.stored.entries).length && this.freshFiles.size === Object.keys(this.stored.files).length;
    if (!this.file || (!this.changed && unchanged)) return;
    await mkdir(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    const pack: Pack = { readSince: this.openedAt, renderVersion: this.renderVersion, entries: Object.fromEntries(this.fresh), files: Object.fromEntries(this.freshFiles) };
    await writeFile(temporary, JSON.stringify(pack));
    await rename(temporary, this.file);
    // Packs of earlier versions of the reader are never read again.
    const folder = path.dirname(this.file);
    for (const name of await readdir(folder)) {
      if (/^frontmatter-[0-9a-f]+\.json$/.test(name) && name !== path.basename(this.file)) await rm(path.join(folder, name), { force: true });
    }
  }
}

function stampOf(stats: Stats): Stamp {
  return [stats.ino, stats.size, stats.mtimeMs, stats.ctimeMs];
}

function sameStamp(a: Stamp, b: Stamp): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

// The code that reads frontmatter, and the parsers' versions: a change to either starts afresh.
let memo: Promise<string> | undefined;
function readerVersion(): Promise<string> {
  memo ??= fingerprint({ paths: ['src/content'], packages: ['gray-matter', 'yaml'] }).then((digest) => digest.slice(0, 16));
  return memo;
}
