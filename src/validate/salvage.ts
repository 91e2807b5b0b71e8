/**
 * What is left of a record when some of its fields are wrong: the record without them. A person whose one date is
 * mistyped is still a person that advisors, authors and speakers refer to, so one mistake gives one error, not one
 * more at every reference to it. Only what the schema refused is taken out; the diagnostics are the first pass's.
 */
import type { z } from 'zod';

type Path = readonly PropertyKey[];

/** Rounds of taking out and checking again: each takes out what is wrong, or, failing that, what holds it. */
const ROUNDS = 6;

/**
 * `standIn`: text for a missing required field of the record itself (a person without `name`), so that the record
 * still exists for what refers to it; the error is the first pass's, and nothing is built while there is one.
 */
export function salvage(schema: z.ZodType, value: object, issues: readonly z.core.$ZodIssue[], standIn?: string): unknown {
  let current: unknown = structuredClone(value);
  let pending = issues;
  for (let round = 0; round < ROUNDS; round++) {
    const targets: Path[] = [];
    for (const issue of pending) {
      if (standIn !== undefined && issue.path.length === 1 && valueAt(current, issue.path) === undefined && takesText(issue)) {
        (current as Record<PropertyKey, unknown>)[issue.path[0] as string] = standIn;
        continue;
      }
      const path = issue.path;
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) targets.push([...path, key]);
        continue;
      }
      // A missing field cannot be taken out: what holds it goes (an education entry without its institution).
      const missing = issue.code === 'invalid_type' && valueAt(current, path) === undefined;
      const lift = (missing ? 1 : 0) + Math.max(0, round - 2);
      targets.push(path.slice(0, Math.max(0, path.length - lift)));
    }
    // The record itself cannot go and still be the record.
    if (targets.some((t) => t.length === 0)) return undefined;
    current = without(current, targets);
    const again = schema.safeParse(current);
    if (again.success) return again.data;
    pending = again.error.issues;
  }
  return undefined;
}

/** Whether a field reported missing may be text (a plain string, or one of a union's kinds: `name`, `title`). */
function takesText(issue: z.core.$ZodIssue): boolean {
  if (issue.code === 'invalid_type') return issue.expected === 'string';
  if (issue.code === 'invalid_union') return issue.errors.some((branch) => branch.some((e) => e.code === 'invalid_type' && e.expected === 'string' && e.path.length === 0));
  return false;
}

function valueAt(value: unknown, path: Path): unknown {
  let at = value;
  for (const step of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[step as string];
  }
  return at;
}

/** `value` without what is at each of `paths`; list items are taken out after, so the places of the others hold. */
function without(value: unknown, paths: readonly Path[]): unknown {
  const lists = new Set<unknown[]>();
  const GONE = Symbol('gone');
  for (const path of paths) {
    const parent = valueAt(value, path.slice(0, -1));
    if (parent === null || typeof parent !== 'object') continue;
    const key = path[path.length - 1]!;
    if (Array.isArray(parent) && typeof key === 'number') {
      parent[key] = GONE;
      lists.add(parent);
    } else delete (parent as Record<PropertyKey, unknown>)[key as string];
  }
  for (const list of lists) {
    const kept = list.filter((x) => x !== GONE);
    list.length = 0;
    list.push(...kept);
  }
  return value;
}
