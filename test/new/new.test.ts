// `vita new`: the project it makes passes `vita check` at once, for a person and for a group, with any name.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { describe, it } from 'node:test';
import YAML from 'yaml';
import { PACKAGE_NAME, VERSION } from '../../src/cli/version.js';
import { openProject } from '../../src/index.js';
import { writeProject } from '../../src/new/create.js';
import { REFRESH_WORKFLOW, SCHEMA_FILES, WORKFLOW_BUILD } from '../../src/new/templates.js';
import { listFiles, runVitaNew, runVitaNewTyping, tempDir } from './helpers.js';

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

/** Every diagnostic of the project, as text, so that a failure shows them. */
function problems(dir: string): string[] {
  return openProject(dir, { today: new Date('2026-03-15') }).diagnostics.list.map((d) => `${d.file}:${d.line ?? ''} ${d.severity} ${d.code}: ${d.message}`);
}

const PERSON_FILES = (id: string) =>
  [
    '.github/workflows/deploy.yml',
    '.github/workflows/vita-refresh.yml',
    '.gitignore',
    '.vscode/settings.json',
    'README.md',
    'news/2026-03-15-welcome.md',
    'package.json',
    'people/' + id + '.yaml',
    'people/' + id + '/about.md',
    'publications/papers.bib',
    'vita.yaml',
  ].sort();

describe('vita new for a person', async () => {
  const cwd = tempDir();
  const result = await runVitaNew(['ada', '--yes', '--name', 'Ada Lovelace', '--email', 'ada@example.org', '--affiliation', 'Analytical Engine Society, London'], cwd);
  const dir = join(cwd, 'ada');

  it('makes the project and says what to do next', () => {
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, '');
    assert.match(result.stdout, /Created a vita project for Ada Lovelace in ada\//);
    assert.match(result.stdout, /cd ada\n {2}npm install\n {2}npx vita dev/);
    assert.deepEqual(listFiles(dir), PERSON_FILES('ada-lovelace'));
  });

  it('passes openProject with no errors and no warnings', () => {
    assert.deepEqual(problems(dir), []);
  });

  it('holds only the user\'s record: the owner, their examples and their news', () => {
    const { graph } = openProject(dir);
    assert.equal(graph.config.owner, 'ada-lovelace');
    assert.deepEqual([...graph.people.keys()], ['ada-lovelace']);
    const ada = graph.people.get('ada-lovelace')!;
    assert.equal(ada.name, 'Ada Lovelace');
    assert.equal(ada.data.email, 'ada@example.org');
    assert.deepEqual(ada.data.affiliations?.map((a) => a.name), ['Analytical Engine Society, London']);
    assert.match(ada.sections.about!.text, /Ada Lovelace is a researcher at Analytical Engine Society, London\./);
    // The examples are hers (so that they show on her homepage) and say that they are examples.
    assert.equal(ada.publications.length, 3);
    for (const key of ada.publications) assert.equal(graph.publications.get(key)!.note, 'Example');
    assert.deepEqual(new Set([...graph.publications.values()].map((p) => p.status)), new Set(['published', 'preprint']));
    assert.ok(read(dir, 'publications/papers.bib').startsWith('% Example entries: replace them with your own'));
    assert.deepEqual(graph.news.map((n) => [n.date, n.people]), [['2026-03-15', ['ada-lovelace']]]);
  });

  it('package.json depends on this vita, as published, and runs it', () => {
    const pkg = JSON.parse(read(dir, 'package.json'));
    assert.equal(pkg.name, 'ada');
    assert.equal(pkg.private, true);
    assert.equal(PACKAGE_NAME, JSON.parse(read('.', 'package.json')).name);
    assert.deepEqual(pkg.dependencies, { [PACKAGE_NAME]: `^${VERSION}` });
    assert.deepEqual(pkg.scripts, { dev: 'vita dev', build: 'vita build', check: 'vita check' });
  });

  it('.gitignore keeps out the output, the packages and the cache', () => {
    assert.deepEqual(read(dir, '.gitignore').trim().split('\n'), ['_site/', 'node_modules/', '.vita-cache/', '.*.vita-staging/']);
  });

  it('points editors at schemas that vita ships, from settings and from each YAML file', () => {
    const shipped = (name: string) => existsSync(join('schema', name));
    const settings = JSON.parse(read(dir, '.vscode/settings.json'));
    const schemas = settings['yaml.schemas'] as Record<string, string[]>;
    for (const [path, globs] of Object.entries(schemas)) {
      assert.ok(path.startsWith(`./node_modules/${PACKAGE_NAME}/schema/`) && path.endsWith('.schema.json'), path);
      assert.ok(shipped(posix.basename(path)), `${path} is not in vita's schema/`);
      assert.ok(globs.length > 0);
    }
    assert.equal(Object.keys(schemas).length, Object.keys(SCHEMA_FILES).length);
    for (const file of ['vita.yaml', 'people/ada-lovelace.yaml']) {
      const first = read(dir, file).split('\n')[0]!;
      const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      assert.ok(m, `${file} names its schema on its first line`);
      // Relative to the file, the path reaches the project's node_modules.
      assert.equal(posix.normalize(posix.join(posix.dirname(file), m[1]!)), `node_modules/${PACKAGE_NAME}/schema/${file === 'vita.yaml' ? 'config' : 'person'}.schema.json`);
      assert.ok(shipped(posix.basename(m[1]!)));
    }
  });

  it('has a GitHub Pages workflow that builds with the Pages address and deploys _site', () => {
    const flow = YAML.parse(read(dir, '.github/workflows/deploy.yml'));
    assert.deepEqual(flow.on.push.branches, ['main']);
    assert.deepEqual(flow.permissions, { contents: 'read', pages: 'write', 'id-token': 'write' });
    const steps = flow.jobs.build.steps as { uses?: string; run?: string; with?: Record<string, unknown>; id?: string }[];
    // The official actions, each pinned to a major version that exists (checked against their releases, 2026).
    const uses = steps.map((s) => s.uses).filter(Boolean);
    assert.deepEqual(uses, ['actions/checkout@v6', 'actions/setup-node@v6', 'actions/configure-pages@v6', 'actions/upload-pages-artifact@v5']);
    assert.equal(flow.jobs.deploy.steps[0].uses, 'actions/deploy-pages@v5');
    const node = steps.find((s) => s.uses?.startsWith('actions/setup-node'))!.with!;
    assert.equal(node['node-version'], 20);
    assert.equal(node.cache, 'npm', "npm's cache kept between runs");
    // Exactly what package-lock.json says, before the build.
    const install = steps.findIndex((s) => s.run?.startsWith('npm ci'));
    const build = steps.findIndex((s) => s.run === WORKFLOW_BUILD);
    assert.ok(install >= 0 && build > install, 'npm ci, then the build');
    assert.equal(steps[build]!.run, 'npm run build -- --base-url "${{ steps.pages.outputs.base_url }}/"');
    assert.equal(JSON.parse(read(dir, 'package.json')).scripts.build, 'vita build');
    assert.equal(steps.find((s) => s.uses?.startsWith('actions/configure-pages'))!.id, 'pages');
    assert.equal(steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact'))!.with!.path, '_site');
    assert.equal(flow.jobs.deploy.needs, 'build');
    assert.equal(flow.jobs.deploy.environment.name, 'github-pages');
  });

  it('has a weekly workflow that runs vita metrics and vita sync and proposes what changed as a pull request', () => {
    const flow = YAML.parse(read(dir, REFRESH_WORKFLOW));
    assert.deepEqual(flow.on.schedule, [{ cron: '17 5 * * 1' }], 'weekly');
    assert.ok('workflow_dispatch' in flow.on, 'and by hand, from the Actions tab');
    assert.deepEqual(flow.permissions, { contents: 'write', 'pull-requests': 'write' });
    const steps = flow.jobs.refresh.steps as { uses?: string; run?: string; with?: Record<string, unknown>; id?: string; if?: string; 'continue-on-error'?: boolean }[];
    assert.deepEqual(steps.map((s) => s.uses).filter(Boolean), ['actions/checkout@v6', 'actions/setup-node@v6', 'peter-evans/create-pull-request@v7']);
    assert.deepEqual(steps[1]!.with, { 'node-version': 20, cache: 'npm' });
    const at = (pattern: RegExp) => steps.findIndex((s) => pattern.test(s.run ?? s.uses ?? ''));
    const [install, metrics, sync, pr] = [at(/^npm ci/), at(/npx vita metrics\n/), at(/npx vita sync --write/), at(/create-pull-request/)];
    assert.ok(install >= 0 && install < metrics && metrics < sync && sync < pr, 'npm ci, metrics, sync, then the pull request');
    // A vita without `vita metrics` skips it rather than failing the job.
    assert.match(steps[metrics]!.run!, /^if npx vita metrics --help > \/dev\/null 2>&1; then\n\s+npx vita metrics\nelse\n/);
    // A failing step loses nothing the other found: the pull request is made, then the job fails.
    assert.deepEqual([steps[metrics]!['continue-on-error'], steps[sync]!['continue-on-error']], [true, true]);
    assert.match(steps[steps.length - 1]!.if!, /steps\.metrics\.outcome == 'failure' \|\| steps\.sync\.outcome == 'failure'/);
    assert.equal(steps[pr]!.with!.branch, 'vita-refresh');
    assert.equal(steps[pr]!.with!['body-path'], '${{ runner.temp }}/pull-request.md');
    assert.match(read(dir, 'README.md'), /## Keep it current[\s\S]*vita-refresh\.yml[\s\S]*Allow GitHub Actions to create and approve pull/);
  });

  it('leaves the weekly workflow out with --no-refresh', async () => {
    const cwd = tempDir();
    const result = await runVitaNew(['x', '--yes', '--name', 'Ada Lovelace', '--no-refresh'], cwd);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(existsSync(join(cwd, 'x', REFRESH_WORKFLOW)), false);
    assert.doesNotMatch(read(join(cwd, 'x'), 'README.md'), /Keep it current/);
    const both = await runVitaNew(['y', '--yes', '--name', 'Ada Lovelace', '--refresh', '--no-refresh'], cwd);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--refresh and --no-refresh say opposite things/);
  });

  it('has a README that says what to edit first and how to preview', () => {
    const readme = read(dir, 'README.md');
    assert.match(readme, /^# Ada Lovelace\n/);
    assert.match(readme, /## Edit first\n\n1\. `people\/ada-lovelace\.yaml`/);
    assert.match(readme, /npx vita dev/);
    assert.match(readme, /GitHub Pages/);
    assert.match(readme, /GitLab Pages, Netlify, Cloudflare Pages or a university web server/);
    assert.match(readme, /npx vita serve/);
  });
});

describe('vita new for a group', async () => {
  const cwd = tempDir();
  // No folder: it is named after the group.
  const result = await runVitaNew(['--yes', '--name', 'Lei Wu', '--name-zh', '吴磊', '--group', 'Machine Learning Theory Group', '--affiliation', 'Peking University', '--base-url', 'https://ml.example.edu/'], cwd);
  const dir = join(cwd, 'machine-learning-theory-group');

  it('makes the project in a folder named after the group', () => {
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(listFiles(dir), PERSON_FILES('lei-wu'));
  });

  it('passes openProject with no errors and no warnings', () => {
    assert.deepEqual(problems(dir), []);
  });

  it('is a group site led by the person, whose name is in two scripts', () => {
    const { graph } = openProject(dir);
    assert.equal(graph.config.owner, undefined);
    assert.deepEqual(graph.config.group, { name: 'Machine Learning Theory Group', lead: 'lei-wu', institution: 'Peking University' });
    assert.equal(graph.config.baseUrl, 'https://ml.example.edu/');
    const lei = graph.people.get('lei-wu')!;
    assert.deepEqual(lei.data.name, { en: 'Lei Wu', zh: '吴磊' });
    assert.equal(lei.data.member?.role, 'pi');
    assert.equal(lei.publications.length, 3);
    assert.match(read(dir, 'README.md'), /^# Machine Learning Theory Group\n/);
  });
});

describe('vita new with names that need care', () => {
  it('escapes what the user typed in YAML, BibTeX and Markdown', async () => {
    const cwd = tempDir();
    const name = 'Ada "Null" O\'Brien: #1 & {Co} $x$ and *stars* [x](y)';
    const affiliation = 'null';
    const group = '- yes: [Lab] % 100 @home \\textbf{x}';
    const result = await runVitaNew(['p', '--yes', '--name', name, '--affiliation', affiliation, `--group=${group}`], cwd);
    assert.equal(result.code, 0, result.stderr);
    const dir = join(cwd, 'p');
    assert.deepEqual(problems(dir), []);
    const { graph } = openProject(dir);
    const id = 'ada-null-obrien-1-co-x-and-stars-x-y';
    const person = graph.people.get(id)!;
    assert.equal(person.data.name, name);
    assert.deepEqual(person.data.affiliations, [{ name: 'null' }]);
    assert.equal(graph.config.group?.name, group);
    // The BibTeX author is the same person: her papers are hers.
    assert.equal(person.publications.length, 3);
  });

  it('makes ASCII ids: "Théo Dupont" is theo-dupont', async () => {
    const cwd = tempDir();
    const result = await runVitaNew(['t', '--yes', '--name', 'Théo Dupont'], cwd);
    assert.equal(result.code, 0, result.stderr);
    assert.ok(existsSync(join(cwd, 't/people/theo-dupont.yaml')));
    assert.deepEqual(problems(join(cwd, 't')), []);
    const { graph } = openProject(join(cwd, 't'));
    assert.equal(graph.people.get('theo-dupont')!.publications.length, 3);
  });

  it('falls back to "me" for a name in CJK only, and uses a Latin name in another script when there is one', async () => {
    const cwd = tempDir();
    const only = await runVitaNew(['a', '--yes', '--name', '吴磊'], cwd);
    assert.equal(only.code, 0, only.stderr);
    assert.ok(existsSync(join(cwd, 'a/people/me.yaml')));
    assert.deepEqual(problems(join(cwd, 'a')), []);
    assert.equal(openProject(join(cwd, 'a')).graph.people.get('me')!.data.name, '吴磊');

    const both = await runVitaNew(['b', '--yes', '--name', '吴磊', '--name-en', 'Lei Wu'], cwd);
    assert.equal(both.code, 0, both.stderr);
    assert.deepEqual(problems(join(cwd, 'b')), []);
    assert.deepEqual(openProject(join(cwd, 'b')).graph.people.get('lei-wu')!.data.name, { zh: '吴磊', en: 'Lei Wu' });
  });

  it('takes an id given with --id', async () => {
    const cwd = tempDir();
    const result = await runVitaNew(['--yes', '--name', '吴磊', '--id', 'leiwu'], cwd);
    assert.equal(result.code, 0, result.stderr);
    assert.ok(existsSync(join(cwd, 'leiwu/people/leiwu.yaml')));
  });
});

describe('vita new refuses', () => {
  it('a folder that exists and is not empty, and touches nothing in it', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'site'));
    writeFileSync(join(cwd, 'site', 'index.html'), 'mine');
    const result = await runVitaNew(['site', '--yes', '--name', 'Ada Lovelace'], cwd);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^vita new: the folder "site" exists and is not empty \(it holds index\.html\)\n {2}hint: /);
    assert.deepEqual(listFiles(join(cwd, 'site')), ['index.html']);
    assert.equal(read(cwd, 'site/index.html'), 'mine');
  });

  it('a default folder that is not empty', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'ada-lovelace'));
    writeFileSync(join(cwd, 'ada-lovelace', 'notes.txt'), 'mine');
    const result = await runVitaNew(['--yes', '--name', 'Ada Lovelace'], cwd);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /not empty/);
    assert.deepEqual(listFiles(join(cwd, 'ada-lovelace')), ['notes.txt']);
  });

  it('a file in place of the folder', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'x'), 'mine');
    const result = await runVitaNew(['x', '--yes', '--name', 'Ada Lovelace'], cwd);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /"x" exists and is not a folder/);
  });

  it('a missing name when nothing can be asked (--yes, or no terminal), with exit status 2', async () => {
    const cwd = tempDir();
    for (const args of [['a', '--yes'], ['a']]) {
      const result = await runVitaNew(args, cwd);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /a name is needed\n {2}hint: give it with --name "Ada Lovelace"/);
    }
    assert.equal(existsSync(join(cwd, 'a')), false);
  });

  it('flags with bad values, and unknown flags', async () => {
    const cwd = tempDir();
    const cases: [string[], RegExp][] = [
      [['--email', 'ada-at-example'], /--email: "ada-at-example" is not an e-mail address/],
      [['--id', 'Ada Lovelace'], /--id: "Ada Lovelace" is not an id/],
      [['--base-url', 'example.org'], /--base-url: "example.org" is not a web address/],
      [['--name-Chinese', '吴磊'], /"Chinese" is not a language code/],
      [['--colour', 'red'], /unknown option "--colour"/],
      [['a', 'b'], /give one folder, not 2/],
      [['--name-en', 'Wu Lei'], /--name-en: "Ada Lovelace" is already the en name/],
    ];
    for (const [extra, message] of cases) {
      const result = await runVitaNew(['--yes', '--name', 'Ada Lovelace', ...extra], cwd);
      assert.equal(result.code, 2, extra.join(' '));
      assert.match(result.stderr, message);
    }
    assert.deepEqual(listFiles(cwd), []);
  });
});

describe('vita new in an empty folder', () => {
  it('uses a folder that exists but is empty, or holds only .git', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'empty'));
    assert.equal((await runVitaNew(['empty', '--yes', '--name', 'Ada Lovelace'], cwd)).code, 0);
    mkdirSync(join(cwd, 'repo/.git'), { recursive: true });
    writeFileSync(join(cwd, 'repo/.git/HEAD'), 'ref: refs/heads/main\n');
    assert.equal((await runVitaNew(['repo', '--yes', '--name', 'Ada Lovelace'], cwd)).code, 0);
    assert.equal(read(cwd, 'repo/.git/HEAD'), 'ref: refs/heads/main\n');
    assert.deepEqual(problems(join(cwd, 'repo')), []);
  });

  it('--help prints the options', async () => {
    const result = await runVitaNew(['--help'], tempDir());
    assert.equal(result.code, 0);
    assert.match(result.stdout, /Usage: vita new \[folder\] \[options\]/);
    assert.match(result.stdout, /--name-zh/);
  });
});

describe('vita new in a terminal', () => {
  it('asks for what the flags leave open, with defaults in brackets, and asks again after a bad answer', async () => {
    const cwd = tempDir();
    const answers = [
      'Ada Lovelace', // name
      '', // name in another script: none
      'Analytical Engine Society', // affiliation
      'not-an-email', // email: asked again
      'ada@example.org',
      'group', // person or group
      '', // group name: the default
      '', // the weekly refresh workflow: yes
      '', // folder: the default
    ];
    const result = await runVitaNewTyping([], cwd, answers);
    assert.equal(result.code, 0, result.stderr + result.stdout);
    assert.match(result.stdout, /Your name: /);
    assert.match(result.stdout, /Is the site for a person or a group\? \(person\/group\) \[person\]: /);
    assert.match(result.stdout, /"not-an-email" is not an e-mail address/);
    assert.match(result.stdout, /Name of the group \[Ada Lovelace's group\]: /);
    assert.match(result.stdout, /a weekly GitHub Actions job that proposes new papers and citation counts as a pull request\? \(yes\/no\) \[yes\]: /);
    assert.match(result.stdout, /Folder for the project \[ada-lovelaces-group\]: /);
    const dir = join(cwd, 'ada-lovelaces-group');
    assert.deepEqual(problems(dir), []);
    const { graph } = openProject(dir);
    assert.equal(graph.config.group?.name, "Ada Lovelace's group");
    assert.equal(graph.people.get('ada-lovelace')!.data.email, 'ada@example.org');
  });

  it('asks for the language of a name in another script, guessing it from the script', async () => {
    const cwd = tempDir();
    const result = await runVitaNewTyping(['x', '--name', 'Lei Wu', '--email', 'lei@example.edu', '--affiliation', 'PKU'], cwd, ['吴磊', '', 'person', 'no']);
    assert.equal(result.code, 0, result.stderr + result.stdout);
    assert.match(result.stdout, /Its language code \[zh\]: /);
    assert.deepEqual(openProject(join(cwd, 'x')).graph.people.get('lei-wu')!.data.name, { en: 'Lei Wu', zh: '吴磊' });
    assert.equal(existsSync(join(cwd, 'x/.github/workflows/vita-refresh.yml')), false, 'answered no');
  });

  it('asks for an id when the name gives none', async () => {
    const cwd = tempDir();
    const again = await runVitaNewTyping(['y', '--name', '吴磊', '--email', 'lei@example.edu', '--affiliation', 'PKU'], cwd, ['', 'NOT AN ID', 'leiwu', 'person', '']);
    assert.equal(again.code, 0, again.stderr + again.stdout);
    assert.match(again.stdout, /An id for file names and links.*\[me\]: /);
    assert.match(again.stdout, /"NOT AN ID" is not an id/);
    assert.ok(existsSync(join(cwd, 'y/people/leiwu.yaml')));
  });

  it('creates nothing when the input ends (Ctrl-D) before the questions do', async () => {
    const cwd = tempDir();
    const result = await runVitaNewTyping(['x'], cwd, ['Ada Lovelace']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /cancelled; nothing was created/);
    assert.deepEqual(listFiles(cwd), []);
  });

  it('never asks with --yes, even in a terminal', async () => {
    const cwd = tempDir();
    const result = await runVitaNewTyping(['x', '--yes', '--name', 'Ada Lovelace'], cwd, []);
    assert.equal(result.code, 0, result.stderr);
    assert.doesNotMatch(result.stdout, /\[/);
  });
});

describe('writing the project', () => {
  it('removes what it made when a file cannot be written', () => {
    const dir = join(tempDir(), 'new');
    assert.throws(() => writeProject(dir, { 'a/ok.txt': 'x', 'b/bad\0name.txt': 'y' }));
    assert.equal(existsSync(dir), false);
  });

  it('never replaces a file', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'a/mine.txt'), 'mine');
    assert.throws(() => writeProject(dir, { 'b/new.txt': 'x', 'a/mine.txt': 'theirs' }), /EEXIST/);
    assert.equal(read(dir, 'a/mine.txt'), 'mine');
    assert.equal(existsSync(join(dir, 'b')), false, 'the folder it made is removed again');
    assert.ok(existsSync(dirname(join(dir, 'a/mine.txt'))));
  });
});
