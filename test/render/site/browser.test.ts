/**
 * The example site in a real browser (Chromium from $CHROMIUM_PATH or PATH; skipped without it). `vita build` writes
 * it for a sub-path (/pku-ml/) and `vita serve`'s server serves it there, like GitHub Pages would. One sweep
 * opens every page once, in both languages, and gathers what the page-wide checks need (console errors, failed
 * requests, links, sideways scroll at 1280 and 375 px, and axe-core in light and dark on one page of each kind:
 * on every page with `npm run test:full`); then the script's features (filters, BibTeX copy, theme, search), print
 * and `vita dev` are tried one by one.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { runBuild } from '../../../src/cli/build.js';
import { startDevServer } from '../../../src/serve/dev.js';
import { startStaticServer, type StaticServer } from '../../../src/serve/static.js';
import { CHROMIUM, CHROMIUM_ARGS as ARGS, NO_CHROMIUM } from '../../chromium.js';

/** axe-core on every page (npm run test:full), or on one page of each kind (npm test). */
const AXE_EVERY_PAGE = process.env.VITA_TEST_FULL === '1';
/** The site's sub-path on the test server, and where the test serves axe-core from (outside the site). */
const BASE = '/pku-ml/';
const AXE = '/__test/axe.js';
/** Pages opened at the same time during the sweep: the work is the browser's, so about one per core. */
const PARALLEL = Math.max(2, Math.min(4, availableParallelism()));
/** The stylesheet's background colours (vita.css). */
const LIGHT_BG = 'rgb(253, 252, 248)';
const DARK_BG = 'rgb(21, 23, 26)';

/** What the sweep found on one page. */
interface PageReport {
  /** Console errors, uncaught exceptions, failed requests and responses >= 400. */
  problems: string[];
  /** Every a[href], img[src], link[href] and script[src], resolved. */
  links: string[];
  ids: Set<string>;
  /** Serious and critical axe-core violations, as "rule: target": light and dark at 1280 px, and what the width changes at 375 px. */
  axe: { light: string[]; dark: string[]; narrow: string[] };
  /** scrollWidth - clientWidth of the document. */
  overflow: { 1280: number; 375: number };
}

type Axe = { run(context: Document, options: object): Promise<{ violations: { id: string; impact?: string | null; nodes: { target: unknown[] }[] }[] }> };

/**
 * One page of each kind: pages whose paths differ only in ids (people/lei-wu/ and people/weinan-e/, or
 * publications/<key>/) are of one kind. A segment is an id unless it is a top-level section, or a sub-page name found
 * under several parents (people/<id>/publications/); a leading language (zh/) makes its own kinds. Of each kind, the
 * page with most to check (the largest `size`) is taken.
 */
function onePerKind(pages: string[], size: (page: string) => number = () => 0): string[] {
  const split = (p: string) => p.split('/').filter(Boolean);
  const language = (segs: string[]) => (segs.length > 0 && /^[a-z]{2}(-[A-Za-z]+)?$/.test(segs[0]!) ? 1 : 0);
  const parents = new Map<string, Set<string>>();
  for (const p of pages) {
    const segs = split(p).slice(language(split(p)));
    if (segs.length < 2) continue;
    const last = segs[segs.length - 1]!;
    if (!parents.has(last)) parents.set(last, new Set());
    parents.get(last)!.add(segs.slice(0, -1).join('/'));
  }
  const kinds = new Map<string, string>();
  for (const p of [...pages].sort()) {
    const all = split(p);
    const lang = language(all);
    const kind = all.map((seg, i) => (i < lang || i === lang || (parents.get(seg)?.size ?? 0) > 1 ? seg : '*')).join('/');
    const chosen = kinds.get(kind);
    if (chosen === undefined || size(p) > size(chosen)) kinds.set(kind, p);
  }
  return [...kinds.values()];
}

describe('the example site in a browser', { skip: NO_CHROMIUM }, () => {
  let dir: string;
  let site: string;
  let server: StaticServer;
  let origin = '';
  let browser: Browser;
  /** Paths of every page (folders with an index.html) relative to the site: "", "people/lei-wu/", "zh/news/" ... */
  let pages: string[] = [];
  /** The pages axe-core checks. */
  let axePages = new Set<string>();

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vita-browser-'));
    site = join(dir, 'site');
    const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    // The site as `vita serve` serves it, and axe-core beside it (outside the site).
    server = await startStaticServer(site, {
      base: BASE,
      port: 0,
      before: (req, res) => {
        if (req.url !== AXE) return false;
        res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'max-age=3600' });
        res.end(axe);
        return true;
      },
    });
    origin = server.url;

    const err: string[] = [];
    const code = await runBuild('examples/pku-group', { out: site, baseUrl: origin, stdout: () => {}, stderr: (s) => void err.push(s) });
    assert.equal(code, 0, err.join(''));
    const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
    pages = walk(site)
      .filter((f) => f.endsWith('index.html') && !f.includes(join(site, 'pagefind')))
      .map((f) => f.slice(site.length + 1).replace(/index\.html$/, '').split('\\').join('/'))
      .sort();

    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    axePages = new Set(AXE_EVERY_PAGE ? pages : onePerKind(pages, (p) => statSync(join(site, p, 'index.html')).size));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** A fresh context (its own storage); closed by the caller. */
  const context = (options: BrowserContextOptions = {}) => browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });

  /** Records console errors, uncaught exceptions, failed requests and error responses of a page into `into()`. */
  function watchProblems(page: Page, into: () => string[], allow: (url: string) => boolean = () => false): void {
    const at = () => page.url().replace(origin, '/');
    page.on('console', (m) => void (m.type() === 'error' && !allow(m.location().url) && into().push(`${at()}: console error: ${m.text()}`)));
    page.on('pageerror', (e) => void into().push(`${at()}: uncaught ${e.name}: ${e.message}`));
    // ERR_ABORTED is the browser dropping a request because the test moved on (a navigation, a filter); that every
    // file exists is checked by fetching each link on its own, so only real failures count here.
    page.on('requestfailed', (r) => void (!allow(r.url()) && r.failure()?.errorText !== 'net::ERR_ABORTED' && into().push(`${at()}: request failed: ${r.url()} (${r.failure()?.errorText})`)));
    page.on('response', (r) => void (r.status() >= 400 && !allow(r.url()) && into().push(`${at()}: ${r.status()} for ${r.url()}`)));
  }

  /** Waits until the page has laid out and its fonts (KaTeX's) have arrived, so leaving it aborts nothing. */
  const settle = (page: Page) => page.evaluate(() => (document.body.getBoundingClientRect(), document.fonts.ready.then(() => undefined)));

  /** Rules held to whatever impact axe gives them: headings, landmarks and table headers are the structure a screen reader walks. */
  const STRUCTURE = ['empty-table-header', 'heading-order', 'region', 'page-has-heading-one', 'landmark-one-main', 'landmark-unique', 'landmark-no-duplicate-banner', 'landmark-no-duplicate-contentinfo', 'landmark-no-duplicate-main'];

  /** Serious and critical axe-core violations on the page as it is now, and any of STRUCTURE; `rules` restricts the run. */
  async function axe(page: Page, rules?: string[]): Promise<string[]> {
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: AXE });
    return page.evaluate(
      async ({ rules, structure }) => {
        const axe = (window as unknown as { axe: Axe }).axe;
        // No preload: axe would fetch the stylesheets again only for css-orientation-lock, which vita.css has no use for.
        const result = await axe.run(document, { resultTypes: ['violations'], preload: false, ...(rules ? { runOnly: { type: 'rule', values: rules } } : {}) });
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical' || structure.includes(v.id))
          .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
      },
      { rules, structure: STRUCTURE },
    );
  }

  /** Rules whose outcome depends on colours: what changes between the light and dark theme. */
  const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
  /** Rules whose outcome depends on the width: what changes on a phone. */
  const NARROW_RULES = ['scrollable-region-focusable'];

  const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  let sweeping: Promise<Map<string, PageReport>> | undefined;
  /** Opens every page once (a few at a time) and gathers what the page-wide tests check. */
  function sweep(): Promise<Map<string, PageReport>> {
    sweeping ??= (async () => {
      const reports = new Map<string, PageReport>();
      const ctx = await context({ colorScheme: 'light' });
      try {
        const queue = [...pages];
        await Promise.all(
          Array.from({ length: PARALLEL }, async () => {
            const page = await ctx.newPage();
            let report: PageReport | undefined;
            watchProblems(page, () => report!.problems, (u) => u.endsWith(AXE));
            for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
              report = { problems: [], links: [], ids: new Set(), axe: { light: [], dark: [], narrow: [] }, overflow: { 1280: 0, 375: 0 } };
              reports.set(path, report);
              await page.setViewportSize({ width: 1280, height: 800 });
              await page.emulateMedia({ colorScheme: 'light' });
              const response = await page.goto(origin + path);
              if (response?.status() !== 200) report.problems.push(`/${path}: ${response?.status()}`);
              await settle(page);
              report.links = await page.$$eval('a[href], img[src], link[href], script[src]', (els) =>
                els.map((e) => new URL(e.getAttribute(e.matches('img, script') ? 'src' : 'href')!, document.baseURI).href),
              );
              report.ids = new Set(await page.$$eval('[id], a[name]', (els) => els.map((e) => e.id || e.getAttribute('name')!)));
              report.overflow[1280] = await overflow(page);
              const checked = axePages.has(path);
              if (checked) {
                report.axe.light = await axe(page);
                await page.emulateMedia({ colorScheme: 'dark' });
                report.axe.dark = await axe(page, COLOUR_RULES);
              }
              await page.setViewportSize({ width: 375, height: 800 });
              await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
              report.overflow[375] = await overflow(page);
              if (checked) report.axe.narrow = await axe(page, NARROW_RULES);
              await settle(page);
            }
            await page.close();
          }),
        );
      } finally {
        await ctx.close();
      }
      return reports;
    })();
    return sweeping;
  }

  /** One line per page that has something, for readable failures. */
  const byPage = (reports: Map<string, PageReport>, pick: (r: PageReport) => string[]) =>
    [...reports].flatMap(([path, r]) => pick(r).map((p) => `/${path}: ${p}`));

  it('finds the pages of both languages', () => {
    assert.ok(pages.length > 100, `${pages.length} pages`);
    for (const p of ['', 'zh/', 'people/lei-wu/publications/', 'zh/people/lei-wu/', 'publications/wang2025sharpness/', 'people/mingze-wang/research/', 'seminars/scms-colloquium/2025-07-23-weijie-su/', 'search/', 'zh/search/',
      // Every kind of page the owner writes: a page, a person's page, the blog, a tag, a post (the site's and a person's), projects, a long news item.
      'join/', 'zh/join/', 'people/lei-wu/software/', 'posts/', 'posts/tags/', 'posts/tags/scaling-laws/', 'posts/2026/spring-reading-group/', 'people/mingze-wang/posts/', 'people/mingze-wang/posts/2025/sharpness-disparity-explained/', 'projects/', 'projects/implicit-regularization/', 'news/2026-03-group-retreat/']) {
      assert.ok(pages.includes(p), `no page /${p}`);
    }
  });

  it('every page loads without a console error, an uncaught exception or a failed request', async () => {
    const reports = await sweep();
    assert.equal(reports.size, pages.length);
    assert.deepEqual(byPage(reports, (r) => r.problems), []);
  });

  it('photos and previews carry srcset and sizes, the browser picks a resized AVIF copy, and every copy named is on disk', async () => {
    const ctx = await context();
    try {
      const page = await ctx.newPage();
      for (const [path, selector, least] of [['people/lei-wu/', 'img.photo', 1], ['group/', 'img.card-photo', 2], ['publications/wang2025sharpness/', 'img.pub-figure', 1], ['people/mingze-wang/publications/', 'img.pub-thumb', 1]] as const) {
        await page.goto(origin + path);
        const images = await page.$$eval(selector, (els) =>
          els.map((el) => {
            const img = el as HTMLImageElement;
            img.loading = 'eager';
            const sets = [...(img.parentElement?.querySelectorAll('source') ?? [])].map((s) => s.srcset).concat(img.srcset);
            return { sets, sizes: img.sizes, width: img.getAttribute('width'), height: img.getAttribute('height'), src: img.src };
          }),
        );
        assert.ok(images.length >= least, `${path}: ${selector}`);
        await page.waitForFunction((sel) => [...document.querySelectorAll(sel)].every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0), selector, { timeout: 10000 });
        const shown = await page.$$eval(selector, (els) => els.map((i) => (i as HTMLImageElement).currentSrc));
        for (const img of images) {
          assert.ok(img.sizes && img.width && img.height, `${path}: sizes, width and height set`);
          assert.equal(img.sets.length, 3, `${path}: AVIF, WebP and a fallback`);
          for (const set of img.sets) {
            assert.match(set, / \d+w(, |$)/, `${path}: ${set}`);
            for (const part of set.split(', ')) {
              const file = decodeURI(new URL(part.split(' ')[0]!, origin).pathname.slice(BASE.length));
              assert.ok(existsSync(join(site, file)), `${path}: ${file} is on disk`);
            }
          }
        }
        for (const src of shown) assert.match(src, /\/img\/[^/]+-\d+\.avif$/, `${path}: the browser took an AVIF copy`);
      }
    } finally {
      await ctx.close();
    }
  });

  it('no link, image, stylesheet or script of any page is broken, nor any #fragment of a page', async () => {
    const reports = await sweep();
    const targets = new Set<string>();
    const broken: string[] = [];
    for (const [path, r] of reports) {
      for (const link of r.links) {
        if (!link.startsWith(origin)) continue;
        const [target, fragment] = link.split('#') as [string, string | undefined];
        targets.add(target);
        if (!fragment) continue;
        const ids = reports.get(decodeURIComponent(new URL(target).pathname).slice(BASE.length))?.ids;
        if (ids && !ids.has(decodeURIComponent(fragment))) broken.push(`/${path}: ${link}: no element with that id`);
      }
    }
    assert.ok(targets.size > pages.length, `${targets.size} link targets`);
    // Pages the sweep opened answered 200 already; the rest (PDFs, calendars, feeds, assets) are asked here.
    const opened = new Set(pages.map((p) => origin + p));
    const queue = [...targets].filter((t) => !opened.has(t.split('?')[0]!));
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let t = queue.shift(); t !== undefined; t = queue.shift()) {
          const res = await fetch(t, { redirect: 'manual' });
          await res.arrayBuffer();
          if (res.status !== 200) broken.push(`${t}: ${res.status}${res.headers.get('location') ? ` -> ${res.headers.get('location')}` : ''}`);
        }
      }),
    );
    assert.deepEqual(broken, []);
  });

  it(`axe-core finds no serious or critical problem on ${AXE_EVERY_PAGE ? 'any page' : 'a page of any kind'}, in the light theme and the dark one, wide and narrow`, async () => {
    const reports = await sweep();
    // Every kind of page: a person's home, sub-pages, a publication, a seminar event ..., in both languages.
    for (const p of ['', 'zh/', 'people/lei-wu/', 'people/lei-wu/publications/', 'publications/wang2025sharpness/', 'seminars/scms-colloquium/2025-07-23-weijie-su/']) {
      assert.ok([...axePages].some((a) => onePerKind([a, p]).length === 1), `no page like /${p} is checked`);
    }
    assert.deepEqual(byPage(reports, (r) => r.axe.light.map((v) => `light: ${v}`)), []);
    assert.deepEqual(byPage(reports, (r) => r.axe.dark.map((v) => `dark: ${v}`)), []);
    assert.deepEqual(byPage(reports, (r) => r.axe.narrow.map((v) => `375 px: ${v}`)), []);
  });

  it('no page scrolls sideways at 1280 px nor at 375 px (details opened)', async () => {
    const reports = await sweep();
    assert.deepEqual(byPage(reports, (r) => (r.overflow[1280] > 0 ? [`${r.overflow[1280]} px too wide at 1280 px`] : [])), []);
    assert.deepEqual(byPage(reports, (r) => (r.overflow[375] > 0 ? [`${r.overflow[375]} px too wide at 375 px`] : [])), []);
  });

  it('a missing page gets the site 404 page, styled, with working links', async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    const problems: string[] = [];
    // The 404 itself is the point of this test; anything else failing is not.
    watchProblems(page, () => problems, (u) => u === `${origin}no/such/page/`);
    const response = await page.goto(`${origin}no/such/page/`);
    assert.equal(response?.status(), 404);
    await settle(page);
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), LIGHT_BG, 'the stylesheet applies');
    // Its links are absolute, so they work at whatever depth the missing address was.
    assert.equal(await page.$eval('.brand', (a) => (a as HTMLAnchorElement).href), origin);
    const links = await page.$$eval('a[href], link[href], script[src]', (els) => els.map((e) => (e as HTMLAnchorElement).href || (e as HTMLScriptElement).src));
    for (const link of links.filter((l) => l.startsWith(origin) && l.split('#')[0] !== page.url())) assert.equal((await fetch(link, { redirect: 'manual' })).status, 200, link);
    assert.deepEqual(problems, []);
    await ctx.close();
  });

  describe('the publication filters', () => {
    let ctx: BrowserContext;
    let page: Page;
    const problems: string[] = [];
    before(async () => {
      ctx = await context();
      page = await ctx.newPage();
      watchProblems(page, () => problems);
      await page.goto(`${origin}people/lei-wu/publications/`);
      await page.waitForSelector('[data-filters]:not([hidden])');
    });
    after(async () => {
      await ctx.close();
      assert.deepEqual(problems, []);
    });
    const visible = () => page.$$eval('.pub', (lis) => lis.filter((li) => !(li as HTMLElement).hidden).length);
    const shownAuthors = () => page.$$eval('.pub:not([hidden]) .pub-authors', (ps) => ps.map((p) => p.textContent ?? ''));
    const shownData = (key: 'year' | 'topics') => page.$$eval('.pub:not([hidden])', (lis, key) => lis.map((li) => (li as HTMLElement).dataset[key] ?? ''), key);
    const reset = async () => {
      await page.fill('[data-filters] input[name=q]', '');
      for (const name of ['year', 'type', 'topic', 'sort']) await page.selectOption(`[data-filters] select[name=${name}]`, '');
    };

    it('most cited first: one list by count (papers without one last), filters still apply, and back to the groups', async () => {
      await reset();
      const before = await page.$$eval('.pub', (lis) => lis.map((li) => (li as HTMLElement).dataset.key));
      await page.selectOption('[data-filters] select[name=sort]', 'cited');
      const cites = await page.$$eval('ol.by-citations > .pub', (lis) => lis.map((li) => (li as HTMLElement).dataset.cites));
      assert.equal(cites.length, before.length, 'every paper is in the one list');
      const counts = cites.filter((c) => c !== undefined).map(Number);
      assert.ok(counts.length > 20);
      assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
      assert.ok(cites.slice(counts.length).every((c) => c === undefined), 'papers without a count come last');
      assert.ok(await page.$eval('#published', (h) => (h.closest('[data-group]') as HTMLElement).hidden), 'the groups are hidden');
      assert.match(page.url(), /[?&]sort=cited/);
      await page.selectOption('[data-filters] select[name=year]', '2020');
      const years = await shownData('year');
      assert.ok(years.length > 0 && years.every((y) => y === '2020'));
      await reset();
      assert.equal(await page.$('ol.by-citations'), null);
      assert.deepEqual(await page.$$eval('.pub', (lis) => lis.map((li) => (li as HTMLElement).dataset.key)), before, 'the list is as it was');
    });

    it('free text narrows the list, and groups left empty disappear', async () => {
      await reset();
      const all = await visible();
      assert.ok(all > 20);
      await page.fill('[data-filters] input[name=q]', 'scaling laws');
      assert.equal(await visible(), 2);
      assert.ok(await page.$eval('#inPreparation', (h) => (h.closest('[data-group]') as HTMLElement).hidden));
      assert.match(await page.textContent('[data-filters] output') ?? '', /^2 of \d+ shown$/);
      await reset();
      assert.equal(await visible(), all);
    });

    it('free text finds an author by name', async () => {
      await reset();
      const all = await visible();
      await page.fill('[data-filters] input[name=q]', 'Weinan');
      const authors = await shownAuthors();
      assert.ok(authors.length > 0 && authors.length < all, `${authors.length} of ${all}`);
      assert.ok(authors.every((a) => a.includes('Weinan E')), authors.join('\n'));
      await reset();
    });

    it('by year', async () => {
      await reset();
      const all = await visible();
      await page.selectOption('[data-filters] select[name=year]', '2023');
      const years = await shownData('year');
      assert.ok(years.length > 0 && years.length < all);
      assert.deepEqual([...new Set(years)], ['2023']);
      const heads = await page.$$eval('.year-head', (hs) => hs.filter((h) => (h as HTMLElement).offsetParent !== null).map((h) => h.textContent));
      assert.deepEqual([...new Set(heads)], ['2023'], 'only the year headings of 2023 stay');
      await reset();
      assert.equal(await visible(), all);
    });

    it('by topic, remembered in the address', async () => {
      await reset();
      const all = await visible();
      await page.selectOption('[data-filters] select[name=topic]', 'scaling laws');
      const topics = (await shownData('topics')).map((t) => t.split('|'));
      const expected = await page.$$eval('.pub', (lis) => lis.filter((li) => (li as HTMLElement).dataset.topics!.split('|').includes('scaling laws')).length);
      assert.ok(topics.length > 0 && topics.length < all);
      assert.equal(topics.length, expected);
      assert.ok(topics.every((t) => t.includes('scaling laws')));
      assert.match(page.url(), /\?topic=scaling\+laws$/);
      await page.reload();
      await page.waitForSelector('[data-filters]:not([hidden])');
      assert.equal(await page.inputValue('[data-filters] select[name=topic]'), 'scaling laws');
      assert.equal(await visible(), expected);
      await reset();
      assert.equal(await visible(), all);
    });

    it('a Chinese author name on the Chinese page', async () => {
      await page.goto(`${origin}zh/people/lei-wu/publications/`);
      await page.waitForSelector('[data-filters]:not([hidden])');
      const all = await visible();
      await page.fill('[data-filters] input[name=q]', '鄂维南');
      const authors = await shownAuthors();
      assert.ok(authors.length > 0 && authors.length < all, `${authors.length} of ${all}`);
      assert.ok(authors.every((a) => a.includes('鄂维南')));
      await page.fill('[data-filters] input[name=q]', 'no such words anywhere');
      assert.equal(await visible(), 0);
      assert.ok(await page.isVisible('[data-no-match]'));
    });
  });

  describe('citation counts (metrics/citations.yaml of the example)', () => {
    for (const [width, scheme] of [[1280, 'light'], [1280, 'dark'], [375, 'light'], [375, 'dark']] as const) {
      it(`a person's citations, h-index and i10-index, and each paper's count, at ${width} px in the ${scheme} theme: dated, accessible, not too wide`, async () => {
        const ctx = await context({ colorScheme: scheme, viewport: { width, height: 800 } });
        const page = await ctx.newPage();
        const problems: string[] = [];
        watchProblems(page, () => problems, (u) => u.endsWith(AXE));
        await page.goto(`${origin}people/lei-wu/`);
        await settle(page);
        const figures = await page.$$eval('#citation-metrics dd', (dds) => dds.map((d) => d.textContent));
        assert.equal(figures.length, 3);
        assert.ok(figures.every((f) => /^\d[\d,]*$/.test(f ?? '')), figures.join(' '));
        assert.match((await page.textContent('#citation-metrics .metrics-note')) ?? '', /^Counted by OpenAlex on \d+ \w+ \d{4}$/);
        const cited = await page.$$eval('.pub .cited-by', (as) => as.map((a) => [a.textContent, a.getAttribute('title'), (a as HTMLAnchorElement).href]));
        assert.ok(cited.length > 0);
        for (const [text, title, href] of cited) {
          assert.match(text ?? '', /^Cited by [1-9][\d,]*$/);
          assert.match(title ?? '', /^Counted by OpenAlex on \d+ \w+ \d{4}$/, 'never a count without its date');
          assert.match(href ?? '', /^https:\/\/openalex\.org\//);
        }
        assert.deepEqual(await axe(page, scheme === 'dark' ? COLOUR_RULES : undefined), []);
        assert.equal(await overflow(page), 0);
        await page.goto(`${origin}publications/wang2025sharpness/`);
        await settle(page);
        assert.match((await page.textContent('.publication .cited-by')) ?? '', /^Cited by \d/);
        assert.deepEqual(await axe(page, scheme === 'dark' ? COLOUR_RULES : undefined), []);
        assert.equal(await overflow(page), 0);
        await ctx.close();
        assert.deepEqual(problems, []);
      });
    }
  });

  describe('BibTeX copy', () => {
    let ctx: BrowserContext;
    before(async () => {
      ctx = await context();
      await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(origin).origin });
    });
    after(() => ctx.close());

    /** Clicks the copy button inside `scope` and checks the clipboard, the feedback and its end. */
    async function copies(page: Page, scope: string): Promise<void> {
      const button = page.locator(`${scope} [data-copy]`);
      const label = await button.textContent();
      const copied = await button.getAttribute('data-copied');
      assert.ok(label && copied && label !== copied);
      await page.evaluate(() => navigator.clipboard.writeText('nothing yet'));
      await button.click();
      await page.waitForFunction(({ scope, copied }) => document.querySelector(`${scope} [data-copy]`)!.textContent === copied, { scope, copied }, { timeout: 2000 });
      assert.ok(await button.isVisible());
      const clipboard = await page.evaluate(() => navigator.clipboard.readText());
      const shown = await page.locator(`${scope} pre`).textContent();
      assert.equal(clipboard, shown);
      assert.match(clipboard, /^@\w+\{[\w-]+,\n[\s\S]*\}$/);
      // The feedback goes away by itself.
      await page.waitForFunction(({ scope, label }) => document.querySelector(`${scope} [data-copy]`)!.textContent === label, { scope, label }, { timeout: 4000 });
    }

    it('on a publication page: the button copies exactly the BibTeX shown, and says so', async () => {
      const page = await ctx.newPage();
      await page.goto(`${origin}publications/wang2025sharpness/`);
      assert.ok(await page.isVisible('.cite [data-copy]'));
      await copies(page, '.cite');
      await page.close();
    });

    it('in a publication list, from the opened BibTeX', async () => {
      const page = await ctx.newPage();
      await page.goto(`${origin}people/lei-wu/publications/`);
      const item = '#pub-li2025functional';
      await page.click(`${item} details.action-more:has(.bibtex) > summary`);
      await copies(page, `${item} .bibtex`);
      await page.close();
    });
  });

  describe('the theme', () => {
    /** Opens a page and reports its theme at a moment nothing can have been painted yet: its stylesheet is held back. */
    async function beforeFirstPaint(page: Page, path: string): Promise<{ theme: string | undefined; scriptRan: boolean }> {
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let requested!: () => void;
      const seen = new Promise<void>((r) => (requested = r));
      await page.route('**/assets/vita.css', async (route) => {
        requested();
        await held;
        await route.continue();
      });
      const navigation = page.goto(origin + path);
      await seen;
      // The parser goes on meanwhile; once it has reached the header, the inline script in <head> has run.
      await page.waitForFunction(() => document.querySelector('.theme-toggle'), undefined, { polling: 10 });
      // The stylesheet blocks rendering and the deferred vita.js: whatever is set now was set by the inline script in <head>.
      const state = await page.evaluate(() => ({ theme: document.documentElement.dataset.theme, scriptRan: !document.querySelector<HTMLElement>('.theme-toggle')!.hidden }));
      release();
      await navigation;
      await page.unroute('**/assets/vita.css');
      return state;
    }
    const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

    it('follows the system when the reader never chose', async () => {
      for (const [colorScheme, bg] of [['dark', DARK_BG], ['light', LIGHT_BG]] as const) {
        const ctx = await context({ colorScheme });
        const page = await ctx.newPage();
        await page.goto(origin);
        assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), undefined);
        assert.equal(await background(page), bg, colorScheme);
        await ctx.close();
      }
    });

    it('the toggle switches, is remembered across reloads and pages, and applies before the first paint', async () => {
      for (const [system, chosen, bg] of [['dark', 'light', LIGHT_BG], ['light', 'dark', DARK_BG]] as const) {
        const ctx = await context({ colorScheme: system });
        const page = await ctx.newPage();
        await page.goto(origin);
        await page.click('.theme-toggle');
        assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), chosen);
        assert.equal(await background(page), bg);
        for (const path of ['', 'news/', 'zh/people/lei-wu/']) {
          const first = await beforeFirstPaint(page, path);
          assert.deepEqual(first, { theme: chosen, scriptRan: false }, `/${path} with ${chosen} chosen on a ${system} system`);
          assert.equal(await background(page), bg);
        }
        // Clicking again goes back.
        await page.click('.theme-toggle');
        assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), system);
        await ctx.close();
      }
    });

    it('the dark theme chosen and the dark system give the same colours, and so do the light ones', async () => {
      const ctx = await context();
      const page = await ctx.newPage();
      await page.goto(origin);
      const colours = async (system: 'light' | 'dark', chosen?: 'light' | 'dark') => {
        await page.emulateMedia({ colorScheme: system });
        return page.evaluate((chosen) => {
          const root = document.documentElement;
          if (chosen) root.dataset.theme = chosen;
          else delete root.dataset.theme;
          const style = getComputedStyle(root);
          return ['--bg', '--bg-soft', '--text', '--muted', '--rule', '--accent', '--accent-soft', '--award', '--mark', '--focus', ...Array.from({ length: 9 }, (_, i) => `--chart-${i + 1}`)].map((v) => `${v}: ${style.getPropertyValue(v).trim()}`).concat(`color-scheme: ${style.colorScheme}`);
        }, chosen);
      };
      assert.deepEqual(await colours('light', 'dark'), await colours('dark'));
      assert.deepEqual(await colours('dark', 'light'), await colours('light'));
      assert.notDeepEqual(await colours('light'), await colours('dark'));
      await ctx.close();
    });
  });

  describe('search', () => {
    let ctx: BrowserContext;
    before(async () => (ctx = await context()));
    after(() => ctx.close());

    for (const [path, query, expected] of [
      ['search/', '吴磊', 'people/lei-wu/'],
      ['search/', 'scaling laws', 'publications/li2025functional/'],
      ['zh/search/', '吴磊', 'zh/people/lei-wu/'],
    ] as const) {
      it(`/${path} finds ${query}, and its result leads to /${expected}`, async () => {
        const page = await ctx.newPage();
        const problems: string[] = [];
        watchProblems(page, () => problems, (u) => u.endsWith(AXE));
        await page.goto(`${origin}${path}?q=${encodeURIComponent(query)}`);
        await page.waitForSelector('.pagefind-ui__result-link', { timeout: 15000 });
        const hrefs = await page.$$eval('.pagefind-ui__result-link', (as) => as.map((a) => (a as HTMLAnchorElement).href));
        await settle(page);
        assert.ok(hrefs.includes(origin + expected), `${query}: ${hrefs.join(', ')}`);
        assert.deepEqual(await axe(page), [], 'axe, light');
        await page.emulateMedia({ colorScheme: 'dark' });
        assert.deepEqual(await axe(page, COLOUR_RULES), [], 'axe, dark');
        assert.deepEqual(problems, []);
        await Promise.all([page.waitForURL(origin + expected), page.click(`.pagefind-ui__result-link[href="${new URL(origin + expected).pathname}"]`)]);
        assert.ok((await page.textContent('h1'))?.length);
        await page.close();
      });
    }
  });

  describe('charts', () => {
    /** WCAG's contrast ratio of two colours given as "rgb(r, g, b)". */
    const contrast = (a: string, b: string) => {
      const lum = (c: string) => {
        const [r, g, bl] = c.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((v) => {
          const x = Number(v) / 255;
          return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
      };
      const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
      return (hi! + 0.05) / (lo! + 0.05);
    };

    for (const path of ['group/', 'people/lei-wu/publications/']) {
      it(`/${path}: the charts pass axe, keep their labels at 11 px or more at 375 px, and stand out from the page in light and dark`, async () => {
        const ctx = await context({ viewport: { width: 375, height: 800 } });
        const page = await ctx.newPage();
        const problems: string[] = [];
        watchProblems(page, () => problems, (u) => u.endsWith(AXE));
        await page.goto(origin + path);
        await settle(page);
        assert.ok((await page.locator('.chart-svg').count()) >= 1, 'a chart is drawn');
        const smallest = await page.$$eval('.chart-svg', (svgs) =>
          Math.min(...svgs.flatMap((svg) => {
            const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
            return [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
          })),
        );
        assert.ok(smallest >= 11, `the smallest label is ${smallest.toFixed(1)} px`);
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          assert.deepEqual(await axe(page), [], `axe, ${scheme}`);
          const colours = await page.evaluate(() => {
            const bg = getComputedStyle(document.body).backgroundColor;
            const marks = [...document.querySelectorAll('.chart pattern > rect, .chart-member, .chart-bars rect[class]')].map((e) => getComputedStyle(e).fill);
            const labels = [...document.querySelectorAll('.chart-label, .chart-nodes text')].map((e) => getComputedStyle(e).fill);
            return { bg, marks: [...new Set(marks)], labels: [...new Set(labels)] };
          });
          assert.ok(colours.marks.length >= 1);
          for (const c of colours.marks) assert.ok(contrast(c, colours.bg) >= 3, `${scheme}: ${c} on ${colours.bg} is ${contrast(c, colours.bg).toFixed(2)}:1`);
          for (const c of colours.labels) assert.ok(contrast(c, colours.bg) >= 4.5, `${scheme}: label ${c} on ${colours.bg} is ${contrast(c, colours.bg).toFixed(2)}:1`);
        }
        assert.deepEqual(problems, []);
        await ctx.close();
      });
    }

    it('printed, the charts stay and their tables go', async () => {
      const ctx = await context();
      const page = await ctx.newPage();
      await page.goto(`${origin}group/`);
      await page.emulateMedia({ media: 'print' });
      assert.ok(await page.locator('.chart-network .chart-svg').isVisible());
      assert.equal(await page.locator('.chart-data').first().isVisible(), false);
      await ctx.close();
    });
  });

  it('printed, a publication list keeps the list and drops navigation, filters, toggles and buttons', async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    await page.goto(`${origin}people/lei-wu/publications/`);
    await page.waitForSelector('[data-filters]:not([hidden])');
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.site-header', '.site-nav', '.theme-toggle', '.tools', '[data-filters]', '.tabs', '.pub-actions', '.site-footer', '.skip']) {
      assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} prints`);
    }
    assert.ok(await page.locator('.pub').first().isVisible());
    assert.ok(await page.locator('h1').isVisible());
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(255, 255, 255)');
    await ctx.close();
  });

  it('vita dev: the open page reloads itself on an edit, and shows errors in an overlay until they are fixed', async () => {
    const project = join(dir, 'project');
    cpSync('examples/pku-group', project, { recursive: true, filter: (src) => !src.includes('_site') });
    const dev = await startDevServer(project, { port: 0, log: () => {} });
    const ctx = await context();
    try {
      // The watcher needs a moment to take in the whole tree.
      await new Promise((r) => setTimeout(r, 300));
      const page = await ctx.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => void errors.push(e.message));
      await page.goto(new URL('people/mingze-wang/', dev.url).href);
      assert.match((await page.textContent('h1')) ?? '', /Mingze Wang/);
      // The photo's resized copy is made on demand, as the build would make it.
      await page.waitForFunction(() => { const i = document.querySelector('img.photo') as HTMLImageElement | null; return i?.complete && i.naturalWidth > 0 && /\.avif$/.test(i.currentSrc); }, undefined, { timeout: 10000 });
      await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
      const file = join(project, 'people/mingze-wang.yaml');
      const good = readFileSync(file, 'utf8');

      const renamed = good.replace('en: Mingze Wang', 'en: Mingze Wang-Renamed');
      assert.notEqual(renamed, good);
      writeFileSync(file, renamed);
      await page.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('Mingze Wang-Renamed'), undefined, { timeout: 10000 });
      assert.equal(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded), undefined, 'the page reloaded');

      const lines = renamed.split('\n');
      const at = lines.findIndex((l) => l.startsWith('email:'));
      lines[at] = 'email: [not closed';
      writeFileSync(file, lines.join('\n'));
      const overlay = page.locator('[role=alert]');
      await overlay.waitFor({ timeout: 10000 });
      const report = (await overlay.textContent()) ?? '';
      assert.ok(report.includes(`people/mingze-wang.yaml:${at + 1}:`), report);
      assert.match(await page.textContent('h1') ?? '', /Mingze Wang-Renamed/, 'the last good page stays');

      writeFileSync(file, good);
      await overlay.waitFor({ state: 'detached', timeout: 10000 });
      await page.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('Mingze Wang') && !document.querySelector('h1')!.textContent!.includes('Renamed'), undefined, { timeout: 10000 });
      assert.deepEqual(errors, []);
    } finally {
      await ctx.close();
      await dev.close();
    }
  });
});
