/**
 * The CV as Markdown, in the shape of a hand-kept Markdown CV (seed 001): `# Name`, address lines with
 * two-space line breaks, `---` between sections, one list item per entry with the dates first.
 * User text is Markdown-escaped; `$math$` is kept as written (Markdown viewers with math show it).
 */
import type {
  CvAward,
  CvDocument,
  CvEducation,
  CvGrant,
  CvMarkdown,
  CvMenteeGroup,
  CvPersonRef,
  CvPosition,
  CvPublication,
  CvResearch,
  CvSection,
  CvService,
  CvTalk,
  CvTeaching,
} from './model.js';
import { authorMarks, citedByText, compactTerms, cvWords, metricsSentence, formatCvDate, formatCvSpan, formatMoney, statusNote, teachingRole } from './model.js';
import { strings } from '../../strings/index.js';

export interface CvMarkdownOptions {
  /** Add the publications' links (arXiv, DOI, PDF, code ...) after each entry. Default false, as seed 001. */
  links?: boolean;
}

/** Escapes text so that Markdown shows it literally. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_{}[\]<>#|~!]/g, (c) => '\\' + c)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/^([+-])(\s)/, '\\$1$2')
    .replace(/^(\d+)\.(\s)/, '$1\\.$2');
}

/** Escapes text but keeps `$...$` math as written. */
export function escapeMarkdownKeepMath(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const start = text.indexOf('$', i);
    if (start === -1 || text[start - 1] === '\\') {
      if (start === -1) {
        out += escapeMarkdown(text.slice(i));
        break;
      }
      out += escapeMarkdown(text.slice(i, start - 1)) + '\\$';
      i = start + 1;
      continue;
    }
    const end = text.indexOf('$', start + 1);
    if (end === -1) {
      out += escapeMarkdown(text.slice(i, start)) + '\\$' + escapeMarkdown(text.slice(start + 1));
      break;
    }
    out += escapeMarkdown(text.slice(i, start)) + text.slice(start, end + 1);
    i = end + 1;
  }
  return out;
}

const e = escapeMarkdown;
const em = escapeMarkdownKeepMath;

/** A URL for `<...>` or `(...)`: spaces and brackets percent-encoded. */
function url(u: string): string {
  return u.replace(/[\s<>()]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

function person(p: CvPersonRef, withHonorific = true): string {
  const name = (withHonorific && p.honorific ? p.honorific + ' ' : '') + p.name;
  return e(name) + (p.affiliation ? ` (${e(p.affiliation)})` : '');
}

function sentence(parts: (string | undefined)[]): string {
  const s = parts.filter((p): p is string => !!p && p.trim() !== '').join(', ');
  return s === '' ? '' : /[.!?]$/.test(s) ? s : s + '.';
}

/** The CV as Markdown. */
export function cvMarkdown(doc: CvDocument, options: CvMarkdownOptions = {}): string {
  const out: string[] = [];
  const h = doc.header;
  out.push(`# ${e(h.name)}${h.otherNames.length ? ` (${h.otherNames.map(e).join(', ')})` : ''}`, '');
  const lines: string[] = [];
  const titleLine = [h.title, ...h.affiliations.map((a) => [a.name, a.institution].filter(Boolean).join(', '))].filter(Boolean) as string[];
  if (titleLine.length) lines.push(titleLine.map(e).join('; '));
  for (const a of h.address) lines.push(e(a));
  if (h.email) lines.push(`✉ ${e(h.email)}`);
  if (h.phone) lines.push(`☎ ${e(h.phone)}`);
  if (h.homepage) lines.push(`<${url(h.homepage)}>`);
  if (h.links.length) lines.push(h.links.map((l) => `[${e(l.label)}](${url(l.url)})`).join(' · '));
  if (lines.length) out.push(lines.join('  \n'), '');

  for (const s of doc.sections) {
    out.push('---', '', `## ${e(s.title)}`, '');
    out.push(...renderSection(s, options, doc.language));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

function renderSection(s: CvSection, options: CvMarkdownOptions, lang: string): string[] {
  switch (s.kind) {
    case 'education':
      return [...s.entries.map((x) => education(x, lang)), ''];
    case 'positions':
      return [...s.entries.map((x) => position(x, lang)), ''];
    case 'research':
      return s.entries.flatMap(research);
    case 'publications': {
      const out: string[] = [];
      if (s.metrics) out.push(`*${e(metricsSentence(s.metrics, lang))}*`, '');
      if (s.legend) out.push(e(s.legend), '');
      for (const g of s.entries) {
        if (s.entries.length > 1) out.push('---', '', `### ${e(g.title)}`, '');
        out.push(...g.items.map((p) => publication(p, s.alphabeticalMark, options, lang, s.metrics?.asOf)), '');
      }
      return out;
    }
    case 'grants':
      return [...s.entries.map((x) => grant(x, lang)), ''];
    case 'awards':
      return [...s.entries.map((x) => award(x, lang)), ''];
    case 'teaching':
      return [...s.entries.map((x) => teaching(x, lang)), ''];
    case 'mentoring':
      return s.entries.flatMap((x) => mentoring(x, lang));
    case 'talks':
      return [...s.entries.map((x) => talk(x, lang)), ''];
    case 'service':
      return s.entries.flatMap((x) => service(x, lang));
    case 'markdown':
      return s.entries.flatMap((m: CvMarkdown) => [shiftHeadings(m.numbered.trim(), 2), '']);
  }
}

function education(x: CvEducation, lang: string): string {
  const dates = formatCvSpan(x.start, x.end, 'dot', ' - ', lang);
  const degree = x.field ? cvWords(lang).degreeIn(x.degree, x.field) : x.degree;
  const where = [x.department, x.institution].filter(Boolean).join(', ');
  let line = `- ${dates ? dates + ' ' : ''}**${e(degree)}**, *${e(where)}*${x.place ? ', ' + e(x.place) : ''}.`;
  const more: string[] = [];
  if (x.advisors.length) more.push(`${x.advisorLabel}: ${x.advisors.map((a) => person(a)).join(', ')}`);
  if (x.notes.length) more.push(x.notes.map(e).join('; ') + (/[.!?]$/.test(x.notes[x.notes.length - 1]!) ? '' : '.'));
  if (more.length) line += '  \n' + more.join('  \n');
  return line;
}

function position(x: CvPosition, lang: string): string {
  const dates = formatCvSpan(x.start, x.end, 'dot', ' - ', lang);
  const rest = sentence([x.department, x.organization, x.place].map((v) => (v ? e(v) : undefined)));
  let line = `- ${dates ? dates + ' ' : ''}**${e(x.title)}**${rest ? ', ' + rest : ''}`;
  if (x.description) line += '  \n' + x.description.trim().replace(/\n+/g, ' ');
  return line;
}

function research(r: CvResearch): string[] {
  if (r.kind === 'interests') return [...r.items.map((i) => `- ${em(i)}`), ''];
  return [shiftHeadings(r.numbered.trim(), 2), ''];
}

/** "# A" in prose becomes "### A" under the CV's "## Section". */
function shiftHeadings(markdown: string, by: number): string {
  let fence = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) fence = !fence;
      if (fence) return line;
      const m = /^(#{1,6})(\s)/.exec(line);
      return m ? '#'.repeat(Math.min(6, m[1]!.length + by)) + line.slice(m[1]!.length) : line;
    })
    .join('\n');
}

/** One author, bold when it is the CV's owner: `**Lei Wu\***`. */
function author(a: CvPublication['authors'][number], p: CvPublication, mark: '*' | 'α-β'): string {
  const marks = authorMarks(a, p, mark);
  const text = e(a.name) + (marks ? e(marks) : '');
  return a.self ? `**${text}**` : text;
}

export function publicationVenue(p: CvPublication, lang = 'en'): { text: string; inProceedings: boolean } {
  const arxivPreprint = strings(lang).venueDetails.arxivPreprint;
  const v = p.venue;
  if (v?.name || v?.short) {
    const name = v.name && v.short && v.name !== v.short ? `${v.name} (${v.short})` : (v.name ?? v.short)!;
    return { text: name, inProceedings: p.type === 'conference' || p.type === 'workshop' || p.type === 'chapter' };
  }
  if (p.arxiv) return { text: `${arxivPreprint} arXiv:${p.arxiv}`, inProceedings: false };
  if (p.type === 'preprint' && p.status !== 'in-preparation') return { text: arxivPreprint, inProceedings: false };
  return { text: '', inProceedings: false };
}

function publication(p: CvPublication, mark: '*' | 'α-β', options: CvMarkdownOptions, lang: string, asOf?: string): string {
  const authors = p.authors.map((a) => author(a, p, mark)).join(', ') + (p.etal ? ` ${cvWords(lang).etal.replace(/\.$/, '')}` : '');
  const alpha = p.alphabetical && mark === 'α-β' ? ' (α-β)' : '';
  const title = em(p.title);
  const venue = publicationVenue(p, lang);
  let where = '';
  if (venue.text) {
    const pages = p.venue?.pages ? `, ${e(p.venue.pages)}` : '';
    // No year for a work in preparation, as the PDF prints it.
    where = `${venue.inProceedings ? strings(lang).venueDetails.inProceedings + ' ' : ''}*${e(venue.text)}*${pages}${p.status === 'in-preparation' ? '' : `, ${p.year}`}`;
  } else if (p.status !== 'in-preparation') where = String(p.year);
  let line = `- [${p.number}] ${authors}${alpha}. ${title}${/[.!?]$/.test(p.title) ? '' : '.'}`;
  if (where) line += ` ${where}.`;
  if (p.award) line += ` **${e(p.award)}**.`;
  const status = statusNote(p.status, lang);
  if (status) line += ` (${status})`;
  if (p.note) line += ` ${em(p.note)}${/[.!?)]$/.test(p.note) ? '' : '.'}`;
  if (p.citations) line += ` ${e(citedByText(p.citations, lang, asOf))}.`;
  if (options.links) {
    const links = publicationLinks(p);
    if (links.length) line += ' ' + links.map((l) => `[[${e(l.label)}](${url(l.url)})]`).join(' ');
  }
  return line;
}

/** The links of a publication to print: arXiv, DOI, then its own links. */
export function publicationLinks(p: CvPublication): { label: string; url: string }[] {
  const out: { label: string; url: string }[] = [];
  if (p.arxiv) out.push({ label: 'arXiv', url: `https://arxiv.org/abs/${p.arxiv}` });
  if (p.doi) out.push({ label: 'DOI', url: `https://doi.org/${p.doi}` });
  for (const l of p.links) out.push({ label: l.kind === 'pdf' ? 'PDF' : l.kind, url: l.url });
  if (p.url && !out.some((l) => l.url === p.url)) out.push({ label: 'link', url: p.url });
  return out;
}

function grant(g: CvGrant, lang: string): string {
  const w = cvWords(lang);
  const dates = formatCvSpan(g.start, g.end, 'dot', ' - ', lang);
  const role = g.role === 'pi' ? w.grantRoles.pi : g.role === 'co-pi' ? w.grantRoles.coPi : w.grantRoles.participant;
  const details = [g.funder && !g.title.includes(g.funder) ? e(g.funder) : undefined, g.amount ? formatMoney(g.amount) : undefined, g.number ? `${w.grantNumber} ${e(g.number)}` : undefined, role];
  let line = `- ${dates ? dates + ' ' : ''}**${e(g.title)}**, ${details.filter(Boolean).join(', ')}.`;
  if (g.project) line += `  \n${w.project}: “${em(g.project)}”.`;
  return line;
}

function awardDates(a: CvAward, lang: string): string {
  return a.dates.map((d) => formatCvDate(d, 'dot-padded', lang)).join(', ');
}

function award(a: CvAward, lang: string): string {
  const paren = [a.rank, a.amount ? formatMoney(a.amount) : undefined].filter(Boolean) as string[];
  const dates = awardDates(a, lang);
  let line = `- ${dates ? dates + ' ' : ''}**${e(a.title)}**${paren.length ? ` (${paren.map(e).join('; ')})` : ''}`;
  line += a.issuer ? `, ${e(a.issuer)}.` : '.';
  if (a.note) line += ` ${em(a.note)}`;
  return line;
}

function teaching(t: CvTeaching, lang: string): string {
  const terms = compactTerms(t.terms);
  const parts = [`*${e(t.course)}*`];
  if (t.instructor) parts.push(`${cvWords(lang).taughtBy} ${person(t.instructor)}`);
  if (t.program) parts.push(e(t.program));
  if (t.institution) parts.push(e(t.institution));
  let line = `- ${terms ? e(terms) + ' ' : ''}**${teachingRole(t.role, false, lang)}**, ${parts.join(', ')}`;
  if (t.note) line += `, (${e(t.note)})`;
  return line + '.';
}

function mentee(s: CvMenteeGroup['students'][number], lang: string): string {
  const w = cvWords(lang);
  const years = s.start ? (s.end && s.end !== 'present' ? `${formatCvDate(s.start, 'year')}–${formatCvDate(s.end, 'year')}` : formatCvDate(s.start, 'year')) : '';
  const extra = [years, s.coadvisors.length ? `${w.coadvisedWith} ${s.coadvisors.map((c) => person(c)).join(', ')}` : '', s.next ? `${w.now} ${e(s.next)}` : '']
    .filter(Boolean)
    .join('; ');
  return `${e(s.name)}${extra ? ` (${extra})` : ''}`;
}

function mentoring(g: CvMenteeGroup, lang: string): string[] {
  return [`### ${e(g.title)}`, '', `- ${g.students.map((x) => mentee(x, lang)).join(', ')}.`, ''];
}

function talk(t: CvTalk, lang: string): string {
  const parts = [(t.title ? `*${em(t.title)}*, ` : '') + e(t.event) + (t.virtual ? ` (${cvWords(lang).virtual})` : ''), t.host ? e(t.host) : '', t.place ? e(t.place) : '', formatCvDate(t.date, 'month-year', lang)];
  return `- ${parts.filter(Boolean).join(', ')}`;
}

function service(s: CvService, lang: string): string[] {
  const w = cvWords(lang);
  const out: string[] = [];
  if (s.reviewer.length) {
    out.push(`${w.reviewerFor}:`, '');
    for (const g of s.reviewer) {
      const venues = g.venues.map((v) => {
        const name = g.kind === 'conference' ? (v.short ?? v.name)! : (v.name ?? v.short)!;
        return e(name) + (v.years ? ` (${e(v.years)})` : '');
      });
      out.push(`- **${g.title}:** ${venues.join(', ')}.`);
    }
    out.push('');
  }
  if (s.organizing.length) {
    out.push(`${w.organizing}:`, '');
    for (const o of s.organizing) {
      const dates = formatCvSpan(o.start, o.end, 'dot', ' - ', lang);
      out.push(`- ${dates ? dates + ' ' : ''}**${e(o.role)}**, ${e(o.event)}`);
    }
    out.push('');
  }
  for (const o of s.other) out.push(`- ${em(o)}`);
  if (s.other.length) out.push('');
  return out;
}
