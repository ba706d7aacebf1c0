/*
 * Pagefind over every year's bundle, as one module with Pagefind's own API. The search page gives
 * PagefindUI this folder as its `bundlePath`, so the UI imports this file (it must be named
 * pagefind.js) and /assets/search.js imports the same module instance.
 *
 * The index is one bundle per year, listed newest first in /pagefind/shards.json
 * (src/search/index-site.ts). Pagefind itself runs on the newest bundle and merges the older ones
 * (https://pagefind.app/docs/multisite/). Pagefind ignores a search word its index has never seen,
 * which with a single index only forgives a typo; with one index per year, "harbour dredging"
 * would list every harbour story of the years that never mention dredging. `search` therefore
 * keeps only the results that every word known anywhere in the archive finds on its own, which is
 * what one index would have answered.
 */

// no-cache: revalidate, so a reader never pairs a new page with an old list of bundles.
const response = await fetch('/pagefind/shards.json', { cache: 'no-cache' });
if (!response.ok) throw new Error(`/pagefind/shards.json answered ${response.status}`);
const manifest = await response.json();

/** Site-relative URLs of the year bundles, newest first. */
export const bundles = ((manifest && manifest.shards) || []).map((shard) => shard.bundle);

const pagefind = bundles.length ? await import(`${bundles[0]}pagefind.js`) : undefined;

let merging;

/**
 * Merge the older years into the newest one's Pagefind, once, all at the same time: PagefindUI's
 * own `mergeIndex` option loads them one after another, two round trips each. Call it before the
 * first search; searches wait for it.
 */
export function mergeOlderYears() {
  merging ??= Promise.all(
    bundles.slice(1).map((bundle) =>
      pagefind.mergeIndex(bundle).catch((error) => {
        console.error(`Search could not load ${bundle}: ${error.message}`);
      }),
    ),
  )
    // A bundle counts its results by tag, author and year only once its filters are loaded; the
    // UI loads them before merging, so without this the counts of the older years could be left out.
    .then(() => pagefind.filters())
    .catch((error) => console.error(`Search could not load every year's filters: ${error.message}`));
  return merging;
}

export const { options, init, filters, preload, destroy } = pagefind ?? {};

/** Words of a search, unless it has a quoted phrase, which Pagefind matches as a whole. */
function wordsOf(term) {
  if (typeof term !== 'string' || term.includes('"')) return [];
  return term.trim().split(/\s+/).filter(Boolean);
}

/** Pagefind's `search`, with every word the archive knows required of each result. */
export async function search(term, searchOptions) {
  // Every year in the results and in the counts: wait for the merge, if one was started.
  await merging;
  const words = wordsOf(term);
  if (words.length < 2) return pagefind.search(term, searchOptions);
  // Each word alone, without filters: a word is known when any story has it, whatever the reader
  // filtered by. Started together with the search itself, so their index chunks load at once.
  const [found, ...alone] = await Promise.all([pagefind.search(term, searchOptions), ...words.map((word) => pagefind.search(word))]);
  if (!found || !found.results) return found;
  const required = alone.filter((each) => each && each.results && each.results.length).map((each) => new Set(each.results.map((result) => result.id)));
  const results = found.results.filter((result) => required.every((ids) => ids.has(result.id)));
  // Pagefind's filter counts are for its own results; they are kept as its best estimate.
  return results.length === found.results.length ? found : { ...found, results };
}
