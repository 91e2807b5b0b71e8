/** The import's report: what was imported per kind, what was already there (and how it differs), what was skipped. */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatText } from '../diagnostics/format.js';
import type { ImportResult } from './index.js';
import type { Merged } from './merge.js';

export interface ImportCounts {
  kind: string;
  /** New in the project. */
  imported: number;
  /** Already in the project. */
  merged: number;
  /** In the source twice, kept once. */
  duplicates: number;
  skipped: number;
}

/** Per kind: how many are new, how many were recognised as already there, how many were left out. */
export function countImport(result: ImportResult): ImportCounts[] {
  const { bundle, merge, plan } = result;
  if (!bundle || !merge || !plan) return [];
  const merged = (kind: Merged['kind'], project: boolean) => merge.merged.filter((m) => m.kind === kind && (m.file !== undefined) === project).length;
  const skippedPubs = result.diagnostics.filter((d) => d.code === 'import/entry-skipped' || d.code === 'import/skipped').length;
  const pubs = plan.counts.publications;
  return [
    { kind: 'publications', imported: pubs, merged: merged('publication', true), duplicates: merged('publication', false), skipped: skippedPubs },
    { kind: 'people', imported: plan.counts.people, merged: merged('person', true), duplicates: 0, skipped: 0 },
    { kind: 'news', imported: plan.counts.news, merged: merged('news', true), duplicates: 0, skipped: countSkipped(result.diagnostics, 'news') },
    { kind: 'talks', imported: plan.counts.talks, merged: Math.max(0, bundle.talks.length - plan.counts.talks), duplicates: 0, skipped: countSkipped(result.diagnostics, 'talk') },
    { kind: 'teaching', imported: plan.counts.teaching, merged: Math.max(0, bundle.teaching.length - plan.counts.teaching), duplicates: 0, skipped: countSkipped(result.diagnostics, 'teaching') },
    { kind: 'events', imported: plan.counts.events, merged: merged('event', true), duplicates: 0, skipped: 0 },
  ];
}

function countSkipped(list: Diagnostic[], word: string): number {
  return list.filter((d) => d.code === 'import/skipped-item' && d.message.startsWith(word)).length;
}

export function formatReport(result: ImportResult, options: { color?: boolean } = {}): string {
  const out: string[] = [];
  const verb = result.aborted ? 'could not be imported' : result.dryRun ? 'would import' : 'imported';
  if (result.kind) out.push(`${result.source} (${result.kind}) ${verb} into ${result.into}${result.creates && !result.aborted ? ' (a new project)' : ''}`);
  const counts = countImport(result).filter((c) => c.imported + c.merged + c.duplicates + c.skipped > 0);
  if (counts.length && !result.aborted) {
    out.push('');
    for (const c of counts) {
      if (c.imported + c.merged + c.duplicates + c.skipped === 0) continue;
      const parts = [`${c.imported} new`];
      if (c.merged) parts.push(`${c.merged} already there`);
      if (c.duplicates) parts.push(`${c.duplicates} merged (in the source twice)`);
      if (c.skipped) parts.push(`${c.skipped} skipped`);
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
  const notes = [...result.diagnostics, ...result.check];
  out.push('');
  if (notes.length) out.push(formatText(notes, options).trimEnd());
  else out.push('✔ nothing to report');
  if (result.aborted) out.push('Nothing was written: correct the errors above and import again.');
  else if (result.dryRun && result.plan) out.push('Dry run: nothing was written.');
  return out.join('\n') + '\n';
}

function describeMerged(m: Merged): string[] {
  const where = m.file ? `${m.file}${m.line ? `:${m.line}` : ''}` : 'the import';
  const lines = [`  ${m.kind} ${m.imported} = ${m.into} in ${where} (${m.how})`];
  if (m.preprintOf) lines.push(`    the project's entry is the preprint of the published paper in the source: update it by hand (type, venue, year) and keep its arXiv id`);
  for (const c of m.conflicts) lines.push(`    ${c.field}: project "${clip(c.project)}", source "${clip(c.imported)}"`);
  if (m.missing.length) lines.push(`    only in the source: ${m.missing.join(', ')}`);
  return lines;
}

function clip(text: string): string {
  return text.length > 70 ? `${text.slice(0, 67)}...` : text;
}

/** Exit status: 1 when the import could not be done or what it wrote does not check. */
export function exitStatus(result: ImportResult): number {
  return result.diagnostics.some((d) => d.severity === 'error') || result.check.length ? 1 : 0;
}
