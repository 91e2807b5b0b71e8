/** `npm run bench`: loads and resolves a generated department, against a floor that only reads the same files. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openProject } from '../src/index.js';
import { generateDepartment } from './generate.js';

const size = { people: Number(process.env.PEOPLE ?? 1000), publications: Number(process.env.PUBLICATIONS ?? 50000), news: 2000, events: 500 };
const dir = mkdtempSync(join(tmpdir(), 'vita-bench-'));
const gc = (globalThis as { gc?: () => void }).gc;

function measure<T>(label: string, fn: () => T): { ms: number; value: T } {
  gc?.();
  const t0 = performance.now();
  const value = fn();
  const ms = performance.now() - t0;
  console.log(`${label.padEnd(40)} ${ms.toFixed(0).padStart(7)} ms`);
  return { ms, value };
}

function readAll(root: string): number {
  let bytes = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else bytes += readFileSync(p, 'utf8').length;
    }
  };
  walk(root);
  return bytes;
}

try {
  console.log(`generating ${size.people} people, ${size.publications} publications, ${size.news} news, ${size.events} events ...`);
  generateDepartment(dir, size);
  const floor = measure('floor: read every file', () => readAll(dir));
  const cold = measure('load + validate + resolve + check', () => openProject(dir));
  const warm = measure('again (warm)', () => openProject(dir));
  const { graph, diagnostics } = warm.value;
  console.log(`\n${graph.people.size} people, ${graph.publications.size} publications, ${graph.events.size} events; ${diagnostics.errorCount} errors, ${diagnostics.warningCount} warnings`);
  console.log(`ratio to floor: cold ${(cold.ms / floor.ms).toFixed(1)}x, warm ${(warm.ms / floor.ms).toFixed(1)}x`);
  console.log(`peak memory (rss): ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
  void statSync;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
