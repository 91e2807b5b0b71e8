/**
 * Which kind of source a path is, from the files present (and, for single files, a look inside); a source that is not
 * a path may name an online service (arxiv:..., orcid:...). A path that exists is always a file or a folder.
 */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { staysInside } from '../load/inside.js';
import { extname, join } from 'node:path';
import type { SourceKind } from './bundle.js';
import { onlineKindOf } from './online/spec.js';

export interface Detection {
  kind?: SourceKind;
  /** Why: "_config.yml and _bibliography/ (al-folio)", or why nothing fits. */
  reason: string;
}

export function detectSource(path: string): Detection {
  if (!existsSync(path)) {
    const online = onlineKindOf(path);
    return online ? { kind: online, reason: `an online source (${online})` } : { reason: `"${path}" does not exist` };
  }
  const stat = statSync(path);
  return stat.isDirectory() ? detectFolder(path) : detectFile(path);
}

function detectFile(path: string): Detection {
  const ext = extname(path).toLowerCase();
  if (ext === '.bib' || ext === '.bibtex') return { kind: 'bibtex', reason: 'a .bib file' };
  if (ext === '.jemdoc') return { kind: 'jemdoc', reason: 'a .jemdoc page' };
  const head = readHead(path);
  if (ext === '.ics' || ext === '.ical' || ext === '.ifb' || /^\s*BEGIN:VCALENDAR/i.test(head)) return { kind: 'ics', reason: 'an iCalendar feed' };
  if (ext === '.json') {
    if (listsTalks(head)) return { kind: 'seminar-data', reason: 'a JSON list of talks (speaker, title, date)' };
    if (isResume(path)) return { kind: 'json-resume', reason: 'a JSON file with "basics" (JSON Resume)' };
    return { reason: 'a JSON file that is not a JSON Resume (it has no "basics")' };
  }
  if (ext === '.yaml' || ext === '.yml') {
    if (/^cv\s*:/m.test(head)) return { kind: 'rendercv', reason: 'a YAML file with a top-level `cv:` (RenderCV)' };
    if (listsTalks(head)) return { kind: 'seminar-data', reason: 'a YAML list of talks (speaker, title, date)' };
    return { reason: 'a YAML file without a top-level `cv:` (not a RenderCV file) nor a list of talks' };
  }
  if (ext === '.md' || ext === '.markdown') return { kind: 'markdown-cv', reason: 'a Markdown file (a CV in Markdown)' };
  if (/^\s*@[A-Za-z]+\s*[{(]/m.test(head)) return { kind: 'bibtex', reason: 'BibTeX entries' };
  if (/^\s*\{[\s\S]*"basics"\s*:/.test(head)) return { kind: 'json-resume', reason: 'a JSON Resume' };
  return { reason: `vita does not know what kind of file "${path}" is` };
}

function detectFolder(path: string): Detection {
  const has = (p: string) => existsSync(join(path, p));
  // A seminar's site before a person's: its talk pages name a speaker (a person's talks are their own).
  const seminar = seminarSiteReason(path);
  if (seminar) return { kind: 'seminar-site', reason: seminar };
  const jekyll = has('_config.yml') || has('_config.yaml');
  if (has('_publications') || has('_talks') || (jekyll && has('_teaching'))) {
    return { kind: 'academicpages', reason: '_publications/ or _talks/ (academicpages)' };
  }
  if (jekyll && (has('_bibliography') || has('_news') || has('_data/coauthors.yml') || has('_teachings'))) {
    return { kind: 'al-folio', reason: '_config.yml with _bibliography/ or _news/ (al-folio)' };
  }
  if (has('content/publication') || has('content/publications') || has('content/authors') || has('content/event')) {
    return { kind: 'hugo-blox', reason: 'content/publication/ or content/authors/ (Hugo Blox / Wowchemy)' };
  }
  const names = safeList(path);
  if (names.some((n) => n.endsWith('.jemdoc'))) return { kind: 'jemdoc', reason: '.jemdoc pages' };
  if (names.some((n) => n.toLowerCase().endsWith('.bib'))) return { kind: 'bibtex', reason: 'a folder of .bib files' };
  // Only files of the folder itself: a link out of it (to /dev/zero, or a private file) is not read, even to look.
  const yaml = names.find((n) => /\.ya?ml$/.test(n) && staysInside(path, n) && /^cv\s*:/m.test(readHead(join(path, n))));
  if (yaml) return { kind: 'rendercv', reason: `${yaml} has a top-level \`cv:\` (RenderCV)` };
  return { reason: 'the folder is none of the kinds vita imports (al-folio, academicpages, Hugo Blox, jemdoc, .bib files, a seminar site)' };
}

/** Talk pages whose front matter names a speaker, or a data file listing talks: a seminar's site. */
function seminarSiteReason(path: string): string | undefined {
  for (const dir of TALK_FOLDERS) {
    const abs = join(path, dir);
    if (!existsSync(abs) || !statSync(abs).isDirectory()) continue;
    const pages = safeList(abs).filter((n) => !n.startsWith('_index.')).slice(0, 50).map((n) => (n.endsWith('.md') || n.endsWith('.markdown') ? join(dir, n) : join(dir, n, 'index.md')));
    if (pages.some((p) => staysInside(path, p) && SPEAKER_KEY.test(frontMatterOf(readHead(join(path, p)))))) return `${dir}/ pages that name a speaker (a seminar site)`;
  }
  for (const dir of ['_data', 'data']) {
    const data = safeList(join(path, dir)).find((n) => /\.(ya?ml|json)$/.test(n) && staysInside(path, join(dir, n)) && listsTalks(readHead(join(path, dir, n))));
    if (data) return `${dir}/${data} lists talks (a seminar site)`;
  }
  return undefined;
}

/** Where seminar sites keep a page per talk (Hugo, Jekyll). */
export const TALK_FOLDERS = ['content/talks', 'content/talk', 'content/event', 'content/events', 'content/seminars', 'content/seminar', '_talks', '_seminars', '_events', '_posts'];
const SPEAKER_KEY = /^(speakers?|presenters?)\s*[:=]/m;

function frontMatterOf(text: string): string {
  return /^(?:---|\+\+\+)\s*\n([\s\S]*?)\n(?:---|\+\+\+)/.exec(text)?.[1] ?? '';
}

/**
 * A data file whose records have a speaker, a title and a date (YAML `- speaker:` ... `title:`, or JSON "speaker": ...);
 * `name` is a speaker only beside a talk's title (`talk`, `topic`), not beside any `title`.
 */
export function listsTalks(head: string): boolean {
  const key = (names: string) => new RegExp(`^\\s*(?:-\\s+)?["']?(?:${names})["']?\\s*:`, 'm').test(head);
  const speaker = key('speakers?|presenters?') || (key('name') && key('talk|talk_title|topic'));
  return speaker && key('title|talk|talk_title|topic') && key('date|start|datetime|when') && !/^cv\s*:/m.test(head) && !/"basics"\s*:/.test(head);
}

/** A JSON object with a "basics" object; a file that is not JSON at all is left to the reader to report. */
function isResume(path: string): boolean {
  let text: string;
  try {
    if (!statSync(path).isFile()) return false;
    text = readFileSync(path, 'utf8');
  } catch {
    return false;
  }
  try {
    const value = JSON.parse(text) as { basics?: unknown } | null;
    return typeof value?.basics === 'object' && value.basics !== null && !Array.isArray(value.basics);
  } catch {
    // Broken JSON that looks like a resume is read as one, so that the error is reported where it is.
    return /"basics"\s*:/.test(text.slice(0, 4000));
  }
}

function safeList(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

/** The first characters of a regular file (never a device or a pipe, which may never end). */
function readHead(path: string): string {
  let fd: number | undefined;
  try {
    if (!statSync(path).isFile()) return '';
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(16_000);
    return buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)).toString('utf8').slice(0, 4000);
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
