import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATALOGUE, diagnosticsMarkdown, STAGES } from '../../src/diagnostics/catalogue.js';
import { CHECK_MESSAGES } from '../../src/validate/messages.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SRC = join(ROOT, 'src');
/** Stages that emit diagnostics, and those that may start to (a code of theirs must first get a stage in STAGES). */
const STAGE_NAMES = [...new Set([...Object.keys(STAGES), 'render', 'write', 'build', 'cli'])].join('|');
/** A code as a whole string literal: 'load/yaml-syntax'. */
const LITERAL = new RegExp(String.raw`(['"\`])((?:${STAGE_NAMES})/[a-z][a-z0-9-]*)\1`, 'g');
/** A code made at run time: `validate/${key}`. */
const TEMPLATE = new RegExp(String.raw`\`((?:${STAGE_NAMES})/)\$\{`, 'g');
/** How each code made at run time expands: the names it can take. */
const EXPANSIONS: Record<string, () => string[]> = {
  'validate/': () => Object.keys(CHECK_MESSAGES),
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Every code the source tree can emit, with the files that emit it. */
function emittedCodes(): Map<string, string[]> {
  const codes = new Map<string, string[]>();
  const add = (code: string, file: string) => codes.set(code, [...(codes.get(code) ?? []), file]);
  for (const file of sourceFiles(SRC)) {
    const rel = relative(ROOT, file);
    if (rel === join('src', 'diagnostics', 'catalogue.ts')) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(LITERAL)) add(m[2]!, rel);
    for (const m of text.matchAll(TEMPLATE)) {
      const expand = EXPANSIONS[m[1]!];
      assert.ok(expand, `${rel} builds a code at run time (\`${m[1]}\${...}\`): teach test/diagnostics/catalogue.test.ts which names it can take`);
      for (const name of expand()) add(`${m[1]}${name}`, rel);
    }
  }
  return codes;
}

test('every code the source emits is in the catalogue', () => {
  const missing = [...emittedCodes()].filter(([code]) => !(code in CATALOGUE)).map(([code, files]) => `${code} (${[...new Set(files)].join(', ')})`);
  assert.deepEqual(missing, [], `add these codes to src/diagnostics/catalogue.ts, then run \`npx tsx scripts/diagnostics-doc.ts\`:\n  ${missing.join('\n  ')}`);
});

test('every catalogued code is still emitted', () => {
  const emitted = emittedCodes();
  const unused = Object.keys(CATALOGUE).filter((code) => !emitted.has(code));
  assert.deepEqual(unused, [], `these codes are catalogued but nothing emits them any more: remove them from src/diagnostics/catalogue.ts`);
});

test('catalogue entries are complete', () => {
  for (const [code, entry] of Object.entries(CATALOGUE)) {
    assert.match(code, new RegExp(String.raw`^(${Object.keys(STAGES).join('|')})/[a-z][a-z0-9-]*$`), `${code}: its stage needs an entry in STAGES (catalogue.ts), which heads its part of docs/diagnostics.md`);
    assert.ok(entry.title.trim(), `${code} has no title`);
    assert.ok(['error', 'warning', 'info'].includes(entry.severity), `${code} has no severity`);
    assert.ok(entry.description.trim().length > 20, `${code} has no description`);
    assert.ok(/[.!?]$/.test(entry.description.trim()), `${code}: the description should be whole sentences`);
  }
});

test('docs/diagnostics.md is up to date', () => {
  let written = '';
  try {
    written = readFileSync(join(ROOT, 'docs', 'diagnostics.md'), 'utf8');
  } catch {
    // compared below
  }
  assert.ok(written === diagnosticsMarkdown(), 'docs/diagnostics.md is stale: run `npx tsx scripts/diagnostics-doc.ts`');
});
