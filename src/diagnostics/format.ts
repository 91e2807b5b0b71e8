/** Diagnostics as a compiler-style text report or as JSON for editors and CI. */
import { printable } from '../text/printable.js';
import { sortDiagnostics, type Diagnostic } from './diagnostic.js';

function place(d: Diagnostic): string {
  if (!d.file) return '<project>';
  if (d.line === undefined) return d.file;
  return `${d.file}:${d.line}:${d.column ?? 1}`;
}

export function formatText(list: readonly Diagnostic[], options: { color?: boolean } = {}): string {
  const paint = (code: number, s: string) => (options.color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const lines: string[] = [];
  for (const d of sortDiagnostics(list)) {
    const sev = d.severity === 'error' ? paint(31, 'error') : d.severity === 'warning' ? paint(33, 'warning') : paint(36, 'info');
    // What a diagnostic quotes comes from the record: no control character of it reaches the terminal.
    lines.push(`${printable(place(d))} ${sev}: ${printable(d.message)} [${d.code}]`);
    if (d.hint) lines.push(`  hint: ${printable(d.hint)}`);
  }
  lines.push(summary(list));
  return lines.join('\n') + '\n';
}

export function summary(list: readonly Diagnostic[]): string {
  const errors = list.filter((d) => d.severity === 'error').length;
  const warnings = list.filter((d) => d.severity === 'warning').length;
  const infos = list.filter((d) => d.severity === 'info').length;
  if (errors + warnings + infos === 0) return '✔ no problems';
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const parts = [`✖ ${plural(errors, 'error')}`, `⚠ ${plural(warnings, 'warning')}`];
  if (infos) parts.push(`ℹ ${plural(infos, 'note')}`);
  return parts.join(', ');
}

export function formatJson(list: readonly Diagnostic[]): string {
  const rows = sortDiagnostics(list).map((d) => ({
    file: d.file,
    line: d.line ?? null,
    column: d.column ?? null,
    endLine: d.endLine ?? null,
    endColumn: d.endColumn ?? null,
    severity: d.severity,
    code: d.code,
    path: d.path ?? [],
    message: d.message,
    hint: d.hint ?? null,
    input: d.input === undefined ? null : d.input,
  }));
  return JSON.stringify(rows, null, 2) + '\n';
}
