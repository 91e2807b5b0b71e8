// Runs the test files with Node's test runner (Node 20 does not expand globs itself). Arguments filter the files by
// path (`node scripts/test.mjs test/new/`); --full also runs what npm test samples (axe-core on every page).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

function find(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' ? [] : find(p);
    return e.name.endsWith('.test.ts') ? [p] : [];
  });
}

const args = process.argv.slice(2);
const full = args.includes('--full');
const only = args.filter((a) => a !== '--full');
const files = find('test').filter((f) => only.length === 0 || only.some((o) => f.includes(o))).sort();
if (files.length === 0) {
  console.error(`no test files match ${only.join(', ')}`);
  process.exit(1);
}
const started = Date.now();
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  // The command's compile cache (src/cli/launch.ts) is not made by the tests' runs on small fixtures: the next build
  // of a real record would read theirs. Tests of the cache name a folder of their own.
  env: { VITA_COMPILE_CACHE: 'off', ...process.env, ...(full ? { VITA_TEST_FULL: '1' } : {}) },
});
const seconds = ((Date.now() - started) / 1000).toFixed(0);
console.log(`\n${files.length} test file${files.length === 1 ? '' : 's'} run${full ? ' (full)' : ''} in ${seconds} s: ${result.status === 0 ? 'all passed' : 'some failed (above)'}`);
for (const f of files) console.log(`  ${f}`);
process.exit(result.status ?? 1);
