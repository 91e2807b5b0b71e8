import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Diagnostics } from '../../src/diagnostics/diagnostic.js';
import { readYaml, tooDeep } from '../../src/load/yaml.js';

test('YAML nested deeper than a record can be is reported where it goes too deep, never as a stack overflow', () => {
  const flow = `name: Ada\nbio: ${'['.repeat(20000)}${']'.repeat(20000)}\n`;
  const block = `name: Ada\nlinks:\n${Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i + 1)}a${i}:`).join('\n')}\n`;
  for (const [text, line] of [
    [flow, 2],
    [block, 102],
  ] as const) {
    const diagnostics = new Diagnostics();
    const parsed = readYaml('people/ada.yaml', text, diagnostics);
    assert.equal(parsed.ok, false);
    assert.deepEqual(
      diagnostics.list.map((d) => [d.code, d.line]),
      [['load/yaml-too-deep', line]],
    );
    assert.doesNotMatch(diagnostics.list[0]!.message, /call stack/);
  }
});

test('brackets in prose, quoted text and comments are not nesting', () => {
  const prose = Array.from({ length: 300 }, (_, i) => `- title: On the interval [0, 1) and {x | x > ${i}\n  note: "[[[[" # [[[[`).join('\n');
  assert.equal(tooDeep(prose, 100), undefined);
});

test('no file of the example comes near the limit', () => {
  const root = fileURLToPath(new URL('../../examples/pku-group/', import.meta.url));
  const yamlFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : []));
  const files = yamlFiles(root);
  assert.ok(files.length > 5);
  for (const file of files) assert.equal(tooDeep(readFileSync(file, 'utf8'), 12), undefined, file);
});
