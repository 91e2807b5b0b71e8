// vita dev picks up every save by itself (no rebuild() call here: only the watcher), however the editor saves:
// by renaming a new file over the old one, by truncating and writing, by `git checkout`, or by deleting a whole
// folder and making it again; and every later save of the same file too. A fix after an error clears the overlay.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, cpSync, mkdirSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startDevServer, type DevServer } from '../../src/serve/dev.js';
import { isIgnored } from '../../src/serve/watch.js';

const dir = mkdtempSync(join(tmpdir(), 'vita-dev-watch-'));
let server: DevServer;
const events: { changed: string[]; errors: string | null }[] = [];

const RECRUITING = 'people/lei-wu/recruiting.md';
const NEWS = 'news/2024-12-nsfc-young-scientists-fund.md';

async function listen(url: string): Promise<void> {
  const res = await fetch(new URL('/__vita/events', url));
  const reader = res.body!.getReader();
  let buffer = '';
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += Buffer.from(value!).toString();
      for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
        const data = /data: (.*)/.exec(buffer.slice(0, i));
        if (data) events.push(JSON.parse(data[1]!));
        buffer = buffer.slice(i + 2);
      }
    }
  })();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits (ten seconds at most: the machine may be loaded) until the page at `path` matches `pattern`, or fails saying what it showed. */
async function served(path: string, pattern: RegExp, what: string): Promise<void> {
  const until = Date.now() + 10_000;
  let html = '';
  while (Date.now() < until) {
    html = await (await fetch(new URL(path, server.url))).text();
    if (pattern.test(html)) return;
    await sleep(100);
  }
  assert.fail(`${what}: /${path} never showed ${pattern}`);
}

/** Waits until the last announcement has (or has not) errors. */
async function announced(errors: boolean, what: string): Promise<void> {
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    const last = events.at(-1);
    if (last && (last.errors !== null) === errors) return;
    await sleep(100);
  }
  assert.fail(`${what}: the last announcement ${errors ? 'has no errors' : `still shows errors: ${events.at(-1)?.errors}`}`);
}

/** Saves as editors that save atomically do: a new file beside the old one, renamed over it. */
function saveByRename(file: string, text: string, temp = `${file}.tmp~`): void {
  writeFileSync(join(dir, temp), text);
  renameSync(join(dir, temp), join(dir, file));
}

/** Saves in place: the file is emptied, then written in two pieces a moment apart. */
async function saveByTruncate(file: string, text: string): Promise<void> {
  const fd = openSync(join(dir, file), 'w');
  await sleep(30);
  writeSync(fd, text.slice(0, 10));
  await sleep(30);
  writeSync(fd, text.slice(10));
  closeSync(fd);
}

const read = (file: string) => readFileSync(join(dir, file), 'utf8');
const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });

describe('vita dev sees every save', () => {
  before(async () => {
    cpSync('examples/pku-group', dir, { recursive: true, filter: (src) => !src.includes('_site') });
    git('init', '-q');
    git('add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-q', '-m', 'record');
    server = await startDevServer(dir, { port: 0, log: () => {} });
    await listen(server.url);
    await served('people/lei-wu/', /actively seeking/, 'the first build');
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a save by rename, and every save after it', async () => {
    const original = read(RECRUITING);
    saveByRename(RECRUITING, original + '\nRenamed-one.\n');
    await served('people/lei-wu/', /Renamed-one/, 'first save by rename');
    await sleep(300);
    writeFileSync(join(dir, RECRUITING), original + '\nWritten-after-rename.\n');
    await served('people/lei-wu/', /Written-after-rename/, 'a plain save after a save by rename');
    await sleep(300);
    saveByRename(RECRUITING, original + '\nRenamed-two.\n', '.recruiting.md.swp');
    await served('people/lei-wu/', /Renamed-two/, 'a second save by rename');
    // Long after the last event (past the verification sweep), one more save still shows.
    await sleep(2000);
    writeFileSync(join(dir, RECRUITING), original + '\nMuch-later.\n');
    await served('people/lei-wu/', /Much-later/, 'a save long after a save by rename');
  });

  it('a save by truncate-and-write', async () => {
    const original = read(RECRUITING);
    await saveByTruncate(RECRUITING, original.replace(/\n[A-Z][a-z]+-[a-z]+(-[a-z]+)?\.\n/, '\n') + '\nTruncated-then-written.\n');
    await served('people/lei-wu/', /Truncated-then-written/, 'truncate and write');
    await sleep(300);
    await saveByTruncate(RECRUITING, read(RECRUITING).replace('Truncated-then-written', 'Truncated-again'));
    await served('people/lei-wu/', /Truncated-again/, 'a second truncate and write');
  });

  it('git checkout of a file, and a save after it', async () => {
    git('checkout', '--', RECRUITING);
    await served('people/lei-wu/', /^(?![\s\S]*Truncated-again)[\s\S]*actively seeking/, 'git checkout');
    await sleep(300);
    writeFileSync(join(dir, RECRUITING), read(RECRUITING) + '\nAfter-checkout.\n');
    await served('people/lei-wu/', /After-checkout/, 'a save after git checkout');
    // A branch switch replaces many files at once.
    git('checkout', '-q', '-b', 'other');
    writeFileSync(join(dir, NEWS), read(NEWS).replace('title: Mingze Wang receives', 'title: Branch-news Mingze Wang receives'));
    git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-q', '-am', 'other');
    await served('news/', /Branch-news/, 'a commit on a branch');
    git('checkout', '-q', 'master');
    await served('news/', /^(?![\s\S]*Branch-news)[\s\S]*Young Scientists/, 'git checkout of another branch');
    await sleep(300);
    writeFileSync(join(dir, NEWS), read(NEWS).replace('title: Mingze Wang receives', 'title: Back-on-main Mingze Wang receives'));
    await served('news/', /Back-on-main/, 'a save after switching branches');
  });

  it('a folder deleted and made again', async () => {
    const news = read(NEWS);
    rmSync(join(dir, 'news'), { recursive: true });
    await served('news/', /^(?![\s\S]*Back-on-main)/, 'news/ deleted');
    mkdirSync(join(dir, 'news'));
    writeFileSync(join(dir, NEWS), news.replace('Back-on-main', 'Recreated-folder'));
    await served('news/', /Recreated-folder/, 'news/ made again');
    await sleep(300);
    writeFileSync(join(dir, NEWS), news.replace('Back-on-main', 'Edited-in-new-folder'));
    await served('news/', /Edited-in-new-folder/, 'a save in the folder made again');
  });

  it('a fix after an error clears the overlay, whichever way either was saved', async () => {
    const person = 'people/chao-ma.yaml';
    const good = read(person);
    saveByRename(person, good.replace('name:\n  en: Chao Ma', 'name: [unclosed'));
    await announced(true, 'an error saved by rename');
    saveByRename(person, good);
    await announced(false, 'a fix saved by rename');
    await sleep(300);
    writeFileSync(join(dir, person), good.replace('name:\n  en: Chao Ma', 'name: [unclosed'));
    await announced(true, 'an error saved in place');
    await sleep(300);
    writeFileSync(join(dir, person), good);
    await announced(false, 'a fix saved in place');
  });
});

describe('what the watcher leaves out', () => {
  it("editors' temporary files, hidden and tool folders, the output folder; not the record", () => {
    for (const path of ['people/.lei-wu.yaml.swp', 'people/lei-wu.yaml~', 'news/#draft.md#', 'news/.#draft.md', 'people/4913', 'vita.yaml___jb_tmp___', '.git/index', 'node_modules/x/y.js', '_site/index.html', 'public/index.html']) {
      assert.ok(isIgnored(path, 'public'), path);
    }
    for (const path of ['people/lei-wu.yaml', 'news/2025-01-x.md', 'publications/papers.bib', 'assets/.well-known/security.txt', 'theme/components.js', '']) {
      assert.ok(!isIgnored(path, 'public'), path);
    }
  });
});
