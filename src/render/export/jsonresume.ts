/**
 * A person as a JSON Resume document (https://jsonresume.org/schema, v1.0.0), from the same CV model
 * as the PDF and the Markdown. What the schema has no field for is kept in `x-` extension fields
 * (`x-authors` of a publication, `x-teaching`, `x-talks`, `x-mentoring`), which the schema allows.
 * Dates are ISO (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`); an open end ("present") has no `endDate`.
 */
import type { Graph } from '../../resolve/graph.js';
import { compactTerms, cvModel, findSection, formatMoney, statusNote, teachingRole, type CvDocument } from '../cv/model.js';

export const JSON_RESUME_SCHEMA_URL = 'https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json';

export interface JsonResume {
  $schema: string;
  basics: Record<string, unknown>;
  work: Record<string, unknown>[];
  volunteer: Record<string, unknown>[];
  education: Record<string, unknown>[];
  awards: Record<string, unknown>[];
  publications: Record<string, unknown>[];
  interests: Record<string, unknown>[];
  projects: Record<string, unknown>[];
  meta: Record<string, unknown>;
  [extension: `x-${string}`]: unknown;
}

const ISO = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const iso = (d: string | undefined): string | undefined => (d && ISO.test(d) ? d : undefined);

/** Drops undefined fields and empty arrays, so the JSON holds only what the record says. */
function clean<T extends Record<string, unknown>>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out as T;
}

const isUri = (u: string | undefined): u is string => !!u && /^(https?|mailto):\/?\/?[^\s]+$/i.test(u);

/** A URL's last path segment as the user name of a profile: github.com/leiwu0 -> leiwu0. */
function usernameOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    const user = u.searchParams.get('user');
    if (user) return user;
    const last = u.pathname.split('/').filter(Boolean).pop();
    return last && /^[@A-Za-z0-9_.-]+$/.test(last) ? last.replace(/^@/, '') : undefined;
  } catch {
    return undefined;
  }
}

function plain(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A person as JSON Resume. Throws `CvError` for an unknown person. */
export function jsonResume(graph: Graph, personId: string): JsonResume {
  const doc: CvDocument = cvModel(graph, personId, 'full');
  const person = graph.people.get(personId)!;
  const h = doc.header;

  const bio = person.sections.bio?.text ?? (typeof person.data.bio === 'string' ? person.data.bio : person.data.bio ? Object.values(person.data.bio)[0] : undefined);
  const affiliation = h.affiliations.map((a) => [a.name, a.institution].filter(Boolean).join(', ')).join('; ');
  const basics = clean({
    name: h.name,
    label: [h.title, affiliation].filter(Boolean).join(', ') || undefined,
    email: h.email,
    phone: h.phone,
    url: isUri(h.homepage) ? h.homepage : undefined,
    summary: bio ? plain(bio) : undefined,
    location: h.address.length ? { address: h.address.join('\n') } : undefined,
    profiles: h.links.filter((l) => isUri(l.url)).map((l) => clean({ network: l.label, username: usernameOf(l.url), url: l.url })),
    'x-names': Object.keys(h.names).length > 1 ? h.names : undefined,
  });

  const work = (findSection(doc, 'positions')?.entries ?? []).map((p) =>
    clean({
      name: p.organization,
      position: p.title,
      description: p.department,
      location: p.place,
      url: isUri(p.url) ? p.url : undefined,
      startDate: iso(p.start),
      endDate: iso(p.end),
      summary: p.description ? plain(p.description) : undefined,
      'x-kind': p.kind,
    }),
  );

  const education = (findSection(doc, 'education')?.entries ?? []).map((e) =>
    clean({
      institution: [e.department, e.institution].filter(Boolean).join(', '),
      area: e.field,
      studyType: e.degree,
      startDate: iso(e.start),
      endDate: iso(e.end),
      score: e.notes.length ? e.notes.join('; ') : undefined,
      'x-place': e.place,
      'x-kind': e.kind,
      'x-advisors': e.advisors.length ? e.advisors.map((a) => clean({ name: a.name, person: a.person, role: e.advisorLabel })) : undefined,
    }),
  );

  const awards = (findSection(doc, 'awards')?.entries ?? []).map((a) =>
    clean({
      title: a.title,
      date: iso(a.dates[a.dates.length - 1]),
      awarder: a.issuer,
      summary: [a.rank, a.amount ? formatMoney(a.amount) : undefined, a.note].filter(Boolean).join('; ') || undefined,
      'x-dates': a.dates.length > 1 ? a.dates : undefined,
      'x-amount': a.amount,
    }),
  );

  const projects = (findSection(doc, 'grants')?.entries ?? []).map((g) =>
    clean({
      name: g.project ?? g.title,
      description: g.project ? g.title : undefined,
      entity: g.funder,
      type: 'grant',
      roles: [g.role === 'pi' ? 'Principal investigator' : g.role === 'co-pi' ? 'Co-principal investigator' : 'Participant'],
      startDate: iso(g.start),
      endDate: iso(g.end),
      'x-amount': g.amount,
      'x-number': g.number,
    }),
  );

  const pubSection = findSection(doc, 'publications');
  const publications = (pubSection?.entries ?? []).flatMap((group) =>
    group.items.map((p) => {
      const source = graph.publications.get(p.key);
      const url = p.url ?? (p.doi ? `https://doi.org/${p.doi}` : p.arxiv ? `https://arxiv.org/abs/${p.arxiv}` : p.links.find((l) => l.kind === 'pdf')?.url);
      return clean({
        name: p.title,
        publisher: p.venue?.name ?? p.venue?.short ?? (p.arxiv ? 'arXiv' : undefined),
        releaseDate: iso(p.date),
        url: isUri(url) ? url : undefined,
        summary: source?.abstract ? plain(source.abstract) : undefined,
        'x-authors': p.authors.map((a) => clean({ name: a.name, person: a.person, roles: a.roles })),
        'x-etal': p.etal || undefined,
        'x-alphabetical': p.alphabetical || undefined,
        'x-key': p.key,
        'x-type': p.type,
        'x-status': p.status,
        'x-status-note': statusNote(p.status) || undefined,
        'x-venue-short': p.venue?.short,
        'x-award': p.award,
        'x-doi': p.doi,
        'x-arxiv': p.arxiv,
        'x-topics': p.topics,
        'x-selected': p.selected || undefined,
      });
    }),
  );

  const volunteer: Record<string, unknown>[] = [];
  for (const s of findSection(doc, 'service')?.entries ?? []) {
    for (const g of s.reviewer) {
      for (const v of g.venues) {
        const years = v.years?.match(/\d{4}|present/g) ?? [];
        const first = years[0];
        const last = years[years.length - 1];
        volunteer.push(
          clean({
            organization: v.name ?? v.short,
            position: 'Reviewer',
            startDate: iso(first),
            endDate: years.length > 1 ? iso(last) : undefined,
            summary: `Reviewer (${g.kind})${v.short && v.name ? `, ${v.short}` : ''}${v.years ? `, ${v.years}` : ''}`,
            'x-kind': g.kind,
            'x-years': v.years,
          }),
        );
      }
    }
    for (const o of s.organizing) {
      volunteer.push(clean({ organization: o.event, position: o.role, startDate: iso(o.start), endDate: iso(o.end), url: isUri(o.url) ? o.url : undefined }));
    }
    for (const o of s.other) volunteer.push({ summary: plain(o) });
  }

  const interests = (person.data.interests ?? []).map((i) => ({ name: plain(i) }));

  const teaching = (findSection(doc, 'teaching')?.entries ?? []).map((x) =>
    clean({
      course: x.course,
      role: teachingRole(x.role, true),
      terms: x.terms,
      summary: compactTerms(x.terms),
      institution: x.institution,
      program: x.program,
      note: x.note,
      instructor: x.instructor?.name,
    }),
  );
  const talks = (findSection(doc, 'talks')?.entries ?? []).map((x) =>
    clean({ title: x.title, event: x.event, host: x.host, place: x.place, date: x.date, virtual: x.virtual || undefined, url: x.url, slides: x.slides, video: x.video }),
  );
  const mentoring = (findSection(doc, 'mentoring')?.entries ?? []).flatMap((g) =>
    g.students.map((s) => clean({ name: s.name, person: s.person, level: s.level, start: s.start, end: s.end, next: s.next })),
  );

  const base = graph.config.baseUrl;
  return clean({
    $schema: JSON_RESUME_SCHEMA_URL,
    basics,
    work,
    volunteer,
    education,
    awards,
    publications,
    interests,
    projects,
    'x-teaching': teaching,
    'x-talks': talks,
    'x-mentoring': mentoring,
    meta: clean({
      version: 'v1.0.0',
      canonical: base && isUri(base) ? new URL(`people/${personId}/resume.json`, base.endsWith('/') ? base : base + '/').href : undefined,
      'x-generator': 'vita',
    }),
  }) as JsonResume;
}
