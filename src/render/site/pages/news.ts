/** All news (/news/), newest first, by year. */
import { paths, type Site } from '../context.js';
import { html } from '../html.js';
import type { Page } from '../layout.js';
import type { News } from '../../../resolve/graph.js';
import { plainText, renderInline, renderMarkdown } from '../../markdown.js';
import { contentLang, url } from '../context.js';
import { projectFileUrl } from '../parts/files.js';
import { newsHeadline, newsList } from '../parts/news.js';
import { personRef } from '../parts/person-name.js';
import { publicationList } from '../parts/publications.js';

export function newsPage(site: Site): Page {
  const t = site.t;
  const years = [...new Set(site.graph.news.map((n) => n.date.slice(0, 4)))];
  const body = html`<header class="page-head"><h1>${t.news}</h1></header>
${years.map((y) => html`<section><h2 class="year-head">${y}</h2>${newsList(site, site.graph.news.filter((n) => n.date.startsWith(y)), { showPeople: !site.owner })}</section>`)}`;
  return { path: paths.news(), title: t.news, body, nav: 'news', head: undefined };
}

/** A long news item's own page (/news/<id>/): its headline, date, whole text, people and papers. */
export function newsItemPage(site: Site, item: News): Page {
  const t = site.t;
  const rewrite = (u: string) => projectFileUrl(site, u, 'news');
  const headline = newsHeadline(item);
  // Without a title, the body's first paragraph is the headline: the page's heading, not repeated under it.
  const text = item.title ? (item.body ?? '') : (item.body ?? '').trim().split(/\n\s*\n/).slice(1).join('\n\n');
  const lang = item.lang && item.lang !== site.lang ? item.lang : contentLang(site);
  const pubs = item.publications.map((k) => site.graph.publications.get(k)).filter((p) => p !== undefined);
  const body = html`<article class="news-page"${lang ? html` lang="${lang}"` : ''}>
<header class="page-head">
<p class="kicker"><a href="${url(site, paths.news())}">${t.news}</a> · <time datetime="${item.date}">${item.date}</time></p>
<h1>${renderInline(headline, { rewriteUrl: rewrite })}</h1>
${item.people.length ? html`<p class="project-people">${item.people.map((id, i) => html`${i ? ', ' : ''}${personRef(site, { name: id, person: id })}`)}</p>` : ''}
</header>
<div class="prose">${renderMarkdown(text, { rewriteUrl: rewrite, minHeading: 2 })}</div>
${pubs.length ? html`<section id="publications"><h2>${t.publications}</h2>${publicationList(site, pubs, { groupBy: 'none', headingLevel: 3 })}</section>` : ''}
<p class="see-also"><a href="${url(site, paths.news())}">${t.allNews}</a></p>
</article>`;
  return { path: paths.newsItem(item.id), title: plainText(headline), body, nav: 'news', ogType: 'article' };
}
