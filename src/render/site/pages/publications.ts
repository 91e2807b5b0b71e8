/** Publication lists: a person's (/people/<id>/publications/) and the group's (/publications/). */
import type { Person, Publication } from '../../../resolve/graph.js';
import { localText, paths, type Site } from '../context.js';
import { html } from '../html.js';
import { memo } from '../memo.js';
import type { Page } from '../layout.js';
import { personHeader, shortName } from '../parts/person-name.js';
import { publicationList } from '../parts/publications.js';

export function personPublicationsPage(site: Site, person: Person): Page {
  const pubs = person.publications.map((k) => site.graph.publications.get(k)).filter((p) => p !== undefined);
  const body = html`${personHeader(site, person, site.t.publications, 'publications')}
${publicationList(site, pubs, { owner: person.id, filters: true })}`;
  return {
    path: paths.personPublications(person.id),
    title: `${site.t.publications} · ${shortName(site, person)}`,
    description: `${site.t.publications}: ${shortName(site, person)} (${pubs.length})`,
    body,
    nav: site.owner === person.id ? 'publications' : 'group',
  };
}

/** The group's publications: every paper with a member of the group among its authors. */
export function groupPublications(site: Site): Publication[] {
  // The group's list and the home page's selection both start from it: sorted once.
  return memo(site, 'group-publications', '', () => sortedGroupPublications(site));
}

function sortedGroupPublications(site: Site): Publication[] {
  const g = site.graph;
  const members = new Set([...g.people.values()].filter((p) => p.data.member).map((p) => p.id));
  if (g.config.group?.lead) members.add(g.config.group.lead);
  const all = [...g.publications.values()];
  const ordered = g.people.size ? [...all].sort((a, b) => b.sortDate.localeCompare(a.sortDate) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id)) : all;
  return members.size ? ordered.filter((p) => p.people.some((id) => members.has(id))) : ordered;
}

export function groupPublicationsPage(site: Site): Page {
  const pubs = groupPublications(site);
  const title = site.t.publications;
  const body = html`<header class="page-head"><h1>${title}</h1></header>
${publicationList(site, pubs, { filters: true })}`;
  return {
    path: paths.publications(),
    title,
    description: `${title}: ${localText(site, site.graph.config.group?.name ?? site.graph.config.title)}`,
    body,
    nav: 'publications',
  };
}
