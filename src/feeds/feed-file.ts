/**
 * A file the build writes besides the HTML pages, made only when it is read.
 */

/** One file to write. */
export interface FeedFile {
  /** Site-relative URL (the output path), such as `/tags/elections/feed.xml`. */
  url: string;
  /**
   * Everything the file is made from, when known before it is made: files with equal sources are
   * equal, so an incremental build can compare sources and make only the files that changed.
   */
  source?: unknown;
  /** The text, made on first read. */
  readonly content: string;
}

/**
 * A file made from `source` only when its `content` is first read.
 *
 * @param url Site-relative URL.
 * @param source What the file is made from (see `FeedFile.source`).
 * @param make Makes the text.
 * @returns The file.
 */
export function lazyFile(url: string, source: unknown, make: () => string): FeedFile {
  let content: string | undefined;
  return {
    url,
    source,
    get content() {
      content ??= make();
      return content;
    },
  };
}

