/** The charts of a person's and the group's pages, from the record: which papers count, who is in the network. */
import type { Person, Publication } from '../../../resolve/graph.js';
import { citationsPerYearChart } from '../charts/citations-per-year.js';
import { coauthorNetworkChart, type JointPapers, type NetworkPerson } from '../charts/coauthor-network.js';
import { publicationsPerYearChart } from '../charts/publications-per-year.js';
import { url, type Site } from '../context.js';
import { html, trustedHtml, type Html } from '../html.js';
import { personPath, shortName } from './person-name.js';

/** Papers that are out in the world: one still in preparation has no year of publication yet. */
function published(pubs: readonly Publication[]): Publication[] {
  return pubs.filter((p) => p.status !== 'in-preparation');
}

function publicationsOf(site: Site, person: Person): Publication[] {
  return person.publications.map((k) => site.graph.publications.get(k)).filter((p) => p !== undefined);
}

/** The charts above a person's publication list: papers per year by type, and citations per year when `vita metrics` counted them. */
export function personCharts(site: Site, person: Person): Html {
  const pubs = publicationsPerYearChart(published(publicationsOf(site, person)), site.t, { id: `publications-chart-${person.id}` });
  const m = person.metrics;
  const cites = m ? citationsPerYearChart(m.perYear, site.t, { id: `citations-chart-${person.id}`, asOf: m.asOf }) : '';
  return chartRow(pubs, cites);
}

function chartRow(...charts: string[]): Html {
  const drawn = charts.filter(Boolean);
  return drawn.length ? html`<div class="charts">${drawn.map(trustedHtml)}</div>` : html``;
}

/** The people the group consists of: those with a `member` record, and the lead. */
function memberIds(site: Site): Set<string> {
  const g = site.graph;
  const ids = new Set([...g.people.values()].filter((p) => p.data.member).map((p) => p.id));
  const lead = g.config.group?.lead ?? g.config.owner;
  if (lead && g.people.has(lead)) ids.add(lead);
  return ids;
}

/** The most people the network draws (the most prolific): beyond that a circle of names is no longer readable. */
const MAX_PEOPLE = 16;

/**
 * Who wrote with whom: the group's members, and the people of the project who wrote with them (drawn apart),
 * with the papers each pair shares.
 */
export function coauthorNetwork(site: Site, pubs: readonly Publication[]): { people: NetworkPerson[]; joint: JointPapers[] } {
  const g = site.graph;
  const members = memberIds(site);
  const pairs = new Map<string, JointPapers>();
  const linked = new Set<string>();
  for (const p of pubs) {
    const authors = [...new Set(p.people)].sort();
    for (let i = 0; i < authors.length; i++)
      for (let j = i + 1; j < authors.length; j++) {
        const a = authors[i]!;
        const b = authors[j]!;
        if (!members.has(a) && !members.has(b)) continue;
        const key = `${a}\u0000${b}`;
        const pair = pairs.get(key) ?? { a, b, count: 0 };
        pair.count++;
        pairs.set(key, pair);
        linked.add(a).add(b);
      }
  }
  const ids = [...new Set([...members, ...linked])].filter((id) => g.people.has(id));
  const people = ids
    .map((id) => {
      const person = g.people.get(id)!;
      return { id, name: shortName(site, person), href: url(site, personPath(site, id)), papers: published(publicationsOf(site, person)).length, member: members.has(id) };
    })
    .sort((a, b) => b.papers - a.papers || (a.id < b.id ? -1 : 1))
    .slice(0, MAX_PEOPLE);
  const shown = new Set(people.map((p) => p.id));
  return { people, joint: [...pairs.values()].filter((l) => shown.has(l.a) && shown.has(l.b)) };
}

/** The charts of the group page: the group's papers per year by type, and who wrote with whom. */
export function groupCharts(site: Site, pubs: readonly Publication[]): Html {
  const out = published(pubs);
  const network = coauthorNetwork(site, out);
  return chartRow(publicationsPerYearChart(out, site.t, { id: 'group-publications-chart' }), coauthorNetworkChart(network.people, network.joint, site.t, { id: 'group-coauthors' }));
}
