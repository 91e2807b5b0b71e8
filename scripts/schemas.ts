/** Writes schema/*.schema.json from the zod schemas (`npm run schemas`); a test fails when they are stale. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { allJsonSchemas } from '../src/schema/json-schema.js';

const dir = new URL('../schema/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const [name, text] of Object.entries(allJsonSchemas())) writeFileSync(new URL(name, dir), text);
console.log(`wrote ${Object.keys(allJsonSchemas()).length} schemas to schema/`);
