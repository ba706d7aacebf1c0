/**
 * Reads the content files of one load into entries: text, frontmatter (through the pack cache),
 * validated data. Keeps as little as it can: a file's text is dropped once read, and in a one-off
 * build a body is read again when it is rendered, if it is.
 */
import { createHash } from 'node:crypto';
import { lstatSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import type { z } from 'zod';
import { hasErrors } from '../errors/report.ts';
import { pipelineVersion } from '../render/pipeline-version.ts';
import { changedDuringBuild, renderKey } from '../render/render-all.ts';
import { FrontmatterCache } from './frontmatter-cache.ts';
import { bodyOf, splitFrontmatter, type Place } from './frontmatter.ts';
import { contentFile, listMarkdownFiles, readContentFile } from './read.ts';
import { validateFrontmatter } from './validate.ts';

/** One content file that passed validation, waiting to be rendered. */
export interface Entry<Data> {
  file: VFile;
  data: Data;
  places: ReadonlyMap<string, Place>;
  /**
   * The Markdown body; in a one-off build with a cache, a function that reads it again when it is
   * to be rendered, and `bodyKey`, its cache key. 100,000 bodies held from the load until the last
   * is rendered take about a gigabyte (two with curly quotes, which make a string two bytes a character).
   */
  body: string | (() => Promise<string>);
  bodyKey?: string;
  /** File name without `.md`. */
  stem: string;
}

/** How files are read in one load. */
export interface ReadingOptions {
  /** Broadsheet's cache folder, or `false` for none. */
  cacheDir: string | false;
  /** Keep validated files for the next load in this process (the dev server). */
  remember: boolean;
  /** Keep each file's text on its VFile (`npm run check` reads lines from it). */
  keepText: boolean;
  /**
   * With `remember`: the absolute paths of the files that changed since the previous load in this
   * process, as the dev server's watcher reports them. The other files that load remembered are
   * taken as they were, without reading them. Unset: every file is read.
   */
  changedFiles?: ReadonlySet<string> | undefined;
}

/** A file as it was validated: its data, places and body. */
type Validated = { data: unknown; places: ReadonlyMap<string, Place>; body: string };

// The dev server loads the archive on every save. A file whose text and schema are unchanged
// since the previous load in this process is taken as it was validated then, not parsed again
// (10,000 articles: about 1.5 s less per rebuild). Only files that loaded without a message.
let knownFiles = new Map<string, Validated>();
// And the key each path had then, for a load told which files changed: the others are not even
// read (reading and hashing 10,000 files takes about 0.5 s of a dev-server rebuild).
let knownPaths = new Map<string, { schemaKey: string; key: string }>();

/** One load's reading: open it, read each folder, close it. */
export class ReadingSession {
  private frontmatter: FrontmatterCache | undefined;
  private version = '';
  private readonly seen = new Map<string, Validated>();
  private readonly seenPaths = new Map<string, { schemaKey: string; key: string }>();

  constructor(private readonly options: ReadingOptions) {}

  /** Open the frontmatter pack and learn the render cache's version. */
  async open(): Promise<void> {
    this.version = await pipelineVersion();
    this.frontmatter = await FrontmatterCache.open(this.options.cacheDir, this.version);
  }

  /** Save the frontmatter pack, and keep this load's files for the next one if asked. */
  async close(): Promise<void> {
    await this.frontmatter?.save();
    knownFiles = this.options.remember ? this.seen : new Map();
    knownPaths = this.options.remember ? this.seenPaths : new Map();
  }

  /**
   * Read, split and validate the Markdown files of a folder.
   *
   * @param folder The folder (`content/articles`, say).
   * @param cwd Folder that messages name paths relative to.
   * @param schema The frontmatter schema.
   * @param schemaKey Names the schema (and what it is made from) for the in-process memo.
   * @returns Every file read (with its messages) and the entries that validated.
   */
  async readEntries<Schema extends z.ZodObject>(folder: string, cwd: string, schema: Schema, schemaKey: string) {
    const { remember, keepText } = this.options;
    const files: VFile[] = [];
    const entries: Array<Entry<z.output<Schema>>> = [];
    for (const absolute of await listMarkdownFiles(folder)) {
      const stem = path.basename(absolute, '.md');
      const unchanged = this.unchanged(absolute, schemaKey);
      if (unchanged) {
        const file = contentFile(absolute, cwd);
        files.push(file);
        entries.push({ file, ...(unchanged as Validated & { data: z.output<Schema> }), stem });
        continue;
      }
      // A one-off build takes a file not written since the last load from the pack, unread. Its
      // body is read only if its rendering is not in the cache after all (see renderAll).
      const stats = this.options.cacheDir && !remember && !keepText ? lstatSync(absolute, { throwIfNoEntry: false }) : undefined;
      const recalled = stats?.isFile() ? this.frontmatter!.recall(absolute, stats) : undefined;
      if (recalled) {
        const file = contentFile(absolute, cwd);
        files.push(file);
        const data = validateFrontmatter(schema, recalled.data, recalled.places, file);
        if (data !== undefined) entries.push({ file, data, places: recalled.places, body: this.readBodyAgain(absolute, cwd), bodyKey: recalled.bodyKey, stem });
        continue;
      }
      const file = await readContentFile(absolute, cwd, stats);
      files.push(file);
      if (hasErrors([file])) continue;
      const text = String(file.value);
      // Only a dev-server load has anything to look up or keep.
      const key = remember || knownFiles.size ? createHash('sha1').update(schemaKey).update('\0').update(text).digest('base64url') : '';
      const known = key && file.messages.length === 0 ? knownFiles.get(key) : undefined;
      if (known) {
        if (!keepText) file.value = '';
        if (remember) this.remember(absolute, schemaKey, key, known);
        entries.push({ file, ...(known as Validated & { data: z.output<Schema> }), stem });
        continue;
      }
      const split = this.frontmatter!.split(text, () => splitFrontmatter(file), () => file.messages.length === 0);
      if (!keepText) file.value = '';
      if (!split) continue;
      const data = validateFrontmatter(schema, split.data, split.places, file);
      if (data === undefined) continue;
      const bodyKey = this.options.cacheDir && !remember ? renderKey(this.version, split.body) : '';
      entries.push({ file, data, places: split.places, ...this.laterBody(split.body, bodyKey, absolute, cwd), stem });
      if (stats && file.messages.length === 0) this.frontmatter!.remember(absolute, stats, split.key, bodyKey);
      if (remember && file.messages.length === 0) this.remember(absolute, schemaKey, key, { data, places: split.places, body: split.body });
    }
    return { files, entries };
  }

  /** A file the watcher did not report, as the previous load validated it (if it did, cleanly). */
  private unchanged(absolute: string, schemaKey: string): Validated | undefined {
    const { remember, keepText, changedFiles } = this.options;
    if (!remember || keepText || !changedFiles || changedFiles.has(absolute)) return undefined;
    const known = knownPaths.get(absolute);
    const validated = known?.schemaKey === schemaKey ? knownFiles.get(known.key) : undefined;
    if (!validated) return undefined;
    this.remember(absolute, schemaKey, known!.key, validated);
    return validated;
  }

  private remember(absolute: string, schemaKey: string, key: string, validated: Validated): void {
    this.seen.set(key, validated);
    this.seenPaths.set(absolute, { schemaKey, key });
  }

  /** The body, or, in a one-off build with a cache, a way to read it again and its key. */
  private laterBody(body: string, bodyKey: string, absolute: string, cwd: string): Pick<Entry<unknown>, 'body' | 'bodyKey'> {
    const { cacheDir, remember } = this.options;
    return cacheDir && !remember ? { body: this.readBodyAgain(absolute, cwd), bodyKey } : { body };
  }

  /** Reads a body again (its frontmatter was read already); `renderAll` checks it is the one read before. */
  private readBodyAgain(absolute: string, cwd: string): () => Promise<string> {
    return async () => {
      // Deleted (or replaced by a link) since it was read: the build cannot go on with what it planned.
      const stats = lstatSync(absolute, { throwIfNoEntry: false });
      const file = stats && (await readContentFile(absolute, cwd, stats));
      if (!file || hasErrors([file])) throw changedDuringBuild(contentFile(absolute, cwd).path);
      return bodyOf(String(file.value));
    };
  }
}
