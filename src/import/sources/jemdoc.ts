/**
 * A jemdoc site: *.jemdoc pages (index.jemdoc first), converted to Markdown and read as a Markdown CV. jemdoc's markup:
 * `= Title`, `== Section`, `- item`, `. numbered item`, `*bold*`, `/italic/`, `[url text]`, `\*` a literal star (an
 * equal-contribution mark), `{{raw html}}`, `~~~` blocks, `#` comments. Publication lines are read by the citation
 * reader (`(α-β)` marks alphabetical order); group pages by the mentoring reader ("Name (2022 - 2024) -> PhD at MIT").
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { emptyBundle, note, type ImportBundle, type ImportSource } from '../bundle.js';
import { normalizeName } from '../../resolve/names.js';
import { compact, decodeEntities, htmlToMarkdown, parseTerm, plainText, slug } from '../text.js';
import { readText } from './bibtex.js';
import { listFiles, relinkBundle, SiteFiles } from './common.js';
import { markdownCvIntoBundle } from './markdown-cv.js';
import { cleanAuthorLine, looksLikeAuthors } from '../citation.js';

export const jemdocSource: ImportSource = {
  kind: 'jemdoc',
  description: 'a jemdoc site (a folder of .jemdoc pages, or one page)',
  read: (path) => readJemdoc(path),
};

export function readJemdoc(path: string): ImportBundle {
  const isDir = statSync(path).isDirectory();
  const root = isDir ? path : dirname(path);
  const bundle = emptyBundle('jemdoc', slug(basename(isDir ? path : path.replace(/\.jemdoc$/, ''))) || 'jemdoc');
  const pages = isDir ? listFiles(root, '', ['.jemdoc'], true) : [basename(path)];
  // The homepage first: its title is the owner's name.
  pages.sort((a, b) => Number(b === 'index.jemdoc') - Number(a === 'index.jemdoc') || a.localeCompare(b));
  if (pages.length === 0) {
    note(bundle, 'error', { file: basename(path) }, 'no-source', 'the folder holds no .jemdoc page');
    return bundle;
  }
  const parts: string[] = [];
  const lineMap: { file: string; line: number }[] = [];
  const courses: (CoursePage & { page: string })[] = [];
  for (const [i, page] of pages.entries()) {
    const text = existsSync(join(root, page)) ? readText(join(root, page), page, bundle, root) : undefined;
    if (text === undefined) continue;
    const course = i === 0 ? undefined : coursePage(text);
    if (course) {
      courses.push({ ...course, page });
      continue;
    }
    const converted = jemdocToMarkdown(text, i === 0 ? 0 : 1, pageTitle(text) ?? basename(page, '.jemdoc'));
    for (const [j, line] of converted.entries()) {
      parts.push(line.text);
      lineMap[parts.length] = { file: page, line: line.line };
      void j;
    }
  }
  // Notes point into the .jemdoc pages, not into the Markdown made from them.
  const notes: ImportBundle['notes'] = [];
  const sink = { ...bundle, notes };
  markdownCvIntoBundle(parts.join('\n'), 'site.md', sink, 'start index.jemdoc with the name as its title: `= Lei Wu`.');
  Object.assign(bundle, { ...sink, notes: bundle.notes });
  for (const n of notes) {
    const at = n.line !== undefined ? lineMap[n.line] : undefined;
    bundle.notes.push(at ? { ...n, file: at.file, line: at.line } : { ...n, file: pages[0]! });
  }
  const owner = bundle.people.find((p) => p.id === bundle.owner);
  for (const course of courses) {
    if (!owner) break;
    const name = String(owner.value.name ?? '');
    const mine = (names: string | undefined) => names !== undefined && normalizeName(names).includes(normalizeName(name));
    // The owner on the TA line is the TA; named with others as instructors, a co-instructor.
    const role = mine(course.assistants) && !mine(course.instructors) ? 'ta' : course.instructors && mine(course.instructors) && /,|\band\b|&/.test(course.instructors) ? 'co-instructor' : 'instructor';
    const instructor = role === 'ta' && course.instructors ? course.instructors.split(/\s*(?:,|\band\b|&)\s*/)[0] : undefined;
    bundle.teaching.push({ person: owner.id, value: compact({ course: course.name, role, term: course.term, instructor }) as never, origin: { file: course.page, line: course.line } });
    if (course.rest) {
      note(bundle, 'info', { file: course.page, line: course.line }, 'not-carried', `the course page "${course.title}" is in teaching; its text (${course.rest}) was not imported`, 'keep the syllabus where it is and link it from the course (url:), or copy it into a page of the project.');
    }
  }
  const files = new SiteFiles(root, bundle);
  relinkBundle(bundle, files);
  for (const kind of ['publications', 'talks', 'teaching'] as const) {
    for (const item of bundle[kind]) {
      const at = item.origin.line !== undefined ? lineMap[item.origin.line] : undefined;
      if (at) item.origin = { file: at.file, line: at.line };
    }
  }
  return bundle;
}

/**
 * jemdoc as Markdown, line by line (each output line knows its source line). jemdoc's blocks are kept: the lines of a
 * list item up to the next item or blank line are one item (continuation lines indented), and a paragraph that starts
 * with a lone link or title followed by a line of authors is a publication entry written title first (made a list
 * item). The first heading of the homepage is the owner's name whatever its level (`==Name`); the first heading of
 * another page is a section of the CV (`##`), its other headings subsections.
 */
export function jemdocToMarkdown(text: string, shift = 0, pageName = ''): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const home = shift === 0;
  let inBlock = false;
  let headings = 0;
  let sectionLevel = 2;
  const titled = home ? undefined : pageTitle(text);
  /** What the previous line opened: a list item or a paragraph goes on until a blank line. */
  let open: 'item' | 'paragraph' | undefined;
  let paragraph: { text: string; line: number; broken: boolean }[] = [];
  const flush = () => {
    if (paragraph.length > 1 && titleFirst(paragraph[0]!.text) && looksLikeAuthorLine(paragraph[1]!.text)) {
      out.push({ text: `- ${paragraph[0]!.text}`, line: paragraph[0]!.line });
      for (const l of paragraph.slice(1)) out.push({ text: `  ${l.text}`, line: l.line });
    } else {
      // A paragraph's lines are one line of text, except where jemdoc's `\n` breaks them (an address).
      let last: { text: string; line: number; broken: boolean } | undefined;
      for (const l of paragraph) {
        if (last && !last.broken) {
          last.text += ` ${l.text}`;
          last.broken = l.broken;
        } else {
          last = { ...l };
          out.push(last);
        }
      }
    }
    paragraph = [];
  };
  for (const [i, raw] of lines.entries()) {
    const n = i + 1;
    if (/^~~~\s*$/.test(raw)) {
      flush();
      open = undefined;
      inBlock = !inBlock;
      continue;
    }
    if (inBlock && /^\{[^}]*\}(\{[^}]*\})*\s*$/.test(raw.trim())) continue; // a block's {title}{img_left}{...} line
    if (/^#/.test(raw)) continue; // comments, and the `# jemdoc:` line
    const heading = /^(=+)\s*(.*?)\s*$/.exec(raw);
    if (heading) {
      flush();
      open = undefined;
      const level = heading[1]!.length;
      const title = inline(heading[2]!);
      if (!home && headings === 0 && titled && level > 1 && plainText(title) !== titled) {
        // `title{Talks}` names the page and `== 2024` is its first section.
        out.push({ text: `## ${titled}`, line: n });
        headings++;
      }
      // Levels count from the page's sections, whatever levels the title and the sections were written at.
      if (headings === 1) sectionLevel = level;
      const depth = headings === 0 ? (home ? 1 : 2) : Math.max(home ? 2 : 3, level - sectionLevel + (home ? 2 : 3));
      headings++;
      out.push({ text: `${'#'.repeat(Math.min(6, depth))} ${title}`, line: n });
      continue;
    }
    if (!home && headings === 0 && raw.trim() !== '') {
      // A page without a title heading (jemdoc's title{} instead) is still its own section.
      out.push({ text: `## ${titled ?? pageName}`, line: n });
      headings++;
    }
    if (raw.trim() === '') {
      flush();
      open = undefined;
      out.push({ text: '', line: n });
      continue;
    }
    const bullet = /^([-.])\s+(.*)$/.exec(raw);
    if (bullet) {
      flush();
      open = 'item';
      out.push({ text: `- ${inline(bullet[2]!)}`, line: n });
      continue;
    }
    const nested = /^([-.]{2,})\s+(.*)$/.exec(raw);
    if (nested) {
      flush();
      open = 'item';
      out.push({ text: `  ${inline(nested[2]!)}`, line: n });
      continue;
    }
    const converted = inline(raw.trim());
    if (open === 'item') out.push({ text: `  ${converted}`, line: n });
    else if (inBlock) out.push({ text: converted, line: n });
    else {
      open = 'paragraph';
      paragraph.push({ text: converted, line: n, broken: /\\n\s*$/.test(raw) });
    }
  }
  flush();
  return out;
}

interface CoursePage {
  title: string;
  name: string;
  term?: string;
  instructors?: string;
  assistants?: string;
  line: number;
  /** The sections of the page beyond its header, named, for the report. */
  rest?: string;
}

/**
 * A course's page ("= MA 305: Mathematical Statistics, Fall 2024", "Instructor: ...") as a course: the title without
 * its term is the course, the term is read from the title or the lines under it. A page is a course page when its
 * title carries a term or a course code and the page names an instructor or has a syllabus or schedule.
 */
export function coursePage(text: string): CoursePage | undefined {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const at = lines.findIndex((l) => /^=+\s*\S/.test(l));
  if (at === -1) return undefined;
  const title = plainText(inline(lines[at]!.replace(/^=+\s*/, '')));
  const body = lines.slice(at + 1).map((l) => plainText(inline(l)));
  const field = (re: RegExp) => body.map((l) => re.exec(l)?.[1]?.trim()).find(Boolean);
  const instructors = field(/^(?:instructors?|lecturers?|teachers?|professor)\s*:\s*(.+)$/i);
  const assistants = field(/^(?:teaching assistants?|TAs?|tutors?)\s*:\s*(.+)$/i);
  const term = parseTerm(title) ?? parseTerm(body.slice(0, 10).join(' '));
  const coded = /\b[A-Z]{2,6}\s?-?\d{3,4}[A-Z]?\b/.test(title);
  const hasCourseSections = lines.some((l) => /^=+\s*(?:syllabus|schedule|lectures?|homework|assignments|grading|textbooks?)\b/i.test(l));
  if (!(term || coded) || !(instructors || assistants || hasCourseSections)) return undefined;
  const name = title
    .replace(/\(?\b(?:spring|summer|fall|autumn|winter)\s+\d{4}\)?|\(?\b\d{4}\s+(?:spring|summer|fall|autumn|winter)\)?/i, '')
    .replace(/[\s,;:–—-]+$|^[\s,;:–—-]+/g, '')
    .trim();
  const sections = lines.filter((l) => /^==+\s*\S/.test(l)).map((l) => plainText(inline(l.replace(/^=+\s*/, ''))));
  return { title, name: name || title, term, instructors, assistants, line: at + 1, rest: sections.length ? sections.join(', ') : undefined };
}

/** The title a page gives in its `# jemdoc: title{...}` line. */
function pageTitle(text: string): string | undefined {
  return /^#\s*jemdoc:.*\btitle\{([^}]*)\}/m.exec(text)?.[1]?.trim() || undefined;
}

/** A line that is a publication's title alone: a link on words, or bold or italic words, with tag links after it. */
function titleFirst(line: string): boolean {
  return /^(?:\*{1,2})?\[[^\]]{8,}\]\([^)\s]+\)(?:\*{1,2})?[.,]?(?:\s*\[[^\]]{1,12}\]\([^)\s]+\))*\s*$/.test(line) || /^\*{1,2}[^*]{8,}\*{1,2}[.,]?\s*$/.test(line);
}

function looksLikeAuthorLine(line: string): boolean {
  return looksLikeAuthors(cleanAuthorLine(line));
}

/** jemdoc's inline markup as Markdown. Links are set aside first, so that the slashes of URLs are not italics. */
export function inline(text: string): string {
  const held: string[] = [];
  const hold = (s: string) => `\u0000${held.push(s) - 1}\u0000`;
  let t = text
    .replace(/\{\{([\s\S]*?)\}\}/g, (_, html: string) => hold(htmlToMarkdown(html)))
    .replace(/\\([[\]{}#~+/@$])/g, (_, c: string) => hold(c))
    .replace(/\\\*/g, hold('\\*'))
    .replace(/\\\\/g, hold('\n'))
    .replace(/\s*\\n\s*$/, '')
    .replace(/\[img\{[^\]]*\]/g, '')
    .replace(/\[((?:https?:|mailto:|\.{0,2}\/)?[^\s\]]+\.[^\s\]]*|[^\s\]]+\.html?)\s+([^\]]+)\]/g, (_, url: string, label: string) => hold(`[${label.replace(/\*(.+?)\*/g, '**$1**')}](${url})`))
    .replace(/\[((?:https?|mailto):[^\s\]]+)\]/g, (_, url: string) => hold(`<${url}>`))
    .replace(/(^|[^\w\\])\*([^*\n]+?)\*(?![\w])/g, '$1**$2**')
    .replace(/(^|[\s(,;])\/([^/\n]+?)\/(?=[\s.,;:)]|$)/g, '$1*$2*')
    .replace(/\+([^+\n]+)\+/g, '`$1`')
    .replace(/~/g, ' ')
    .replace(/\s+--\s+/g, ' – ');
  t = t.replace(/\u0000(\d+)\u0000/g, (_, i: string) => held[Number(i)]!);
  return decodeEntities(t);
}
