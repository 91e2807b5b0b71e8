import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { allJsonSchemas } from '../../src/schema/json-schema.js';

const DIR = new URL('../../schema/', import.meta.url);

test('schema/*.schema.json match the zod schemas', () => {
  const expected = allJsonSchemas();
  const committed = readdirSync(DIR).filter((f) => f.endsWith('.schema.json')).sort();
  assert.deepEqual(committed, Object.keys(expected).sort(), 'the files in schema/ are not the generated set: run `npm run schemas`');
  for (const [name, text] of Object.entries(expected)) {
    assert.ok(readFileSync(new URL(name, DIR), 'utf8') === text, `schema/${name} is stale: run \`npm run schemas\``);
  }
});

test('every schema is valid JSON with an $id', () => {
  for (const [name, text] of Object.entries(allJsonSchemas())) {
    const schema = JSON.parse(text) as { $id?: string };
    assert.equal(schema.$id, `https://vita.invalid/schema/${name}`);
  }
});
