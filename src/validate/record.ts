/** One raw record through its schema. */
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type { RawRecord } from '../load/record.js';
import { SCHEMAS } from '../schema/index.js';
import type { Located } from './index.js';
import { issuesToDiagnostics } from './issues.js';
import { salvage } from './salvage.js';
import { checkConfig } from './config.js';
import type { ConfigInput } from '../schema/index.js';

export function validateRecord(raw: RawRecord, diagnostics: Diagnostics): Located<unknown> | undefined {
  const schema = SCHEMAS[raw.kind];
  if (raw.value === null || typeof raw.value !== 'object' || Array.isArray(raw.value)) {
    diagnostics.error(raw.file, raw.locate([]), 'validate/wrong-type', `a ${raw.kind} file must be a mapping of fields, not ${raw.value === null ? 'nothing' : Array.isArray(raw.value) ? 'a list' : 'a single value'}`, {
      hint: 'write one "field: value" per line.',
    });
    return undefined;
  }
  const result = schema.safeParse(raw.value, { reportInput: true });
  let value: Record<string, unknown>;
  if (result.success) value = result.data as Record<string, unknown>;
  else {
    for (const d of issuesToDiagnostics(raw, schema, result.error.issues)) diagnostics.add(d);
    // The record without its wrong fields still exists for the rest of the project (see salvage.ts).
    const kept = salvage(schema, raw.value, result.error.issues, raw.id) as Record<string, unknown> | undefined;
    // Without a usable id (a citation key "wu 2018"), nothing can refer to the record: it is left out.
    if (kept === undefined || (raw.kind === 'publication' && typeof kept.id !== 'string')) return undefined;
    value = kept;
  }
  const id = typeof value.id === 'string' ? value.id : (raw.id ?? '');
  const located = { id, file: raw.file, value, locate: raw.locate };
  if (raw.kind === 'config') checkConfig(located as Located<ConfigInput>, diagnostics);
  return located;
}
