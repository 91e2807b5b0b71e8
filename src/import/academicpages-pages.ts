/**
 * The pages of an academicpages site's _pages/ folder beyond About. A page that the site fills from its collections
 * ({% for post in site.talks %}) holds nothing of its own: its entries are read from _publications/, _talks/. A page
 * written by hand is read for the lists it holds, as the sections of a Markdown CV (publications, talks, teaching,
 * students, awards, service ...): its items are counted like the collections' ones. What is not a list, or a list vita
 * has no place for, is reported as not carried.
 */
import { basename } from 'node:path';
import { emptyBundle, note, type ImportBundle } from './bundle.js';
import { listFiles, readFrontMatterFile, stripLiquid } from './sources/common.js';
import { markdownCvIntoBundle } from './sources/markdown-cv.js';
import { isOwnerName, marksFromLegend, type MarkMeaning } from './marked-authors.js';
import type { ImportedAuthor } from './bundle.js';
import { htmlToMarkdown, str } from './text.js';

/** Template pages that are the theme's, not the person's. */
const THEME_PAGES = /^(404|about|archive-layout-with-content|category-archive|collection-archive|markdown|non-menu-page|page-archive|portfolio|sitemap|tag-archive|terms|year-archive|cv-json|talkmap|blog|posts?)$/i;
const ITEM = /^\s{0,3}(?:[-*+]|\d+[.)])\s+\S/;
/** Sections of a page a Markdown CV reads: a page titled with one of them is all that section. */
const KNOWN = /publication|preprint|papers|articles|talks?|presentations?|seminars?|lectures?|teaching|courses|mentor|supervis|students|advising|group|team|alumni|awards?|honou?rs?|service|education|experience|employment|news/i;

export interface HandPage {
  file: string;
  title: string;
  /** The body with its Liquid taken out; `raw` as written. */
  body: string;
  raw: string;
  data: Record<string, unknown>;
  bodyLine: number;
  /** Made by the site from its collections: nothing of its own. */
  generated: boolean;
}

/** The hand-written pages of _pages/ with what they say of themselves. */
function handPages(root: string, bundle: ImportBundle): HandPage[] {
  const out = [];
  for (const file of listFiles(root, '_pages', ['.md', '.markdown', '.html'], true)) {
    const name = basename(file).replace(/\.[^.]+$/, '');
    if (THEME_PAGES.test(name)) continue;
    const doc = readFrontMatterFile(root, file, bundle);
    if (!doc) continue;
    const liquid = stripLiquid(file.endsWith('.html') ? htmlToMarkdown(doc.body) : doc.body);
    out.push({ file, title: str(doc.data.title) ?? name, body: liquid.text, raw: doc.body, data: doc.data, bodyLine: doc.bodyLine, generated: liquid.removed > 0 && !liquid.text.split('\n').some((l) => ITEM.test(l)) });
  }
  return out;
}

/** The meaning of author marks as the site's publications page states it ("<sup>#</sup> co-first author"). */
export function siteLegend(root: string): MarkMeaning {
  const scratch = { ...emptyBundle('academicpages', ''), notes: [] };
  const lines = handPages(root, scratch)
    .filter((p) => /publication|papers|research/i.test(`${p.file} ${p.title}`))
    .flatMap((p) => p.body.split('\n'))
    .filter((l) => /equal|co-?first|joint first|corresponding/i.test(l) && !ITEM.test(l));
  return marksFromLegend(lines.join('\n'));
}

/**
 * The lists of the hand-written pages, read into `bundle` for the owner: publications, talks and teaching counted as
 * items; students, awards and service added to the owner's record; the rest reported.
 */
export function readPageLists(
  root: string,
  bundle: ImportBundle,
  owner: string | undefined,
  ownerName: string | undefined,
  /** The authors of a citation with their marks, as the site's citation: lines are read. */
  citationAuthors: (text: string) => ImportedAuthor[] | undefined,
  /** A page with no list: the site's own page, carried as a page of the project. */
  carry: (page: HandPage) => void,
): void {
  for (const page of handPages(root, bundle)) {
    const origin = { file: page.file, line: page.bodyLine };
    if (/Version Control Theory|GitHub University/.test(page.body)) {
      note(bundle, 'info', origin, 'demo-content', `${page.file} is still academicpages' demo CV; it was left out`);
      continue;
    }
    if (page.generated) {
      note(bundle, 'info', origin, 'generated-page', `${page.file} is made by the site from its collections; its entries were read from there`);
      continue;
    }
    const items = pageListsIntoBundle(page, bundle, owner, ownerName, citationAuthors);
    // A page of prose is the site's own page: carried as one.
    if (items === 0 && page.body.trim()) carry(page);
  }
}

export interface ListPage {
  file: string;
  title: string;
  body: string;
  bodyLine: number;
}

/** Does the page hold a list (of papers, talks, courses ...) a Markdown CV reader can read? */
export function holdsList(body: string): boolean {
  return body.split('\n').some((l) => ITEM.test(l));
}

/** The page's lines that are neither list items, headings nor blank: what it says beyond its lists. */
export function proseOf(body: string): string {
  return setextAsAtx(body.replace(/\r\n?/g, '\n').split('\n'))
    .filter((l) => l.trim() && !ITEM.test(l) && !/^\s{0,3}#/.test(l) && !/^\s{2,}\S/.test(l))
    .join('\n')
    .trim();
}

/**
 * The lists of one page read as the sections of a Markdown CV of the owner: publications, talks and teaching counted
 * as items; students, awards and service added to the owner's record. Returns how many list items the page holds.
 */
export function pageListsIntoBundle(
  page: ListPage,
  bundle: ImportBundle,
  owner: string | undefined,
  ownerName: string | undefined,
  citationAuthors: (text: string) => ImportedAuthor[] | undefined = () => undefined,
): number {
  const origin = { file: page.file, line: page.bodyLine };
  const bodyLines = setextAsAtx(page.body.replace(/\r\n?/g, '\n').split('\n'));
  const items = bodyLines.filter((l) => ITEM.test(l)).length;
  if (!items) return 0;
  if (!owner || !ownerName) {
    note(bundle, 'info', origin, 'not-carried', `the lists of "${page.title}" (${page.file}) were not imported: the site has no author name to give them to`);
    return items;
  }
  const whole = KNOWN.test(page.title);
  const shift = Math.max(0, 2 - (page.bodyLine - 1));
  const offset = page.bodyLine - 1 + shift;
  const cv: string[] = new Array<string>(offset + bodyLines.length).fill('');
  cv[0] = `# ${ownerName}`;
  cv[1] = whole ? `## ${page.title}` : '';
  for (const [i, line] of bodyLines.entries()) {
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    cv[offset + i] = h ? `${'#'.repeat(Math.min(4, Math.max(whole ? 3 : 2, h[1]!.length)))} ${h[2]}` : line.replace(/^(\s{0,3})\d+[.)]\s+/, '$1- ');
  }
  const scratch = emptyBundle('academicpages', 'academicpages');
  markdownCvIntoBundle(cv.join('\n'), page.file, scratch);
  const back = (n: ImportBundle['notes'][number]) => (n.line ? { ...n, line: n.line - shift } : n);
  for (const pub of scratch.publications) {
    // The names as the site's citations are read ("Okafor, C.<sup>#</sup>" is one author, co-first), the owner linked.
    const line = pub.origin.line ? cv[pub.origin.line - 1] : undefined;
    const authors = line ? citationAuthors(line.replace(/^\s*[-*+]\s+/, '')) : undefined;
    if (authors?.length) pub.value.authors = authors;
    pub.value.authors = pub.value.authors.map((a) => (!a.person && isOwnerName(a.name, ownerName) ? { ...a, person: owner } : a));
    bundle.publications.push(pub);
  }
  bundle.talks.push(...scratch.talks.map((t) => ({ ...t, person: owner })));
  bundle.teaching.push(...scratch.teaching.map((t) => ({ ...t, person: owner })));
  bundle.news.push(...scratch.news.map((n) => ({ ...n, value: { ...n.value, people: [owner] } })));
  bundle.leftOut.push(...scratch.leftOut);
  bundle.notes.push(...scratch.notes.filter((n) => n.code !== 'import/no-name').map(back));
  // Students, awards, service, education ... join the owner's record (after what the record already has).
  const read = scratch.people[0];
  const person = bundle.people.find((p) => p.id === owner);
  if (!read || !person) return items;
  for (const [key, value] of Object.entries(read.value)) {
    if (key === 'name') continue;
    const had = person.value[key];
    if (Array.isArray(value)) person.value[key] = [...(Array.isArray(had) ? had : []), ...value];
    else if (had === undefined) person.value[key] = value;
  }
  for (const [section, text] of Object.entries(read.sections)) if (!person.sections[section]) person.sections[section] = text;
  return items;
}

/** `Education` over `======` (as the template's CV writes its headings) as `# Education`, the underline blank. */
function setextAsAtx(lines: string[]): string[] {
  const out = [...lines];
  for (let i = 1; i < out.length; i++) {
    const under = /^\s{0,3}(=+|-{2,})\s*$/.exec(out[i]!);
    const text = out[i - 1]!;
    if (!under || !text.trim() || /^\s{0,3}(?:#|[-*+]\s|\d+[.)]\s|>)/.test(text)) continue;
    out[i - 1] = `${under[1]!.startsWith('=') ? '#' : '##'} ${text.trim()}`;
    out[i] = '';
  }
  return out;
}
