/*
 * Starts the Pagefind search UI on /search/. It is a file of its own because the site's
 * Content-Security-Policy allows no inline script. /pagefind/pagefind-ui.js (written by the
 * build) defines `PagefindUI`; both scripts are `defer`, so they run in order after parsing.
 *
 * Without this script, or when the index did not load, the plain form and the note pointing to
 * the topic and date indexes stay visible.
 */
(function () {
  'use strict';
  var mount = document.getElementById('search');
  if (!mount || typeof window.PagefindUI !== 'function') return;

  var params = new URLSearchParams(window.location.search);
  var query = (params.get('q') || '').trim();

  var ui = new window.PagefindUI({
    element: '#search',
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
  });

  // Pagefind's box has only a placeholder and a title; name it by the page's visible heading.
  var input = mount.querySelector('.pagefind-ui__search-input');
  if (input) input.setAttribute('aria-labelledby', 'search-heading');

  var fallbacks = document.querySelectorAll('[data-search-fallback]');
  for (var i = 0; i < fallbacks.length; i++) fallbacks[i].hidden = true;

  if (query) ui.triggerSearch(query);
})();
