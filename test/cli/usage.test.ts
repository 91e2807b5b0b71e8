/**
 * Usage mistakes in every command: exit status 2, the closest valid option or value named, never Node's own parser
 * message ("Unknown option '--varient'. To specify a positional argument ...").
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const EXAMPLE = join(ROOT, 'examples', 'pku-group');

const CASES: [args: string[], stderr: RegExp][] = [
  [['chek', EXAMPLE], /unknown command "chek"\n {2}hint: did you mean vita check\?/],
  [['check', EXAMPLE, '--formt', 'json'], /vita check: unknown option "--formt"\n {2}hint: did you mean --format json\?/],
  [['check', EXAMPLE, '--format', 'jsno'], /--format takes text or json, not "jsno"\n {2}hint: did you mean --format json\?/],
  [['check', EXAMPLE, '--format'], /--format needs a value/],
  [['check', EXAMPLE, 'extra'], /vita check: it takes one project folder; "extra" is one too many/],
  [['build', EXAMPLE, '--outt', 'site'], /unknown option "--outt"\n {2}hint: did you mean --out site\?/],
  [['build', EXAMPLE, '--no-search=yes'], /--no-search takes no value/],
  [['build', EXAMPLE, '--base-url', 'https://[x'], /--base-url "https:\/\/\[x" is not a web address a browser can read/],
  [['dev', EXAMPLE, '--prot', '8080'], /did you mean --port 8080\?/],
  [['cv', EXAMPLE, '--varient', 'short'], /vita cv: unknown option "--varient"\n {2}hint: did you mean --variant short\?/],
  [['cv', EXAMPLE, '--variant', 'shrt'], /unknown CV variant "shrt".*\n {2}hint: did you mean --variant short\?/],
  [['cv', EXAMPLE, '--theme', 'clasic'], /did you mean --theme classic\?/],
  [['cv', EXAMPLE, '--format', 'pdff'], /did you mean --format pdf\?/],
  [['cv', EXAMPLE, '--person', 'lei-wuu'], /"lei-wuu" is not a person of the project.*\n {2}hint: did you mean --person lei-wu\?/],
  [['cv', EXAMPLE, '-x'], /unknown option "-x"/],
  [['export', 'jsonresum', EXAMPLE], /did you mean vita export jsonresume\?/],
  [['export', 'jsonresume', EXAMPLE, '--persn', 'lei-wu'], /did you mean --person lei-wu\?/],
  [['export', 'jsonresume', EXAMPLE, '--person', 'lei-wuu'], /did you mean --person lei-wu\?/],
  [['import', 'refs.bib', '--dryrun'], /did you mean --dry-run\?/],
  [['import', 'refs.bib', '--kind', 'bibtx'], /did you mean --kind bibtex\?/],
  [['announce', 'colloquium/x', EXAMPLE, '--bas-url', 'https://example.org'], /did you mean --base-url https:\/\/example.org\?/],
  [['new', '--nam', 'Ada'], /vita new: unknown option "--nam"\n {2}hint: did you mean --name Ada\?/],
];

for (const [args, stderr] of CASES) {
  test(`vita ${args.map((a) => (a === EXAMPLE ? '<example>' : a)).join(' ')}: exit 2 and the closest`, (t) => {
    if (!existsSync(CLI)) return t.skip('dist/ is not built: npm test builds it');
    const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
    assert.equal(run.status, 2, `exit status\n${run.stderr}`);
    assert.match(run.stderr, stderr);
    assert.doesNotMatch(run.stderr, /To specify a positional argument|internal error|\n\s+at /);
  });
}
