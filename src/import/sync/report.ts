/** What `vita sync` found, for a person to read (per person: new, already in the record, not theirs) or as JSON. */
import { formatText } from '../../diagnostics/format.js';
import { printable } from '../../text/printable.js';
import { collapseRepeats } from '../report.js';
import type { SyncedWork, SyncResult } from './index.js';

export function syncExitStatus(result: SyncResult): number {
  return result.aborted || result.check.length > 0 || result.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

export function syncJson(result: SyncResult): string {
  const { project: _project, ...rest } = result;
  const counts = { new: count(result, 'new'), merged: count(result, 'merged'), skipped: count(result, 'skipped') };
  return `${JSON.stringify({ ...rest, counts }, null, 2)}\n`;
}

export function formatSyncReport(result: SyncResult, options: { color?: boolean } = {}): string {
  const c = options.color ? { bold: '\x1b[1m', dim: '\x1b[2m', green: '\x1b[32m', red: '\x1b[31m', reset: '\x1b[0m' } : { bold: '', dim: '', green: '', red: '', reset: '' };
  const lines: string[] = [];
  const text = (s: string) => printable(s);
  for (const person of result.people) {
    const asked = person.sources.map((s) => `${s.label} (${s.works} work${s.works === 1 ? '' : 's'})`).join(', ');
    lines.push(`${c.bold}${text(person.name)}${c.reset} ${c.dim}(${person.file}): ${asked || 'nothing could be read'}${c.reset}`);
    const mine = result.works.filter((w) => w.person === person.id);
    const fresh = mine.filter((w) => w.status === 'new');
    const merged = mine.filter((w) => w.status === 'merged');
    const skipped = mine.filter((w) => w.status === 'skipped');
    if (fresh.length) {
      lines.push(`  ${c.green}new, not in the record (${fresh.length}):${c.reset}`);
      for (const w of fresh) lines.push(`    + ${citation(w)}`, `      ${c.dim}as ${w.id}; ${text(w.why)}; found in ${w.found.join(', ')}${c.reset}`);
    }
    if (merged.length) {
      const quiet = merged.filter((w) => !w.published && !w.adds?.length && !w.differs?.length);
      const telling = merged.filter((w) => !quiet.includes(w));
      lines.push(`  already in the record (${merged.length})${quiet.length ? `: ${quiet.length} the same there` : ''}${telling.length ? `${quiet.length ? ',' : ':'} ${telling.length} with something to add` : ''}`);
      for (const w of telling) {
        const where = w.into?.file ? `${w.into.file}${w.into.line ? `:${w.into.line}` : ''}` : '';
        lines.push(`    = ${w.id} ${c.dim}(${where}, same ${w.into?.how ?? 'work'})${c.reset}`);
        if (w.published) lines.push(`      your entry is the preprint; it was published${w.venue ? ` in ${text(w.venue)}` : ''}${w.year ? ` (${w.year})` : ''}${w.doi ? `, doi ${w.doi}` : ''}: update the entry`);
        // Names only: a long record would otherwise print every abstract the lists have (--format json has the values).
        if (w.adds?.length) lines.push(`      the source also has ${w.adds.map((a) => a.field).join(', ')}`);
        for (const d of w.differs ?? []) lines.push(`      ${d.field}: the record says ${text(d.project)}, the source ${text(d.imported)}`);
      }
    }
    if (skipped.length) {
      lines.push(`  ${c.red}skipped as not theirs (${skipped.length}):${c.reset}`);
      for (const w of skipped) lines.push(`    - ${citation(w)}`, `      ${c.dim}${text(w.why)} (${w.found.join(', ')})${c.reset}`);
    }
    if (!mine.length) lines.push('  no works found');
  }
  if (result.notAsked.length) {
    lines.push(`${c.dim}Not asked: ${result.notAsked.join(', ')} (their person files name online lists, but they are not the owner, the lead or current members; vita sync --person <id> asks one).${c.reset}`);
  }
  const notes = collapseRepeats(result.diagnostics.filter((d) => d.severity !== 'info'));
  if (notes.length) lines.push('', formatText(notes, options).trimEnd());
  if (result.check.length) lines.push('', 'What was written did not check, so it was taken back:', formatText(result.check, options).trimEnd());
  lines.push('', summary(result));
  return `${lines.join('\n')}\n`;
}

function summary(result: SyncResult): string {
  const n = count(result, 'new');
  const counts = `${n} new, ${count(result, 'merged')} already in the record, ${count(result, 'skipped')} skipped as not theirs`;
  if (result.aborted) return `${counts}. Nothing was written: fix the errors above first.`;
  const published = result.published ? ` ${result.published} gives the published versions of your preprints, to copy into their entries.` : '';
  if (n === 0) return `${counts}. The record is up to date${result.dryRun || result.written.length ? '' : ': nothing was written'}.${published}`;
  if (result.dryRun) return `${counts}. A dry run: nothing was written. vita sync --write adds the ${n} new work${n === 1 ? '' : 's'} to ${result.file}.`;
  return `${counts}. Added to ${result.file}; the answers are kept in imports/cache/.${published} Review them with git diff, then commit.`;
}

function count(result: SyncResult, status: SyncedWork['status']): number {
  return result.works.filter((w) => w.status === status).length;
}

function citation(w: SyncedWork): string {
  const authors = w.authors.length > 4 ? `${w.authors.slice(0, 3).join(', ')} et al.` : w.authors.join(', ');
  const ids = [w.doi && `doi ${w.doi}`, w.arxiv && `arXiv ${w.arxiv}`].filter(Boolean).join(', ');
  return printable(`${authors} (${w.year ?? 'n.d.'}). ${w.title}.${w.venue ? ` ${w.venue}.` : ''}${ids ? ` ${ids}` : ''}`);
}
