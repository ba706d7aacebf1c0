/**
 * Splits the search documents into one shard per publication year and gives each a key that
 * changes whenever anything Pagefind would write for it changes, so an unchanged year's bundle
 * can be taken from the previous build instead of being indexed again.
 */
import { createHash } from 'node:crypto';
import type { SearchDocument } from './documents.ts';
import { SearchIndexError } from './search-index-error.ts';

/**
 * Version of what this code writes for a document (records, meta, filters, sort).
 * Change it whenever that changes: every shard's key changes with it, so all years are rebuilt.
 */
export const SEARCH_FORMAT = 'broadsheet-search/2';

/** The documents of one year, and the key of the bundle they make. */
export interface Shard {
  /** The year as text: the bundle's folder under `pagefind/` and its name in the manifest. */
  name: string;
  year: number;
  /** The year's documents, sorted by URL. */
  documents: SearchDocument[];
  /** sha256 (hex) over the format, the Pagefind version, the language and the documents. */
  key: string;
}

/** What, besides the documents, decides the bytes Pagefind writes. */
export interface ShardInputs {
  /** Installed Pagefind version, such as `1.6.0`. */
  pagefind: string;
  /** The records' language. */
  language: string;
}

/**
 * Group documents by year, newest year first, and key each group.
 *
 * @param documents Every document to index.
 * @param inputs Pagefind version and language, which are part of each key.
 * @returns The shards, newest year first.
 * @throws SearchIndexError When a document has no usable year or two share a URL.
 */
export function planShards(documents: readonly SearchDocument[], inputs: ShardInputs): Shard[] {
  const byYear = new Map<number, SearchDocument[]>();
  const urls = new Set<string>();
  for (const document of documents) {
    if (!Number.isInteger(document.year) || document.year < 0) {
      throw new SearchIndexError(`Cannot build the search index: the document \`${document.url}\` has the year \`${document.year}\`, expected a whole number such as 2025.`);
    }
    // Pagefind would keep both records and show the story twice; loadContent never lets this happen.
    if (urls.has(document.url)) {
      throw new SearchIndexError(`Cannot build the search index: two documents have the URL \`${document.url}\`. Give every search document its own URL.`);
    }
    urls.add(document.url);
    const group = byYear.get(document.year);
    if (group) group.push(document);
    else byYear.set(document.year, [document]);
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => b - a)
    .map(([year, group]) => {
      const sorted = group.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
      return { name: String(year), year, documents: sorted, key: shardKey(sorted, inputs) };
    });
}

/** sha256 over the inputs and the documents, each as a fixed-order array so key order never matters. */
function shardKey(documents: readonly SearchDocument[], inputs: ShardInputs): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([SEARCH_FORMAT, inputs.pagefind, inputs.language]));
  for (const document of documents) {
    const { url, title, year, date, displayDate, authors, tags } = document;
    hash.update('\n');
    hash.update(JSON.stringify([url, title, document.textKey ?? document.text, year, date, displayDate, authors, tags]));
  }
  return hash.digest('hex');
}
