/**
 * The pipeline's shape (DESIGN.md): each folder of src/ a floor, data flowing one way. A module imports only
 * from its own folder or a lower floor, and no modules import each other in a circle. Type-only imports are
 * free: they vanish at compile time.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesUnder } from '../files.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const src = join(root, 'src');

/** Lower numbers are lower floors. `index.ts` is the package's entry: opening a project (load to check). */
const FLOORS: Record<string, number> = {
  text: 0,
  diagnostics: 0,
  types: 0,
  schema: 1,
  strings: 1,
  load: 2,
  validate: 3,
  resolve: 4,
  render: 5,
  check: 6,
  'index.ts': 7,
  write: 8,
  import: 8,
  new: 8,
  serve: 9,
  cli: 10,
};

/** Every module of src/ with the modules it imports for their values (static and dynamic). */
function valueImports(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of filesUnder(src).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))) {
    const text = readFileSync(join(src, file), 'utf8');
    const deps: string[] = [];
    for (const m of text.matchAll(/^(import|export)\s+(type\s+)?[^;]*?\bfrom\s+'(\.[^']+)'|\bimport\(\s*'(\.[^']+)'\s*\)/gms)) {
      if (m[2]) continue;
      const spec = m[3] ?? m[4]!;
      deps.push(posix.normalize(posix.join(posix.dirname(file), spec.replace(/\.js$/, '.ts'))));
    }
    graph.set(file, deps);
  }
  return graph;
}

const floorOf = (file: string) => FLOORS[file.split('/')[0]!];

describe('the pipeline on its floors', () => {
  const graph = valueImports();

  it('reads some modules (the walk itself works)', () => {
    assert.ok(graph.size > 100, `only ${graph.size} modules found under src/`);
    assert.ok((graph.get('cli/main.ts') ?? []).length > 0);
  });

  it('gives every folder of src/ a floor', () => {
    const folders = new Set([...graph.keys()].map((f) => f.split('/')[0]!));
    assert.deepEqual([...folders].filter((f) => floorOf(f) === undefined), []);
  });

  it('imports nothing from a higher floor', () => {
    const up: string[] = [];
    for (const [file, deps] of graph) {
      for (const dep of deps) {
        const from = file.split('/')[0];
        const to = dep.split('/')[0];
        if (from !== to && floorOf(dep)! > floorOf(file)!) up.push(`${file} -> ${dep}`);
      }
    }
    assert.deepEqual(up, []);
  });

  it('has no circle of imports', () => {
    // Tarjan's strongly connected components: any with two or more modules is a circle.
    let next = 0;
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const circles: string[][] = [];
    const visit = (v: string): void => {
      index.set(v, next);
      low.set(v, next++);
      stack.push(v);
      onStack.add(v);
      for (const w of graph.get(v) ?? []) {
        if (!graph.has(w)) continue;
        if (!index.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
      if (low.get(v) === index.get(v)) {
        const part: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          part.push(w);
        } while (w !== v);
        if (part.length > 1) circles.push(part.sort());
      }
    };
    for (const v of graph.keys()) if (!index.has(v)) visit(v);
    assert.deepEqual(circles, []);
  });
});
