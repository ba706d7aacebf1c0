/*
 * Starts the Pagefind search UI on /search/. It is a file of its own because the site's
 * Content-Security-Policy allows no inline script. /pagefind/pagefind-ui.js (written by the
 * build) defines `PagefindUI`; both scripts are `defer`, so they run in order after parsing.
 *
 * The index is one Pagefind bundle per year, listed newest first in /pagefind/shards.json
 * (src/search/index-site.ts). The UI runs on the newest bundle, and this script merges the older
 * ones into the same Pagefind instance (https://pagefind.app/docs/multisite/), so words, filters
 * and "load more" cover the whole archive. Results rank by relevance, as Pagefind scores them.
 *
 * Without this script, or when the index did not load, the plain form and the note pointing to
 * the topic and date indexes stay visible.
 */
(function () {
  'use strict';
  var mount = document.getElementById('search');
  if (!mount || typeof window.PagefindUI !== 'function' || typeof window.fetch !== 'function') return;

  // no-cache: revalidate, so a reader never pairs a new page with an old list of bundles.
  window
    .fetch('/pagefind/shards.json', { cache: 'no-cache' })
    .then(function (response) {
      if (!response.ok) throw new Error('/pagefind/shards.json answered ' + response.status);
      return response.json();
    })
    .then(function (manifest) {
      var shards = (manifest && manifest.shards) || [];
      if (shards.length) start(shards);
    })
    .catch(function (error) {
      console.error('Search is unavailable: ' + error.message);
    });

  function start(shards) {
    var bundle = shards[0].bundle;
    // The same URL PagefindUI imports, so this script and the UI share one Pagefind instance.
    import(bundle + 'pagefind.js')
      .then(function (pagefind) {
        var merging = false;
        // Older years are merged here, all at once: PagefindUI's own `mergeIndex` option loads them
        // one after another, two round trips each, before the first results can show. Called
        // before the UI first searches (on focus, or before ?q= runs), so that search sees them all.
        var mergeYears = function () {
          if (merging) return;
          merging = true;
          for (var i = 1; i < shards.length; i++) {
            pagefind.mergeIndex(shards[i].bundle).catch(function (error) {
              console.error('Search could not load every year: ' + error.message);
            });
          }
        };
        startUi(bundle, mergeYears);
      })
      .catch(function (error) {
        console.error('Search is unavailable: ' + error.message);
      });
  }

  function startUi(bundle, mergeYears) {
    var params = new URLSearchParams(window.location.search);
    var query = (params.get('q') || '').trim();
    var options = {
      element: '#search',
      bundlePath: bundle,
      showSubResults: false,
      showImages: false,
      // Keep ?q= in step with what the reader typed, so Back and shared links show the same results.
      processTerm: function (term) {
        var url = new URL(window.location.href);
        if (term) url.searchParams.set('q', term);
        else url.searchParams.delete('q');
        window.history.replaceState(null, '', url);
        return term;
      },
    };
    var ui = new window.PagefindUI(options);

    // Pagefind's box has only a placeholder and a title; name it by the page's visible heading.
    var input = mount.querySelector('.pagefind-ui__search-input');
    if (input) input.setAttribute('aria-labelledby', 'search-heading');

    var fallbacks = document.querySelectorAll('[data-search-fallback]');
    for (var i = 0; i < fallbacks.length; i++) fallbacks[i].hidden = true;

    if (query) {
      mergeYears();
      ui.triggerSearch(query);
    } else {
      // Focus comes before typing; capture runs before Pagefind's own handlers.
      mount.addEventListener('focusin', mergeYears, { capture: true, once: true });
    }
  }
})();
