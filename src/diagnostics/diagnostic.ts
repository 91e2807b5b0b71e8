/** One problem found in a record, in the shape of vfile-message: where, how bad, what, and what to do. */
export type Severity = 'error' | 'warning' | 'info';

/** A place in a source file; lines and columns are 1-based. */
export interface Span {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface Diagnostic {
  /** Project-relative POSIX path of the file the problem is in ('' when it concerns the project as a whole). */
  file: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  severity: Severity;
  /** Permanent code, `stage/name`, documented in catalogue.ts. */
  code: string;
  /** Data path inside the file's record, e.g. ["education", 1, "end"]. */
  path?: (string | number)[];
  /** What happened, without the position (the formatter adds it). */
  message: string;
  /** What to do about it. */
  hint?: string;
  /** The offending input value, when there is one. */
  input?: unknown;
}

/** Collects diagnostics across stages so that every problem is reported at once. */
export class Diagnostics {
  readonly list: Diagnostic[] = [];

  add(d: Diagnostic): void {
    this.list.push(d);
  }

  error(file: string, span: Span | undefined, code: string, message: string, extra: Partial<Diagnostic> = {}): void {
    this.add({ file, ...span, severity: 'error', code, message, ...extra });
  }

  warning(file: string, span: Span | undefined, code: string, message: string, extra: Partial<Diagnostic> = {}): void {
    this.add({ file, ...span, severity: 'warning', code, message, ...extra });
  }

  get errorCount(): number {
    return this.list.filter((d) => d.severity === 'error').length;
  }

  get warningCount(): number {
    return this.list.filter((d) => d.severity === 'warning').length;
  }
}

/** Sorted by file, then line and column, then code: the order a reader walks the files in. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.code.localeCompare(b.code) ||
      a.message.localeCompare(b.message),
  );
}
