/**
 * Talks a Hugo site lists by hand: a Markdown list in a section page (content/talks/_index.md, content/talks.md, an
 * old widget page home/talks.md in content/) or under a "Talks" heading of one. Each item is read as a CV's talk line
 * ("Title", Event, Place, Month Year) by the Markdown CV reader, and counted: imported, or left out with why.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { emptyBundle, leaveOut, note, type ImportBundle } from './bundle.js';
import { markdownCvIntoBundle } from './sources/markdown-cv.js';
import { readHugoFrontMatter } from './lenient-yaml.js';
import { isRecord, list, str } from './text.js';

export const TALK_WORDS = /\b(talks?|presentations?|invited talks?|seminars?|lectures?)\b/i;
/** Sections whose pages are each one item, read elsewhere (a list there is not a list of talks). */
const PAGE_SECTIONS = new Set(['publication', 'publications', 'post', 'posts', 'authors', 'news', 'project', 'projects']);
const ITEM = /^\s{0,3}(?:[-*+]|\d+[.)])\s+\S/;

/** Section pages of content/ that may hold a list of talks. */
export function sectionPages(root: string): string[] {
  const out: string[] = [];
  const isFile = (rel: string) => existsSync(join(root, rel)) && statSync(join(root, rel)).isFile();
  const entries = (rel: string) => (existsSync(join(root, rel)) && statSync(join(root, rel)).isDirectory() ? readdirSync(join(root, rel), { withFileTypes: true }) : []);
  for (const e of entries('content')) {
    if (e.name.startsWith('.')) continue;
    if (e.isFile() && /\.md$/.test(e.name)) out.push(posix.join('content', e.name));
    if (!e.isDirectory() || PAGE_SECTIONS.has(e.name)) continue;
    for (const f of ['_index.md', 'index.md']) if (isFile(posix.join('content', e.name, f))) out.push(posix.join('content', e.name, f));
    if (e.name === 'home') for (const h of entries('content/home')) if (h.isFile() && /\.md$/.test(h.name)) out.push(posix.join('content/home', h.name));
  }
  return out.sort();
}

/** The lines of a body that are list items about talks (0-based), with the lines that continue them. */
function talkLines(body: string, wholePage: boolean): number[] {
  const lines = body.split('\n');
  const keep: number[] = [];
  let inTalks = wholePage;
  let level = 0;
  let inItem = false;
  let fence = false;
  for (const [i, line] of lines.entries()) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    if (fence) continue;
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    if (h) {
      inItem = false;
      if (TALK_WORDS.test(h[2]!)) {
        inTalks = true;
        level = h[1]!.length;
      } else if (!wholePage && inTalks && h[1]!.length <= level) inTalks = false;
      continue;
    }
    if (!inTalks) continue;
    if (ITEM.test(line)) {
      keep.push(i);
      inItem = true;
    } else if (inItem && /^\s+\S/.test(line)) keep.push(i);
    else inItem = false;
  }
  return keep;
}

/**
 * The talks listed in the site's section pages, given to `owner`; every item counted. A page about talks counts all its
 * list items; another page only those under a heading about talks.
 */
export function talksFromSectionPages(root: string, bundle: ImportBundle, owner: string | undefined, ownerName: string | undefined): void {
  for (const file of sectionPages(root)) {
    const doc = readHugoFrontMatter(root, file, bundle);
    if (!doc) continue;
    const name = `${file} ${str(doc.data.title) ?? ''} ${str(doc.data.widget) ?? ''}`;
    const units: { about: boolean; body: string; bodyLine: number; inFrontMatter: boolean }[] = [{ about: TALK_WORDS.test(name.replace(/^content\//, '')), body: doc.body, bodyLine: doc.bodyLine, inFrontMatter: false }];
    // Hugo Blox landing pages keep Markdown in the front matter: sections: - block: markdown, content: {title, text}.
    for (const section of list(doc.data.sections)) {
      if (!isRecord(section) || !isRecord(section.content) || !str(section.content.text)) continue;
      const title = `${str(section.content.title) ?? ''} ${str(section.id) ?? ''}`;
      units.push({ about: TALK_WORDS.test(title), body: str(section.content.text)!, bodyLine: 3, inFrontMatter: true });
    }
    for (const unit of units) readUnit(file, unit, bundle, owner, ownerName);
  }
}

function readUnit(file: string, unit: { about: boolean; body: string; bodyLine: number; inFrontMatter: boolean }, bundle: ImportBundle, owner: string | undefined, ownerName: string | undefined): void {
  const body = unit.body.replace(/\r\n?/g, '\n');
  const keep = talkLines(body, unit.about);
  const items = keep.filter((i) => ITEM.test(body.split('\n')[i]!)).length;
  if (!items) return;
  // A list in the front matter has no line of its own in the report: the page's first line.
  const at = (line: number | undefined) => (unit.inFrontMatter ? 1 : line);
  if (!owner) {
    leaveOut(bundle, 'talks', 'no speaker (the site has no owner)', items);
    note(bundle, 'info', { file, line: at(unit.bodyLine) }, 'skipped-item', `${items} talk${items === 1 ? '' : 's'} listed here ${items === 1 ? 'was' : 'were'} not imported: the site names no owner to give them to`);
    return;
  }
  // A CV of one section, laid out so that its line numbers are the page's: the name and the heading where the front
  // matter was, the page's talk lines where they were, every other line blank.
  const bodyLines = body.split('\n');
  // A page without front matter has no room for the two lines: its lines are shifted, and the notes' shifted back.
  const shift = Math.max(0, 2 - (unit.bodyLine - 1));
  const offset = unit.bodyLine - 1 + shift;
  const cv: string[] = new Array<string>(offset + bodyLines.length).fill('');
  cv[0] = `# ${ownerName ?? 'Owner'}`;
  cv[1] = '## Talks';
  for (const i of keep) cv[offset + i] = bodyLines[i]!.replace(/^\s{0,3}\d+[.)]\s+/, '- ');
  const scratch = emptyBundle('hugo-blox', 'hugo-blox');
  markdownCvIntoBundle(cv.join('\n'), file, scratch);
  for (const talk of scratch.talks) bundle.talks.push({ ...talk, person: owner, origin: { file, line: at(talk.origin.line) } });
  bundle.leftOut.push(...scratch.leftOut.filter((l) => l.kind === 'talks'));
  bundle.notes.push(...scratch.notes.filter((n) => n.code === 'import/skipped-item').map((n) => (n.line ? { ...n, line: at(n.line - shift) } : n)));
}
