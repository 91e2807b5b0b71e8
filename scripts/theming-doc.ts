/** Writes the component reference of docs/theming.md from src/render/site/components.ts (`npx tsx scripts/theming-doc.ts`); a test fails when it is stale. */
import { readFileSync, writeFileSync } from 'node:fs';
import { COMPONENT_NAMES, componentsMarkdown, DOC_END, DOC_START } from '../src/render/site/components.js';

const file = new URL('../docs/theming.md', import.meta.url);
const doc = readFileSync(file, 'utf8');
const start = doc.indexOf(DOC_START);
const end = doc.indexOf(DOC_END);
if (start < 0 || end < start) throw new Error(`docs/theming.md lacks the markers ${DOC_START} ... ${DOC_END}`);
writeFileSync(file, doc.slice(0, start + DOC_START.length) + '\n\n' + componentsMarkdown() + '\n' + doc.slice(end));
console.log(`wrote docs/theming.md (${COMPONENT_NAMES.length} components)`);
