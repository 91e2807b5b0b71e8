/**
 * Search in shards, in a real browser: the example, split into three shards (VITA_SEARCH_SHARD_SIZE, a setting for
 * tests alone), is served under a sub-path; the search page merges the shards, so that a query finds a record of
 * the first shard (pagefind/) and records of the others (pagefind-1/, pagefind-2/), in both languages.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { runBuild } from '../../../src/cli/build.js';
import { pageShard } from '../../../src/render/site/search-index.js';
import { startStaticServer, type StaticServer } from '../../../src/serve/static.js';
import { CHROMIUM, CHROMIUM_ARGS, NO_CHROMIUM } from '../../chromium.js';

const BASE = '/pku-ml/';
/** The example makes about 150 records: three shards of at most 50. */
const SHARD_SIZE = '70';

describe('search in shards, in a browser', { skip: NO_CHROMIUM }, () => {
  let dir: string;
  let site: string;
  let server: StaticServer;
  let origin = '';
  let browser: Browser;
  let shards = 0;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vita-shards-'));
    site = join(dir, 'site');
    server = await startStaticServer(site, { base: BASE, port: 0 });
    origin = server.url;
    const err: string[] = [];
    const was = process.env.VITA_SEARCH_SHARD_SIZE;
    process.env.VITA_SEARCH_SHARD_SIZE = SHARD_SIZE;
    try {
      const code = await runBuild('examples/pku-group', { out: site, baseUrl: origin, cv: false, cache: false, stdout: () => {}, stderr: (s) => void err.push(s) });
      assert.equal(code, 0, err.join(''));
    } finally {
      if (was === undefined) delete process.env.VITA_SEARCH_SHARD_SIZE;
      else process.env.VITA_SEARCH_SHARD_SIZE = was;
    }
    shards = (JSON.parse(readFileSync(join(site, 'pagefind/vita-shards.json'), 'utf8')) as { shards: number }).shards;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('writes a bundle per shard: pagefind/, pagefind-1/ ...', () => {
    assert.equal(shards, 3);
    for (const folder of ['pagefind', 'pagefind-1', 'pagefind-2']) assert.ok(existsSync(join(site, folder, 'pagefind-entry.json')), folder);
    assert.ok(!existsSync(join(site, 'pagefind-3')));
  });

  const cases = [
    ['search/', '吴磊', 'people/lei-wu/'],
    ['search/', 'scaling laws', 'publications/li2025functional/'],
    ['zh/search/', '吴磊', 'zh/people/lei-wu/'],
  ] as const;

  it('the records searched for below are in the first shard and in others', () => {
    const in_ = cases.map(([, , expected]) => pageShard(`${expected}index.html`, shards));
    assert.ok(in_.includes(0) && in_.some((k) => k > 0), in_.join(' '));
  });

  for (const [path, query, expected] of cases) {
    it(`/${path} finds ${query}, in shard ${pageShard(`${expected}index.html`, 3)}, and its result leads to /${expected}`, async () => {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('console', (m) => void (m.type() === 'error' && problems.push(m.text())));
      page.on('response', (r) => void (r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`)));
      await page.goto(`${origin}${path}?q=${encodeURIComponent(query)}`);
      await page.waitForSelector('.pagefind-ui__result-link', { timeout: 15000 });
      // Results of the merged shards may come a moment after the first ones.
      await page.waitForFunction((href) => [...document.querySelectorAll('.pagefind-ui__result-link')].some((a) => (a as HTMLAnchorElement).href === href), origin + expected, { timeout: 15000 }).catch(() => undefined);
      const hrefs = await page.$$eval('.pagefind-ui__result-link', (as) => as.map((a) => (a as HTMLAnchorElement).href));
      assert.ok(hrefs.includes(origin + expected), `${query}: ${hrefs.join(', ')}`);
      assert.deepEqual(problems, []);
      await Promise.all([page.waitForURL(origin + expected), page.click(`.pagefind-ui__result-link[href="${new URL(origin + expected).pathname}"]`)]);
      await page.close();
    });
  }
});
