// Every item of a source is accounted for: imported, already in the project, the same item twice in the source, or
// left out with a reason. For each source kind, the report's counts add up to the items its fixture holds, counted here
// from the fixture itself (entries of a .bib, files of a folder, list items of a page).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { countImport } from '../../src/import/report.js';
import { FIXTURES, run, tempDir } from './helpers.ts';

type Counted = Partial<Record<'publications' | 'news' | 'talks' | 'teaching' | 'events' | 'pages', number>>;

const bibEntries = (path: string) => [...readFileSync(path, 'utf8').matchAll(/^@(\w+)\s*[{(]/gm)].filter((m) => !/^(string|comment|preamble)$/i.test(m[1]!)).length;
const filesIn = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /\.(md|markdown|html)$/.test(e.name)).length;
const foldersIn = (dir: string) => readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).length;
/** List items of a Markdown or jemdoc section, from its heading to the next heading of the same level or higher. */
const itemsUnder = (path: string, heading: RegExp) => {
  const lines = readFileSync(path, 'utf8').split('\n');
  const start = lines.findIndex((l) => heading.test(l));
  const level = /^[#=]+/.exec(lines[start]!)![0].length;
  let n = 0;
  for (const line of lines.slice(start + 1)) {
    const h = /^([#=]+)/.exec(line);
    if (h && h[1]!.length <= level) break;
    if (/^(?:[-.]|\d+\.) /.test(line)) n++;
  }
  return n;
};
/**
 * The talks of a calendar feed: each VEVENT once, a rule's COUNT occurrences less its EXDATEs; an exception
 * (RECURRENCE-ID) moves an occurrence and adds none.
 */
const calendarItems = (path: string) =>
  readFileSync(path, 'utf8')
    .split('BEGIN:VEVENT')
    .slice(1)
    .reduce((n, block) => {
      if (/^RECURRENCE-ID/m.test(block)) return n;
      const count = /^RRULE:.*COUNT=(\d+)/m.exec(block);
      return n + (count ? Number(count[1]) - (block.match(/^EXDATE/gm) ?? []).length : 1);
    }, 0);
/** Talk pages of a seminar site: pages naming a speaker, or in a talks folder (section pages `_index.md` are not talks). */
const talkPages = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /\.md$/.test(e.name) && !e.name.startsWith('_index') && (!join(e.parentPath, e.name).includes('_posts') || /^speakers?:/m.test(readFileSync(join(e.parentPath, e.name), 'utf8')))).length;
/** Records of a YAML data file: list items at any depth that begin with a speaker or a title. */
const dataRecords = (path: string) => (readFileSync(path, 'utf8').match(/^\s*- (speakers?|title):/gm) ?? []).length;
const jsonList = (path: string, key: string) => ((JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown[]>)[key] ?? []).length;

const SOURCES: { source: string; items: () => Counted }[] = [
  { source: 'bibtex/publications.bib', items: () => ({ publications: bibEntries(`${FIXTURES}/bibtex/publications.bib`) }) },
  {
    source: 'markdown-cv/cv.md',
    items: () => {
      const cv = `${FIXTURES}/markdown-cv/cv.md`;
      return { publications: itemsUnder(cv, /^## Publications/), teaching: itemsUnder(cv, /^## Teaching/), talks: itemsUnder(cv, /^## Talks/) };
    },
  },
  { source: 'bibtex-exports/exports.bib', items: () => ({ publications: bibEntries(`${FIXTURES}/bibtex-exports/exports.bib`) }) },
  { source: 'bibtex-habits/papers.bib', items: () => ({ publications: bibEntries(`${FIXTURES}/bibtex-habits/papers.bib`) }) },
  // The volume the papers cross-reference is counted, as left out.
  { source: 'bibtex-crossref/crossref.bib', items: () => ({ publications: bibEntries(`${FIXTURES}/bibtex-crossref/crossref.bib`) }) },
  { source: 'hugo-blox-habits', items: () => ({ publications: foldersIn(`${FIXTURES}/hugo-blox-habits/content/publication`) }) },
  { source: 'academicpages-names', items: () => ({ publications: filesIn(`${FIXTURES}/academicpages-names/_publications`) }) },
  {
    source: 'rendercv-named/Priya_Raman_CV.yaml',
    items: () => {
      const cv = readFileSync(`${FIXTURES}/rendercv-named/Priya_Raman_CV.yaml`, 'utf8');
      const entries = (section: string) => (cv.split(new RegExp(`^ {4}${section}:`, 'm'))[1]!.split(/^ {4}\w/m)[0]!.match(/^ {6}- /gm) ?? []).length;
      return { talks: entries('presentations'), teaching: entries('teaching') };
    },
  },
  { source: 'bibtex-exports/theme.bib', items: () => ({ publications: bibEntries(`${FIXTURES}/bibtex-exports/theme.bib`) }) },
  { source: 'merge/works.bib', items: () => ({ publications: bibEntries(`${FIXTURES}/merge/works.bib`) }) },
  { source: 'json-resume/resume.json', items: () => ({ publications: jsonList(`${FIXTURES}/json-resume/resume.json`, 'publications') }) },
  {
    source: 'al-folio',
    items: () => ({
      publications: bibEntries(`${FIXTURES}/al-folio/_bibliography/papers.bib`),
      news: filesIn(`${FIXTURES}/al-folio/_news`),
      teaching: filesIn(`${FIXTURES}/al-folio/_teachings`),
    }),
  },
  {
    // Entries with talk = {true}, and those of talks.bib, are talks.
    source: 'al-folio-older',
    items: () => {
      const talkFlags = (readFileSync(`${FIXTURES}/al-folio-older/_bibliography/papers.bib`, 'utf8').match(/^\s*talk\s*=\s*\{true\}/gm) ?? []).length;
      return {
        publications: bibEntries(`${FIXTURES}/al-folio-older/_bibliography/papers.bib`) - talkFlags,
        talks: bibEntries(`${FIXTURES}/al-folio-older/_bibliography/talks.bib`) + talkFlags,
        news: filesIn(`${FIXTURES}/al-folio-older/_news`),
        teaching: filesIn(`${FIXTURES}/al-folio-older/_teachings`),
      };
    },
  },
  {
    // _pages/ beyond About and the blog: carried, read as a list of talks or courses, or left out as generated.
    source: 'al-folio-pages',
    items: () => {
      const pages = `${FIXTURES}/al-folio-pages/_pages`;
      return {
        publications: bibEntries(`${FIXTURES}/al-folio-pages/_bibliography/papers.bib`),
        pages: filesIn(pages) - 2,
        talks: (readFileSync(`${pages}/talks.md`, 'utf8').match(/^- /gm) ?? []).length,
        teaching: (readFileSync(`${pages}/teaching.md`, 'utf8').match(/^- /gm) ?? []).length,
      };
    },
  },
  {
    source: 'hugo-blox',
    items: () => ({ publications: foldersIn(`${FIXTURES}/hugo-blox/content/publication`), talks: foldersIn(`${FIXTURES}/hugo-blox/content/event`) }),
  },
  {
    source: 'hugo-blox-site',
    items: () => {
      const site = `${FIXTURES}/hugo-blox-site/content`;
      // Pages of the publication and event sections; list items of the talks section, of "Invited talks" and of the landing page's "Recent talks" block.
      const talks = foldersIn(`${site}/event`) + (readFileSync(`${site}/talks/_index.md`, 'utf8').match(/^- /gm) ?? []).length + itemsUnder(`${site}/about.md`, /^## Invited talks/) + (readFileSync(`${site}/_index.md`, 'utf8').split('title: Recent talks')[1]!.split('- block:')[0]!.match(/^\s+- /gm) ?? []).length;
      // Pages of content/ and its sections' index pages, beside the landing page and the sections read item by item.
      const pages = readdirSync(site).filter((f) => f.endsWith('.md') && f !== '_index.md').length + ['talks', 'fieldwork'].length;
      return { publications: foldersIn(`${site}/publication`), talks, pages };
    },
  },
  {
    source: 'academicpages',
    items: () => ({
      publications: filesIn(`${FIXTURES}/academicpages/_publications`),
      talks: filesIn(`${FIXTURES}/academicpages/_talks`),
      teaching: filesIn(`${FIXTURES}/academicpages/_teaching`),
    }),
  },
  {
    source: 'academicpages-site',
    items: () => ({
      publications: filesIn(`${FIXTURES}/academicpages-site/_publications`) + (readFileSync(`${FIXTURES}/academicpages-site/_pages/publications.md`, 'utf8').match(/^- /gm) ?? []).length,
      // The _talks/ pages and the items of the hand-written talks page.
      talks: filesIn(`${FIXTURES}/academicpages-site/_talks`) + (readFileSync(`${FIXTURES}/academicpages-site/_pages/talks.md`, 'utf8').match(/^- /gm) ?? []).length,
      teaching: filesIn(`${FIXTURES}/academicpages-site/_teaching`),
      // _pages/research.md, the one page of prose (the others are lists, the CV, or made from the collections).
      pages: 1,
    }),
  },
  {
    source: 'rendercv/Jonas_Weber_CV.yaml',
    items: () => ({
      publications: (readFileSync(`${FIXTURES}/rendercv/sections/publications.yaml`, 'utf8').match(/^- title:/gm) ?? []).length,
      talks: (readFileSync(`${FIXTURES}/rendercv/Jonas_Weber_CV.yaml`, 'utf8').split(/^ {4}selected_talks:/m)[1]!.split(/^ {4}\w/m)[0]!.match(/^ {6}- name:/gm) ?? []).length,
    }),
  },
  { source: 'rendercv-sections/Lena_Fischer_CV.yaml', items: () => ({ talks: 2 }) },
  { source: 'rendercv-connections/Chiara_De_Luca_CV.yaml', items: () => ({ publications: 1 }) },
  {
    source: 'json-resume-extended/resume.json',
    items: () => {
      const path = `${FIXTURES}/json-resume-extended/resume.json`;
      return { publications: jsonList(path, 'publications'), talks: jsonList(path, 'presentations') + jsonList(path, 'talks'), teaching: jsonList(path, 'teaching') };
    },
  },
  {
    source: 'jemdoc',
    items: () => ({ publications: itemsUnder(`${FIXTURES}/jemdoc/publications.jemdoc`, /^= Publications/), news: itemsUnder(`${FIXTURES}/jemdoc/index.jemdoc`, /^== News/) }),
  },
  {
    source: 'jemdoc-site',
    items: () => {
      // Title-first entries: each begins with a link or a bold title at the start of a line or item; the legend item
      // is not one.
      const pubs = readFileSync(`${FIXTURES}/jemdoc-site/pubs.jemdoc`, 'utf8').match(/^(?:- )?\[https?:|^- \*[A-Z]/gm) ?? [];
      return { publications: pubs.length, news: itemsUnder(`${FIXTURES}/jemdoc-site/index.jemdoc`, /^==News/), teaching: 1 };
    },
  },
  { source: 'ics/seminar.ics', items: () => ({ events: calendarItems(`${FIXTURES}/ics/seminar.ics`) }) },
  { source: 'seminar-hugo', items: () => ({ events: talkPages(`${FIXTURES}/seminar-hugo/content`) }) },
  { source: 'seminar-jekyll', items: () => ({ events: talkPages(`${FIXTURES}/seminar-jekyll`) }) },
  {
    source: 'seminar-json',
    items: () => {
      const data = JSON.parse(readFileSync(`${FIXTURES}/seminar-json/data/talks.json`, 'utf8')) as Record<string, unknown[]>;
      return { events: Object.values(data).reduce((n, list) => n + list.length, 0) };
    },
  },
  { source: 'seminar-data/_data/seminars.yml', items: () => ({ events: dataRecords(`${FIXTURES}/seminar-data/_data/seminars.yml`) }) },
];

describe('import: every item accounted for', () => {
  for (const { source, items } of SOURCES) {
    it(`${source}: imported + already there + twice in the source + left out = the items of the source`, async () => {
      const result = await run(join(FIXTURES, source), tempDir());
      const counts = countImport(result);
      const expected = items();
      assert.ok(Object.values(expected).every((n) => n > 0), 'the fixture holds items of each kind counted');
      for (const [kind, total] of Object.entries(expected)) {
        const c = counts.find((x) => x.kind === kind)!;
        assert.equal(c.imported + c.merged + c.duplicates + c.skipped, total, `${kind}: ${JSON.stringify(c)}`);
        assert.equal(c.why.reduce((n, w) => n + w.count, 0), c.skipped, `${kind}: every item left out says why`);
      }
      for (const kind of ['publications', 'news', 'talks', 'teaching', 'events', 'pages'] as const) {
        if (expected[kind] !== undefined) continue;
        const c = counts.find((x) => x.kind === kind)!;
        assert.equal(c.imported + c.merged + c.duplicates + c.skipped, 0, `${kind}: the source holds none`);
      }
    });
  }
});
