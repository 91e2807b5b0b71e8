/**
 * Members and mentees recorded with a start but no end, whose stage would normally have ended long ago (an
 * undergraduate who started eight years ago): the record has most likely missed an end date. The group page
 * lists them with the former members (see render/site/pages/group.ts); this says so, where to add the date.
 */
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type { Graph } from '../resolve/graph.js';
import { STAGE_YEARS, stageOverdue } from '../resolve/stages.js';

export function findOverdueMembers(graph: Graph, diagnostics: Diagnostics, today: Date = new Date()): void {
  for (const person of graph.people.values()) {
    const m = person.data.member;
    if (m && stageOverdue(m.role, m.start, m.end, today)) {
      diagnostics.warning(person.file, person.source.locate(['member', 'start']) ?? person.source.locate(['member']), 'check/overdue-member', `${person.name} is recorded as ${aRole(m.role)} of the group since ${m.start}, with no end date`, {
        path: ['member'],
        hint: hintFor(m.role, m.start!, 'member'),
      });
    }
    (person.data.mentoring ?? []).forEach((s, i) => {
      if (!stageOverdue(s.level, s.start, s.end, today)) return;
      const name = typeof s.person === 'string' ? (graph.people.get(s.person)?.name ?? s.person) : (s.person.name ?? s.person.person ?? '');
      diagnostics.warning(person.file, person.source.locate(['mentoring', i, 'start']) ?? person.source.locate(['mentoring', i]), 'check/overdue-member', `${name} is recorded as ${aRole(s.level)} mentored since ${s.start}, with no end date`, {
        path: ['mentoring', i],
        hint: hintFor(s.level, s.start!, 'mentee'),
      });
    });
  }
}

/** "a PhD student", "an undergraduate": the role as a sentence says it. */
function aRole(role: string): string {
  const name = ROLE_NAMES[role] ?? role;
  return `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name}`;
}

const ROLE_NAMES: Record<string, string> = { phd: 'PhD student', master: "master's student", graduate: 'graduate student', postdoc: 'postdoc', undergraduate: 'undergraduate', intern: 'intern', visitor: 'visitor' };

function hintFor(role: string, start: string, what: 'member' | 'mentee'): string {
  return `${aRole(role)} normally moves on within ${STAGE_YEARS[role]} years: add \`end:\` (the year they left, and \`next:\` where they went); until then the group page lists this ${what} with the former members. Started ${start}.`;
}
