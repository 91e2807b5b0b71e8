/** People as pages show them: names in every script, links to their pages, and which pages they have. */
import { hasCv as personHasCv } from '../../cv/index.js';
import type { Person, PersonLink } from '../../../resolve/graph.js';
import { localText, paths, url, type Site } from '../context.js';
import { html, type Html } from '../html.js';

/** The path of a person's homepage: the site's root for the owner of a personal site. */
export function personPath(site: Site, id: string): string {
  return site.owner === id ? paths.home() : paths.person(id);
}

/** The name in the page's language, then the name in the other scripts: "Lei Wu <span lang=zh>吴磊</span>". */
export function fullName(site: Site, person: Person): Html {
  const main = person.names[site.lang] ?? person.name;
  const others = Object.entries(person.names).filter(([lang, n]) => n !== main && lang !== 'default');
  return html`${main}${others.map(([lang, n]) => html` <span class="other-script" lang="${lang}">${n}</span>`)}`;
}

/** The person's names in the other scripts, after the main one: " <span lang=zh>吴磊</span>". */
export function otherNames(site: Site, person: Person): Html {
  const main = person.names[site.lang] ?? person.name;
  return html`${Object.entries(person.names)
    .filter(([, n]) => n !== main)
    .map(([lang, n]) => html` <span class="other-script" lang="${lang}">${n}</span>`)}`;
}

/** The name in the page's language only (lists of authors, co-authors). */
export function shortName(site: Site, person: Person): string {
  return person.names[site.lang] ?? person.name;
}

/** Someone named in the record: a link to their page when they are a person of the project. */
export function personRef(site: Site, who: PersonLink, options: { bold?: string } = {}): Html {
  const person = who.person ? site.graph.people.get(who.person) : undefined;
  if (!person) {
    return who.url ? html`<a href="${who.url}">${who.name}</a>` : html`${who.name}`;
  }
  const name = shortName(site, person);
  const label = options.bold === person.id ? html`<strong>${name}</strong>` : html`${name}`;
  return html`<a href="${url(site, personPath(site, person.id))}">${label}</a>`;
}

/** "School of Mathematical Sciences, Peking University" for the co-author list and the group page. */
export function affiliationLine(site: Site, person: Person): string {
  return (person.data.affiliations ?? [])
    .map((a) => [localText(site, a.name), localText(site, a.institution)].filter(Boolean).join(', '))
    .join('; ');
}

export function hasResearch(person: Person): boolean {
  return person.sections.research !== undefined;
}
export function hasTalks(person: Person): boolean {
  return person.talks.length > 0;
}
export function hasTeaching(person: Person): boolean {
  return (person.data.teaching ?? []).length > 0;
}
/** A CV page for those with a career in the record (not for co-authors listed only by name and affiliation). */
export function hasCv(site: Site, person: Person): boolean {
  return site.owner === person.id || personHasCv(site.graph, person);
}
