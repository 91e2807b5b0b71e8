/** A person's homepage (seed 000): who they are, how to reach them, what they work on, selected papers, news. */
import type { News, Person, Publication } from '../../../resolve/graph.js';
import { renderMarkdown } from '../../markdown.js';
import { contentLang, localLang, localText, paths, markdownFor, url, type Site } from '../context.js';
import { hasFeeds } from '../feeds.js';
import { obfuscateEmail } from '../format.js';
import { html, type Html } from '../html.js';
import { personData } from '../jsonld.js';
import { memo } from '../memo.js';
import type { Page } from '../layout.js';
import { projectFileUrl } from '../parts/files.js';
import { picture } from '../parts/picture.js';
import { newsList } from '../parts/news.js';
import { fullName, hasCv, personPath, shortName } from '../parts/person-name.js';
import { personTabs } from '../parts/person-header.js';
import { personMetricsBlock } from '../parts/metrics.js';
import { publicationList } from '../parts/publications.js';
import { personProjects, projectCard } from '../parts/writing.js';
import { personInfo, themed } from '../parts/themed.js';

/** The prose sections of a person, rendered with links to project files made into site links. */
export function prose(site: Site, person: Person, section: string): Html | undefined {
  const s = person.sections[section];
  if (!s || !s.text.trim()) return undefined;
  const dir = s.file.split('/').slice(0, -1).join('/');
  const body = renderMarkdown(s.text, markdownFor(site, { rewriteUrl: (u) => projectFileUrl(site, u, dir), headingStart: 3 }));
  const lang = contentLang(site);
  return lang ? html`<div lang="${lang}">${body}</div>` : body;
}

/** Email as the page shows it: obfuscated ("leiwu (at) math (dot) pku ...") unless vita.yaml turns that off. */
export function emailHtml(site: Site, email: string): Html {
  if (site.graph.config.email?.obfuscate === false) return html`<a href="${`mailto:${email}`}">${email}</a>`;
  return html`<span class="email">${obfuscateEmail(email, site.t.emailAt, site.t.emailDot)}</span>`;
}

/** Profile links: Scholar, GitHub, ORCID ... and the CV (the hand-kept PDF, or the CV vita builds). */
export function profileLinks(site: Site, person: Person): Html {
  const t = site.t;
  const links = person.data.links ?? {};
  const items: Html[] = [];
  for (const [kind, href] of Object.entries(links)) {
    if (kind === 'cv' || !href) continue;
    items.push(html`<li><a href="${projectFileUrl(site, href)}">${t.profiles[kind] ?? kind}</a></li>`);
  }
  if (links.cv) items.push(html`<li><a href="${projectFileUrl(site, links.cv)}">${t.cv}</a></li>`);
  else if (hasCv(site, person)) items.push(html`<li><a href="${url(site, paths.cv(person.id))}">${t.cv}</a></li>`);
  return items.length ? html`<ul class="profiles">${items}</ul>` : html``;
}

/** The selected publications of a person: those marked `selected`, else the five newest. */
export function selectedPublications(site: Site, keys: string[]): Publication[] {
  const pubs = keys.map((k) => site.graph.publications.get(k)).filter((p) => p !== undefined);
  const selected = pubs.filter((p) => p.selected);
  return selected.length ? selected : pubs.slice(0, 5);
}

function contact(site: Site, person: Person): Html {
  const t = site.t;
  const d = person.data;
  const affiliations = d.affiliations ?? [];
  return html`<div class="contact">
${d.title ? html`<p class="job-title" lang="${localLang(site, d.title)}">${localText(site, d.title)}</p>` : ''}
${affiliations.length
    ? html`<ul class="affiliations">${affiliations.map((a) => {
        const name = html`<span lang="${localLang(site, a.name)}">${localText(site, a.name)}</span>`;
        const inst = a.institution ? html`, <span lang="${localLang(site, a.institution)}">${localText(site, a.institution)}</span>` : '';
        return html`<li>${a.url ? html`<a href="${a.url}">${name}</a>` : name}${inst}</li>`;
      })}</ul>`
    : ''}
<dl class="facts">
${d.office ? html`<div><dt>${t.office}</dt><dd lang="${localLang(site, d.office)}">${localText(site, d.office)}</dd></div>` : ''}
${d.email ? html`<div><dt>${t.email}</dt><dd>${emailHtml(site, d.email)}</dd></div>` : ''}
${d.phone ? html`<div><dt>${t.phone}</dt><dd>${d.phone}</dd></div>` : ''}
${d.address?.length ? html`<div><dt>${t.address}</dt><dd>${d.address.map((line, i) => html`${i ? html`<br>` : ''}${line}`)}</dd></div>` : ''}
${d.homepage && site.owner !== person.id ? html`<div><dt>${t.homepage}</dt><dd><a href="${d.homepage}">${d.homepage.replace(/^https?:\/\//, '').replace(/\/$/, '')}</a></dd></div>` : ''}
</dl>
${profileLinks(site, person)}
</div>`;
}

/** News items by id (the first of a kind, as a search from the top would find it). */
function newsById(site: Site): Map<string, News> {
  return memo(site, 'news-by-id', '', () => {
    const byId = new Map<string, News>();
    for (const n of site.graph.news) if (!byId.has(n.id)) byId.set(n.id, n);
    return byId;
  });
}

export function personPage(site: Site, person: Person): Page {
  const t = site.t;
  const d = person.data;
  const about = prose(site, person, 'about') ?? prose(site, person, 'bio') ?? (d.bio ? renderMarkdown(localText(site, d.bio), markdownFor(site)) : undefined);
  const vision = prose(site, person, 'vision');
  const themes = d.themes ?? [];
  const recruiting = prose(site, person, 'recruiting');
  const selected = selectedPublications(site, person.publications);
  const news = person.news.map((id) => newsById(site).get(id)).filter((n) => n !== undefined).slice(0, 5);
  const name = shortName(site, person);
  const projects = personProjects(site, person.id);
  // 9.5rem beside the name on a wide screen, 6.5rem on a phone (style.ts).
  const photo = d.photo ? picture(site, d.photo, { alt: name, width: 152, sizes: '(max-width: 40rem) 104px, 152px', class: 'photo', eager: true }) : undefined;

  const hero = () => html`<header class="person-head${photo ? ' with-photo' : ''}">
${photo ?? ''}
<div>
<h1>${fullName(site, person)}</h1>
${contact(site, person)}
</div>
</header>`;

  const body = html`<article class="person">
${site.overrides?.personHero ? themed(site, 'personHero', () => ({ person: personInfo(site, person) }), hero, { subject: `person ${person.id}` }) : hero()}
${personTabs(site, person, 'home')}
${about ? html`<section id="about"><h2>${t.about}</h2>${about}</section>` : ''}
${vision || themes.length
    ? html`<section id="research-vision"><h2>${t.researchVision}</h2>${vision ?? ''}${themes.length
        ? html`<ul class="themes"${contentLang(site) ? html` lang="${contentLang(site)}"` : ''}>${themes.map((th) => html`<li><strong>${th.title}</strong>${th.question ? html`: ${th.question}` : ''}</li>`)}</ul>`
        : ''}</section>`
    : d.interests?.length
      ? html`<section id="interests"><h2>${t.interests}</h2><ul>${d.interests.map((i) => html`<li>${i}</li>`)}</ul></section>`
      : ''}
${selected.length
    ? html`<section id="publications"><h2>${t.selectedPublications}</h2>
<p class="see-also">${t.seeAlso}: <a href="${url(site, paths.personPublications(person.id))}">${t.fullList}</a></p>
${publicationList(site, selected, { owner: person.id, groupBy: 'none', headingLevel: 3 })}</section>`
    : ''}
${personMetricsBlock(site, person)}
${projects.length
    ? html`<section id="projects"><h2>${t.projects}</h2><ul class="project-grid compact">${projects.map((p) => projectCard(site, p))}</ul></section>`
    : ''}
${recruiting ? html`<section id="recruiting" class="notice"><h2>${t.recruiting}</h2>${recruiting}</section>` : ''}
${news.length
    ? html`<section id="news"><h2>${t.recentNews}</h2>${newsList(site, news)}<p class="see-also"><a href="${url(site, paths.news())}">${t.allNews}</a>${hasFeeds(site) ? html` · <a href="${url(site, paths.personFeed(person.id))}">${t.feed}</a>` : ''}</p></section>`
    : ''}
</article>`;

  return {
    path: personPath(site, person.id),
    title: name,
    description: [localText(site, d.title), ...(d.affiliations ?? []).slice(0, 1).map((a) => localText(site, a.institution ?? a.name))].filter(Boolean).join(', ') || undefined,
    body,
    ogType: 'profile',
    image: d.photo,
    nav: site.owner === person.id ? 'home' : 'group',
    data: [personData(site, person)],
    head: person.news.length && hasFeeds(site) ? html`<link rel="alternate" type="application/atom+xml" title="${name}" href="${url(site, paths.personFeed(person.id))}">` : undefined,
  };
}
