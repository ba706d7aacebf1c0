/**
 * Remembers how each content file's frontmatter was read, by a hash of the file's text, so an
 * unchanged file is not parsed again (YAML parsing is a third of loading 10,000 articles).
 * One pack file holds every entry: one read instead of thousands. Only files read without any
 * message are kept, so a file with a problem is always read again and reported again.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fingerprint } from '../fingerprint.ts';
import type { Place, SplitFile } from './frontmatter.ts';

type Stored = { data: Record<string, unknown>; places: Array<[string, Place]> };


/** A pack of read frontmatter, loaded from and saved to one file. */
export class FrontmatterCache {
  private readonly fresh = new Map<string, Stored>();
  private changed = false;

  private constructor(
    private readonly file: string | undefined,
    private readonly stored: Record<string, Stored>,
  ) {}

  /**
   * Open the pack in `cacheDir`; `false` gives a cache that keeps nothing.
   *
   * @param cacheDir Broadsheet's cache folder.
   * @returns The cache.
   */
  static async open(cacheDir: string | false): Promise<FrontmatterCache> {
    if (cacheDir === false) return new FrontmatterCache(undefined, {});
    const file = path.join(cacheDir, `frontmatter-${await readerVersion()}.json`);
    let stored: Record<string, Stored> = {};
    try {
      stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Stored>;
    } catch {
      // missing or damaged: read every file
    }
    return new FrontmatterCache(file, stored);
  }

  /**
   * The frontmatter read from this text before, if any.
   *
   * @param text The file's text.
   * @param read Reads it when it is not known (and may report messages on the file).
   * @param clean Whether the file has no messages after reading: only then is the result kept.
   * @returns The split file.
   */
  split(text: string, read: () => SplitFile | undefined, clean: () => boolean): SplitFile | undefined {
    if (!this.file) return read();
    const key = createHash('sha256').update(text).digest('base64url');
    const known = this.stored[key];
    if (known) {
      this.fresh.set(key, known);
      return { data: known.data, places: new Map(known.places), body: bodyOf(text) };
    }
    const result = read();
    if (result && clean()) {
      this.fresh.set(key, { data: result.data, places: [...result.places] });
      this.changed = true;
    }
    return result;
  }

  /** Write the pack, keeping only the entries used in this load (so deleted files drop out). */
  async save(): Promise<void> {
    if (!this.file || (!this.changed && this.fresh.size === Object.keys(this.stored).length)) return;
    await mkdir(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(Object.fromEntries(this.fresh)));
    await rename(temporary, this.file);
    // Packs of earlier versions of the reader are never read again.
    const folder = path.dirname(this.file);
    for (const name of await readdir(folder)) {
      if (/^frontmatter-[0-9a-f]+\.json$/.test(name) && name !== path.basename(this.file)) await rm(path.join(folder, name), { force: true });
    }
  }
}

/** The body as `splitFrontmatter` gives it: padded with blank lines so line numbers match. */
function bodyOf(text: string): string {
  const lines = text.split('\n');
  const closing = lines.findIndex((line, index) => index > 0 && line.trimEnd() === '---');
  return '\n'.repeat(closing + 1) + lines.slice(closing + 1).join('\n');
}

// The code that reads frontmatter, and the parsers' versions: a change to either starts afresh.
let memo: Promise<string> | undefined;
function readerVersion(): Promise<string> {
  memo ??= fingerprint({ paths: ['src/content'], packages: ['gray-matter', 'yaml'] }).then((digest) => digest.slice(0, 16));
  return memo;
}
