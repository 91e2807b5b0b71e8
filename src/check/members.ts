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
      diagnostics.warning(person.file, person.source.locate(['member', 'start']) ?? person.source.locate(['member']), 'check/overdue-member', `${person.name} is recorded as ${/^[aeiou]/.test(m.role) ? 'an' : 'a'} ${m.role} member since ${m.start}, with no end date`, {
        path: ['member'],
        hint: hintFor(m.role, m.start!, 'member'),
      });
    }
    (person.data.mentoring ?? []).forEach((s, i) => {
      if (!stageOverdue(s.level, s.start, s.end, today)) return;
      const name = typeof s.person === 'string' ? (graph.people.get(s.person)?.name ?? s.person) : (s.person.name ?? s.person.person ?? '');
      diagnostics.warning(person.file, person.source.locate(['mentoring', i, 'start']) ?? person.source.locate(['mentoring', i]), 'check/overdue-member', `${name} is recorded as ${/^[aeiou]/.test(s.level) ? 'an' : 'a'} ${s.level} mentee since ${s.start}, with no end date`, {
        path: ['mentoring', i],
        hint: hintFor(s.level, s.start!, 'mentee'),
      });
    });
  }
}

function hintFor(role: string, start: string, what: 'member' | 'mentee'): string {
  return `${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role} stage normally ends within ${STAGE_YEARS[role]} years: add \`end:\` (the year they left, and \`next:\` where they went); until then the group page lists this ${what} with the former members. Started ${start}.`;
}
