/** The import's report: what was imported per kind, what was already there (and how it differs), what was skipped. */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatText } from '../diagnostics/format.js';
import { printable } from '../text/printable.js';
import type { ImportResult } from './index.js';
import type { ItemKind } from './bundle.js';
import type { Merged } from './merge.js';

export interface ImportCounts {
  kind: string;
  /** New in the project. */
  imported: number;
  /** Already in the project. */
  merged: number;
  /** In the source twice, kept once. */
  duplicates: number;
  /** Not carried: how many, and why (several reasons joined). */
  skipped: number;
  why: { why: string; count: number }[];
}

/**
 * Per kind: how many are new, how many were recognised as already there or as the same item twice in the source, how
 * many were left out and why. For the kinds counted item by item (publications, news, talks, teaching, events), these
 * add up to the items the source holds.
 */
export function countImport(result: ImportResult): ImportCounts[] {
  const { bundle, merge, plan } = result;
  if (!bundle || !merge || !plan) return [];
  const merged = (kind: Merged['kind'], project: boolean) => merge.merged.filter((m) => m.kind === kind && (m.file !== undefined) === project).length;
  const left = (kind: ItemKind) => {
    const why = new Map<string, number>();
    for (const l of bundle.leftOut) if (l.kind === kind) why.set(l.why, (why.get(l.why) ?? 0) + l.count);
    // Publications the plan could not write so that they check.
    if (kind === 'publications') {
      const unwritable = plan.notes.filter((d) => d.code === 'import/entry-skipped').length;
      if (unwritable) why.set('not valid once written', (why.get('not valid once written') ?? 0) + unwritable);
    }
    const list = [...why].map(([w, count]) => ({ why: w, count }));
    return { skipped: list.reduce((n, w) => n + w.count, 0), why: list };
  };
  return [
    { kind: 'publications', imported: plan.counts.publications, merged: merged('publication', true), duplicates: merged('publication', false), ...left('publications') },
    { kind: 'people', imported: plan.counts.people, merged: merged('person', true), duplicates: 0, skipped: 0, why: [] },
    { kind: 'news', imported: plan.counts.news, merged: merged('news', true), duplicates: 0, ...left('news') },
    { kind: 'talks', imported: plan.counts.talks, merged: Math.max(0, bundle.talks.length - plan.counts.talks), duplicates: 0, ...left('talks') },
    { kind: 'teaching', imported: plan.counts.teaching, merged: Math.max(0, bundle.teaching.length - plan.counts.teaching), duplicates: 0, ...left('teaching') },
    { kind: 'events', imported: plan.counts.events, merged: merged('event', true), duplicates: merged('event', false), ...left('events') },
    { kind: 'pages', imported: plan.counts.pages ?? 0, merged: merged('page', true), duplicates: 0, ...left('pages') },
  ];
}

export function formatReport(result: ImportResult, options: { color?: boolean } = {}): string {
  const out: string[] = [];
  const verb = result.aborted ? (result.dryRun ? 'would not be imported' : 'could not be imported') : result.dryRun ? 'would import' : 'imported';
  if (result.kind) out.push(`${result.source} (${result.kind}) ${verb} into ${result.into}${result.creates && !result.aborted ? ' (a new project)' : ''}`);
  const counts = countImport(result).filter((c) => c.imported + c.merged + c.duplicates + c.skipped > 0);
  if (counts.length && !result.aborted) {
    out.push('');
    for (const c of counts) {
      if (c.imported + c.merged + c.duplicates + c.skipped === 0) continue;
      const parts = [`${c.imported} new`];
      if (c.merged) parts.push(`${c.merged} already there`);
      if (c.duplicates) parts.push(`${c.duplicates} merged (in the source twice)`);
      if (c.skipped) parts.push(`${c.skipped} left out (${c.why.map((w) => `${w.why}${c.why.length > 1 || w.count > 1 ? `: ${w.count}` : ''}`).join('; ')})`);
      out.push(`  ${c.kind.padEnd(13)} ${parts.join(', ')}`);
    }
  }
  if (result.plan && !result.aborted) {
    const files = result.plan.files;
    if (files.length) {
      out.push('', result.dryRun ? 'Files it would write:' : 'Files:');
      for (const f of files) {
        const state = result.dryRun ? '+' : result.unchanged.includes(f.path) ? '=' : '+';
        out.push(`  ${state} ${f.path}  (${f.what})`);
      }
    } else out.push('', 'Nothing new: the project already has everything the source holds.');
  }
  const merged = result.merge?.merged ?? [];
  // Entries of the source that were one paper (a preprint and its published version) have their own section below.
  const differing = merged.filter((m) => (m.kind !== 'publication' || m.file !== undefined) && (m.conflicts.length || m.missing.length || m.preprintOf));
  if (differing.length) {
    out.push('', 'Already in the project, with differences (nothing was changed in your files):');
    for (const m of differing) out.push(...describeMerged(m));
  }
  const inSource = merged.filter((m) => m.kind === 'publication' && m.file === undefined);
  if (inSource.length) {
    out.push('', 'The same paper twice in the source (kept once):');
    for (const m of inSource) out.push(`  ${m.imported} -> ${m.into} (${m.how})${m.conflicts.length ? `; differs in ${m.conflicts.map((c) => c.field).join(', ')}` : ''}`);
  }
  // Names, titles and paths above come from the source: no control character of theirs reaches the terminal.
  for (let i = 0; i < out.length; i++) out[i] = printable(out[i]!);
  const notes = collapseRepeats([...result.diagnostics, ...result.check]);
  out.push('');
  if (notes.length) out.push(formatText(notes, options).trimEnd());
  else out.push('✔ nothing to report');
  if (result.aborted && result.dryRun) out.push('Dry run: the import would stop at the errors above and write nothing.');
  else if (result.aborted && result.check.length) out.push('What the import would write does not check (above): it was taken back, nothing was written.');
  else if (result.aborted) out.push('Nothing was written: correct the errors above and import again.');
  else if (result.dryRun && result.plan) out.push('Dry run: nothing was written.');
  return out.join('\n') + '\n';
}

/** More of one kind of note than this are shown once, with their count and first places. */
const REPEATS_SHOWN = 3;

/**
 * Notes said many times over (the same code and message but for what they quote) shown once: the message with quoted
 * parts elided, how many times, and where the first few are.
 */
export function collapseRepeats(notes: Diagnostic[]): Diagnostic[] {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of notes) {
    const shape = `${d.severity}|${d.code}|${messageShape(d.message)}`;
    const group = groups.get(shape);
    if (group) group.push(d);
    else groups.set(shape, [d]);
  }
  const out: Diagnostic[] = [];
  for (const group of groups.values()) {
    if (group.length <= REPEATS_SHOWN) {
      out.push(...group);
      continue;
    }
    const first = group[0]!;
    const places = group.slice(0, REPEATS_SHOWN).map((d) => `${d.file}${d.line ? `:${d.line}` : ''}`);
    out.push({ ...first, message: `${messageShape(first.message)} (${group.length} times; first at ${places.join(', ')}, ...)` });
  }
  return out;
}

function messageShape(message: string): string {
  return message.replace(/"[^"]*"|“[^”]*”/g, '"…"').replace(/\b\d+\b/g, 'N');
}

function describeMerged(m: Merged): string[] {
  const where = m.file ? `${m.file}${m.line ? `:${m.line}` : ''}` : 'the import';
  const lines = [`  ${m.kind} ${m.imported} = ${m.into} in ${where} (${m.how})`];
  if (m.preprintOf) lines.push(`    the project's entry is the preprint of the published paper in the source: update it by hand (type, venue, year) and keep its arXiv id`);
  for (const c of m.conflicts) lines.push(`    ${c.field}: project "${clip(c.project)}", source "${clip(c.imported)}"`);
  if (m.missing.length) lines.push(`    only in the source: ${m.missing.join(', ')}`);
  return lines;
}

function clip(raw: string): string {
  const text = printable(raw);
  return text.length > 70 ? `${text.slice(0, 67)}...` : text;
}

/** Exit status: 1 when the import could not be done or what it wrote does not check. */
export function exitStatus(result: ImportResult): number {
  return result.diagnostics.some((d) => d.severity === 'error') || result.check.length ? 1 : 0;
}
