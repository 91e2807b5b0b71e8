/** A person's teaching (/people/<id>/teaching/): courses by role, newest term first. */
import type { Person } from '../../../resolve/graph.js';
import type { TeachingInput } from '../../../schema/person.js';
import { compactTerms, termKey } from '../../cv/model.js';
import { paths, type Site } from '../context.js';
import { html } from '../html.js';
import type { Page } from '../layout.js';
import { personRef, shortName } from '../parts/person-name.js';
import { personHeader } from '../parts/person-header.js';

const ROLES = ['instructor', 'co-instructor', 'guest-lecturer', 'ta'] as const;

function terms(t: TeachingInput): string[] {
  return [...(t.terms ?? []), ...(t.term ? [t.term] : [])];
}

export function teachingPage(site: Site, person: Person): Page {
  const t = site.t;
  const titles: Record<string, string> = { instructor: t.instructor, 'co-instructor': t.coInstructor, 'guest-lecturer': t.guestLecturer, ta: t.ta };
  const all = person.data.teaching ?? [];
  const latest = (x: TeachingInput) => Math.max(...terms(x).map(termKey), 0);
  const body = html`${personHeader(site, person, t.teaching, 'teaching')}
${ROLES.map((role) => {
    const courses = all.filter((c) => c.role === role).sort((a, b) => latest(b) - latest(a));
    if (!courses.length) return '';
    return html`<section><h2>${titles[role]}</h2><ul class="cv-rows">${courses.map(
      (c) => html`<li class="cv-row"><span class="cv-when">${compactTerms(terms(c))}</span><div class="cv-what"><strong>${c.url ? html`<a href="${c.url}">${c.course}</a>` : c.course}</strong>${c.institution ? `, ${c.institution}` : ''}${c.program ? `, ${c.program}` : ''}${c.place ? `, ${c.place}` : ''}${c.note ? html` <span class="muted">(${c.note})</span>` : ''}${c.instructor ? html`; ${t.instructor}: ${personRef(site, typeof c.instructor === 'string' ? site.graph.people.has(c.instructor) ? { name: c.instructor, person: c.instructor } : { name: c.instructor } : { name: c.instructor.name ?? c.instructor.person ?? '', person: c.instructor.person, url: c.instructor.url })}` : ''}</div></li>`,
    )}</ul></section>`;
  })}`;
  return { path: paths.teaching(person.id), title: `${t.teaching} · ${shortName(site, person)}`, body, nav: site.owner === person.id ? 'teaching' : 'group' };
}
