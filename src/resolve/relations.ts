/** Advisors and students, from whichever side wrote them down. */
import { Diagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { PersonInput } from '../schema/index.js';
import type { Located } from '../validate/index.js';
import type { PersonLink, Student } from './graph.js';
import type { PeopleDirectory } from './people.js';

export interface Relations {
  /** By person id; every person of the project has both lists. */
  advisors: Map<string, PersonLink[]>;
  students: Map<string, Student[]>;
  diagnostics: Diagnostic[];
}

export function resolveRelations(people: readonly Located<PersonInput>[], directory: PeopleDirectory): Relations {
  const diagnostics = new Diagnostics();
  const d = directory.reportingTo(diagnostics);
  const advisors = new Map<string, PersonLink[]>();
  const students = new Map<string, Student[]>();
  for (const p of people) {
    advisors.set(p.id, []);
    students.set(p.id, []);
  }
  for (const p of people) {
    const mine = advisors.get(p.id)!;
    const myStudents = students.get(p.id)!;
    const addAdvisor = (link: PersonLink) => {
      if (!mine.some((a) => (a.person ? a.person === link.person : a.name === link.name))) mine.push(link);
    };
    p.value.education?.forEach((e, i) => e.advisors?.forEach((a, j) => addAdvisor(d.link(a, p, ['education', i, 'advisors', j]))));
    p.value.member?.advisors?.forEach((a, j) => {
      const link = d.link(a, p, ['member', 'advisors', j]);
      addAdvisor(link);
      const theirs = link.person ? students.get(link.person) : undefined;
      if (theirs && !theirs.some((s) => s.who.person === p.id)) {
        const member = p.value.member!;
        theirs.push({ who: { name: directory.names.get(p.id)!, person: p.id }, level: member.role, start: member.start, end: member.end, next: member.next, coadvisors: [] });
      }
    });
    p.value.mentoring?.forEach((m, i) => {
      const who = d.link(m.person, p, ['mentoring', i, 'person']);
      const student: Student = {
        who,
        level: m.level,
        start: m.start,
        end: m.end,
        next: m.next,
        note: m.note,
        coadvisors: (m.coadvisors ?? []).map((c, j) => d.link(c, p, ['mentoring', i, 'coadvisors', j])),
      };
      const existing = who.person ? myStudents.findIndex((s) => s.who.person === who.person) : -1;
      if (existing >= 0) myStudents[existing] = student;
      else myStudents.push(student);
    });
    p.value.teaching?.forEach((t, i) => t.instructor && d.link(t.instructor, p, ['teaching', i, 'instructor']));
  }
  return { advisors, students, diagnostics: diagnostics.list };
}
