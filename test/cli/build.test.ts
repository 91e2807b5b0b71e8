import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBuild } from '../../src/cli/build.js';
import { startStaticServer, type StaticServer } from '../../src/serve/static.js';
import { CHROMIUM, CHROMIUM_ARGS, NO_CHROMIUM } from '../chromium.js';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'vita-build-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, options: { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s) } };
}

describe('vita build', () => {
  it('builds the example, with its search index, and says what it wrote', async () => {
    const c = capture();
    const code = await runBuild('examples/pku-group', { out: join(dir, 'site'), ...c.options });
    assert.equal(code, 0, c.err.join(''));
    assert.match(c.out.join(''), /^wrote \d+ pages \(\d+ changed, \d+ images resized(, \d+ from the cache)?\) to .+ in \d+\.\d s\n$/);
    assert.ok(readdirSync(join(dir, 'site/img')).some((f) => f.endsWith('.avif')), 'the photos, resized');
    assert.ok(existsSync(join(dir, 'site/index.html')));
    assert.ok(existsSync(join(dir, 'site/people/lei-wu/index.html')));
    assert.ok(existsSync(join(dir, 'site/pagefind/pagefind-ui.js')), 'the search bundle');
    assert.ok(existsSync(join(dir, 'site/.vita-manifest.json')));
  });

  it('a second build changes nothing', async () => {
    const c = capture();
    assert.equal(await runBuild('examples/pku-group', { out: join(dir, 'site'), ...c.options }), 0);
    assert.match(c.out.join(''), /\(0 changed, \d+ not rendered again, 0 images resized, \d+ from the cache\)/);
  });

  it('writes nothing and fails when the record has errors', async () => {
    const c = capture();
    // A copy: even a record with errors keeps what it loaded in its .vita-cache/, and fixtures stay as committed.
    cpSync('test/fixtures/check/missing-title', join(dir, 'missing-title'), { recursive: true });
    const code = await runBuild(join(dir, 'missing-title'), { out: join(dir, 'bad'), ...c.options });
    assert.equal(code, 1);
    assert.match(c.err.join(''), /error/);
    assert.ok(!existsSync(join(dir, 'bad')));
  });

  it('refuses to write into the project folder itself', async () => {
    const c = capture();
    const code = await runBuild('examples/pku-group', { out: 'examples/pku-group', search: false, ...c.options });
    assert.equal(code, 1);
    assert.match(c.err.join(''), /project folder itself/);
  });

  it('links every CV PDF and calendar it writes: no href or src of any page is dangling, under a sub-path', async () => {
    const c = capture();
    const out = join(dir, 'linked');
    assert.equal(await runBuild('examples/pku-group', { out, baseUrl: 'https://user.github.io/repo/', search: false, ...c.options }), 0, c.err.join(''));
    assert.ok(existsSync(join(out, 'people/lei-wu/cv.pdf')) && existsSync(join(out, 'people/lei-wu/cv.md')));
    assert.ok(existsSync(join(out, 'seminars/scms-colloquium/calendar.ics')));
    const problems: string[] = [];
    const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
    for (const file of walk(out).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(file, 'utf8');
      for (const [, link] of html.matchAll(/(?:href|src)="([^"]+)"/g)) {
        if (!link!.startsWith('/repo/')) continue;
        const path = decodeURI(link!.slice('/repo/'.length).split(/[?#]/)[0]!);
        const target = path === '' || path.endsWith('/') ? `${path}index.html` : path;
        if (!existsSync(join(out, target))) problems.push(`${file.slice(out.length)}: ${link}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('honours a base URL given on the command line', async () => {
    const c = capture();
    assert.equal(await runBuild('examples/pku-group', { out: join(dir, 'sub'), baseUrl: 'https://user.github.io/repo/', search: false, ...c.options }), 0);
    const html = readFileSync(join(dir, 'sub/index.html'), 'utf8');
    assert.ok(html.includes('href="/repo/assets/vita.css"'));
    assert.ok(html.includes('<link rel="canonical" href="https://user.github.io/repo/">'));
  });
});

/** Site search in a real browser, when Chromium is installed (skipped otherwise). */
describe('site search', { skip: NO_CHROMIUM }, () => {
  let server: StaticServer;
  let port = 0;
  before(async () => {
    server = await startStaticServer(join(dir, 'site'), { base: '/pku-ml/', port: 0 });
    port = (server.server.address() as { port: number }).port;
  });
  after(() => server.close());

  it('finds a Chinese name and an English phrase', async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    });
    try {
      const page = await browser.newPage();
      for (const [query, expected] of [
        ['吴磊', '/pku-ml/people/lei-wu/'],
        ['scaling laws', '/pku-ml/publications/li2025functional/'],
      ] as const) {
        await page.goto(`http://127.0.0.1:${port}/pku-ml/search/?q=${encodeURIComponent(query)}`);
        await page.waitForSelector('.pagefind-ui__result-link', { timeout: 15000 });
        const hrefs = await page.$$eval('.pagefind-ui__result-link', (as) => as.map((a) => a.getAttribute('href')));
        assert.ok(hrefs.includes(expected), `${query}: ${hrefs.join(', ')}`);
      }
    } finally {
      await browser.close();
    }
  });
});

describe('vita build with a theme', () => {
  it('uses theme/components.js and theme/style.css, and fails (having built with the defaults) when a component throws', async () => {
    const project = join(dir, 'themed');
    cpSync('examples/pku-group', project, { recursive: true, filter: (p) => !p.includes('_site') });
    mkdirSync(join(project, 'theme'));
    writeFileSync(join(project, 'theme/style.css'), ':root { --accent: #7a1f1f; }\n');
    writeFileSync(
      join(project, 'theme/components.mjs'),
      "export function footer(props, h) { return h.html`<footer class=\"my-footer\">© ${props.siteName} · ${h.default}</footer>`; }\n",
    );
    const c = capture();
    assert.equal(await runBuild(project, { out: join(dir, 'themed-site'), search: false, cv: false, ...c.options }), 0, c.err.join(''));
    const home = readFileSync(join(dir, 'themed-site/people/lei-wu/index.html'), 'utf8');
    assert.match(home, /<footer class="my-footer">/);
    assert.match(home, /theme\/style\.css\?v=/);
    assert.ok(existsSync(join(dir, 'themed-site/theme/style.css')));

    writeFileSync(join(project, 'theme/components.mjs'), 'export function footer() { throw new Error("oops"); }\n');
    const d = capture();
    assert.equal(await runBuild(project, { out: join(dir, 'themed-site'), search: false, cv: false, ...d.options }), 1);
    assert.match(d.err.join(''), /theme\/component-failed/);
    assert.equal((d.err.join('').match(/theme\/component-failed/g) ?? []).length, 1, 'reported once, not once per page');
    assert.match(readFileSync(join(dir, 'themed-site/index.html'), 'utf8'), /<footer class="site-footer">/, 'the default footer stood in');
  });
});
