/** JSON Schemas for editors, made from the same zod schemas that validate: they cannot disagree. */
import { z } from 'zod';
import { SCHEMAS, type RecordKind } from './index.js';

export function jsonSchemaFor(kind: RecordKind): Record<string, unknown> {
  const schema = z.toJSONSchema(SCHEMAS[kind], { io: 'input', unrepresentable: 'any', target: 'draft-07' });
  return { $id: `https://vita.invalid/schema/${kind}.schema.json`, title: `vita ${kind}`, ...schema };
}

/** Every kind's schema as file name -> pretty JSON text. */
export function allJsonSchemas(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kind of Object.keys(SCHEMAS) as RecordKind[]) out[`${kind}.schema.json`] = JSON.stringify(jsonSchemaFor(kind), null, 2) + '\n';
  // publications/*.yaml holds a list of publications.
  const list = { $id: 'https://vita.invalid/schema/publications.schema.json', title: 'vita publications', type: 'array', items: { $ref: 'publication.schema.json' } };
  out['publications.schema.json'] = JSON.stringify(list, null, 2) + '\n';
  return out;
}
