/** Writes docs/diagnostics.md from the diagnostic catalogue (`npx tsx scripts/diagnostics-doc.ts`); a test fails when it is stale. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { CATALOGUE, diagnosticsMarkdown } from '../src/diagnostics/catalogue.js';

const dir = new URL('../docs/', import.meta.url);
mkdirSync(dir, { recursive: true });
writeFileSync(new URL('diagnostics.md', dir), diagnosticsMarkdown());
console.log(`wrote docs/diagnostics.md (${Object.keys(CATALOGUE).length} codes)`);
