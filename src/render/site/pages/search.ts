/**
 * The search page (/search/): Pagefind's index, built over the site at the end of `vita build`. Its
 * script is loaded only here, when the reader has asked to search; no other page carries search code.
 */
import { paths, url, type Site } from '../context.js';
import { html } from '../html.js';
import type { Page } from '../layout.js';

export function searchPage(site: Site): Page {
  const t = site.t;
  return {
    path: paths.search(),
    title: t.search,
    body: html`<header class="page-head"><h1>${t.search}</h1></header>
<div id="search" class="search" data-search data-bundle="${url(site, 'pagefind/', { asset: true })}" data-placeholder="${t.searchSite}" data-unavailable="${t.searchUnavailable}">
<noscript><p class="muted">${t.searchUnavailable}</p></noscript>
<p class="muted" data-search-status hidden>${t.searchLoading}</p>
</div>`,
    nav: 'search',
    unsearchable: true,
  };
}
