/** The heading of a person's pages: their name, the page's title and the tabs of their own pages. */
import type { Person } from '../../../resolve/graph.js';
import { paths, url, type Site } from '../context.js';
import { html, type Html } from '../html.js';
import { fullName, hasCv, hasResearch, hasTalks, hasTeaching, personPath, shortName } from './person-name.js';
import { menuLabel, personPages, personPosts } from './writing.js';

/** The person's own pages, for the tabs under their name. */
export function personTabs(site: Site, person: Person, current: string): Html {
  const t = site.t;
  const tabs: [string, string, string][] = [['home', t.about, personPath(site, person.id)]];
  if (person.publications.length) tabs.push(['publications', t.publications, paths.personPublications(person.id)]);
  if (hasResearch(person)) tabs.push(['research', t.research, paths.research(person.id)]);
  if (hasCv(site, person)) tabs.push(['cv', t.cv, paths.cv(person.id)]);
  if (hasTalks(person)) tabs.push(['talks', t.talks, paths.talks(person.id)]);
  if (hasTeaching(person)) tabs.push(['teaching', t.teaching, paths.teaching(person.id)]);
  if (personPosts(site, person.id).length) tabs.push(['posts', t.blog, paths.personPosts(person.id)]);
  for (const page of personPages(site, person.id)) tabs.push([`page:${page.id}`, menuLabel(site, page), paths.page(page.id)]);
  // On a personal site the main navigation already lists the owner's pages.
  if (site.owner === person.id || tabs.length < 2) return html``;
  return html`<nav class="tabs" aria-label="${shortName(site, person)}"><ul>${tabs.map(
    ([key, label, path]) => html`<li><a href="${url(site, path)}"${key === current ? html` aria-current="page"` : ''}>${label}</a></li>`,
  )}</ul></nav>`;
}

/** The heading block of a person's sub-pages: "Lei Wu 吴磊 — Publications". */
export function personHeader(site: Site, person: Person, title: string, current: string): Html {
  return html`<header class="page-head">
<p class="kicker"><a href="${url(site, personPath(site, person.id))}">${fullName(site, person)}</a></p>
<h1>${title}</h1>
${personTabs(site, person, current)}
</header>`;
}
