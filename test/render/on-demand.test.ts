import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const child = fileURLToPath(new URL('./on-demand-child.ts', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'vita-on-demand-'));
after(() => rmSync(root, { recursive: true, force: true }));

/** A one-person project; `extra` is written into the person's about.md and a publication's abstract. */
function project(name: string, extra: string): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'people'), { recursive: true });
  mkdirSync(join(dir, 'publications'), { recursive: true });
  writeFileSync(join(dir, 'vita.yaml'), 'title: Ada Lovelace\nbaseUrl: https://example.org/\nowner: ada\n');
  writeFileSync(join(dir, 'people', 'ada.yaml'), 'name: Ada Lovelace\ntitle: Professor\ntalks:\n  - title: On engines\n    event: A workshop\n    date: 2024-05-01\n');
  writeFileSync(join(dir, 'people', 'ada.md'), `Ada studies analytical engines. ${extra}\n`);
  writeFileSync(join(dir, 'publications', 'ada.bib'), `@article{ada2024,\n  title = {Notes on the engine},\n  author = {Ada Lovelace},\n  journal = {Journal of Engines},\n  year = {2024},\n  abstract = {We study the engine. ${extra}},\n}\n`);
  return dir;
}

/** The packages a render of the project loaded, by import or by require. */
function loaded(dir: string): Set<string> {
  const run = spawnSync(process.execPath, ['--import', 'tsx', child, dir], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const { files, required } = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { files: number; required: string[] };
  assert.ok(files > 5, 'the site was rendered');
  const paths = [...required, ...[...run.stderr.matchAll(/^IMPORTED (.+)$/gm)].map((m) => fileURLToPath(m[1]!))];
  const packages = new Set<string>();
  for (const p of paths) {
    const m = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(p);
    if (m) packages.add(m[1]!.replace(/\\/g, '/'));
  }
  return packages;
}

const HEAVY = ['hast-util-from-html', 'hast-util-sanitize', 'hast-util-to-html', 'parse5', 'katex', '@vscode/markdown-it-katex', 'tex2typst'];

describe('what a small site does not need is not loaded', () => {
  it('a site without raw HTML or math loads neither the sanitizer (parse5, hast) nor KaTeX nor tex2typst', () => {
    const packages = loaded(project('plain', 'Nothing more.'));
    assert.ok(packages.has('markdown-it') && packages.has('zod'), `the detection sees packages: ${[...packages].join(', ')}`);
    for (const name of HEAVY) assert.ok(!packages.has(name), `${name} was loaded`);
  });

  it('a site with raw HTML and math loads them when it needs them', () => {
    const packages = loaded(project('rich', 'The <abbr title="difference engine">DE</abbr> computes $x^2$.'));
    for (const name of ['hast-util-from-html', 'parse5', 'katex', '@vscode/markdown-it-katex']) assert.ok(packages.has(name), `${name} was not loaded`);
  });
});
