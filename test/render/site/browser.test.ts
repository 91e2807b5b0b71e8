/** The site in a real browser (Chromium, when installed): the script's filters, theme and copy, and small screens. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { renderSite } from '../../../src/render/site/index.js';
import { writeSite } from '../../../src/write/index.js';
import { exampleGraph, NOW } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';

describe('in a browser', { skip: !existsSync(CHROMIUM) && 'no Chromium at /usr/bin/chromium' }, () => {
  let dir: string;
  let server: Server;
  let browser: Browser;
  let origin = '';
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vita-browser-'));
    writeSite(join(dir, 'site'), renderSite(exampleGraph(), { baseUrl: 'https://user.github.io/repo/', now: NOW }), { projectRoot: 'examples/pku-group' });
    server = createServer((req, res) => {
      let path = decodeURIComponent(new URL(req.url!, 'http://x').pathname).replace(/^\/repo\//, '');
      if (path === '' || path.endsWith('/')) path += 'index.html';
      try {
        const body = readFileSync(join(dir, 'site', path));
        res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
        res.end(body);
      } catch {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as { port: number }).port}/repo/`;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  after(async () => {
    await browser?.close();
    server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the filter bar narrows the publication list instantly, and groups left empty disappear', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}people/lei-wu/publications/`);
    await page.waitForSelector('[data-filters]:not([hidden])');
    const visible = () => page.$$eval('.pub', (lis) => lis.filter((li) => !(li as HTMLElement).hidden).length);
    const all = await visible();
    await page.fill('[data-filters] input[name=q]', 'scaling laws');
    assert.equal(await visible(), 2);
    assert.ok(await page.$eval('#inPreparation', (h) => (h.closest('[data-group]') as HTMLElement).hidden));
    await page.fill('[data-filters] input[name=q]', '');
    await page.selectOption('[data-filters] select[name=year]', '2023');
    const years = await page.$$eval('.pub:not([hidden])', (lis) => [...new Set(lis.map((li) => (li as HTMLElement).dataset.year))]);
    assert.deepEqual(years, ['2023']);
    await page.selectOption('[data-filters] select[name=year]', '');
    assert.equal(await visible(), all);
    await page.close();
  });

  it('the theme toggle switches and is remembered, applied before the first paint', async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(origin);
    await page.click('.theme-toggle');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    // The inline script in <head> sets data-theme before the stylesheet paints anything.
    await page.goto(`${origin}news/`, { waitUntil: 'commit' });
    await page.waitForSelector('head link[rel=stylesheet]', { state: 'attached' });
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(bg, 'rgb(21, 23, 26)');
    await context.close();
  });

  it('BibTeX copy buttons appear with the script', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}publications/wang2025sharpness/`);
    assert.ok(await page.isVisible('.cite [data-copy]'));
    await page.close();
  });

  it('no page scrolls sideways at 375 px', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    for (const path of ['', 'people/lei-wu/', 'people/lei-wu/publications/', 'publications/wang2025sharpness/', 'people/mingze-wang/research/', 'seminars/scms-colloquium/2025-07-23-weijie-su/', 'people/mingze-wang/cv/']) {
      await page.goto(origin + path);
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, path);
    }
    await context.close();
  });
});
