/**
 * The render cache's entries: one file per rendered body, named by its key (a hash of the
 * pipeline fingerprint and the Markdown), under `.cache/broadsheet/<first two characters>/`.
 *
 * An entry is a line of JSON (the light part of the rendering, its messages, and the byte sizes
 * of the HTML and text), then the HTML, then the text, as they are. A build reads the light part
 * of every entry at once and the HTML only when the page is written; neither has to parse the
 * other's bytes out of a JSON string (10,000 warm entries: about 200 MB of JSON not parsed).
 *
 * An entry's modification time tells when a build last used it (see `prune-cache.ts`).
 */
import { randomUUID } from 'node:crypto';
import { closeSync, fstatSync, futimesSync, mkdirSync, openSync, readSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RenderedMarkdown } from '../pipeline/render.ts';
import type { PlainMessage, RenderOutcome } from './render-all.ts';

/**
 * A build refreshes the time of each entry it reads that is older than this, so no entry in use
 * looks unused to the pruning (whose limit is far longer) and each is touched at most once a week.
 */
export const REFRESH_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

/** An entry's first line. */
interface Header {
  rendered: Omit<RenderedMarkdown, 'html' | 'text'>;
  messages: PlainMessage[];
  /** Bytes of HTML and of text after the line. */
  sizes: [number, number];
}

/**
 * The file of an entry.
 *
 * @param cacheDir Cache folder.
 * @param key The body's key.
 * @returns Its path.
 */
export function entryPath(cacheDir: string, key: string): string {
  return path.join(cacheDir, key.slice(0, 2), `${key}.entry`);
}

/**
 * Read an entry's light part: the rendering without HTML and text, and the messages; this is how
 * a build uses an entry, so an old entry's time is refreshed. Synchronous: for thousands of small
 * files, one read call each beats the promise API's open/stat/read/close round trips through the
 * thread pool (10,000 entries: 0.4 s against 1.7 s).
 *
 * @param cacheDir Cache folder.
 * @param key The body's key.
 * @returns The light outcome, or `undefined` when the entry is missing or damaged.
 */
export function readEntryHeader(cacheDir: string, key: string): { rendered: Header['rendered']; messages: PlainMessage[] } | undefined {
  const entry = readParts(cacheDir, key, true);
  return entry && { rendered: entry.header.rendered, messages: entry.header.messages };
}

/**
 * Read only the HTML or only the text of an entry.
 *
 * @param cacheDir Cache folder.
 * @param key The body's key.
 * @param part Which.
 * @returns It, or `undefined` when the entry is missing or damaged.
 */
export function readEntryPart(cacheDir: string, key: string, part: 'html' | 'text'): string | undefined {
  const entry = readParts(cacheDir, key);
  if (!entry) return undefined;
  const { header, bytes, start } = entry;
  const [htmlSize] = header.sizes;
  return part === 'html' ? bytes.toString('utf8', start, start + htmlSize) : bytes.toString('utf8', start + htmlSize);
}

function readParts(cacheDir: string, key: string, refresh = false): { header: Header; bytes: Buffer; start: number } | undefined {
  let descriptor: number | undefined;
  try {
    // What readFileSync does (open, fstat, read), keeping the descriptor to refresh the time.
    descriptor = openSync(entryPath(cacheDir, key), 'r');
    const { size, mtimeMs } = fstatSync(descriptor);
    const buffer = Buffer.allocUnsafe(size);
    let length = 0;
    while (length < size) {
      const read = readSync(descriptor, buffer, length, size - length, length);
      if (read === 0) break; // cut short while being read: the size check below rejects it
      length += read;
    }
    if (refresh && Date.now() - mtimeMs > REFRESH_AFTER_MS) refreshTime(descriptor);
    const bytes = buffer.subarray(0, length);
    const end = bytes.indexOf(10); // JSON.stringify never writes a raw newline
    const header = JSON.parse(bytes.toString('utf8', 0, end)) as Header;
    const start = end + 1;
    if (end < 0 || start + header.sizes[0] + header.sizes[1] !== bytes.length) return undefined;
    return { header, bytes, start };
  } catch {
    return undefined; // missing or damaged: render again
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

function refreshTime(descriptor: number): void {
  try {
    futimesSync(descriptor, new Date(), new Date());
  } catch {
    // a cache this process does not own (read-only, another user's): the entry is still good
  }
}

/**
 * Store a rendering, written then renamed so a killed build never leaves a half-written entry
 * (and two threads storing the same body cannot mix their bytes).
 *
 * @param cacheDir Cache folder.
 * @param key The body's key.
 * @param outcome The rendering.
 */
export function writeEntry(cacheDir: string, key: string, outcome: RenderOutcome): void {
  const target = entryPath(cacheDir, key);
  mkdirSync(path.dirname(target), { recursive: true });
  const { html, text, ...rendered } = outcome.rendered;
  const header: Header = { rendered, messages: outcome.messages, sizes: [Buffer.byteLength(html), Buffer.byteLength(text)] };
  const temporary = `${target}.${randomUUID()}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(header)}\n${html}${text}`);
  renameSync(temporary, target);
}
