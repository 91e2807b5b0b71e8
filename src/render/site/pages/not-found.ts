/** The 404 page: served by hosts for any unknown address, so every link in it is absolute (base path included). */
import { url, type Site } from '../context.js';
import { html } from '../html.js';
import type { Page } from '../layout.js';

export function notFoundPage(site: Site): Page {
  const t = site.t;
  return {
    path: '404.html',
    title: t.notFoundTitle,
    body: html`<header class="page-head"><h1>${t.notFoundTitle}</h1></header>
<p>${t.notFoundText}</p>
<p><a href="${url(site, '')}">${t.backHome}</a> · <a href="${url(site, 'search/')}">${t.searchSite}</a></p>`,
    noindex: true,
    unsearchable: true,
  };
}
