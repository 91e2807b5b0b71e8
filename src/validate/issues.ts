/** Turns zod's issues for one record into diagnostics with positions and plain wording. */
import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RawRecord } from '../load/record.js';
import { closest } from '../text/suggest.js';
import { calendarProblem } from '../schema/common.js';
import { CHECK_MESSAGES, describeExpected, describeInput, formatPath, shorten } from './messages.js';

type Issue = z.core.$ZodIssue;

export function issuesToDiagnostics(record: RawRecord, schema: z.ZodType, issues: readonly Issue[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) out.push(...describe(record, schema, issue, issue.path as (string | number)[]));
  return out;
}

function describe(record: RawRecord, schema: z.ZodType, issue: Issue, path: (string | number)[]): Diagnostic[] {
  const base = { file: record.file, severity: 'error' as const, path };
  const at = (p: (string | number)[]) => record.locate(p);
  const field = formatPath(path);
  const input = (issue as { input?: unknown }).input;
  const name = field || 'the record';

  switch (issue.code) {
    case 'unrecognized_keys': {
      return issue.keys.map((key) => {
        const known = knownKeys(schema, path);
        const guess = closest(key, known);
        const where = field ? ` in ${field}` : '';
        return {
          ...base,
          ...at([...path, key]),
          path: [...path, key],
          code: 'validate/unknown-field',
          message: `unknown field "${key}"${where}`,
          hint: guess ? `did you mean "${guess}"?` : known.length ? `known fields here: ${known.filter((k) => k !== '$schema').join(', ')}.` : undefined,
        };
      });
    }
    case 'invalid_type': {
      if (input === undefined) return [missingField(record, path)];
      const checked = namedCheck(record, schema, path, input);
      if (checked) return [checked];
      return [
        {
          ...base,
          ...at(path),
          code: 'validate/wrong-type',
          message: `${name} should be ${describeExpected(issue.expected)}, not ${describeInput(input)}`,
          hint: typeHint(issue.expected, input),
          input,
        },
      ];
    }
    case 'invalid_value': {
      const options = issue.values.map(String);
      const guess = typeof input === 'string' ? guessOption(input, options) : undefined;
      if (input === undefined) return [{ ...missingField(record, path), hint: `add "${String(path[path.length - 1])}:" with one of: ${options.join(', ')}.` }];
      return [
        {
          ...base,
          ...at(path),
          code: 'validate/not-allowed',
          message: `${name} ${JSON.stringify(input)} is not one of ${options.join(', ')}`,
          hint: guess ? `did you mean "${guess}"?` : undefined,
          input,
        },
      ];
    }
    case 'invalid_format':
    case 'custom': {
      const key = issue.message?.startsWith('vita:') ? issue.message.slice(5) : issue.code === 'invalid_format' ? issue.format : '';
      const check = CHECK_MESSAGES[key];
      if (check) {
        return [checkDiagnostic(record, path, key, input)];
      }
      if (issue.code === 'invalid_format') {
        // A pattern without a vita: message: say what the field takes, from the schema's own description.
        const expected = descriptionAt(schema, path);
        return [
          {
            ...base,
            ...at(path),
            code: 'validate/invalid',
            message: `${name}${shownValue(input)} is not in the form this field takes`,
            hint: expected ? `expected ${lowerFirst(expected)}` : undefined,
            input,
          },
        ];
      }
      return [{ ...base, ...at(path), code: 'validate/invalid', message: `${name}: ${issue.message}`, input }];
    }
    case 'invalid_key': {
      const parent = path.slice(0, -1);
      const key = String(path[path.length - 1]);
      const expected = descriptionAt(schema, parent);
      return [
        {
          ...base,
          ...at(path),
          code: 'validate/invalid',
          message: `"${key}" is not allowed as a key of ${formatPath(parent) || 'the record'}`,
          hint: expected ? `expected ${lowerFirst(expected)}` : undefined,
          input: key,
        },
      ];
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const bound = small ? issue.minimum : issue.maximum;
      const inclusive = issue.inclusive !== false;
      const items = (n: unknown) => `${n} item${Number(n) === 1 ? '' : 's'}`;
      const [what, hint] =
        issue.origin === 'array'
          ? small
            ? Number(bound) === 1 && Array.isArray(input) && input.length === 0
              ? ['is an empty list', 'write at least one item.']
              : [`needs at least ${items(bound)}`, `write at least ${items(bound)}.`]
            : [`has more than ${items(bound)}`, `keep at most ${items(bound)}.`]
          : issue.origin === 'string'
            ? small
              ? ['is empty', 'write the text, or leave the field out if it is optional.']
              : ['is too long', `shorten it to at most ${bound} characters.`]
            : small
              ? [`${shownValue(input)} is ${inclusive ? 'below' : 'not above'} ${bound}`.trim(), inclusive ? `the smallest value allowed is ${bound}.` : `write a number above ${bound}.`]
              : [`${shownValue(input)} is ${inclusive ? 'above' : 'not below'} ${bound}`.trim(), inclusive ? `the largest value allowed is ${bound}.` : `write a number below ${bound}.`];
      return [{ ...base, ...at(path), code: 'validate/out-of-range', message: `${name} ${what}`, hint, input }];
    }
    case 'invalid_union': {
      if (input === undefined) return [missingField(record, path)];
      // Report the branch the user most plausibly meant: the one that got furthest into the value.
      const branches = issue.errors.filter((b) => b.length > 0);
      const deepest = branches.sort((a, b) => depth(b) - depth(a))[0];
      if (deepest && depth(deepest) > 0) return deepest.flatMap((sub) => describe(record, schema, sub, [...path, ...(sub.path as (string | number)[])]));
      const checked = namedCheck(record, schema, path, input);
      if (checked) return [checked];
      const expected = [...new Set(branches.flatMap((b) => b.map((i) => (i.code === 'invalid_type' ? describeExpected(i.expected) : ''))).filter(Boolean))];
      return [
        {
          ...base,
          ...at(path),
          code: 'validate/wrong-type',
          message: `${name} should be ${expected.join(' or ') || 'something else'}, not ${describeInput(input)}`,
          input,
        },
      ];
    }
    default:
      return [{ ...base, ...at(path), code: 'validate/invalid', message: `${name}: ${issue.message}`, input }];
  }
}

/** A required field that is not written: reported at the mapping that lacks it. */
function missingField(record: RawRecord, path: (string | number)[]): Diagnostic {
  const parent = path.slice(0, -1);
  const key = String(path[path.length - 1]);
  const bibtex = record.file.toLowerCase().endsWith('.bib');
  const entry = record.kind === 'publication' && record.id ? ` in "${record.id}"` : '';
  const written = record.kind === 'page' || record.kind === 'post' || record.kind === 'project';
  const hint = bibtex
    ? `add \`${BIBTEX_FIELDS[key] ?? key} = {...}\` to the entry.`
    : written && key === 'title' && !parent.length
      ? 'add "title:" to the front matter, or start the text with a "# Title" line.'
      : record.kind === 'post' && key === 'date' && !parent.length
        ? 'name the file <YYYY-MM-DD>-<slug>.md (posts/2025-03-14-notes.md), or add "date:" to the front matter.'
    : `add "${key}:" ${parent.length ? `under ${formatPath(parent)}` : record.kind === 'publication' ? 'to this publication' : 'to the file'}.`;
  return { file: record.file, severity: 'error', path, ...record.locate(parent), code: 'validate/missing-field', message: `missing required field "${formatPath(path)}"${entry}`, hint };
}

/** Schema field -> the BibTeX field it is read from, where they differ. */
const BIBTEX_FIELDS: Record<string, string> = { authors: 'author' };

/** A check with a plain-words message (CHECK_MESSAGES), reported as `validate/<name>`. */
function checkDiagnostic(record: RawRecord, path: (string | number)[], key: string, input: unknown): Diagnostic {
  const check = CHECK_MESSAGES[key]!;
  const subject = check.aboutParent ? path.slice(0, -1) : path;
  const shown = typeof input === 'object' ? '' : shownValue(input);
  let hint = check.hint;
  if (typeof input === 'number' && (key === 'date' || key === 'date-or-present')) hint = `with a dot, YAML reads ${input} as a number: ${hint}`;
  // The right shape but not on the calendar (2018-02-30, 23:75): say which part is wrong.
  const why = typeof input === 'string' && (key === 'date' || key === 'date-or-present' || key === 'datetime') ? calendarProblem(input) : undefined;
  return { file: record.file, severity: 'error', path, ...record.locate(path), code: `validate/${key}`, message: `${formatPath(subject) || 'the record'}${shown} ${check.what}${why ? `: ${why}` : ''}`, hint, input };
}

/**
 * A value of the wrong type for a field whose schema carries a named check (a date written as the number 2018.13):
 * reported as that check, which says what the field takes, rather than as the types zod tried.
 */
function namedCheck(record: RawRecord, schema: z.ZodType, path: (string | number)[], input: unknown): Diagnostic | undefined {
  if (input === null || input === undefined || typeof input === 'object') return undefined;
  const key = checkKeyAt(schema, path);
  return key ? checkDiagnostic(record, path, key, input) : undefined;
}

function shownValue(input: unknown): string {
  if (input === undefined || input === null || typeof input === 'object') return '';
  return ` ${typeof input === 'string' ? JSON.stringify(shorten(input)) : String(input)}`;
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}

/** "Did you mean" for a closed list of values: a near spelling, or the abbreviation of what was written (teaching-assistant -> ta). */
function guessOption(input: string, options: readonly string[]): string | undefined {
  const near = closest(input, options);
  if (near) return near;
  const words = input.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  const initials = words.map((w) => w[0]).join('');
  const compact = words.join('');
  return options.find((o) => o === initials || o.replace(/[^a-z0-9]/g, '') === compact) ?? options.find((o) => o.length >= 3 && words.includes(o));
}

function depth(issues: readonly Issue[]): number {
  return Math.max(0, ...issues.map((i) => i.path.length + (i.code === 'invalid_type' ? 0 : 1)));
}

function typeHint(expected: string, input: unknown): string | undefined {
  if (expected === 'array' && input !== null && typeof input !== 'object') return 'write a list: one "- item" per line, or [a, b].';
  if (expected === 'string' && typeof input === 'number') return 'put the value in quotes.';
  if (expected === 'number' && typeof input === 'string') return 'write the number without quotes.';
  if (expected === 'boolean') return 'write true or false, without quotes.';
  if (expected === 'object') return 'write the fields indented under this key, one "field: value" per line.';
  if (expected === 'string' && isPlainObject(input)) {
    // `- Optimization: why SGD finds flat minima` is a mapping to YAML.
    const [only] = Object.entries(input);
    return only && Object.keys(input).length === 1 && typeof only[1] === 'string'
      ? `text that contains ": " must be quoted: "${only[0]}: ${only[1]}".`
      : 'text that contains ": " must be quoted.';
  }
  return undefined;
}

/** The field names an object schema accepts at a data path, for "did you mean". */
export function knownKeys(schema: z.ZodType, path: readonly (string | number)[]): string[] {
  let nodes: unknown[] = [schema];
  for (const step of path) nodes = nodes.flatMap((n) => stepInto(n, step));
  return [...new Set(nodes.flatMap((n) => objectKeys(n)))];
}

interface Def {
  type: string;
  shape?: Record<string, unknown>;
  innerType?: unknown;
  element?: unknown;
  options?: unknown[];
  in?: unknown;
  out?: unknown;
  valueType?: unknown;
  keyType?: unknown;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The schemas at a data path, as written in their parent (with their own description and wrappers). */
function schemasAt(schema: z.ZodType, path: readonly (string | number)[]): unknown[] {
  let nodes: unknown[] = [schema];
  for (const step of path) nodes = nodes.flatMap((n) => stepInto(n, step));
  return nodes;
}

/** The description the schema gives the field at a path (what the JSON Schema shows editors). */
export function descriptionAt(schema: z.ZodType, path: readonly (string | number)[]): string | undefined {
  for (const node of schemasAt(schema, path)) {
    for (let n: unknown = node; n; ) {
      const description = (n as { description?: string }).description;
      if (description) return description;
      const d = defOf(n);
      n = d && WRAPPERS.has(d.type) ? d.innerType : d?.type === 'pipe' ? d.in : undefined;
    }
  }
  return undefined;
}

/** The name of the vita: check the field at a path carries (a refine with message "vita:date"), if any. */
function checkKeyAt(schema: z.ZodType, path: readonly (string | number)[]): string | undefined {
  const visit = (n: unknown): string | undefined => {
    const d = defOf(n) as (Def & { checks?: { _zod?: { def?: { error?: (issue: unknown) => unknown } } }[] }) | undefined;
    if (!d) return undefined;
    for (const c of d.checks ?? []) {
      let message: unknown;
      try {
        message = c._zod?.def?.error?.({});
      } catch {
        message = undefined;
      }
      if (typeof message === 'string' && message.startsWith('vita:') && CHECK_MESSAGES[message.slice(5)]) return message.slice(5);
    }
    if (WRAPPERS.has(d.type)) return visit(d.innerType);
    if (d.type === 'pipe') return visit(d.out) ?? visit(d.in);
    return undefined;
  };
  for (const node of schemasAt(schema, path)) {
    const key = visit(node);
    if (key) return key;
  }
  return undefined;
}

const WRAPPERS = new Set(['optional', 'default', 'nullable', 'readonly', 'catch', 'prefault']);

function defOf(n: unknown): Def | undefined {
  return (n as { _zod?: { def?: Def } })?._zod?.def;
}

/** Looks through wrappers (optional, default, pipe, union) to the schemas that can hold fields. */
function unwrap(n: unknown): unknown[] {
  const d = defOf(n);
  if (!d) return [];
  switch (d.type) {
    case 'optional':
    case 'default':
    case 'nullable':
    case 'readonly':
    case 'catch':
    case 'prefault':
      return unwrap(d.innerType);
    case 'pipe':
      return unwrap(d.in);
    case 'union':
      return (d.options ?? []).flatMap(unwrap);
    default:
      return [n];
  }
}

function stepInto(n: unknown, step: string | number): unknown[] {
  return unwrap(n).flatMap((u) => {
    const d = defOf(u)!;
    if (d.type === 'array' && typeof step === 'number') return [d.element];
    if (d.type === 'object' && typeof step === 'string' && d.shape && step in d.shape) return [d.shape[step]];
    if (d.type === 'record' && typeof step === 'string') return [d.valueType];
    return [];
  });
}

function objectKeys(n: unknown): string[] {
  return unwrap(n).flatMap((u) => {
    const d = defOf(u)!;
    if (d.type === 'object' && d.shape) return Object.keys(d.shape);
    // A record keyed by a closed set of names (a publication's links: pdf, code, slides ...).
    const keys = d.type === 'record' ? (defOf(d.keyType) as { type?: string; entries?: Record<string, unknown> } | undefined) : undefined;
    return keys?.type === 'enum' && keys.entries ? Object.values(keys.entries).map(String) : [];
  });
}
