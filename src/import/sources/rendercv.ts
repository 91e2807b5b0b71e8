/**
 * A RenderCV file (cv.name, cv.sections with education, experience, publications and other entries), with `!include`
 * of other YAML files relative to it. Entry types are told apart by their fields, as RenderCV does; where a section
 * of normal entries belongs (talks, awards, teaching) is read from its title.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { ScalarTag } from 'yaml';
import { parseAuthorMarks } from '../../schema/author-marks.js';
import { emptyBundle, leaveOut, note, type ImportBundle, type ImportSource, type ImportedPublication, type Origin } from '../bundle.js';
import { compact, findArxiv, isAcademic, isRecord, list, parseDate, parseTerm, personId, plainText, publicationId, safeUrl, slug, str, typeFromVenue, venueFrom } from '../text.js';
import { readText } from './bibtex.js';
import { OutsideError, readInside } from '../../load/inside.js';
import { parseYaml } from './common.js';
import { scriptNames } from '../person-names.js';

export const renderCvSource: ImportSource = {
  kind: 'rendercv',
  description: 'a RenderCV YAML file (cv: name, sections ...), with !include of other files',
  read: (path) => readRenderCv(path),
};

export function readRenderCv(path: string): ImportBundle {
  const name = basename(path);
  const bundle = emptyBundle('rendercv', slug(name.replace(/\.[^.]+$/, '').replace(/_cv$/i, '')) || 'cv');
  const text = readText(path, name, bundle);
  if (text === undefined) return bundle;
  const data = parseYaml(text, { file: name }, bundle, 0, { customTags: [includeTag(dirname(resolve(path)), bundle, name, 0, dirname(resolve(path)))] });
  if (!isRecord(data) || !isRecord(data.cv)) {
    if (data !== undefined) note(bundle, 'error', { file: name, line: 1 }, 'not-a-rendercv', 'the file has no top-level `cv:`: it is not a RenderCV file', 'a RenderCV file starts with `cv:` and holds `name:` and `sections:`.');
    return bundle;
  }
  // What is missing from `cv:` is reported at `cv:`.
  const cvLine = text.split('\n').findIndex((l) => /^cv\s*:/.test(l)) + 1;
  renderCvIntoBundle(data, { file: name }, bundle, undefined, { file: name, line: cvLine || 1 });
  return bundle;
}

/** `!include other.yaml`: the value of another YAML file, read relative to the including one. */
/** `root`: the folder of the CV file; an !include never reads outside it (through `..` or a symbolic link). */
function includeTag(dir: string, bundle: ImportBundle, from: string, depth: number, root: string): ScalarTag {
  return {
    tag: '!include',
    resolve(value: string) {
      const target = resolve(dir, value.trim());
      if (depth > 8) {
        note(bundle, 'warning', { file: from }, 'include', `!include ${value} goes more than 8 files deep; it was not followed`);
        return null;
      }
      if (!existsSync(target)) {
        note(bundle, 'warning', { file: from }, 'include', `!include ${value}: the file does not exist; what it holds was not imported`);
        return null;
      }
      let text: string;
      try {
        text = readInside(root, target).toString('utf8');
      } catch (err) {
        if (err instanceof OutsideError) note(bundle, 'warning', { file: from }, 'include', `!include ${value}: the file is outside the CV's folder (or a symbolic link out of it); it was not read`, 'keep the included files beside the CV file.');
        else note(bundle, 'warning', { file: from }, 'include', `!include ${value}: the file could not be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
        return null;
      }
      return parseYaml(text, { file: value.trim() }, bundle, 0, { customTags: [includeTag(dirname(target), bundle, value.trim(), depth + 1, root)] }) as never;
    },
  };
}

/** RenderCV's `cv` into the bundle: the owner (or `into`, the caller's person) and their sections. */
export function renderCvIntoBundle(
  data: Record<string, unknown>,
  origin: Origin,
  bundle: ImportBundle,
  into?: Record<string, unknown>,
  /** Where `cv:` is, for what is missing from it (its file's first line when not given). */
  cvAt: Origin = { ...origin, line: origin.line ?? 1 },
): void {
  const cv = data.cv as Record<string, unknown>;
  const name = spaced(str(cv.name));
  if (!name && !into) {
    note(bundle, 'error', cvAt, 'no-name', 'cv.name is missing: there is nobody to import', 'give the name: `cv: {name: ...}`.');
    return;
  }
  const names = name ? scriptNames(name) : undefined;
  const person: Record<string, unknown> = into ?? { name: names?.value };
  if (!person.name && names) person.name = names.value;
  const set = (key: string, value: unknown) => {
    if (value !== undefined && person[key] === undefined) person[key] = value;
  };
  set('email', str(cv.email));
  set('phone', str(cv.phone));
  set('homepage', safeUrl(cv.website));
  if (str(cv.location)) set('address', [str(cv.location)]);
  const links: Record<string, string> = { ...((person.links as Record<string, string>) ?? {}) };
  for (const s of list(cv.social_networks)) {
    if (!isRecord(s)) continue;
    const network = (str(s.network) ?? '').toLowerCase();
    const user = str(s.username);
    if (!user) continue;
    const url =
      network === 'linkedin' ? `https://www.linkedin.com/in/${user}`
      : network === 'github' ? `https://github.com/${user}`
      : network === 'gitlab' ? `https://gitlab.com/${user}`
      : network === 'google scholar' ? `https://scholar.google.com/citations?user=${user}`
      : network === 'orcid' ? `https://orcid.org/${user}`
      : network === 'researchgate' ? `https://www.researchgate.net/profile/${user}`
      : network === 'x' || network === 'twitter' ? `https://x.com/${user}`
      : network === 'youtube' ? `https://www.youtube.com/@${user}`
      : network === 'stackoverflow' ? `https://stackoverflow.com/users/${user}`
      : network === 'mastodon' && /^@?([^@]+)@(.+)$/.test(user) ? user.replace(/^@?([^@]+)@(.+)$/, 'https://$2/@$1')
      : undefined;
    const key = network === 'google scholar' ? 'scholar' : network === 'x' ? 'twitter' : slug(network).replace(/-/g, '');
    if (url && key && !links[key]) links[key] = url;
  }
  // RenderCV 2's custom_connections: [{placeholder, url, fontawesome_icon}]: links, named by their service or label.
  for (const c of list(cv.custom_connections)) {
    if (!isRecord(c)) continue;
    const url = safeUrl(c.url);
    // A phone number given as a connection is the phone.
    const tel = /^tel:\s*(\+?[\d\s().-]{5,})$/i.exec(str(c.url) ?? '');
    if (tel) {
      set('phone', tel[1]!.trim());
      continue;
    }
    if (!url || !/^(https?|mailto):/i.test(url)) {
      if (c.url !== undefined) note(bundle, 'info', origin, 'not-carried', `the connection "${str(c.placeholder) ?? str(c.url)}" was not imported: its url "${String(c.url)}" is not a web address`);
      continue;
    }
    const key = connectionKey(url, str(c.placeholder) ?? str(c.fontawesome_icon) ?? '');
    if (!key) continue;
    if (key === 'homepage' && person.homepage === undefined) person.homepage = url;
    else if (key !== 'homepage' && !links[key]) links[key] = url;
  }
  if (Object.keys(links).length) person.links = links;

  const ownerId = bundle.owner ?? personId(typeof person.name === 'string' ? scriptNames(person.name).latin : (names?.latin ?? String(name)));
  const sections = isRecord(cv.sections) ? cv.sections : {};
  for (const [title, entries] of Object.entries(sections)) {
    const label = title.replace(/_/g, ' ');
    for (const entry of list(entries)) readEntry(label, entry, person, ownerId, origin, bundle);
  }
  if (!into) {
    bundle.people.push({ id: ownerId, value: person, sections: {}, origin });
    bundle.owner = ownerId;
  }
}

function push(person: Record<string, unknown>, key: string, value: unknown): void {
  const current = (person[key] as unknown[] | undefined) ?? [];
  current.push(value);
  person[key] = current;
}

function readEntry(section: string, entry: unknown, person: Record<string, unknown>, owner: string, origin: Origin, bundle: ImportBundle): void {
  const highlights = isRecord(entry) ? list(entry.highlights).map(str).filter((x): x is string => !!x) : [];
  const description = isRecord(entry) ? [str(entry.summary), ...highlights.map((h) => `- ${h}`)].filter(Boolean).join('\n') || undefined : undefined;
  if (typeof entry === 'string') {
    if (/welcome to rendercv/i.test(section)) return;
    if (/about|summary|profile|bio/i.test(section)) {
      if (!person.bio) person.bio = entry.trim();
      return;
    }
    if (/interest/i.test(section)) return push(person, 'interests', plainText(entry));
    note(bundle, 'info', origin, 'not-carried', `a line of "${section}" was not imported: ${clip(plainText(entry))}`);
    return;
  }
  if (!isRecord(entry)) return;
  // What a section holds is decided by its name first: awards or talks written as education or experience entries
  // (RenderCV draws any entry type in any section) are awards and talks, never degrees or positions.
  const named = NAMED_SECTIONS.find(([re]) => re.test(section))?.[1];
  if (named && (entry.institution !== undefined || entry.company !== undefined)) {
    const what = str(entry.area) ?? str(entry.position) ?? str(entry.degree) ?? str(entry.name) ?? str(entry.title);
    const org = str(entry.institution) ?? str(entry.company);
    const when = date(entry.date) ?? date(entry.start_date) ?? date(entry.end_date);
    if (what) {
      readNamed(named, { name: what, org, when, location: str(entry.location), description, start: date(entry.start_date), end: date(entry.end_date), degree: str(entry.degree) }, person, owner, origin, bundle);
      return;
    }
  }
  if (entry.institution !== undefined && (entry.area !== undefined || entry.degree !== undefined)) {
    push(
      person,
      'education',
      compact({
        ...degreeAndField(str(entry.degree), str(entry.area)),
        institution: str(entry.institution),
        place: str(entry.location),
        start: date(entry.start_date),
        end: date(entry.end_date) ?? (entry.start_date !== undefined ? 'present' : date(entry.date)),
        notes: highlights.map(plainText),
      }),
    );
    return;
  }
  if (entry.company !== undefined && entry.position !== undefined) {
    const organization = str(entry.company)!;
    const title = str(entry.position)!;
    if (/teaching/i.test(section) && /\b(TA|teaching assistant|instructor|lecturer)\b/i.test(title)) {
      bundle.teaching.push({ person: owner, value: compact({ course: plainText(str(entry.summary) ?? title), role: /instructor|lecturer/i.test(title) ? 'instructor' : 'ta', institution: organization, term: parseTerm(String(entry.date ?? entry.start_date ?? '')) }) as never, origin });
      return;
    }
    push(
      person,
      'positions',
      compact({
        title,
        organization,
        place: str(entry.location),
        start: date(entry.start_date) ?? date(entry.date),
        end: date(entry.end_date) ?? (entry.start_date !== undefined ? 'present' : undefined),
        kind: /\bintern(ship)?\b/i.test(title) ? 'internship' : isAcademic(organization) ? 'academic' : 'industry',
        description,
      }),
    );
    return;
  }
  if (entry.title !== undefined && entry.authors !== undefined) {
    const pub = publication(entry, origin, bundle);
    if (pub) bundle.publications.push(pub);
    return;
  }
  if (entry.label !== undefined && entry.details !== undefined) {
    const label = plainText(str(entry.label) ?? '');
    const details = plainText(str(entry.details) ?? '');
    if (/interest/i.test(section) || /interest/i.test(label)) {
      for (const d of details.split(/[,;]\s*/)) if (d) push(person, 'interests', d);
      return;
    }
    if (/review|service/i.test(section) && /review/i.test(label)) {
      const service = isRecord(person.service) ? person.service : {};
      person.service = { ...service, reviewer: [...((service.reviewer as unknown[]) ?? []), ...details.split(/,\s*/).filter(Boolean).map((v) => reviewEntry(v))] };
      return;
    }
    note(bundle, 'info', origin, 'not-carried', `"${label}: ${clip(details)}" (${section}) was not imported: a vita record has no such section`);
    return;
  }
  const name = str(entry.name) ?? str(entry.bullet);
  if (!name) return;
  const when = date(entry.date) ?? date(entry.start_date);
  if (/talk|presentation|seminar|lecture/i.test(section)) {
    if (!when) {
      leaveOut(bundle, 'talks', 'no date');
      note(bundle, 'info', origin, 'skipped-item', `talk "${clip(name)}" has no date; it was not imported`);
      return;
    }
    const summary = str(entry.summary);
    bundle.talks.push({ person: owner, value: compact({ title: plainText(name), event: plainText(summary ?? str(entry.location) ?? name), place: summary ? str(entry.location) : undefined, date: when, virtual: /virtual|online|zoom/i.test(`${name} ${entry.location ?? ''}`) }) as never, origin });
    return;
  }
  if (/award|honou?r|prize|scholarship|fellowship/i.test(section)) {
    push(person, 'awards', compact({ title: plainText(name), date: when, note: description ? plainText(description) : undefined }));
    return;
  }
  if (/teaching/i.test(section)) {
    bundle.teaching.push({ person: owner, value: compact({ course: plainText(name), role: 'instructor', institution: str(entry.location), term: parseTerm(String(entry.date ?? '')) }) as never, origin });
    return;
  }
  note(bundle, 'info', origin, 'not-carried', `"${clip(plainText(name))}" (${section}) was not imported: vita does not know where it belongs`, 'add it to the person file by hand.');
}

const NAMED_SECTIONS: [RegExp, 'awards' | 'talks' | 'teaching' | 'service' | 'grants' | 'students'][] = [
  [/award|honou?r|prize|scholarship|fellowship|distinction/i, 'awards'],
  [/talk|presentation|seminar|lecture|keynote/i, 'talks'],
  [/teaching/i, 'teaching'],
  [/grant|funding/i, 'grants'],
  [/student|advisee|mentor|supervis/i, 'students'],
  [/service|review|committee/i, 'service'],
];

interface NamedEntry {
  name: string;
  org?: string;
  when?: string;
  start?: string;
  end?: string;
  location?: string;
  description?: string;
  /** An education-shaped entry's degree: a student's level. */
  degree?: string;
}

/** A student's level as CVs write it: "PhD", "M.Sc. thesis", "undergraduate researcher". */
const LEVELS: [RegExp, 'postdoc' | 'phd' | 'master' | 'undergraduate' | 'intern' | 'visitor'][] = [
  [/post-?doc/i, 'postdoc'],
  [/ph\.?\s?d|doctor/i, 'phd'],
  [/master|m\.?\s?sc|\bm\.?s\.?\b|\bmeng\b/i, 'master'],
  [/undergrad|bachelor|b\.?\s?sc|\bb\.?s\.?\b|\bba\b/i, 'undergraduate'],
  [/intern/i, 'intern'],
  [/visit/i, 'visitor'],
];

/** An entry of a section whose name says what it holds, whatever the entry's shape. */
function readNamed(kind: (typeof NAMED_SECTIONS)[number][1], e: NamedEntry, person: Record<string, unknown>, owner: string, origin: Origin, bundle: ImportBundle): void {
  const name = plainText(e.name);
  if (kind === 'awards') return push(person, 'awards', compact({ title: name, issuer: e.org ? plainText(e.org) : undefined, date: e.when === 'present' ? undefined : e.when, note: e.description ? plainText(e.description) : undefined }));
  if (kind === 'talks') {
    if (!e.when || e.when === 'present') {
      leaveOut(bundle, 'talks', 'no date');
      note(bundle, 'info', origin, 'skipped-item', `talk "${clip(name)}" has no date; it was not imported`);
      return;
    }
    bundle.talks.push({ person: owner, value: compact({ title: name, event: plainText(e.org ?? name), place: e.location, date: e.when, virtual: /virtual|online|zoom/i.test(`${name} ${e.location ?? ''}`) }) as never, origin });
    return;
  }
  if (kind === 'teaching') {
    bundle.teaching.push({ person: owner, value: compact({ course: name, role: /\bTA\b|teaching assistant/i.test(e.description ?? '') ? 'ta' : 'instructor', institution: e.org, term: parseTerm(String(e.when ?? '')) }) as never, origin });
    return;
  }
  if (kind === 'service') {
    const service = (person.service as Record<string, unknown> | undefined) ?? {};
    service.other = [...((service.other as string[] | undefined) ?? []), [name, e.org].filter(Boolean).join(', ')];
    person.service = service;
    return;
  }
  const end = e.end ?? (e.start ? 'present' : undefined);
  if (kind === 'grants') {
    const text = `${e.description ?? ''} ${name}`;
    const role = /co-?\s?pi\b|co-?investigator/i.test(text) ? 'co-pi' : /participant|member|senior personnel/i.test(text) ? 'participant' : 'pi';
    return push(person, 'grants', compact({ title: name, funder: e.org ? plainText(e.org) : undefined, role, start: e.start ?? e.when, end: e.start ? end : undefined }));
  }
  // Students: the name, the level from the degree or the words around it, the years.
  const level = LEVELS.find(([re]) => re.test(`${e.degree ?? ''} ${e.description ?? ''}`))?.[1];
  if (!level) note(bundle, 'info', origin, 'level-guessed', `the student "${clip(name)}" (${kind}) has no level (PhD, master ...) written; it was imported as a graduate student`, 'set `level:` under mentoring in the person file.');
  push(person, 'mentoring', compact({ person: name, level: level ?? 'graduate', start: e.start ?? e.when, end: e.start ? end : undefined, note: e.description ? plainText(e.description) : undefined }));
}

function reviewEntry(text: string): Record<string, unknown> {
  const m = /^(.*?)\s*\(([\d\s,–-]+|\d{4}\s*[-–]\s*present)\)$/.exec(text.trim());
  return compact({ venue: (m ? m[1]! : text).trim(), years: m ? m[2]!.replace(/\s+/g, '') : undefined });
}

/** RenderCV marks the owner with bold or italics (`***Jane Doe***`); any mark after a name is a role. */
export function authorFromMarkdown(raw: string): { name: string; roles: ReturnType<typeof parseAuthorMarks>['roles'] } {
  let text = raw.trim();
  const lead = /^[*_]+/.exec(text)?.[0].length ?? 0;
  if (lead) text = text.slice(lead).replace(new RegExp(`[*_]{${lead}}`), '');
  const marked = parseAuthorMarks(text);
  return { name: spaced(plainText(marked.name))!, roles: marked.roles };
}

function publication(entry: Record<string, unknown>, origin: Origin, bundle: ImportBundle): ImportedPublication | undefined {
  const title = plainText(str(entry.title) ?? '');
  const when = date(entry.date);
  const authors = list(entry.authors).map(str).filter((x): x is string => !!x).map(authorFromMarkdown).filter((a) => a.name);
  if (!title || !when || !authors.length) {
    leaveOut(bundle, 'publications', `no ${!title ? 'title' : !when ? 'date' : 'authors'}`);
    note(bundle, 'warning', origin, 'entry-skipped', `the publication "${clip(title || '?')}" was not imported: it has no ${!title ? 'title' : !when ? 'date' : 'authors'}`);
    return undefined;
  }
  const year = Number(when.slice(0, 4));
  const journal = str(entry.journal);
  const url = safeUrl(entry.url);
  const arxiv = findArxiv(`${url ?? ''} ${journal ?? ''}`);
  const type = typeFromVenue(journal);
  return {
    value: compact({
      id: publicationId(authors[0]!.name, year, title),
      type,
      title,
      authors,
      venue: journal && type !== 'preprint' ? compact({ ...venueFrom(plainText(journal)), year: undefined }) : undefined,
      year,
      date: when.length > 4 ? when : undefined,
      doi: str(entry.doi),
      arxiv,
      url,
      abstract: str(entry.summary),
    }) as ImportedPublication['value'],
    origin,
  };
}

/** Names written with no-break or narrow spaces (`Jonas\u00a0Weber`) as names with spaces. */
export function spaced(text: string | undefined): string | undefined {
  return text?.replace(/[\u00a0\u2007\u202f\u2009\u200a]/g, ' ').replace(/[\u200b\u2060\ufeff]/g, '').replace(/ {2,}/g, ' ').trim();
}

const SERVICES: [RegExp, string][] = [
  [/scholar\.google\./i, 'scholar'], [/github\.com/i, 'github'], [/gitlab\.com/i, 'gitlab'], [/orcid\.org/i, 'orcid'], [/dblp\./i, 'dblp'],
  [/openreview\.net/i, 'openreview'], [/arxiv\.org/i, 'arxiv'], [/linkedin\.com/i, 'linkedin'], [/(twitter|x)\.com/i, 'twitter'],
  [/researchgate\.net/i, 'researchgate'], [/semanticscholar\.org/i, 'semanticscholar'], [/bsky\.app/i, 'bluesky'], [/youtube\.com/i, 'youtube'],
];

/** The key of a custom connection: the service its address is on, or its label (`Book a call` -> book-a-call). */
function connectionKey(url: string, label: string): string | undefined {
  const service = SERVICES.find(([re]) => re.test(url))?.[1];
  if (service) return service;
  if (/^(home ?page|website|web|personal (web)?site)$/i.test(label.trim())) return 'homepage';
  if (/\bcv\b|curriculum vitae|r[ée]sum[ée]/i.test(label) && /\.pdf($|\?)/i.test(url)) return 'cv';
  return slug(label.replace(/^fa[a-z-]*\s+fa-/i, '')) || slug(url.replace(/^[a-z]+:\/\/(www\.)?/i, '').split(/[/.]/)[0] ?? '') || undefined;
}

const DEGREE = /^((?:Ph\.?\s?D\.?|D\.?Phil\.?|Dr\.?(?:\s?rer\.\s?nat\.)?|M\.?\s?Sc\.?|B\.?\s?Sc\.?|M\.?\s?S\.?|B\.?\s?S\.?|M\.?\s?A\.?|B\.?\s?A\.?|M\.?\s?Eng\.?|B\.?\s?Eng\.?|M\.?\s?Phil\.?|M\.?\s?Res\.?|MBA|LL\.?M\.?|Diplom|Diploma|Habilitation|Doctorate|Master(?:'s)?(?:\s+of\s+(?:Science|Arts|Engineering))?|Bachelor(?:'s)?(?:\s+of\s+(?:Science|Arts|Engineering))?))(?:\s+(?:degree\s+)?(?:in|of)\s+|\s*[,:–—-]\s+|\s*\(\s*)(.+?)\)?$/i;

/** RenderCV's degree and area, kept apart: "PhD in Mathematics" written in either field is the degree PhD, the field Mathematics. */
export function degreeAndField(degree: string | undefined, area: string | undefined): { degree: string; field?: string } {
  const split = (text: string | undefined) => (text ? DEGREE.exec(text.trim()) : null);
  if (degree && area) {
    // The area repeats the degree: "PhD" and "PhD in Mathematics".
    const inArea = split(area);
    if (inArea && inArea[1]!.replace(/[.\s]/g, '').toLowerCase() === degree.replace(/[.\s]/g, '').toLowerCase()) return { degree, field: inArea[2]!.trim() };
    return { degree, field: area };
  }
  const one = degree ?? area;
  const m = split(one);
  if (m) return { degree: m[1]!.trim(), field: m[2]!.trim() };
  // One of them alone, not "<degree> in <field>": it is all there is to show, as the degree.
  return { degree: one ?? 'Degree' };
}

function date(v: unknown): string | undefined {
  const d = parseDate(v);
  return d === 'present' ? 'present' : d;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
