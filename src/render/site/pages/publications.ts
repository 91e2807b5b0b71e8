/**
 * Publication lists: a person's (/people/<id>/publications/) and the group's (/publications/). A list longer
 * than vita.yaml's publications.pageSize (a department's) gets one page per year (/publications/2024/), and
 * its first page shows the newest years: a page of 50,000 papers would be too heavy for any browser.
 */
import type { Person, Publication } from '../../../resolve/graph.js';
import { byDateDescending } from '../../../resolve/publications.js';
import { localText, paths, url, type Site } from '../context.js';
import { html, type Html } from '../html.js';
import { memo } from '../memo.js';
import type { Page } from '../layout.js';
import { shortName } from '../parts/person-name.js';
import { personCharts } from '../parts/charts.js';
import { personHeader } from '../parts/person-header.js';
import { publicationList } from '../parts/publications.js';

/** The pages of one list: its first page, and a page per year when the list is long. */
interface ListPages {
  /** How many papers the list holds. */
  count: number;
  /** The whole list, newest first (for a list that fits on one page). */
  pubs: () => Publication[];
  /** Newest first; empty when the list fits on one page. */
  years: { year: number; count: number; pubs: () => Publication[] }[];
  /** How many of the newest years the first page shows. */
  firstPageYears: number;
}

/**
 * A list's pages. `newestFirst` orders a year's papers (or all of them), and is asked only for what a page shows: a
 * year's page of the group's list then reads the titles of that year's papers alone (the order's ties), not those of
 * every paper, and is not made again when a paper of another year is edited.
 */
function listPages(site: Site, papers: Publication[], newestFirst: (pubs: Publication[], year?: number) => Publication[]): ListPages {
  const size = site.graph.config.publications?.pageSize ?? 1000;
  if (papers.length <= size) return { count: papers.length, pubs: () => newestFirst(papers), years: [], firstPageYears: 0 };
  const byYear = new Map<number, Publication[]>();
  for (const p of papers) {
    const list = byYear.get(p.year);
    if (list) list.push(p);
    else byYear.set(p.year, [p]);
  }
  const years = [...byYear].sort((a, b) => b[0] - a[0]).map(([year, list]) => ({ year, count: list.length, pubs: () => newestFirst(list, year) }));
  let shown = 0;
  let firstPageYears = 0;
  while (firstPageYears < years.length && (firstPageYears === 0 || shown + years[firstPageYears]!.count <= size)) shown += years[firstPageYears++]!.count;
  return { count: papers.length, pubs: () => newestFirst(papers), years, firstPageYears };
}

function personList(site: Site, person: Person): ListPages {
  // A person's papers come newest first from the record (resolve/bibliography.ts): a year's are in that order too.
  return memo(site, 'person-list-pages', person.id, () => listPages(site, person.publications.map((k) => site.graph.publications.get(k)).filter((p) => p !== undefined), (pubs) => pubs));
}

function groupList(site: Site): ListPages {
  // The group's papers in the record's order, each year's sorted when a page shows it: the same order as sorting
  // them all (one order, restricted to a year), with only that year's titles read.
  const sorted = (pubs: Publication[], year?: number) => memo(site, 'group-list-year', year === undefined ? '' : String(year), () => groupOrder(site, pubs));
  return memo(site, 'group-list-pages', '', () => listPages(site, groupPapers(site), sorted));
}

/** The years with a page of their own in a person's list (none when the list fits on one page). */
export function personPublicationYears(site: Site, person: Person): number[] {
  return personList(site, person).years.map((y) => y.year);
}

/** The years with a page of their own in the group's list. */
export function groupPublicationYears(site: Site): number[] {
  return groupList(site).years.map((y) => y.year);
}

/** Links to every year's page, the current one marked. */
function yearNav(site: Site, list: ListPages, pathOf: (year: number) => string, current?: number): Html {
  return html`<nav class="year-pages" aria-label="${site.t.byYear}"><p>${current === undefined ? html`${site.t.moreYears} ` : ''}${site.t.byYear}:</p><ul>
${list.years.map((y) => html`<li><a href="${url(site, pathOf(y.year))}"${y.year === current ? html` aria-current="page"` : ''}>${site.t.yearCount(y.year, y.count)}</a></li>`)}
</ul></nav>`;
}

/** The first page's list: everything, or the newest years and the links to every year. */
function firstPage(site: Site, list: ListPages, pathOf: (year: number) => string, owner?: string): Html {
  if (!list.years.length) return publicationList(site, list.pubs(), { owner, filters: true });
  const newest = list.years.slice(0, list.firstPageYears).flatMap((y) => y.pubs());
  return html`${yearNav(site, list, pathOf)}
${publicationList(site, newest, { owner, filters: true })}`;
}

export function personPublicationsPage(site: Site, person: Person): Page {
  const list = personList(site, person);
  const body = html`${personHeader(site, person, site.t.publications, 'publications')}
${personCharts(site, person)}
${firstPage(site, list, (y) => paths.personPublicationsYear(person.id, y), person.id)}`;
  return {
    path: paths.personPublications(person.id),
    // Each paper is found once, on its own page: a list repeats every paper it holds.
    unsearchable: true,
    title: `${site.t.publications} · ${shortName(site, person)}`,
    description: `${site.t.publications}: ${shortName(site, person)} (${list.count})`,
    body,
    nav: site.owner === person.id ? 'publications' : 'group',
  };
}

export function personPublicationsYearPage(site: Site, person: Person, year: number): Page {
  const list = personList(site, person);
  const pubs = list.years.find((y) => y.year === year)?.pubs() ?? [];
  const pathOf = (y: number) => paths.personPublicationsYear(person.id, y);
  const body = html`${personHeader(site, person, `${site.t.publications} · ${year}`, 'publications')}
${yearNav(site, list, pathOf, year)}
${publicationList(site, pubs, { owner: person.id, filters: true })}`;
  return {
    path: pathOf(year),
    // Each paper is found once, on its own page: a list repeats every paper it holds.
    unsearchable: true,
    title: `${site.t.publications} ${year} · ${shortName(site, person)}`,
    description: `${site.t.publications} ${year}: ${shortName(site, person)} (${pubs.length})`,
    body,
    nav: site.owner === person.id ? 'publications' : 'group',
  };
}

/**
 * The first `n` papers of the group's list as its first page shows them: of a long list, from its newest years
 * alone, so that a page showing them (a home page with no selected papers) does not read every title.
 */
export function newestGroupPublications(site: Site, n: number): Publication[] {
  const list = groupList(site);
  if (!list.years.length) return list.pubs().slice(0, n);
  const out: Publication[] = [];
  for (const year of list.years) {
    if (out.length >= n) break;
    out.push(...year.pubs());
  }
  return out.slice(0, n);
}

/**
 * Some of the group's papers in the order of its lists: newest first, or the record's order in a record without
 * people (a bibliography kept as its owner ordered it).
 */
export function groupOrder(site: Site, papers: readonly Publication[]): Publication[] {
  return site.graph.people.size ? [...papers].sort(byDateDescending) : [...papers];
}

/**
 * The group's papers in the record's order, for what does not depend on their order (the group page's charts):
 * sorting reads every title, and the group page would then be made again whenever one changed.
 */
export function groupPapers(site: Site): Publication[] {
  const g = site.graph;
  const members = new Set([...g.people.values()].filter((p) => p.data.member).map((p) => p.id));
  if (g.config.group?.lead) members.add(g.config.group.lead);
  const all = [...g.publications.values()];
  return members.size ? all.filter((p) => p.people.some((id) => members.has(id))) : all;
}

function groupName(site: Site): string {
  return localText(site, site.graph.config.group?.name ?? site.graph.config.title);
}

export function groupPublicationsPage(site: Site): Page {
  const list = groupList(site);
  const title = site.t.publications;
  const body = html`<header class="page-head"><h1>${title}</h1></header>
${firstPage(site, list, paths.publicationsYear)}`;
  return {
    path: paths.publications(),
    // Each paper is found once, on its own page: a list repeats every paper it holds.
    unsearchable: true,
    title,
    description: `${title}: ${groupName(site)}`,
    body,
    nav: 'publications',
  };
}

export function groupPublicationsYearPage(site: Site, year: number): Page {
  const list = groupList(site);
  const pubs = list.years.find((y) => y.year === year)?.pubs() ?? [];
  const title = `${site.t.publications} · ${year}`;
  const body = html`<header class="page-head"><h1>${title}</h1></header>
${yearNav(site, list, paths.publicationsYear, year)}
${publicationList(site, pubs, { filters: true })}`;
  return {
    path: paths.publicationsYear(year),
    // Each paper is found once, on its own page: a list repeats every paper it holds.
    unsearchable: true,
    title,
    description: `${site.t.publications} ${year}: ${groupName(site)} (${pubs.length})`,
    body,
    nav: 'publications',
  };
}
