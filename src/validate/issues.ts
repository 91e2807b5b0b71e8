/** Turns zod's issues for one record into diagnostics with positions and plain wording. */
import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RawRecord } from '../load/record.js';
import { CHECK_MESSAGES, describeExpected, describeInput, formatPath, shorten } from './messages.js';
import { closest } from './suggest.js';

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
      if (input === undefined) {
        const parent = path.slice(0, -1);
        return [{ ...base, ...at(parent), code: 'validate/missing-field', message: `missing required field "${field}"`, hint: `add "${String(path[path.length - 1])}:" ${parent.length ? `under ${formatPath(parent)}` : 'to the file'}.` }];
      }
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
      const guess = typeof input === 'string' ? closest(input, options) : undefined;
      if (input === undefined) {
        return [{ ...base, ...at(path.slice(0, -1)), code: 'validate/missing-field', message: `missing required field "${field}"`, hint: `write one of: ${options.join(', ')}.` }];
      }
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
        const shown = input === undefined || typeof input === 'object' ? '' : ` ${typeof input === 'string' ? JSON.stringify(shorten(input)) : String(input)}`;
        return [{ ...base, ...at(path), code: `validate/${key}`, message: `${name}${shown} ${check.what}`, hint: check.hint, input }];
      }
      return [{ ...base, ...at(path), code: 'validate/invalid', message: `${name}: ${issue.message}`, input }];
    }
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const what =
        issue.origin === 'array'
          ? issue.code === 'too_small'
            ? `needs at least ${bound} item${Number(bound) === 1 ? '' : 's'}`
            : `has more than ${bound} items`
          : issue.origin === 'string'
            ? issue.code === 'too_small'
              ? 'is empty'
              : 'is too long'
            : issue.code === 'too_small'
              ? `is below ${bound}`
              : `is above ${bound}`;
      return [{ ...base, ...at(path), code: 'validate/out-of-range', message: `${name} ${what}`, input }];
    }
    case 'invalid_union': {
      // Report the branch the user most plausibly meant: the one that got furthest into the value.
      const branches = issue.errors.filter((b) => b.length > 0);
      const deepest = branches.sort((a, b) => depth(b) - depth(a))[0];
      if (deepest && depth(deepest) > 0) return deepest.flatMap((sub) => describe(record, schema, sub, [...path, ...(sub.path as (string | number)[])]));
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

function depth(issues: readonly Issue[]): number {
  return Math.max(0, ...issues.map((i) => i.path.length + (i.code === 'invalid_type' ? 0 : 1)));
}

function typeHint(expected: string, input: unknown): string | undefined {
  if (expected === 'array' && input !== null && typeof input !== 'object') return 'write a list: one "- item" per line, or [a, b].';
  if (expected === 'string' && typeof input === 'number') return 'put the value in quotes.';
  if (expected === 'number' && typeof input === 'string') return 'write the number without quotes.';
  if (expected === 'object') return 'write the fields indented under this key, one "field: value" per line.';
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
}

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
    return d.type === 'object' && d.shape ? Object.keys(d.shape) : [];
  });
}
