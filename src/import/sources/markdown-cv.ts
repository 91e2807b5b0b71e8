/**
 * A CV written in Markdown: `# Name`, contact lines, then `## Section` headings with `- ` items (continuation lines
 * belong to the item above). Items read as people write them:
 *
 *   - 2012.9 - 2018.7 **Ph.D. in Computational Mathematics**, *Peking University*, Beijing, China.
 *     Advisor: Prof. Weinan E
 *   - Fall 2023 **Instructor**, *Mathematical Introduction to Machine Learning*, Peking University.
 *   - Joint Seminar of Machine Learning (virtual), June 2021
 *   - **Conference:** NeurIPS (2019-2022), ICML (2020-2021)
 *
 * Publication lines go through the citation reader. Sections it does not know are reported, not guessed.
 */
import { basename, dirname } from 'node:path';
import { citationToPublication } from '../citation.js';
import { newsSlug } from '../merge.js';
import { emptyBundle, leaveOut, note, type ImportBundle, type ImportSource, type Origin } from '../bundle.js';
import { scriptNames } from '../person-names.js';
import { compact, isAcademic, parseDate, parseRange, parseTerm, personId, plainText, safeUrl, slug } from '../text.js';
import { readText } from './bibtex.js';
import { relinkBundle, SiteFiles } from './common.js';

export const markdownCvSource: ImportSource = {
  kind: 'markdown-cv',
  description: 'a CV written in Markdown (# Name, ## Education, ## Publications ...)',
  read: (path) => readMarkdownCv(path),
};

interface Item {
  text: string;
  line: number;
}

interface Section {
  title: string;
  sub: string;
  line: number;
  items: Item[];
  /** Lines that are not list items (a legend, a paragraph). */
  prose: string[];
}

export function readMarkdownCv(path: string): ImportBundle {
  const file = basename(path);
  const bundle = emptyBundle('markdown-cv', slug(file.replace(/\.[^.]+$/, '')) || 'cv');
  const text = readText(path, file, bundle);
  if (text === undefined) return bundle;
  markdownCvIntoBundle(text.replace(/\r\n?/g, '\n'), file, bundle);
  relinkBundle(bundle, new SiteFiles(dirname(path), bundle));
  return bundle;
}

export function markdownCvIntoBundle(text: string, file: string, bundle: ImportBundle, nameHint = 'start the file with the name as a level-1 heading: `# Lei Wu`.'): void {
  const lines = text.split('\n');
  let name: string | undefined;
  const header: Item[] = [];
  const sections: Section[] = [];
  let current: Section | undefined;
  let h2 = '';
  for (const [i, raw] of lines.entries()) {
    const line = raw.replace(/\s+$/, '');
    const h = /^(#{1,4})\s+(.*?)\s*#*\s*$/.exec(line);
    if (h) {
      const level = h[1]!.length;
      const title = plainText(h[2]!);
      if (level === 1 && !name) {
        name = title;
        continue;
      }
      if (level <= 2) {
        h2 = title;
        current = { title, sub: '', line: i + 1, items: [], prose: [] };
      } else current = { title: h2 || title, sub: title, line: i + 1, items: [], prose: [] };
      sections.push(current);
      continue;
    }
    if (/^\s*(---+|\*\*\*+|___+)\s*$/.test(line) || line.trim() === '') continue;
    const item = /^\s*[-*+]\s+(.*)$/.exec(line);
    if (!current) {
      header.push({ text: item ? item[1]! : line.trim(), line: i + 1 });
      continue;
    }
    if (item && !/^\s{2,}/.test(raw)) current.items.push({ text: item[1]!, line: i + 1 });
    else if (current.items.length && (/^\s+/.test(raw) || !/^[A-Z*\\]/.test(line.trim()) || /^(Advisor|Mentor|Supervisor|Co-advisor)s?:/i.test(line.trim()))) {
      current.items[current.items.length - 1]!.text += `\n${line.trim()}`;
    } else if (item) current.items.push({ text: item[1]!, line: i + 1 });
    else current.prose.push(line.trim());
  }
  if (!name) {
    note(bundle, 'error', { file, line: 1 }, 'no-name', 'the CV does not start with the name as a title: there is nobody to import', nameHint);
    return;
  }
  // "Lei Wu (吴磊)": one person, named in both scripts; the Latin name for the id and for finding them on papers.
  const names = scriptNames(name);
  name = names.latin;
  const id = personId(name);
  const person: Record<string, unknown> = { name: names.value };
  readHeader(header, person);
  bundle.owner = id;
  bundle.title = name;
  const ids = new Set<string>();
  const prose: Record<string, string> = {};
  const sections_ = sections;
  for (const section of sections_) {
    const origin = (line: number): Origin => ({ file, line });
    const t = `${section.title} ${section.sub}`;
    if (/publication|preprint|papers|articles/i.test(t)) {
      // The legend ("* indicates equal contribution or alphabetical order") holds for every list of the CV; it may be
      // written as a paragraph or as an item of the list, and is not a paper.
      const legend = [...sections.flatMap((s) => s.prose), ...sections.flatMap((s) => s.items.map((i) => i.text).filter(isLegend))].filter((l) => isLegend(l) || /indicates|denotes|means/i.test(l)).join(' ');
      const marks = legendMarks(legend);
      for (const item of section.items) {
        if (isLegend(item.text)) continue;
        const pub = citationToPublication(applyLegend(item.text, marks), origin(item.line), bundle, { section: section.sub || section.title, equalMeansAlphabetical: /(?:\\?\*|∗)[^;.]*alphabetical/i.test(legend) });
        if (!pub) continue;
        let pid = pub.value.id;
        for (let n = 2; ids.has(pid); n++) pid = `${pub.value.id}-${n}`;
        ids.add(pid);
        pub.value.id = pid;
        bundle.publications.push(pub);
      }
      continue;
    }
    if (section.items.length === 0 && section.prose.length === 0) continue;
    if (/recruit|openings|prospective|join (?:us|the group|my group)|open positions|positions available/i.test(t)) prose.recruiting = sectionMarkdown(section);
    else if (/\bvision\b/i.test(t)) prose.vision = sectionMarkdown(section);
    else if (/education|degrees?/i.test(t)) section.items.forEach((it) => add(person, 'education', education(it, origin(it.line), bundle)));
    else if (/teaching/i.test(t)) section.items.forEach((it) => teaching(it, id, origin(it.line), bundle));
    else if (/experience|employment|positions?|appointments?|career/i.test(t)) section.items.forEach((it) => add(person, 'positions', position(it, origin(it.line), bundle)));
    else if (/interests?/i.test(t)) section.items.forEach((it) => add(person, 'interests', plainText(it.text).replace(/\.$/, '')));
    else if (/mentor|supervis|students|advising|group|alumni/i.test(t)) section.items.forEach((it) => mentees(it, section.sub || section.title, origin(it.line), bundle).forEach((m) => add(person, 'mentoring', m)));
    else if (/talks?|presentations?|seminars?|lectures?/i.test(t)) section.items.forEach((it) => talk(it, id, origin(it.line), bundle));
    else if (/service|review|referee|committee/i.test(t)) section.items.forEach((it) => service(it, person));
    else if (/awards?|honou?rs?|prizes?|scholarships?|fellowships?/i.test(t)) section.items.forEach((it) => add(person, 'awards', award(it)));
    else if (/news|updates|announcements/i.test(t)) section.items.forEach((it) => news(it, id, origin(it.line), bundle));
    else if (/about|biography|bio|summary|profile/i.test(t)) {
      const about = [...section.prose, ...section.items.map((i) => `- ${i.text}`)].join('\n\n');
      if (about.length > 300) prose.about = about;
      else person.bio = about;
    }
    else note(bundle, 'info', origin(section.line), 'not-carried', `the section "${section.sub || section.title}" was not imported: vita does not know where it belongs`, 'add its entries to the person file by hand.');
  }
  bundle.people.push({ id, value: person, sections: prose, origin: { file, line: 1 } });
}

/** A section carried as the Markdown of a person's page section: its paragraphs, then its items as a list. */
function sectionMarkdown(section: Section): string {
  const list = section.items.map((i) => `- ${i.text.replace(/\n/g, ' ')}`).join('\n');
  return [...section.prose, ...(list ? [list] : [])].join('\n\n');
}

/** A line that explains the marks of a publication list ("* equal contribution, (α-β) alphabetical order"): no paper. */
export function isLegend(text: string): boolean {
  if (/\b(?:19|20)\d\d\b/.test(text)) return false;
  return /equal(?:ly)? contribut|alphabetic|corresponding author|co-first|joint first|student author|mentored/i.test(text) && text.length < 200;
}

type MarkRole = 'equal' | 'lead' | 'corresponding';
const MARK_OF: Record<MarkRole, string> = { equal: '*', lead: '†', corresponding: '✉' };

/** What the legend says each mark means, where it says something other than vita's reading (`#` is "equal" to vita). */
export function legendMarks(legend: string): Map<string, MarkRole> {
  const out = new Map<string, MarkRole>();
  const text = legend.replace(/\\([*#])/g, '$1').replace(/<sup>\s*([^<]*?)\s*<\/sup>/gi, '$1');
  for (const mark of ['#', '†', '‡', '*']) {
    const m = new RegExp(`${mark === '*' ? '\\*' : mark}\\s*(?::|=|-|–|indicates|denotes|means|stands for|marks)?\\s*(?:the\\s+)?(equal|co-?first|joint first|corresponding|project lead|lead|senior|supervis)`, 'i').exec(text);
    if (!m) continue;
    const word = m[1]!.toLowerCase();
    const role: MarkRole = /corresponding/.test(word) ? 'corresponding' : /equal|first/.test(word) ? 'equal' : 'lead';
    const usual: MarkRole = mark === '*' || mark === '#' ? 'equal' : 'lead';
    if (role !== usual) out.set(mark, role);
  }
  return out;
}

/** The marks after names written as vita reads them, per the legend: `Lei Wu#` is `Lei Wu✉` where `#` is corresponding. */
function applyLegend(text: string, marks: Map<string, MarkRole>): string {
  let out = text;
  for (const [mark, role] of marks) {
    const escaped = mark === '*' ? '\\*' : mark;
    out = out.replace(new RegExp(`(?<=[\\p{L}.*}>])(?:\\\\)?${escaped}(?=[\\s,*†‡✉<]|\\*\\*|$)`, 'gu'), MARK_OF[role]);
  }
  return out;
}

function add(person: Record<string, unknown>, key: string, value: unknown): void {
  if (value === undefined) return;
  const list = (person[key] as unknown[] | undefined) ?? [];
  list.push(value);
  person[key] = list;
}

function readHeader(header: Item[], person: Record<string, unknown>): void {
  const address: string[] = [];
  for (const { text: raw } of header) {
    const text = raw.replace(/\s*\\n\s*$|\s{2,}$/g, '').trim();
    const plain = plainText(text);
    const email = /[\w.+-]+\s*(?:@|\[at\]|\(at\)|\sat\s)\s*[\w-]+(?:\s*(?:\.|\[dot\]|\(dot\))\s*[\w-]+)+/i.exec(plain)?.[0];
    const link = /\[([^\]]+)\]\((https?:\/\/[^)]+)\)/.exec(text);
    const bare = /<(https?:\/\/[^>]+)>|^(https?:\/\/\S+)$/.exec(text);
    const office = /^office\s*:?\s*(.+)$/i.exec(plain) ?? /^(room\s.+)$/i.exec(plain);
    const phone = /^(?:☎|tel\.?|phone)\s*:?\s*([+\d][\d\s().-]{6,})$/i.exec(plain)?.[1];
    const linksOnLine = [...text.matchAll(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)|<(https?:\/\/[^>]+)>/g)];
    if (linksOnLine.length && (linksOnLine.length > 1 || profileService(linksOnLine[0]![1] ?? '', linksOnLine[0]![2] ?? linksOnLine[0]![3]!)) && linksOnLine.every((l) => profileService(l[1] ?? '', l[2] ?? l[3]!) || linksOnLine.length > 1) && plainText(text.replace(/\[[^\]]*\]\([^)]*\)|<https?:[^>]+>/g, '')).replace(/[|·•,;/\s-]/g, '') === '') {
      // A line of profile links ("Google Scholar | GitHub | ORCID") is the person's links, not an affiliation.
      const links = (person.links as Record<string, string> | undefined) ?? {};
      for (const l of linksOnLine) {
        const url = safeUrl(l[2] ?? l[3]);
        const name = profileService(l[1] ?? '', url ?? '') ?? slug(l[1] ?? '');
        if (url && name && !links[name]) links[name] = url;
      }
      person.links = links;
      continue;
    }
    if (email && !person.email) person.email = email.replace(/\s*(?:\[at\]|\(at\)|\sat\s)\s*/i, '@').replace(/\s*(?:\[dot\]|\(dot\))\s*/gi, '.').replace(/\s+/g, '');
    else if (office) person.office = office[1]!.trim();
    else if (phone) person.phone = phone.trim();
    else if (link && !/^https?:/.test(link[1]!)) {
      const rest = plainText(text.slice(link.index + link[0].length)).replace(/^[,\s]+/, '');
      const affiliations = (person.affiliations as unknown[] | undefined) ?? [];
      affiliations.push(compact({ name: link[1]!, institution: rest || undefined, url: safeUrl(link[2]) }));
      person.affiliations = affiliations;
    } else if (bare && !person.homepage) person.homepage = safeUrl(bare[1] ?? bare[2]);
    else if (!person.title && plain.length < 60 && /\b(professor|lecturer|student|postdoc|post-doctoral|researcher|scientist|fellow|candidate|director|engineer)\b/i.test(plain)) person.title = plain;
    else if (plain) address.push(plain);
  }
  if (address.length) person.address = address;
}

const SERVICES: [RegExp, string][] = [
  [/scholar\.google\.|^google scholar$/i, 'scholar'],
  [/github\.com|^github$/i, 'github'],
  [/orcid\.org|^orcid$/i, 'orcid'],
  [/dblp\.|^dblp$/i, 'dblp'],
  [/openreview\.net|^openreview$/i, 'openreview'],
  [/arxiv\.org\/a\//i, 'arxiv'],
  [/(?:twitter|x)\.com|^twitter$|^x$/i, 'twitter'],
  [/linkedin\.com|^linkedin$/i, 'linkedin'],
  [/researchgate\.net|^researchgate$/i, 'researchgate'],
  [/semanticscholar\.org|^semantic scholar$/i, 'semanticscholar'],
  [/mathscinet|mathgenealogy|genealogy\.math/i, 'mathgenealogy'],
  [/bsky\.app|mastodon|^bluesky$/i, 'social'],
  [/youtube\.com|^youtube$/i, 'youtube'],
  [/^cv$|^curriculum vitae$|^résumé$|^resume$/i, 'cv'],
];

/** The profile service a link leads to, by its address or its label ("Google Scholar"), or undefined. */
function profileService(label: string, url: string): string | undefined {
  const l = plainText(label).trim();
  return SERVICES.find(([re]) => re.test(url) || re.test(l))?.[1];
}

/** "2012.9 - 2018.7 rest" or "rest, 2012 - 2018": the dates and the rest. */
function leadingRange(text: string): { range?: { start?: string; end?: string }; rest: string } {
  const date = String.raw`(?:\d{4}(?:[./-]\d{1,2})?|[A-Z][a-z]{2,8}\.?\s+\d{4})`;
  const lead = new RegExp(String.raw`^(${date}(?:\s*(?:[-–—~]|to)\s*(?:${date}|present|now|current|today)?)?)\s*[:,]?\s+`, 'i').exec(text);
  if (lead) {
    const range = parseRange(lead[1]!);
    if (range) return { range, rest: text.slice(lead[0].length) };
  }
  const trail = new RegExp(String.raw`[\s,(]+(${date}(?:\s*(?:[-–—~]|to)\s*(?:${date}|present|now|current)?)?)\)?\.?$`, 'i').exec(text);
  if (trail) {
    const range = parseRange(trail[1]!);
    if (range) return { range, rest: text.slice(0, trail.index) };
  }
  return { rest: text };
}

/** The bold part, the italic part and the plain parts of an item, in order. */
function parts(text: string): { bold?: string; italic?: string; plain: string[] } {
  const bold = /\*\*([^*]+?)\*\*/.exec(text)?.[1]?.trim();
  const withoutBold = text.replace(/\*\*[^*]+?\*\*/, '\u0000');
  const italic = /(?:^|[^*\w])[*_]([^*_]+?)[*_](?![*\w])/.exec(withoutBold)?.[1]?.trim();
  const plain = withoutBold
    .replace(/(^|[^*\w])[*_][^*_]+?[*_](?![*\w])/, '$1\u0000')
    .split('\u0000')
    .join(',')
    .split(/\s*,\s*/)
    .map((p) => plainText(p).replace(/\.$/, '').trim())
    .filter((p) => p && p !== ',');
  return { bold: bold ? plainText(bold).replace(/[,:]$/, '') : undefined, italic: italic ? plainText(italic) : undefined, plain };
}

function education(item: Item, origin: Origin, bundle: ImportBundle): Record<string, unknown> | undefined {
  const [first, ...more] = item.text.split('\n');
  const { range, rest } = leadingRange(first!);
  const p = parts(rest);
  const degreeText = p.bold ?? p.plain.shift();
  let institutionText = p.italic ?? p.plain.shift();
  if (!degreeText || !institutionText) {
    note(bundle, 'info', origin, 'skipped-item', `education "${plainText(first!)}" was not imported: no degree or institution could be told apart`);
    return undefined;
  }
  const visit = /visiting|exchange/i.test(degreeText);
  const m = /^(.*?)\s+in\s+(.+)$/.exec(degreeText);
  const degree = m && !visit ? m[1]! : degreeText;
  const field = m && !visit ? m[2] : undefined;
  let department: string | undefined;
  const split = institutionText.split(/\s*,\s*/);
  if (split.length > 1 && isAcademic(split[split.length - 1]!)) {
    department = split.slice(0, -1).join(', ');
    institutionText = split[split.length - 1]!;
  }
  const advisors: string[] = [];
  let advisorLabel: string | undefined;
  const notes: string[] = [];
  for (const line of more) {
    const a = /^(Advisor|Mentor|Supervisor|Co-advisor)s?\s*:\s*(.+)$/i.exec(plainText(line));
    if (a) {
      advisorLabel ??= a[1]!.toLowerCase() === 'co-advisor' ? 'advisor' : a[1]!.toLowerCase();
      for (const n of a[2]!.split(/\s*(?:,|\band\b|&)\s*/)) if (n.trim()) advisors.push(n.replace(/^(Prof\.?|Professor|Dr\.?)\s+/i, '').replace(/\.$/, '').trim());
    } else if (plainText(line)) notes.push(plainText(line));
  }
  return compact({
    degree,
    field,
    institution: institutionText,
    department,
    place: p.plain.join(', ') || undefined,
    start: range?.start,
    end: range?.end ?? (range?.start && !range.end ? undefined : undefined),
    kind: visit ? (/exchange/i.test(degreeText) ? 'exchange' : 'visit') : undefined,
    advisors,
    advisorLabel,
    notes,
  });
}

function position(item: Item, origin: Origin, bundle: ImportBundle): Record<string, unknown> | undefined {
  const [first, ...more] = item.text.split('\n');
  const { range, rest } = leadingRange(first!);
  const p = parts(rest);
  const title = p.bold ?? p.plain.shift();
  const pieces = p.italic ? [p.italic, ...p.plain] : p.plain;
  if (!title || pieces.length === 0) {
    note(bundle, 'info', origin, 'skipped-item', `position "${plainText(first!)}" was not imported: no title or organisation could be told apart`);
    return undefined;
  }
  // The organisation is the last part that names an institution; what comes before is the unit, after it the place.
  let at = -1;
  for (let i = pieces.length - 1; i >= 0; i--) if (isAcademic(pieces[i]!) || /\b(Inc|Ltd|LLC|Corp|GmbH|Lab|Labs|Technolog|Research)\b/.test(pieces[i]!)) {
    at = i;
    break;
  }
  if (at === -1) at = 0;
  const organization = pieces[at]!;
  const department = pieces.slice(0, at).join(', ') || undefined;
  const place = pieces.slice(at + 1).join(', ') || undefined;
  const kind = /\bintern(ship)?\b/i.test(title) ? 'internship' : /visiting/i.test(title) ? 'visiting' : isAcademic(`${organization} ${department ?? ''}`) || /professor|postdoc|lecturer|research/i.test(title) ? 'academic' : 'industry';
  return compact({ title, organization, department, place, start: range?.start, end: range?.end, kind, description: more.map(plainText).filter(Boolean).join('\n') || undefined });
}

const ROLES: [RegExp, string][] = [
  [/co-?instructor|co-?lecturer|co-?teacher/i, 'co-instructor'],
  [/\bTA\b|teaching assistant|tutor/i, 'ta'],
  [/guest/i, 'guest-lecturer'],
  [/instructor|lecturer|teacher|professor/i, 'instructor'],
];

function teaching(item: Item, owner: string, origin: Origin, bundle: ImportBundle): void {
  const text = item.text.replace(/\n/g, ' ');
  const term = parseTerm(text);
  let rest = text.replace(/^\s*(?:Spring|Summer|Fall|Autumn|Winter)\s+\d{4}\s*[,:]?\s*|^\s*\d{4}\s+(?:Spring|Summer|Fall|Autumn|Winter)\s*[,:]?\s*/i, '');
  // "Marine Robotics (TA), University": the role in brackets after the course.
  let bracketRole: string | undefined;
  rest = rest.replace(/\s*\(([^)]{1,40})\)/, (whole, inside: string) => {
    const found = ROLES.find(([re]) => re.test(inside))?.[1];
    if (!found || /school|course|program|online/i.test(inside)) return whole;
    bracketRole = found;
    return '';
  });
  const note_ = /\(([^)]*(?:school|course|program|online)[^)]*)\)/i.exec(rest)?.[1];
  const p = parts(rest.replace(/,?\s*\([^)]*\)\s*\.?$/, ''));
  const roleText = p.bold ?? '';
  const role = ROLES.find(([re]) => re.test(roleText))?.[1] ?? bracketRole ?? (p.bold ? undefined : 'instructor');
  const course = p.italic ?? (p.bold && !role ? p.bold : p.plain.shift());
  if (!course || !role) {
    leaveOut(bundle, 'teaching', 'no course or role could be told apart');
    note(bundle, 'info', origin, 'skipped-item', `teaching "${plainText(text)}" was not imported: no course or role could be told apart`);
    return;
  }
  const institution = p.plain.join(', ') || undefined;
  bundle.teaching.push({ person: owner, value: compact({ course, role, term, institution, note: note_ }) as never, origin });
}

const LEVELS: [RegExp, string][] = [
  [/postdoc/i, 'postdoc'],
  [/ph\.?\s?d|doctoral/i, 'phd'],
  [/master|m\.?s\.?c?\b/i, 'master'],
  [/undergrad|bachelor/i, 'undergraduate'],
  [/graduate/i, 'graduate'],
  [/intern/i, 'intern'],
  [/visit/i, 'visitor'],
];

/** "Shan Jiang (21)", "Kaizhao Liu (21), Zilin Wang (20)", "Ana Ruiz (2022 - 2024) -> PhD at MIT". */
export function mentees(item: Item, heading: string, origin: Origin, bundle: ImportBundle): Record<string, unknown>[] {
  const before = item.text.split(/->|→|⇒|=>/)[0] ?? '';
  const level = LEVELS.find(([re]) => re.test(heading))?.[1] ?? LEVELS.find(([re]) => re.test(before))?.[1] ?? (/alumni|former|students|members|group/i.test(heading) ? 'graduate' : undefined);
  if (!level) {
    note(bundle, 'info', origin, 'skipped-item', `"${plainText(item.text)}" was not imported: the heading "${heading}" does not say which level of student`);
    return [];
  }
  const out: Record<string, unknown>[] = [];
  const [main, next] = plainText(item.text.replace(/-&gt;/g, '->')).split(/\s*(?:->|→|⇒|=>)\s*/);
  for (const entry of (main ?? '').replace(/\.$/, '').split(/\s*[,;]\s*(?![^(]*\))/)) {
    const m = /^(.+?)\s*(?:\(([^)]*)\))?$/.exec(entry.trim());
    if (!m || !m[1]) continue;
    // "(2023 - 2025, co-advised with X)": the dates, then a note.
    const [years = '', ...rest] = (m[2] ?? '').split(/\s*[,;]\s*/);
    let start: string | undefined;
    let end: string | undefined;
    let extra = rest.join(', ');
    const short = /^'?(\d{2})$/.exec(years.trim());
    if (short) start = `20${short[1]}`;
    else {
      const range = parseRange(years.replace(/\s*[-–]\s*present/i, ' - present'));
      start = range?.start;
      end = range?.end;
      if (!range && years.trim()) extra = [years.trim(), extra].filter(Boolean).join(', ');
    }
    // A note that only names the level ("PhD") says nothing the level does not.
    const noteText = extra && LEVELS.find(([re]) => re.test(extra))?.[1] === level && /^(?:ph\.?\s?d\.?|postdoc|master'?s?|m\.?sc?\.?|undergrad(?:uate)?|intern|visiting(?: student)?)(?: student)?$/i.test(extra) ? undefined : extra || undefined;
    out.push(compact({ person: m[1].trim(), level, start, end, next: next?.trim() || undefined, note: noteText }));
  }
  return out;
}

function talk(item: Item, owner: string, origin: Origin, bundle: ImportBundle): void {
  let text = item.text.replace(/\n/g, ' ');
  const quoted = /^["“*]([^"”*]+)["”*][,.]?\s*/.exec(text);
  const title = quoted ? quoted[1]!.trim() : undefined;
  if (quoted) text = text.slice(quoted[0].length);
  const virtual = /\b(virtual|online|zoom|remote)\b/i.test(text);
  text = text.replace(/\s*\((?:virtual|online|zoom|remote)\)/gi, '');
  const when = /,?\s*((?:\d{1,2}\s+)?[A-Z][a-z]{2,8}\.?\s+(?:\d{1,2},\s+)?\d{4}|\d{4}(?:[./-]\d{1,2}){0,2})\.?\s*$/.exec(text);
  const date = when ? parseDate(when[1]!) : undefined;
  if (!date || date === 'present') {
    leaveOut(bundle, 'talks', 'no date');
    note(bundle, 'info', origin, 'skipped-item', `talk "${plainText(item.text)}" has no date; it was not imported`);
    return;
  }
  const pieces = plainText(text.slice(0, when!.index)).split(/\s*,\s*/).filter(Boolean);
  const event = pieces.shift() ?? title;
  if (!event) {
    leaveOut(bundle, 'talks', 'no event');
    note(bundle, 'info', origin, 'skipped-item', `talk "${plainText(item.text)}" names no event; it was not imported`);
    return;
  }
  bundle.talks.push({ person: owner, value: compact({ title, event, place: pieces.join(', ') || undefined, date, virtual }) as never, origin });
}

function service(item: Item, person: Record<string, unknown>): void {
  const s = (person.service as Record<string, unknown> | undefined) ?? {};
  person.service = s;
  const text = item.text.replace(/\n/g, ' ');
  const head = /^\*\*([^*]+?):?\*\*:?\s*(.*)$/.exec(text);
  const label = head ? head[1]!.replace(/:$/, '') : '';
  const kind = /journal/i.test(label) ? 'journal' : /conference|workshop/i.test(label) ? 'conference' : /grant|fund/i.test(label) ? 'grant' : undefined;
  if (!kind) {
    s.other = [...((s.other as string[]) ?? []), plainText(text)];
    return;
  }
  const list = plainText(head![2]!).replace(/\.$/, '').split(/\s*,\s*(?![^(]*\))/);
  const reviewer = (s.reviewer as unknown[]) ?? [];
  for (const entry of list) {
    const m = /^(.*?)\s*(?:\(([^)]*)\))?$/.exec(entry.trim());
    if (!m || !m[1]) continue;
    const venue = m[1].trim();
    const years = m[2]?.replace(/\s+/g, '').replace(/–/g, '-');
    const short = /^[A-Z][A-Za-z]*[A-Z0-9][A-Za-z0-9]*$/.test(venue) && venue.length <= 12;
    reviewer.push(compact({ ...(short ? { venue } : { name: venue }), kind, years: years && /^\d{4}/.test(years) ? years : undefined }));
  }
  s.reviewer = reviewer;
}

function award(item: Item): Record<string, unknown> | undefined {
  const { range, rest } = leadingRange(item.text.replace(/\n/g, ' '));
  const p = parts(rest);
  const title = p.bold ?? p.italic ?? p.plain.shift();
  if (!title) return undefined;
  const date = range?.start ?? parseDate(/\b(\d{4})\b/.exec(rest)?.[1]);
  return compact({ title, issuer: p.plain.join(', ') || undefined, date: date === 'present' ? undefined : date });
}

/** "[2024.05] Our paper ...", "**May 2024**: ...", "2024-05-12 -- ...": a dated news item. */
function news(item: Item, owner: string, origin: Origin, bundle: ImportBundle): void {
  const text = item.text.replace(/\n/g, ' ').trim();
  const m = /^[[(*_]*\s*((?:\d{4}[./-]\d{1,2}(?:[./-]\d{1,2})?)|(?:[A-Z][a-z]{2,8}\.?\s+(?:\d{1,2},\s+)?\d{4})|(?:\d{1,2}[./]\d{4})|\d{4})\s*[\])*_]*\s*[:,–—-]*\s*(.*)$/.exec(text);
  const date = m ? parseDate(m[1]!) : undefined;
  if (!m || !date || date === 'present' || !m[2]) {
    leaveOut(bundle, 'news', 'no date');
    note(bundle, 'info', origin, 'skipped-item', `news "${plainText(text).slice(0, 60)}" has no date at its start; it was not imported`);
    return;
  }
  const body = m[2].trim();
  bundle.news.push({ slug: newsSlug(date, body), value: { date, people: [owner], body }, origin });
}
