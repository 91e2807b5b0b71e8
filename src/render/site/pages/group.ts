/**
 * The group page (/group/): the lead, members by role, and former members with their years and where
 * they went next — from each person's `member` record and from the lead's `students`.
 */
import { metricsLine } from '../parts/metrics.js';
import type { Person } from '../../../resolve/graph.js';
import { localText, paths, url, type Site } from '../context.js';
import { yearRange } from '../format.js';
import { stageOverdue } from '../../../resolve/stages.js';
import { html, isEmpty, type Html } from '../html.js';
import type { Page } from '../layout.js';
import { groupCharts } from '../parts/charts.js';
import { picture } from '../parts/picture.js';
import { groupPapers } from './publications.js';
import { affiliationLine, otherNames, personPath, personRef, shortName } from '../parts/person-name.js';
import { personInfo, themed } from '../parts/themed.js';

export const ROLE_ORDER = ['pi', 'faculty', 'postdoc', 'phd', 'master', 'graduate', 'undergraduate', 'intern', 'visitor', 'staff'];

export interface Member {
  name: string;
  person?: Person;
  role: string;
  start?: string;
  end?: string;
  next?: string;
  current: boolean;
}

export function groupMembers(site: Site): Member[] {
  const g = site.graph;
  const out: Member[] = [];
  // Someone with no end whose stage would have ended long ago (an undergraduate of eight years) is listed with the
  // former members: the record has most likely missed the end date, and `vita check` says so (check/members.ts).
  const isCurrent = (role: string, start: string | undefined, end: string | undefined) => (!end || end === 'present') && !stageOverdue(role, start, end, site.now);
  for (const p of g.people.values()) {
    const m = p.data.member;
    if (!m) continue;
    out.push({ name: p.name, person: p, role: m.role, start: m.start, end: m.end, next: m.next, current: isCurrent(m.role, m.start, m.end) });
  }
  const leadId = g.config.group?.lead ?? g.config.owner;
  const lead = leadId ? g.people.get(leadId) : undefined;
  if (lead && !lead.data.member) out.push({ name: lead.name, person: lead, role: 'pi', current: true });
  for (const s of lead?.students ?? []) {
    const person = s.who.person ? g.people.get(s.who.person) : undefined;
    if (person && out.some((m) => m.person?.id === person.id)) continue;
    out.push({ name: s.who.name, person, role: s.level, start: s.start, end: s.end, next: s.next, current: isCurrent(s.level, s.start, s.end) });
  }
  const rank = (r: string) => (ROLE_ORDER.indexOf(r) + 1 || ROLE_ORDER.length + 1);
  return out.sort((a, b) => rank(a.role) - rank(b.role) || (b.start ?? '').localeCompare(a.start ?? '') || a.name.localeCompare(b.name));
}

function memberName(site: Site, m: Member): Html {
  return m.person ? personRef(site, { name: m.name, person: m.person.id }) : html`${m.name}`;
}

/** What a card says of someone's place in the group, when it is in a list by role. */
export interface CardMembership {
  role?: string;
  /** Their years in the group: "2021–". */
  years?: string;
}

/** A card for a person of the project: photo, name in every script, title, affiliation; a theme may override it (`personCard`). */
export function personCard(site: Site, person: Person, member: CardMembership = {}): Html {
  if (site.overrides?.personCard === undefined) return defaultPersonCard(site, person, member);
  return themed(
    site,
    'personCard',
    () => ({ person: personInfo(site, person), role: member.role, roleLabel: member.role ? site.t.roles[member.role] ?? member.role : undefined, years: member.years }),
    () => defaultPersonCard(site, person, member),
    { subject: `person ${person.id}` },
  );
}

function defaultPersonCard(site: Site, person: Person, member: CardMembership): Html {
  const d = person.data;
  return html`<li class="card">
${d.photo ? (picture(site, d.photo, { alt: '', width: 64, class: 'card-photo' }) ?? '') : ''}
<div>
<p class="card-name"><a href="${url(site, personPath(site, person.id))}">${shortName(site, person)}</a>${otherNames(site, person)}</p>
${d.title ? html`<p class="muted">${localText(site, d.title)}</p>` : ''}
${!d.title && d.affiliations?.length ? html`<p class="muted">${affiliationLine(site, person)}</p>` : ''}
${member.years ? html`<p class="muted">${member.years}</p>` : ''}
${person.metrics ? html`<p class="muted">${metricsLine(site, person)}</p>` : ''}
</div>
</li>`;
}

/** Current members by role: cards for people with pages, a plain list for students named in the lead's record. */
export function currentMembers(site: Site, members: Member[], level: 2 | 3 = 2): Html {
  const t = site.t;
  const roles = ROLE_ORDER.concat([...new Set(members.map((m) => m.role))].filter((r) => !ROLE_ORDER.includes(r)));
  return html`${roles.map((role) => {
    const list = members.filter((m) => m.current && m.role === role);
    if (!list.length) return '';
    const label = t.roles[role] ?? role;
    const withPages = list.filter((m) => m.person);
    const named = list.filter((m) => !m.person);
    return html`<section class="role">${level === 2 ? html`<h2>${label}</h2>` : html`<h3>${label}</h3>`}
${withPages.length ? html`<ul class="cards">${withPages.map((m) => personCard(site, m.person!, { role, years: m.start ? yearRange(m.start, undefined, t.present) : undefined }))}</ul>` : ''}
${named.length ? html`<ul class="names">${named.map((m) => html`<li>${m.name}${m.start ? html` <span class="muted">(${m.start.slice(0, 4)})</span>` : ''}</li>`)}</ul>` : ''}
</section>`;
  })}`;
}

export function groupPage(site: Site): Page {
  const t = site.t;
  const members = groupMembers(site);
  const former = members.filter((m) => !m.current);
  // Its charts count papers, in any order: they read no title (see groupPapers).
  const figures = groupCharts(site, groupPapers(site));
  const body = html`<header class="page-head"><h1>${t.group}</h1></header>
${currentMembers(site, members)}
${former.length
    ? html`<section id="alumni"><h2>${t.alumni}</h2><ul class="alumni">${former.map(
        (m) => html`<li>${memberName(site, m)} <span class="muted">${t.roles[m.role] ?? m.role}, ${yearRange(m.start, m.end, t.present)}</span>${m.next ? html` → ${m.next}` : ''}</li>`,
      )}</ul></section>`
    : ''}
${!isEmpty(figures) ? html`<section id="at-a-glance"><h2>${t.charts.atAGlance}</h2>${figures}</section>` : ''}`;
  return { path: paths.group(), title: t.group, body, nav: 'group' };
}
