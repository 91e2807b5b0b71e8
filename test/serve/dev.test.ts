// vita dev: serves from memory, rebuilds on an edit, tells open pages, and survives errors in the record.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startDevServer, type DevServer } from '../../src/serve/dev.js';
import { LazySite } from '../../src/serve/lazy-site.js';

const dir = mkdtempSync(join(tmpdir(), 'vita-dev-'));
let server: DevServer;
const events: { changed: string[]; errors: string | null }[] = [];

/** Collects server-sent events from the dev server. */
function listen(url: string): void {
  request(new URL('/__vita/events', url), (res) => {
    let buffer = '';
    res.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
        const data = /data: (.*)/.exec(buffer.slice(0, i));
        if (data) events.push(JSON.parse(data[1]!));
        buffer = buffer.slice(i + 2);
      }
    });
  }).end();
}

const settle = () => new Promise((r) => setTimeout(r, 150));

describe('vita dev', () => {
  before(async () => {
    cpSync('examples/pku-group', dir, { recursive: true, filter: (src) => !src.includes('_site') });
    server = await startDevServer(dir, { port: 0, log: () => {} });
    listen(server.url);
    await settle();
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves pages from memory with the live-reload script, and 404s', async () => {
    const home = await fetch(new URL('people/lei-wu/', server.url));
    assert.equal(home.status, 200);
    const html = await home.text();
    assert.match(html, /Lei Wu/);
    assert.match(html, /__vita\/live\.js/);
    assert.equal((await fetch(new URL('no/such/page/', server.url))).status, 404);
    assert.equal((await fetch(new URL('__vita/live.js', server.url))).status, 200);
  });

  it('an edited publication is served at once and its pages are announced', async () => {
    const mark = events.length;
    const file = join(dir, 'publications/conferences.bib');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('Functional Scaling Laws in Kernel Regression', 'Functional Scaling Laws Revisited'));
    await server.rebuild();
    await settle();
    // The watcher may have rebuilt before we asked: look at every announcement since the edit.
    const since = events.slice(mark);
    assert.ok(since.every((e) => e.errors === null));
    const changed = since.flatMap((e) => e.changed);
    assert.ok(changed.includes('/people/lei-wu/'), `changed: ${changed.slice(0, 10).join(', ')}`);
    const page = await (await fetch(new URL('people/lei-wu/publications/', server.url))).text();
    assert.match(page, /Functional Scaling Laws Revisited/);
  });

  it('a page, a post and a project added while it runs are served, listed and linked at once', async () => {
    mkdirSync(join(dir, 'pages/teaching'), { recursive: true });
    writeFileSync(join(dir, 'pages/teaching/index.md'), '---\ntitle: Teaching\nmenu: true\n---\nCourses of the group [@wu2018sgd].\n');
    writeFileSync(join(dir, 'posts/2026-04-01-new-post.md'), '---\ntitle: A new post\ntags: [news]\n---\nJust written.\n');
    writeFileSync(join(dir, 'projects/new-project.md'), '---\ntitle: A new project\npeople: [mingze-wang]\n---\nJust started.\n');
    writeFileSync(join(dir, 'people/mingze-wang/notes.md'), '# Notes\n\nA page of his own.\n');
    await server.rebuild();
    await settle();
    const teaching = await fetch(new URL('teaching/', server.url));
    assert.equal(teaching.status, 200);
    assert.match(await teaching.text(), /Courses of the group/);
    assert.match(await (await fetch(new URL('posts/2026/new-post/', server.url))).text(), /Just written/);
    assert.match(await (await fetch(new URL('posts/', server.url))).text(), /A new post/);
    assert.equal((await fetch(new URL('posts/tags/news/', server.url))).status, 200);
    assert.match(await (await fetch(new URL('projects/', server.url))).text(), /A new project/);
    assert.match(await (await fetch(new URL('people/mingze-wang/', server.url))).text(), /A new project/);
    const notes = await (await fetch(new URL('people/mingze-wang/notes/', server.url))).text();
    assert.match(notes, /A page of his own/);
    assert.match(notes, /aria-current="page">Notes</);
    assert.match(await (await fetch(new URL('', server.url))).text(), />Teaching<\/a>/, 'the new page is in the navigation');
  });

  it('an error in the record is reported to the page and the last good site stays up', async () => {
    writeFileSync(join(dir, 'people/lei-wu.yaml'), readFileSync(join(dir, 'people/lei-wu.yaml'), 'utf8').replace('start: 2012-09', 'start: 2012.13'));
    await server.rebuild();
    await settle();
    const last = events.at(-1)!;
    assert.match(last.errors ?? '', /people\/lei-wu\.yaml:\d+:\d+ error: .*is not a date/);
    assert.equal((await fetch(new URL('people/lei-wu/', server.url))).status, 200);
  });
});

describe('vita dev with a theme and CVs', () => {
  const themed = mkdtempSync(join(tmpdir(), 'vita-dev-theme-'));
  let dev: DevServer;
  const logged: string[] = [];
  before(async () => {
    cpSync('examples/pku-group', themed, { recursive: true, filter: (src) => !src.includes('_site') });
    mkdirSync(join(themed, 'theme'));
    writeFileSync(join(themed, 'theme/components.mjs'), 'export function footer(props, h) { return h.html`<footer class="one">first</footer>`; }\n');
    dev = await startDevServer(themed, { port: 0, log: (l) => void logged.push(l) });
  });
  after(async () => {
    await dev.close();
    rmSync(themed, { recursive: true, force: true });
  });

  it('renders with the theme, and imports it again after an edit of theme/', async () => {
    assert.match(await (await fetch(new URL('people/lei-wu/', dev.url))).text(), /<footer class="one">first<\/footer>/);
    writeFileSync(join(themed, 'theme/components.mjs'), 'export function footer(props, h) { return h.html`<footer class="two">second</footer>`; }\nexport const fotter = 1;\n');
    await dev.rebuild(['theme/components.mjs']);
    assert.match(await (await fetch(new URL('people/lei-wu/', dev.url))).text(), /<footer class="two">second<\/footer>/);
    assert.ok(logged.some((l) => /theme\/unknown-component/.test(l)), 'the theme’s problems are shown in the terminal');
  });

  it('serves the CV PDF a page links to, typeset when asked for', async () => {
    const pdf = await fetch(new URL('people/lei-wu/cv.pdf', dev.url));
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString(), '%PDF-');
    assert.equal((await fetch(new URL('people/nobody/cv.pdf', dev.url))).status, 404);
    // The Chinese CV page links the Chinese CV, in the Chinese tree; a language the site does not have has none.
    const zh = await fetch(new URL('zh/people/lei-wu/cv.md', dev.url));
    assert.equal(zh.status, 200);
    assert.match(await zh.text(), /^## 教育经历$/m);
    assert.equal((await fetch(new URL('de/people/lei-wu/cv.pdf', dev.url))).status, 404);
  });
});

describe('vita dev survives what throws in a rebuild', () => {
  const broken = mkdtempSync(join(tmpdir(), 'vita-dev-throws-'));
  let dev: DevServer;
  const logged: string[] = [];
  const stream: { changed: string[]; errors: string | null }[] = [];
  before(async () => {
    cpSync('examples/pku-group', broken, { recursive: true, filter: (src) => !src.includes('_site') });
    dev = await startDevServer(broken, { port: 0, log: (l) => void logged.push(l) });
    const res = await fetch(new URL('/__vita/events', dev.url));
    const reader = res.body!.getReader();
    void (async () => {
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        buffer += Buffer.from(value!).toString();
        for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
          const data = /data: (.*)/.exec(buffer.slice(0, i));
          if (data) stream.push(JSON.parse(data[1]!));
          buffer = buffer.slice(i + 2);
        }
      }
    })();
  });
  after(async () => {
    await dev.close();
    rmSync(broken, { recursive: true, force: true });
  });

  it('an exception in a rebuild is shown in the terminal and over the page, the site stays up, and a fix clears it', async () => {
    // Whatever throws: here a method the rebuild calls, made to throw once.
    const served = LazySite.prototype.served;
    LazySite.prototype.served = function () {
      LazySite.prototype.served = served;
      throw new Error('injected fault');
    };
    const about = join(broken, 'people/lei-wu/about.md');
    const good = readFileSync(about, 'utf8');
    const mark = stream.length;
    writeFileSync(about, good + '\nFirst-edit.\n');
    await dev.rebuild();
    await settle();
    // The watcher may have rebuilt (and met the fault) before the rebuild asked for here.
    assert.match(stream.slice(mark).find((e) => e.errors)?.errors ?? '', /internal error while rebuilding the site[\s\S]*injected fault/);
    assert.ok(logged.some((l) => /injected fault/.test(l)), 'the exception is shown in the terminal');
    assert.equal((await fetch(new URL('people/lei-wu/', dev.url))).status, 200, 'the last good site is still served');
    writeFileSync(about, good + '\nSecond-edit.\n');
    await dev.rebuild(['people/lei-wu/about.md']);
    await settle();
    assert.equal(stream.at(-1)?.errors, null, 'the next rebuild clears the overlay');
    assert.match(await (await fetch(new URL('people/lei-wu/', dev.url))).text(), /Second-edit/);
  });

  it('a link with a bare % does not stop the server', async () => {
    const about = join(broken, 'people/lei-wu/about.md');
    const good = readFileSync(about, 'utf8');
    writeFileSync(about, good + '\n[slides](assets/100%.pdf)\n');
    await dev.rebuild(['people/lei-wu/about.md']);
    await settle();
    assert.equal((await fetch(new URL('people/lei-wu/', dev.url))).status, 200);
    writeFileSync(about, good + '\nThird-edit.\n');
    await dev.rebuild(['people/lei-wu/about.md']);
    await settle();
    assert.equal(stream.at(-1)?.errors, null);
    assert.match(await (await fetch(new URL('people/lei-wu/', dev.url))).text(), /Third-edit/);
  });

  it('a page that throws while it is made gets a 500 naming the error, and the server goes on', async () => {
    const get = LazySite.prototype.get;
    LazySite.prototype.get = function (path: string) {
      if (path === 'news/index.html') throw new Error('page fault');
      return get.call(this, path);
    };
    try {
      const res = await fetch(new URL('news/', dev.url));
      assert.equal(res.status, 500);
      assert.match(await res.text(), /page fault/);
    } finally {
      LazySite.prototype.get = get;
    }
    assert.equal((await fetch(new URL('news/', dev.url))).status, 200);
  });
});
