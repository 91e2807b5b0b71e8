/**
 * The landing page (/) of a site without an owner: who the group is, its lead and members, news, selected papers,
 * seminars. A site with no group (a seminar's own) is named by its title and described by its description.
 */
import { renderMarkdown } from '../../markdown.js';
import { localText, paths, markdownFor, url, type Site } from '../context.js';
import { html } from '../html.js';
import type { Page } from '../layout.js';
import { newsList } from '../parts/news.js';
import { publicationList } from '../parts/publications.js';
import { currentMembers, groupMembers, personCard } from './group.js';
import { groupOrder, groupPapers, newestGroupPublications } from './publications.js';
import { eventItem, isUpcoming } from './seminar.js';

export function groupHomePage(site: Site): Page {
  const t = site.t;
  const g = site.graph;
  const group = g.config.group;
  const name = group?.name ?? g.config.title;
  const names = typeof name === 'string' ? { [site.mainLang]: name } : name;
  const main = localText(site, name);
  const others = Object.entries(names).filter(([, n]) => n !== main);
  const description = group?.description ?? localText(site, g.config.description);
  const lead = group?.lead ? g.people.get(group.lead) : undefined;
  const members = groupMembers(site).filter((m) => m.person?.id !== lead?.id);
  // The selected papers alone are sorted (reading their titles), or the newest: an edited title of another paper
  // leaves this page be.
  const papers = groupPapers(site);
  const selected = groupOrder(site, papers.filter((p) => p.selected));
  const events = [...g.events.values()];
  const upcoming = events.filter((e) => isUpcoming(site, e)).sort((a, b) => a.startUtc.localeCompare(b.startUtc));
  const recent = events.filter((e) => !isUpcoming(site, e)).sort((a, b) => b.startUtc.localeCompare(a.startUtc)).slice(0, 3);

  const body = html`<header class="home-head">
<h1>${main}${others.map(([lang, n]) => html` <span class="other-script" lang="${lang}">${n}</span>`)}</h1>
${group?.institution ? html`<p class="subtitle">${group.url ? html`<a href="${group.url}">${group.institution}</a>` : group.institution}</p>` : ''}
${description ? html`<div class="lede">${renderMarkdown(description, markdownFor(site))}</div>` : ''}
</header>
${lead ? html`<section id="lead"><h2>${t.lead}</h2><ul class="cards">${personCard(site, lead)}</ul></section>` : ''}
${members.some((m) => m.current) ? html`<section id="members"><h2>${t.members}</h2>${currentMembers(site, members, 3)}<p class="see-also"><a href="${url(site, paths.group())}">${t.group} →</a></p></section>` : ''}
${g.news.length ? html`<section id="news"><h2>${t.recentNews}</h2>${newsList(site, g.news.slice(0, 5), { showPeople: true })}<p class="see-also"><a href="${url(site, paths.news())}">${t.allNews}</a></p></section>` : ''}
${selected.length || papers.length
    ? html`<section id="publications"><h2>${t.selectedPublications}</h2>
${publicationList(site, selected.length ? selected : newestGroupPublications(site, 5), { groupBy: 'none', headingLevel: 3 })}
<p class="see-also"><a href="${url(site, paths.publications())}">${t.fullList}</a></p></section>`
    : ''}
${g.series.size
    ? html`<section id="seminars"><h2>${t.seminars}</h2>
${upcoming.length ? html`<h3>${t.upcoming}</h3><ul class="events">${upcoming.slice(0, 5).map((e) => eventItem(site, e, { showSeries: true }))}</ul>` : ''}
${recent.length ? html`<h3>${t.past}</h3><ul class="events">${recent.map((e) => eventItem(site, e, { showSeries: true }))}</ul>` : ''}
<p class="see-also"><a href="${url(site, paths.seminars())}">${t.seminars} →</a></p></section>`
    : ''}`;
  return {
    path: paths.home(),
    title: main,
    description: description ? description.replace(/\s+/g, ' ').slice(0, 300) : undefined,
    body,
    nav: 'home',
  };
}
