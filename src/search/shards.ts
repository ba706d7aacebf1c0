/**
 * Splits the search documents into one shard per publication year (a year of more than
 * `MAX_SHARD_DOCUMENTS` stories into equal parts, by date) and gives each a key that changes
 * whenever anything Pagefind would write for it changes, so an unchanged shard's bundle can be
 * taken from the previous build instead of being indexed again.
 */
import { createHash } from 'node:crypto';
import type { SearchDocument } from './documents.ts';
import { SearchIndexError } from './search-index-error.ts';

/**
 * Version of what this code writes for a document (records, meta, filters, sort).
 * Change it whenever that changes: every shard's key changes with it, so all years are rebuilt.
 */
export const SEARCH_FORMAT = 'broadsheet-search/2';

/**
 * Most stories in one bundle. Pagefind holds a bundle's whole index in memory while it writes it:
 * 2.7 GB for a year of 5,000 stories of ~1,000 words.
 */
export const MAX_SHARD_DOCUMENTS = 2_500;

/** The documents of one year (or part of a year), and the key of the bundle they make. */
export interface Shard {
  /** The bundle's folder under `pagefind/` and its name in the manifest: `2025`, or `2025-1`, `2025-2` … for a large year. */
  name: string;
  year: number;
  /** The shard's documents, sorted by URL. */
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
 * Group documents by year, newest first (a large year in parts, newest part first), and key each group.
 *
 * @param documents Every document to index.
 * @param inputs Pagefind version and language, which are part of each key.
 * @param maxDocuments Most documents in one shard (default: `MAX_SHARD_DOCUMENTS`).
 * @returns The shards, newest year first.
 * @throws SearchIndexError When a document has no usable year or two share a URL.
 */
export function planShards(documents: readonly SearchDocument[], inputs: ShardInputs, maxDocuments = MAX_SHARD_DOCUMENTS): Shard[] {
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
    .flatMap(([year, group]) =>
      splitYear(group, maxDocuments)
        .map((part, index, parts) => {
          const sorted = part.sort(byUrl);
          return { name: parts.length === 1 ? String(year) : `${year}-${index + 1}`, year, documents: sorted, key: shardKey(sorted, inputs) };
        })
        .reverse(),
    );
}

/** A year's documents in parts of at most `max`, as equal as can be, oldest part first. */
function splitYear(documents: SearchDocument[], max: number): SearchDocument[][] {
  const count = Math.ceil(documents.length / max);
  if (count <= 1) return [documents];
  const byDate = [...documents].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : byUrl(a, b)));
  return Array.from({ length: count }, (_, index) => byDate.slice(Math.floor((index * byDate.length) / count), Math.floor(((index + 1) * byDate.length) / count)));
}

function byUrl(a: SearchDocument, b: SearchDocument): number {
  return a.url < b.url ? -1 : a.url > b.url ? 1 : 0;
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
