/**
 * A rendering whose HTML and text stay in the render cache, read each time they are used, and
 * how such a rendering crosses to another thread (a page-writing thread, say). Apart from
 * `render-all.ts`, so a thread that only reads renderings does not load the unified pipeline.
 */
import { entryPath, readEntryPart } from './cache-entries.ts';
import type { RenderedMarkdown } from '../pipeline/render.ts';

// The cache folder of each rendering made by `readLater`, so another thread can read it there too.
const cacheFolders = new WeakMap<RenderedMarkdown, string>();

/** A rendering as it crosses to another thread: HTML and text held in the cache are read there again, any other copied. */
export type PortableRendering = Omit<RenderedMarkdown, 'html' | 'text'> & ({ cacheDir: string } | { html: string; text: string });

/**
 * A rendering ready to cross to another thread (in a message, which would leave out its HTML and
 * text: they are not own enumerable properties when read from the cache).
 *
 * @param rendered A rendering.
 * @returns Plain data; `fromPortable` turns it back.
 */
export function toPortable(rendered: RenderedMarkdown): PortableRendering {
  const cacheDir = cacheFolders.get(rendered);
  return cacheDir !== undefined ? { ...rendered, cacheDir } : { ...rendered, html: rendered.html, text: rendered.text };
}

/**
 * The rendering a `toPortable` stands for, in the thread that received it.
 *
 * @param portable What `toPortable` made.
 * @returns The rendering, reading its HTML and text from the cache if they are there.
 */
export function fromPortable(portable: PortableRendering): RenderedMarkdown {
  if (!('cacheDir' in portable)) return portable;
  const { cacheDir, ...rendered } = portable;
  return readLater(cacheDir, rendered.key!, rendered as RenderedMarkdown);
}

/**
 * The rendering without its HTML and text, which are read back from the cache entry each time
 * they are used: 100,000 bodies would take gigabytes held in memory all through the build, and
 * each is used once or twice (its page, the search index, the newest in the full-text feed).
 * Both are left out of JSON, where `key` stands for them.
 */
export function readLater(cacheDir: string, key: string, rendered: RenderedMarkdown): RenderedMarkdown {
  const { html: _html, text: _text, ...rest } = rendered;
  const read = (part: 'html' | 'text') => {
    const value = readEntryPart(cacheDir, key, part);
    if (value === undefined) throw new Error(`A rendered article went missing from the cache during the build: ${entryPath(cacheDir, key)}. Build again.`);
    return value;
  };
  const later = Object.defineProperties({ ...rest, key } as RenderedMarkdown, {
    html: { get: () => read('html'), enumerable: false },
    text: { get: () => read('text'), enumerable: false },
  });
  cacheFolders.set(later, cacheDir);
  return later;
}
