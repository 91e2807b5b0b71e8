/** All news (/news/), newest first, by year. */
import { paths, type Site } from '../context.js';
import { html } from '../html.js';
import type { Page } from '../layout.js';
import { newsList } from '../parts/news.js';

export function newsPage(site: Site): Page {
  const t = site.t;
  const years = [...new Set(site.graph.news.map((n) => n.date.slice(0, 4)))];
  const body = html`<header class="page-head"><h1>${t.news}</h1></header>
${years.map((y) => html`<section><h2 class="year-head">${y}</h2>${newsList(site, site.graph.news.filter((n) => n.date.startsWith(y)), { showPeople: !site.owner })}</section>`)}`;
  return { path: paths.news(), title: t.news, body, nav: 'news', head: undefined };
}
