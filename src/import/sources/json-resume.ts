/**
 * JSON Resume (jsonresume.org), pretty or minified: basics -> the person, work/education/awards -> the CV sections,
 * publications -> publications. A JSON Resume names no co-authors: its publications carry the owner and "et al.", and are
 * recognised in a project by title alone.
 */
import { basename } from 'node:path';
import { emptyBundle, leaveOut, note, type ImportBundle, type ImportSource, type ImportedPublication, type Origin } from '../bundle.js';
import { compact, isAcademic, parseTerm, isRecord, list, parseDate, personId, publicationId, safeUrl, slug, str, typeFromVenue, venueFrom } from '../text.js';
import { readText } from './bibtex.js';
import { scriptNames } from '../person-names.js';

export const jsonResumeSource: ImportSource = {
  kind: 'json-resume',
  description: 'a JSON Resume file (resume.json), pretty or minified',
  read: (path) => readJsonResume(path),
};

export function readJsonResume(path: string): ImportBundle {
  const name = basename(path);
  const bundle = emptyBundle('json-resume', slug(name.replace(/\.[^.]+$/, '')) || 'resume');
  const text = readText(path, name, bundle);
  if (text === undefined) return bundle;
  const resume = parseJson(text, name, bundle);
  if (resume === undefined) return bundle;
  resumeIntoBundle(resume, { file: name }, bundle);
  return bundle;
}

/** JSON, with a syntax error reported at its line. */
export function parseJson(text: string, file: string, bundle: ImportBundle): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    if (!isRecord(value)) {
      note(bundle, 'error', { file, line: 1 }, 'not-a-resume', 'the file is JSON, but not an object with "basics"', 'a JSON Resume starts with {"basics": {...}, ...}.');
      return undefined;
    }
    return value;
  } catch (err) {
    const message = (err as Error).message;
    const at = /position (\d+)/.exec(message);
    const line = at ? text.slice(0, Number(at[1])).split('\n').length : 1;
    note(bundle, 'error', { file, line }, 'json-syntax', `the JSON could not be read: ${message.replace(/ in JSON at position \d+.*$/, '')}`, 'a comma or a quote is likely missing or extra here.');
    return undefined;
  }
}

const NETWORKS: Record<string, string> = {
  'google scholar': 'scholar',
  googlescholar: 'scholar',
  scholar: 'scholar',
  github: 'github',
  orcid: 'orcid',
  dblp: 'dblp',
  openreview: 'openreview',
  linkedin: 'linkedin',
  twitter: 'twitter',
  x: 'twitter',
  arxiv: 'arxiv',
  researchgate: 'researchgate',
  mastodon: 'mastodon',
  bluesky: 'bluesky',
  gitlab: 'gitlab',
  website: 'website',
};

const PROFILE_URLS: Record<string, (u: string) => string> = {
  scholar: (u) => `https://scholar.google.com/citations?user=${u}`,
  github: (u) => `https://github.com/${u}`,
  orcid: (u) => `https://orcid.org/${u}`,
  linkedin: (u) => `https://www.linkedin.com/in/${u}`,
  twitter: (u) => `https://x.com/${u}`,
  gitlab: (u) => `https://gitlab.com/${u}`,
  openreview: (u) => `https://openreview.net/profile?id=${u}`,
};

/**
 * A resume into the bundle: the owner (created, or `into` when the caller has the person already), their CV sections,
 * their publications. Used for JSON Resume files and for al-folio's assets/json/resume.json.
 */
export function resumeIntoBundle(resume: Record<string, unknown>, origin: Origin, bundle: ImportBundle, into?: Record<string, unknown>): string | undefined {
  const basics = isRecord(resume.basics) ? resume.basics : {};
  const name = str(basics.name);
  if (!name && !into) {
    note(bundle, 'error', origin, 'no-name', 'the resume has no basics.name: there is nobody to import', 'give the name in "basics": {"name": "..."}.');
    return undefined;
  }
  // vita's own export keeps what JSON Resume has no field for in `x-` fields: they are read back.
  const names = isRecord(basics['x-names']) ? basics['x-names'] : undefined;
  const written = name ? scriptNames(name) : undefined;
  const person: Record<string, unknown> = into ?? { name: names && Object.keys(names).length > 1 ? names : written?.value };
  const set = (key: string, value: unknown) => {
    if (value !== undefined && person[key] === undefined) person[key] = value;
  };
  set('title', str(basics.label));
  set('email', str(basics.email));
  set('phone', str(basics.phone));
  set('homepage', safeUrl(basics.url ?? basics.website));
  const image = safeUrl(basics.image ?? basics.picture);
  if (image && /^https?:/.test(image)) set('photo', image);
  const summary = str(basics.summary);
  if (summary) set('bio', summary);
  if (isRecord(basics.location)) {
    const loc = basics.location;
    const cityLine = [str(loc.city), [str(loc.region), str(loc.postalCode)].filter(Boolean).join(' ')].filter(Boolean).join(', ');
    const lines = [...(str(loc.address)?.split('\n') ?? []), cityLine, str(loc.countryCode)].map((x) => x?.trim()).filter((x): x is string => !!x);
    if (lines.length) set('address', lines);
  }
  const links: Record<string, string> = { ...((person.links as Record<string, string> | undefined) ?? {}) };
  for (const p of list(basics.profiles)) {
    if (!isRecord(p)) continue;
    const network = str(p.network)?.toLowerCase() ?? '';
    const key = NETWORKS[network] ?? slug(network).replace(/-/g, '');
    const username = str(p.username);
    const url = safeUrl(p.url) ?? (username && PROFILE_URLS[key] ? PROFILE_URLS[key](username) : undefined);
    if (key && url && !links[key]) links[key] = url;
  }
  if (Object.keys(links).length) person.links = links;

  const positions = (person.positions as unknown[] | undefined) ?? [];
  for (const w of list(resume.work)) {
    if (!isRecord(w)) continue;
    const organization = str(w.name) ?? str(w.company);
    const title = str(w.position);
    if (!organization || !title) {
      note(bundle, 'info', origin, 'skipped-item', `work entry "${organization ?? title ?? '?'}" has no ${organization ? 'position' : 'organisation'}; it was not imported`);
      continue;
    }
    const highlights = list(w.highlights).map(str).filter((x): x is string => !!x);
    const description = [str(w.summary), ...highlights.map((h) => `- ${h}`)].filter(Boolean).join('\n');
    positions.push(
      compact({
        title,
        organization,
        place: str(w.location),
        start: date(w.startDate),
        end: endDate(w.endDate, w.startDate),
        department: str(w.description),
        kind: str(w['x-kind']) ?? (/\bintern(ship)?\b/i.test(title) ? 'internship' : isAcademic(organization) ? 'academic' : 'industry'),
        description: description || undefined,
        url: safeUrl(w.url ?? w.website),
      }),
    );
  }
  if (positions.length) person.positions = positions;

  const education = (person.education as unknown[] | undefined) ?? [];
  for (const e of list(resume.education)) {
    if (!isRecord(e)) continue;
    const institution = str(e.institution);
    const degree = str(e.studyType) ?? str(e.degree);
    if (!institution) continue;
    const vita = e['x-kind'] !== undefined || e['x-place'] !== undefined || e['x-advisors'] !== undefined;
    const score = str(e.score);
    const notes = [...(score ? (vita ? score.split('; ') : [/^[\d.]+\s*(\/\s*[\d.]+)?$/.test(score) ? `GPA: ${score}` : score]) : []), list(e.courses).length ? `Courses: ${list(e.courses).map(str).filter(Boolean).join(', ')}` : undefined].filter((x): x is string => !!x);
    const advisors = list(e['x-advisors']).filter(isRecord);
    education.push(
      compact({
        degree: degree ?? str(e.area) ?? 'Degree',
        field: degree ? str(e.area) : undefined,
        institution,
        place: str(e['x-place']),
        start: date(e.startDate),
        end: endDate(e.endDate, e.startDate),
        kind: str(e['x-kind']),
        advisors: advisors.map((a) => str(a.name) ?? str(a.person)).filter((x): x is string => !!x),
        advisorLabel: str(advisors[0]?.role)?.toLowerCase(),
        notes,
      }),
    );
  }
  if (education.length) person.education = education;

  const awards = (person.awards as unknown[] | undefined) ?? [];
  for (const a of [...list(resume.awards), ...list(resume.certificates)]) {
    if (!isRecord(a)) continue;
    const title = str(a.title) ?? str(a.name);
    if (!title) continue;
    const amount = isRecord(a['x-amount']) ? a['x-amount'] : undefined;
    const dates = list(a['x-dates']).map(date).filter((x): x is string => !!x);
    awards.push(compact({ title, issuer: str(a.awarder) ?? str(a.issuer), date: dates.length > 1 ? undefined : date(a.date), dates: dates.length > 1 ? dates : undefined, amount, note: amount ? undefined : str(a.summary) }));
  }
  if (awards.length) person.awards = awards;

  const interests = (person.interests as string[] | undefined) ?? [];
  for (const i of list(resume.interests)) {
    const n = isRecord(i) ? str(i.name) : str(i);
    if (n && !interests.includes(n)) interests.push(n);
  }
  if (interests.length) person.interests = interests;

  const volunteer = list(resume.volunteer).filter(isRecord);
  if (volunteer.length) {
    const service = isRecord(person.service) ? person.service : {};
    const other = (service.other as string[] | undefined) ?? [];
    const reviewer = (service.reviewer as unknown[] | undefined) ?? [];
    for (const v of volunteer) {
      if (str(v.position) === 'Reviewer' && str(v['x-kind'])) {
        const short = /,\s*([^,]+?)(?:,\s*[\d\s,–-]+(?:present)?)?$/.exec(str(v.summary) ?? '')?.[1];
        const orgName = str(v.organization);
        reviewer.push(compact({ venue: short && short !== orgName ? short : orgName && orgName.length <= 12 && !/\s/.test(orgName) ? orgName : undefined, name: short && short !== orgName ? orgName : orgName && (orgName.length > 12 || /\s/.test(orgName)) ? orgName : undefined, kind: str(v['x-kind']), years: str(v['x-years']) }));
        continue;
      }
      const text = [str(v.position), str(v.organization)].filter(Boolean).join(', ') || str(v.summary);
      const when = [date(v.startDate), date(v.endDate)].filter(Boolean).join(' – ');
      if (text) other.push(when ? `${text} (${when})` : text);
    }
    if (other.length || reviewer.length) person.service = compact({ ...service, reviewer: reviewer.length ? reviewer : undefined, other: other.length ? other : undefined });
  }

  // Grants, which vita's export writes as projects of type "grant".
  const grants = (person.grants as unknown[] | undefined) ?? [];
  for (const g of list(resume.projects).filter(isRecord).filter((p) => p.type === 'grant')) {
    const role = list(g.roles).map(str).join(' ');
    grants.push(
      compact({
        title: str(g.description) ?? str(g.name),
        project: str(g.description) ? str(g.name) : undefined,
        funder: str(g.entity),
        role: /co-principal/i.test(role) ? 'co-pi' : /principal/i.test(role) ? 'pi' : 'participant',
        amount: isRecord(g['x-amount']) ? g['x-amount'] : undefined,
        start: date(g.startDate),
        end: date(g.endDate),
        number: str(g['x-number']),
      }),
    );
  }
  if (grants.length) person.grants = grants;

  for (const section of ['skills', 'languages', 'references', 'projects']) {
    const n = list(resume[section]).filter((p) => !(section === 'projects' && isRecord(p) && p.type === 'grant')).length;
    if (n) note(bundle, 'info', origin, 'not-carried', `${section} (${n}) were not imported: a vita record has no ${section} section`, section === 'projects' ? 'describe projects in people/<id>/research.md.' : undefined);
  }

  let id = personId(str(person.name as string) ?? written?.latin ?? 'owner');
  if (!into) {
    id = personId(written!.latin);
    bundle.people.push({ id, value: person, sections: {}, origin });
    bundle.owner = id;
  } else id = bundle.owner ?? id;

  for (const t of list(resume['x-teaching']).filter(isRecord)) {
    const course = str(t.course);
    if (!course) continue;
    const role = str(t.role) ?? '';
    const terms = list(t.terms).map(str).filter((x): x is string => !!x);
    bundle.teaching.push({
      person: id,
      value: compact({
        course,
        role: /assistant|\bTA\b/i.test(role) ? 'ta' : /co-/i.test(role) ? 'co-instructor' : /guest/i.test(role) ? 'guest-lecturer' : 'instructor',
        terms: terms.length > 1 ? terms : undefined,
        term: terms.length === 1 ? terms[0] : undefined,
        institution: str(t.institution),
        program: str(t.program),
        note: str(t.note),
        instructor: str(t.instructor),
      }) as never,
      origin,
    });
  }
  for (const t of list(resume['x-talks']).filter(isRecord)) {
    const when = date(t.date);
    if (!str(t.event) || !when) continue;
    bundle.talks.push({ person: id, value: compact({ title: str(t.title), event: str(t.event), host: str(t.host), place: str(t.place), date: when, virtual: t.virtual === true, url: safeUrl(t.url), slides: safeUrl(t.slides), video: safeUrl(t.video) }) as never, origin });
  }
  readCommonExtensions(resume, id, origin, bundle);
  const mentoring = list(resume['x-mentoring']).filter(isRecord).map((m) => compact({ person: str(m.name) ?? str(m.person), level: str(m.level), start: date(m.start), end: parseDate(m.end), next: str(m.next) }));
  if (mentoring.length) person.mentoring = [...((person.mentoring as unknown[]) ?? []), ...mentoring];

  const ownerName = typeof person.name === 'string' ? scriptNames(person.name).latin : (written?.latin ?? name ?? '');
  for (const p of list(resume.publications)) {
    if (!isRecord(p)) continue;
    const pub = resumePublication(p, ownerName, origin, bundle);
    if (pub) bundle.publications.push(pub);
  }
  return id;
}

function resumePublication(p: Record<string, unknown>, owner: string, origin: Origin, bundle: ImportBundle): ImportedPublication | undefined {
  const title = str(p.name) ?? str(p.title);
  const when = date(p.releaseDate ?? p.date);
  const year = when ? Number(when.slice(0, 4)) : undefined;
  const authors = list(p['x-authors']).filter(isRecord).map((a) => compact({ name: str(a.name) ?? '', roles: list(a.roles).map(str).filter((r): r is 'equal' | 'lead' | 'corresponding' => r === 'equal' || r === 'lead' || r === 'corresponding') })).filter((a) => a.name);
  if (title && year && authors.length) {
    // vita's own export: everything it holds is there.
    const publisher = str(p.publisher);
    const type = str(p['x-type']) ?? typeFromVenue(publisher);
    const status = str(p['x-status']);
    return {
      value: compact({
        id: str(p['x-key']) ?? publicationId(authors[0]!.name, year, title),
        type,
        title,
        authors: authors.map((a) => ({ name: a.name, roles: a.roles ?? [] })),
        etal: p['x-etal'] === true ? true : undefined,
        alphabetical: p['x-alphabetical'] === true ? true : undefined,
        status: status && status !== (type === 'preprint' ? 'preprint' : 'published') ? status : undefined,
        venue: compact({ name: publisher && !(type === 'preprint' && publisher === 'arXiv') ? publisher : undefined, short: str(p['x-venue-short']) }),
        year,
        date: when && when.length > 4 ? when : undefined,
        award: str(p['x-award']),
        doi: str(p['x-doi']),
        arxiv: str(p['x-arxiv']),
        // The export links the DOI or arXiv page when there is no URL of its own.
        url: safeUrl(p.url) === `https://doi.org/${str(p['x-doi'])}` || safeUrl(p.url) === `https://arxiv.org/abs/${str(p['x-arxiv'])}` ? undefined : safeUrl(p.url),
        abstract: str(p.summary),
        topics: list(p['x-topics']).map(str).filter((x): x is string => !!x),
        selected: p['x-selected'] === true ? true : undefined,
      }) as ImportedPublication['value'],
      origin,
    };
  }
  if (!title || !year) {
    leaveOut(bundle, 'publications', title ? 'no release date' : 'no name');
    note(bundle, 'warning', origin, 'entry-skipped', `the publication "${title ?? '?'}" was not imported: it has no ${title ? 'release date' : 'name'}`);
    return undefined;
  }
  const publisher = str(p.publisher);
  const url = safeUrl(p.url ?? p.website);
  return {
    value: compact({
      id: publicationId(owner, year, title),
      type: typeFromVenue(publisher),
      title,
      authors: [{ name: owner, roles: [] }],
      etal: true,
      venue: publisher && typeFromVenue(publisher) !== 'preprint' ? compact({ ...venueFrom(publisher), year: undefined }) : undefined,
      year,
      date: when && when.length > 4 ? when : undefined,
      url,
      abstract: str(p.summary),
    }) as ImportedPublication['value'],
    authorsUnknown: true,
    origin,
  };
}

function date(v: unknown): string | undefined {
  const d = parseDate(v);
  return d === 'present' ? undefined : d;
}

/** An end date; a resume leaves it out for a current position. */
function endDate(v: unknown, start: unknown): string | undefined {
  const d = parseDate(v);
  if (d) return d;
  return start !== undefined && v === undefined ? 'present' : undefined;
}

/** The keys of the JSON Resume schema, and vita's own `x-` keys; anything else is reported. */
const SCHEMA_KEYS = new Set(['$schema', 'basics', 'work', 'volunteer', 'education', 'awards', 'certificates', 'publications', 'skills', 'languages', 'interests', 'references', 'projects', 'meta']);
const CARRIED_EXTENSIONS = new Set(['presentations', 'talks', 'teaching', 'x-teaching', 'x-talks', 'x-mentoring']);

/**
 * Keys that are not JSON Resume's, as resume themes and academic templates add them: `presentations` and `talks`
 * become talks, `teaching` courses; any other is named in the report, never silently dropped.
 */
function readCommonExtensions(resume: Record<string, unknown>, owner: string, origin: Origin, bundle: ImportBundle): void {
  for (const key of Object.keys(resume)) {
    if (SCHEMA_KEYS.has(key) || CARRIED_EXTENSIONS.has(key) || (key.startsWith('x-') && key !== 'x-')) continue;
    const n = Array.isArray(resume[key]) ? ` (${(resume[key] as unknown[]).length})` : '';
    note(bundle, 'warning', origin, 'unknown-key', `"${key}"${n} is not a key of the JSON Resume schema: what it holds was not imported`, 'add it to the person file by hand, or under a key vita reads (presentations, talks, teaching).');
  }
  for (const key of ['presentations', 'talks'] as const) {
    for (const t of list(resume[key])) {
      const label = isRecord(t) ? (str(t.name) ?? str(t.title) ?? '?') : String(t);
      const when = isRecord(t) ? date(t.date ?? t.releaseDate ?? t.startDate) : undefined;
      const event = isRecord(t) ? (str(t.event) ?? str(t.venue) ?? str(t.conference) ?? str(t.publisher) ?? str(t.organization) ?? str(t.host)) : undefined;
      if (!isRecord(t) || !when || !event) {
        const why = !isRecord(t) ? 'not an entry' : !when ? 'no date' : 'no event';
        leaveOut(bundle, 'talks', why);
        note(bundle, 'warning', origin, 'skipped-item', `the talk "${label}" (${key}) was not imported: ${why}`, 'give it "date" and "event" (or "venue").');
        continue;
      }
      const place = str(t.location) ?? (isRecord(t.location) ? [str(t.location.city), str(t.location.countryCode)].filter(Boolean).join(', ') || undefined : undefined);
      const host = str(t.host) !== event ? str(t.host) ?? (str(t.organization) !== event ? str(t.organization) : undefined) : undefined;
      bundle.talks.push({
        person: owner,
        value: compact({
          title: str(t.name) ?? str(t.title),
          event,
          host,
          place,
          date: when,
          virtual: t.virtual === true || /\b(virtual|online)\b/i.test(place ?? ''),
          invited: /invited|keynote/i.test(`${str(t.type) ?? ''} ${str(t.summary) ?? ''} ${str(t.description) ?? ''}`) || undefined,
          url: safeUrl(t.url),
          slides: safeUrl(t.slides),
          video: safeUrl(t.video),
        }) as never,
        origin,
      });
    }
  }
  for (const t of list(resume.teaching)) {
    const course = isRecord(t) ? (str(t.course) ?? str(t.name) ?? str(t.title)) : undefined;
    if (!isRecord(t) || !course) {
      leaveOut(bundle, 'teaching', 'no course named');
      note(bundle, 'warning', origin, 'skipped-item', 'an entry of "teaching" names no course; it was not imported', 'give it "course".');
      continue;
    }
    const role = str(t.role) ?? str(t.position) ?? '';
    const terms = list(t.terms).map(str).filter((x): x is string => !!x).map((x) => parseTerm(x)).filter((x): x is string => !!x);
    const term = (str(t.term) ? parseTerm(str(t.term)!) : undefined) ?? (terms.length ? undefined : termOf(t.startDate ?? t.date));
    bundle.teaching.push({
      person: owner,
      value: compact({
        course,
        role: /assistant|\bTA\b|tutor/i.test(role) ? 'ta' : /co-/i.test(role) ? 'co-instructor' : /guest/i.test(role) ? 'guest-lecturer' : 'instructor',
        terms: terms.length > 1 ? terms : undefined,
        term: terms.length === 1 ? terms[0] : term,
        institution: str(t.institution) ?? str(t.organization) ?? str(t.school),
        url: safeUrl(t.url),
      }) as never,
      origin,
    });
  }
}

/** A term from a date as resumes give it: "2023-09" is Fall 2023, "2024-02" Spring 2024, a year alone the year. */
function termOf(v: unknown): string | undefined {
  const d = date(v);
  if (!d || d === 'present') return undefined;
  const [year, month] = d.split('-');
  if (!month) return undefined;
  const m = Number(month);
  return `${m <= 5 ? 'Spring' : m <= 8 ? 'Summer' : 'Fall'} ${year}`;
}
