/*
 * Starts the Pagefind search UI on /search/. It is a file of its own because the site's
 * Content-Security-Policy allows no inline script. /pagefind/pagefind-ui.js (written by the
 * build) defines `PagefindUI`; both scripts are `defer`, so they run in order after parsing.
 *
 * The index is one Pagefind bundle per year. /assets/search-years/pagefind.js reads their list and
 * gives PagefindUI one Pagefind over all of them (its `bundlePath`), so words, filters and "load
 * more" cover the whole archive. Results rank by relevance, as Pagefind scores them.
 *
 * Without this script, or when the index did not load, the plain form and the note pointing to
 * the topic and date indexes stay visible.
 */
(function () {
  'use strict';
  var mount = document.getElementById('search');
  if (!mount || typeof window.PagefindUI !== 'function' || typeof window.fetch !== 'function') return;
  var SEARCH_YEARS = '/assets/search-years/';

  // The same URL PagefindUI imports, so this script and the UI share one module instance.
  import(SEARCH_YEARS + 'pagefind.js')
    .then(function (pagefind) {
      if (pagefind.bundles.length) startUi(pagefind.mergeOlderYears);
    })
    .catch(function (error) {
      console.error('Search is unavailable: ' + error.message);
    });

  function startUi(mergeYears) {
    var params = new URLSearchParams(window.location.search);
    var query = (params.get('q') || '').trim();
    var options = {
      element: '#search',
      bundlePath: SEARCH_YEARS,
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
