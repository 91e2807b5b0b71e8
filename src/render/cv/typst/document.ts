/**
 * The CV model -> Typst source -> PDF. The body calls the layout functions of a theme (themes.ts);
 * every string from the record goes through `escapeText`, or `inlineToTypst` where `$math$` may occur,
 * or the Markdown converter for prose.
 */
import { typstMathCompiles } from '../../typst/compile.js';
import { typesetCv } from './typeset.js';
import { inlineToTypst, typstString } from '../../typst/escape.js';
import { cjkRegionOf, fontSetFor, missingGlyphs, type FontSet } from '../../typst/fonts.js';
import type {
  CvAward,
  CvDocument,
  CvEducation,
  CvGrant,
  CvHeader,
  CvMenteeGroup,
  CvPersonRef,
  CvPosition,
  CvPublication,
  CvSection,
  CvService,
  CvTalk,
  CvTeaching,
} from '../model.js';
import { authorMarks, citedByText, compactTerms, cvWords, metricsSentence, formatCvDate, formatCvSpan, formatMoney, statusNote, teachingRole } from '../model.js';
import { strings } from '../../../strings/index.js';
import { hasFamily, usableFamilies } from './fonts.js';
import { esc, markdownToTypst } from './markdown.js';
import { CV_THEMES, THEME_DEFAULTS, themePrelude, type CvTheme } from './themes.js';

export interface CvPdfOptions {
  /** "classic" (default) or "compact". */
  theme?: CvTheme;
  /** Body font families, most preferred first (e.g. ["New Computer Modern"]); the theme's by default. */
  fonts?: string[];
  /** The CJK family to use (e.g. "Noto Serif CJK SC"); found automatically by default. */
  cjkFont?: string;
  /** Accent colour "#RRGGBB". */
  accent?: string;
  /** Typst paper name: "a4" (default), "us-letter" ... */
  paper?: string;
  /** Body font size in points. */
  size?: number;
  /** The most publications the PDF lists (MAX_PDF_PUBLICATIONS by default): the most recent are kept. */
  maxPublications?: number;
}

export interface CvTypst {
  source: string;
  fonts: FontSet;
  /** CJK characters no available font can draw (they would be missing from the PDF). */
  missingGlyphs: string[];
  /** The publications were more than a PDF lists: how many it shows of how many (the CV says so too). */
  cut?: { shown: number; total: number };
}

export interface CvPdf extends CvTypst {
  pdf: Uint8Array;
  /** Compiler warnings, as text. */
  warnings: string[];
}

export class CvOptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CvOptionError';
  }
}

// ---------------------------------------------------------------------------
// Text helpers

const t = (s: string | undefined): string => (s ? esc(s) : '');
/** Text that may hold `$math$`. */
const m = (s: string | undefined): string =>
  s ? inlineToTypst(s, { validateMath: typstMathCompiles }).replace(/^([;(])/, '\\$1') : '';
const c = (markup: string): string => `[${markup}]`;
const join = (parts: (string | undefined)[], sep = ', '): string => parts.filter((p): p is string => !!p && p !== '').join(sep);
const years = (s: string): string => s.replace(/\s*-\s*/g, '–');
const date = (d: string | undefined, lang: string): string => formatCvDate(d, 'dot-padded', lang);
const span = (a: string | undefined, b: string | undefined, lang: string): string => formatCvSpan(a, b, 'dot-padded', ' – ', lang);
function endSentence(markup: string): string {
  return /[.!?]\]?$/.test(markup.trim()) || markup.trim() === '' ? markup : markup + '.';
}
function personName(p: CvPersonRef, honorific = true): string {
  return t((honorific && p.honorific ? p.honorific + ' ' : '') + p.name) + (p.affiliation ? ` (${t(p.affiliation)})` : '');
}
function link(url: string, label: string): string {
  return /^(https?|mailto|tel):/i.test(url) ? `#link(${typstString(url)})[${label}]` : label;
}
/** A Typst array of content: `()`, `([a],)`, `([a], [b])`. */
function tuple(items: string[]): string {
  return `(${items.join(', ')}${items.length === 1 ? ',' : ''})`;
}
function displayUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

// ---------------------------------------------------------------------------
// Sections

function header(h: CvHeader): string {
  const lines: string[] = [];
  for (const a of h.affiliations) lines.push(c(link(a.url ?? '', t(join([a.name, a.institution])))));
  const address = [...(h.office ? [h.office] : []), ...h.address].map((a) => c(t(a)));
  const contacts: string[] = [];
  if (h.email) contacts.push(c(link(`mailto:${h.email}`, t(h.email))));
  if (h.phone) contacts.push(c(link(`tel:${h.phone.replace(/[^+0-9]/g, '')}`, t(h.phone))));
  if (h.homepage) contacts.push(c(link(h.homepage, t(displayUrl(h.homepage)))));
  for (const l of h.links) contacts.push(c(link(l.url, t(l.label))));
  const other = h.otherNames.length ? c(t(h.otherNames.join(' · '))) : 'none';
  return `#cv-header(name: ${c(t(h.name))}, other: ${other}, title: ${h.title ? c(t(h.title)) : 'none'}, lines: ${tuple(lines)}, address: ${tuple(address)}, contacts: ${tuple(contacts)})`;
}

function entry(fields: { title: string; subtitle?: string; place?: string; date?: string; body?: string }): string {
  const arg = (name: string, v: string | undefined) => `${name}: ${v ? c(v) : 'none'}`;
  return `#cv-entry(${[arg('title', fields.title), arg('subtitle', fields.subtitle), arg('place', fields.place), arg('date', fields.date), arg('body', fields.body)].join(', ')})`;
}

function rows(fn: string, items: [string, string][]): string {
  return `#${fn}(\n${items.map(([a, b]) => `  (${c(a)}, ${c(b)}),`).join('\n')}\n)`;
}

function education(e: CvEducation, lang: string): string {
  const degree = e.field ? `${e.degree}, ${e.field}` : e.degree;
  const body: string[] = [];
  if (e.advisors.length) body.push(endSentence(`${t(e.advisorLabel ?? cvWords(lang).advisorLabels.advisor)}: ${e.advisors.map((a) => personName(a)).join(', ')}`));
  if (e.notes.length) body.push(endSentence(e.notes.map(m).join('; ')));
  return entry({
    title: t(e.institution),
    place: t(e.place),
    subtitle: join([t(degree), t(e.department)]),
    date: span(e.start, e.end, lang),
    body: body.length ? body.join(' \\ ') : undefined,
  });
}

function position(p: CvPosition, lang: string): string {
  return entry({
    title: t(p.organization),
    place: t(p.place),
    subtitle: join([t(p.title), t(p.department)]),
    date: span(p.start, p.end, lang),
    body: p.description ? markdownToTypst(p.description, { numbers: new Map() }) : undefined,
  });
}

function publication(p: CvPublication, mark: '*' | 'α-β', lang: string, asOf?: string): string {
  const vd = strings(lang).venueDetails;
  const authors = p.authors
    .map((a) => {
      const marks = authorMarks(a, p, mark);
      const name = t(a.name) + (marks ? `#cv-mark[${t(marks)}]` : '');
      return a.self ? `#strong[${name}]` : name;
    })
    .join(', ');
  let out = `#cv-anchor(${p.number})${authors}${p.etal ? ` ${t(cvWords(lang).etal)}` : ''}${p.alphabetical && mark === 'α-β' ? ' (α-β)' : ''}`;
  out = endSentence(out) + ` #strong[${endSentence(m(p.title))}]`;
  const v = p.venue;
  const venueName = v?.name ?? v?.short;
  const parts: string[] = [];
  if (venueName) parts.push(`#emph[${t(venueName)}]` + (v?.name && v.short && v.short !== v.name ? ` (${t(v.short)})` : ''));
  else if (p.arxiv) parts.push(`#emph[${t(vd.arxivPreprint)}] ${t('arXiv:' + p.arxiv)}`);
  else if (p.type === 'preprint' && p.status !== 'in-preparation') parts.push(`#emph[${t(vd.arxivPreprint)}]`);
  if (v?.volume) parts.push(t(v.volume + (v.number ? `(${v.number})` : '')));
  if (v?.pages) parts.push(t(v.pages));
  if (p.status !== 'in-preparation') parts.push(String(p.year));
  if (parts.length) out += ' ' + endSentence(parts.join(', '));
  if (p.award) out += ` #cv-award[${endSentence(t(p.award))}]`;
  const status = statusNote(p.status, lang);
  if (status) out += ` (${t(status)})`;
  if (p.note) out += ' ' + endSentence(m(p.note));
  if (p.citations) out += ' ' + endSentence(t(citedByText(p.citations, lang, asOf)));
  return out;
}

function grant(g: CvGrant, lang: string): [string, string] {
  const w = cvWords(lang);
  const role = g.role === 'pi' ? w.grantRoles.pi : g.role === 'co-pi' ? w.grantRoles.coPi : w.grantRoles.participant;
  const details = [
    g.amount ? formatMoney(g.amount) : undefined,
    role,
    g.funder && !g.title.includes(g.funder) ? g.funder : undefined,
    g.number ? `${w.grantNumber} ${g.number}` : undefined,
  ];
  let body = `#strong[${t(g.title)}] \\ ${endSentence(t(join(details)))}`;
  if (g.project) body += ` ${t(w.project)}: #emph[“${m(g.project)}”]`;
  return [span(g.start, g.end, lang), body];
}

function award(a: CvAward, lang: string): [string, string] {
  const paren = [a.rank, a.amount ? formatMoney(a.amount) : undefined].filter((x): x is string => !!x);
  let body = t(a.title) + (paren.length ? ` (${t(paren.join('; '))})` : '');
  if (a.issuer) body += `, ${t(a.issuer)}`;
  body = endSentence(body);
  if (a.note) body += ' ' + endSentence(m(a.note));
  return [a.dates.map((d) => date(d, lang)).join(', '), body];
}

function teaching(x: CvTeaching, lang: string): [string, string] {
  let body = `${t(teachingRole(x.role, true, lang))}: #emph[${t(x.course)}]`;
  if (x.instructor) body += `, ${t(cvWords(lang).taughtBy)} ${personName(x.instructor)}`;
  const where = join([t(x.program), t(x.institution)]);
  if (where) body += `, ${where}`;
  if (x.note) body += ` (${t(x.note)})`;
  return [t(compactTerms(x.terms)), endSentence(body)];
}

function mentees(g: CvMenteeGroup, lang: string): [string, string] {
  const w = cvWords(lang);
  const list = g.students.map((s) => {
    const yrs = s.start ? (s.end && s.end !== 'present' ? `${formatCvDate(s.start, 'year')}–${formatCvDate(s.end, 'year')}` : formatCvDate(s.start, 'year')) : '';
    const extra = join([yrs, s.coadvisors.length ? `${t(w.coadvisedWith)} ${s.coadvisors.map((x) => personName(x)).join(', ')}` : '', s.next ? `${t(w.now)} ${t(s.next)}` : ''], '; ');
    return t(s.name) + (extra ? ` (${extra})` : '');
  });
  return [t(g.title), endSentence(list.join(', '))];
}

function talk(x: CvTalk, lang: string): [string, string] {
  let body = x.title ? `#emph[${m(x.title)}], ` : '';
  body += join([t(x.event) + (x.virtual ? ` (${t(cvWords(lang).virtual)})` : ''), t(x.host), t(x.place)]);
  return [date(x.date, lang), body];
}

function service(s: CvService, lang: string): string {
  const w = cvWords(lang);
  const items: [string, string][] = [];
  for (const g of s.reviewer) {
    const label = t(w.reviewerOf[g.kind]);
    const venues = g.venues.map((v) => {
      const name = v.name ?? v.short ?? '';
      const paren = join([v.name && v.short && v.short !== v.name ? `#strong[${t(v.short)}]` : undefined, v.years ? t(years(v.years)) : undefined]);
      return t(name) + (paren ? ` (${paren})` : '');
    });
    items.push([label, endSentence(venues.join('; '))]);
  }
  for (const o of s.organizing) items.push([t(w.organizing), endSentence(join([t(o.role), t(o.event), t(span(o.start, o.end, lang))]))]);
  if (s.other.length) items.push([t(w.reviewing.other), s.other.map((o) => endSentence(m(o))).join(' ')]);
  return rows('cv-labeled', items);
}

/**
 * The most publications a PDF CV lists. Typst keeps every laid-out entry (about 45 KB each) until the PDF is
 * written, so a CV of 40,000 publications (a whole field's bibliography, not one person's) needed 1.8 GB for its
 * entries alone; 5,000, more than the most prolific author has, need about 250 MB. The web and Markdown CVs
 * list them all.
 */
export const MAX_PDF_PUBLICATIONS = 5000;

/** What the terminal says of a cut CV. */
export function publicationsCutWarning(cut: { shown: number; total: number }): string {
  return `the PDF lists the ${cut.shown.toLocaleString('en')} most recent of ${cut.total.toLocaleString('en')} publications (typesetting all of them would take more memory than a computer may have; the PDF says so); the web and Markdown CVs list them all`;
}

/** The publication sections cut to the `max` most recent entries (each group keeps its order), with the counts. */
function capPublications(sections: CvSection[], max: number): { sections: CvSection[]; cut?: { shown: number; total: number } } {
  const all = sections.flatMap((s) => (s.kind === 'publications' ? s.entries.flatMap((g) => g.items) : []));
  if (all.length <= max) return { sections };
  // Newest first (dates are YYYY, YYYY-MM or YYYY-MM-DD: they sort as text); a stable sort keeps the CV's order on ties.
  const kept = new Set(
    all
      .map((p, i) => ({ p, i }))
      .sort((a, b) => (a.p.date === b.p.date ? a.i - b.i : a.p.date < b.p.date ? 1 : -1))
      .slice(0, max)
      .map(({ p }) => p.key),
  );
  const cutSections = sections.map((s): CvSection => {
    if (s.kind !== 'publications') return s;
    const entries = s.entries
      .map((g) => {
        const items = g.items.filter((p) => kept.has(p.key));
        return { id: g.id, title: g.title, keys: items.map((p) => p.key), items };
      })
      .filter((g) => g.items.length);
    return { ...s, entries };
  });
  return { sections: cutSections, cut: { shown: max, total: all.length } };
}

function section(s: CvSection, doc: CvDocument, cut?: { shown: number; total: number }): string {
  const out = [`#cv-section[${t(s.title)}]`];
  const numbers = new Map(Object.entries(doc.numbers));
  const lang = doc.language;
  switch (s.kind) {
    case 'education':
      out.push(...s.entries.map((x) => education(x, lang)));
      break;
    case 'positions':
      out.push(...s.entries.map((x) => position(x, lang)));
      break;
    case 'research':
      for (const r of s.entries) {
        if (r.kind === 'interests') out.push(`#cv-prose[#list(${r.items.map((i) => c(m(i))).join(', ')}${r.items.length === 1 ? ',' : ''})]`);
        else out.push(`#cv-prose[\n${markdownToTypst(r.markdown, { numbers })}\n]`);
      }
      break;
    case 'publications': {
      if (cut) out.push(`#cv-legend[${t(cvWords(lang).publicationsCut(cut.shown, cut.total))}]`);
      if (s.metrics) out.push(`#cv-legend[${t(metricsSentence(s.metrics, lang))}]`);
      if (s.legend) out.push(`#cv-legend[${t(s.legend)}]`);
      const max = Math.max(...s.entries.flatMap((g) => g.items.map((p) => p.number)));
      const width = `${(String(max).length * 0.55 + 0.9).toFixed(2)}em`;
      for (const g of s.entries) {
        if (s.entries.length > 1) out.push(`#cv-group[${t(g.title)}]`);
        out.push(`#cv-pubs(width: ${width},\n${g.items.map((p) => `  ([\\[${p.number}\\]], [${publication(p, s.alphabeticalMark, lang, s.metrics?.asOf)}]),`).join('\n')}\n)`);
      }
      break;
    }
    case 'grants':
      out.push(rows('cv-items', s.entries.map((x) => grant(x, lang))));
      break;
    case 'awards':
      out.push(rows('cv-items', s.entries.map((x) => award(x, lang))));
      break;
    case 'teaching':
      out.push(rows('cv-items', s.entries.map((x) => teaching(x, lang))));
      break;
    case 'mentoring':
      out.push(rows('cv-labeled', s.entries.map((x) => mentees(x, lang))));
      break;
    case 'talks':
      out.push(rows('cv-items', s.entries.map((x) => talk(x, lang))));
      break;
    case 'service':
      out.push(...s.entries.map((x) => service(x, lang)));
      break;
    case 'markdown':
      for (const x of s.entries) out.push(`#cv-prose[\n${markdownToTypst(x.markdown, { numbers })}\n]`);
      break;
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------
// The document

function checkAccent(accent: string): string {
  const hex = accent.trim().replace(/^#/, '');
  if (!/^[0-9a-fA-F]{6}$/.test(hex) && !/^[0-9a-fA-F]{3}$/.test(hex)) {
    throw new CvOptionError(`the accent colour "${accent}" is not a colour: write #RRGGBB, e.g. #1F3A68`);
  }
  return '#' + hex.toUpperCase();
}

/**
 * Keeps the label of a publication's entry (`#cv-anchor(n)`) only where the CV's prose links to it (`<pub-n>`): a
 * label is an element Typst places and tracks in every layout pass, which was a twentieth of typesetting a long CV.
 */
function withCitedAnchors(body: string): string {
  const cited = new Set([...body.matchAll(/<pub-(\d+)>/g)].map((m) => m[1]));
  return body.replace(/#cv-anchor\((\d+)\)/g, (anchor, n: string) => (cited.has(n) ? anchor : ''));
}

/** The Typst source of a CV and the fonts to compile it with. */
export function cvTypst(doc: CvDocument, options: CvPdfOptions = {}): CvTypst {
  const theme = options.theme ?? 'classic';
  if (!(CV_THEMES as readonly string[]).includes(theme)) {
    throw new CvOptionError(`unknown CV theme "${theme}": use ${CV_THEMES.join(' or ')}`);
  }
  const defaults = THEME_DEFAULTS[theme];
  const { sections, cut } = capPublications(doc.sections, options.maxPublications ?? MAX_PDF_PUBLICATIONS);
  const body = withCitedAnchors([header(doc.header), ...sections.map((s) => section(s, doc, cut))].join('\n\n'));

  // CJK: a font only when the text needs one; the theme's style (serif / sans) when installed.
  const base = fontSetFor(body, { region: cjkRegionOf(doc.language) });
  let cjkFamily = options.cjkFont ?? base.cjk?.family;
  if (!options.cjkFont && cjkFamily && defaults.cjkStyle === 'sans') {
    const sans = cjkFamily.replace(/Serif/, 'Sans');
    if (sans !== cjkFamily && hasFamily(sans)) cjkFamily = sans;
  }
  const latin = options.fonts?.length ? usableFamilies(options.fonts, usableFamilies(defaults.fonts)[0]) : usableFamilies(defaults.fonts);
  const families = [...latin, ...(cjkFamily ? [cjkFamily] : [])];
  const fonts: FontSet = { ...base, families };

  const cvTitle = cvWords(doc.language).curriculumVitae;
  const footer = `${doc.header.name} · ${cvTitle}`;
  const prelude = themePrelude(theme, {
    fonts: families,
    accent: checkAccent(options.accent ?? defaults.accent),
    paper: options.paper ?? 'a4',
    size: options.size ?? defaults.size,
    footer,
    lang: doc.language.slice(0, 2),
  });
  const meta = `#set document(title: ${typstString(`${doc.header.name} — ${cvTitle}`)}, author: ${typstString(doc.header.name)})`;
  const source = `${meta}\n${prelude}\n${body}\n`;
  return { source, fonts, missingGlyphs: missingGlyphs(body, fonts), ...(cut ? { cut } : {}) };
}

/** The CV as PDF bytes (reproducible: the same model and options give the same bytes). */
export function cvPdf(doc: CvDocument, options: CvPdfOptions = {}): CvPdf {
  const typst = cvTypst(doc, options);
  return { ...typst, ...typesetCv(typst) };
}

export { typesetCv };
