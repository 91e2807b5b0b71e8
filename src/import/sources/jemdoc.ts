/**
 * A jemdoc site: *.jemdoc pages (index.jemdoc first), converted to Markdown and read as a Markdown CV. jemdoc's markup:
 * `= Title`, `== Section`, `- item`, `. numbered item`, `*bold*`, `/italic/`, `[url text]`, `\*` a literal star (an
 * equal-contribution mark), `{{raw html}}`, `~~~` blocks, `#` comments. Publication lines are read by the citation
 * reader (`(α-β)` marks alphabetical order); group pages by the mentoring reader ("Name (2022 - 2024) -> PhD at MIT").
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { emptyBundle, note, type ImportBundle, type ImportSource } from '../bundle.js';
import { decodeEntities, htmlToMarkdown, slug } from '../text.js';
import { readText } from './bibtex.js';
import { listFiles, relinkBundle, SiteFiles } from './common.js';
import { markdownCvIntoBundle } from './markdown-cv.js';

export const jemdocSource: ImportSource = {
  kind: 'jemdoc',
  description: 'a jemdoc site (a folder of .jemdoc pages, or one page)',
  read: (path) => readJemdoc(path),
};

export function readJemdoc(path: string): ImportBundle {
  const isDir = statSync(path).isDirectory();
  const root = isDir ? path : dirname(path);
  const bundle = emptyBundle('jemdoc', slug(basename(isDir ? path : path.replace(/\.jemdoc$/, ''))) || 'jemdoc');
  const pages = isDir ? listFiles(root, '', ['.jemdoc']) : [basename(path)];
  // The homepage first: its title is the owner's name.
  pages.sort((a, b) => Number(b === 'index.jemdoc') - Number(a === 'index.jemdoc') || a.localeCompare(b));
  if (pages.length === 0) {
    note(bundle, 'error', { file: basename(path) }, 'no-source', 'the folder holds no .jemdoc page');
    return bundle;
  }
  const parts: string[] = [];
  const lineMap: { file: string; line: number }[] = [];
  for (const [i, page] of pages.entries()) {
    const text = existsSync(join(root, page)) ? readText(join(root, page), page, bundle) : undefined;
    if (text === undefined) continue;
    const converted = jemdocToMarkdown(text, i === 0 ? 0 : 1);
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
 * jemdoc as Markdown, line by line (each output line knows its source line). `shift` lowers headings: the title of a
 * page other than the homepage is a section of the CV.
 */
export function jemdocToMarkdown(text: string, shift = 0): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let inBlock = false;
  for (const [i, raw] of lines.entries()) {
    const n = i + 1;
    if (/^~~~\s*$/.test(raw)) {
      inBlock = !inBlock;
      continue;
    }
    if (inBlock && /^\{[^}]*\}(\{[^}]*\})*\s*$/.test(raw.trim())) continue; // a block's {title}{img_left}{...} line
    if (/^#/.test(raw) && !/^#\s*jemdoc/.test(raw)) continue;
    if (/^#\s*jemdoc/.test(raw)) continue;
    const heading = /^(=+)\s*(.*)$/.exec(raw);
    if (heading) {
      out.push({ text: `${'#'.repeat(Math.min(6, heading[1]!.length + shift))} ${inline(heading[2]!)}`, line: n });
      continue;
    }
    const bullet = /^([-.])\s+(.*)$/.exec(raw);
    if (bullet) {
      out.push({ text: `- ${inline(bullet[2]!)}`, line: n });
      continue;
    }
    const nested = /^([-.]{2,})\s+(.*)$/.exec(raw);
    if (nested) {
      out.push({ text: `  ${inline(nested[2]!)}`, line: n });
      continue;
    }
    out.push({ text: raw.trim() === '' ? '' : raw.startsWith(' ') || raw.startsWith('\t') ? `  ${inline(raw.trim())}` : inline(raw), line: n });
  }
  return out;
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
