// vita serve's server: a built site at the path it was built for, folders redirected to their slash, the site's 404
// page for anything missing, nothing outside the folder.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { locate } from '../../src/serve/http.js';
import { builtBase, normaliseBase, startStaticServer, type StaticServer } from '../../src/serve/static.js';

describe('which file a request names', () => {
  const files = new Set(['index.html', 'people/ada/index.html', 'assets/vita.css', 'a b/index.html']);
  const has = (p: string) => files.has(p);
  it('under the base: folders are their index.html, a folder without its slash is redirected', () => {
    assert.deepEqual(locate('/repo/', '/repo/', has), { kind: 'file', path: 'index.html' });
    assert.deepEqual(locate('/repo/people/ada/', '/repo/', has), { kind: 'file', path: 'people/ada/index.html' });
    assert.deepEqual(locate('/repo/people/ada', '/repo/', has), { kind: 'redirect', location: '/repo/people/ada/' });
    assert.deepEqual(locate('/repo/assets/vita.css', '/repo/', has), { kind: 'file', path: 'assets/vita.css' });
    assert.deepEqual(locate('/repo/a%20b/', '/repo/', has), { kind: 'file', path: 'a b/index.html' });
  });
  it('the domain root leads to the base; other paths outside it, and missing files, are missing', () => {
    assert.deepEqual(locate('/', '/repo/', has), { kind: 'redirect', location: '/repo/' });
    assert.deepEqual(locate('/repo', '/repo/', has), { kind: 'redirect', location: '/repo/' });
    assert.deepEqual(locate('/people/ada/', '/repo/', has), { kind: 'missing' });
    assert.deepEqual(locate('/repo/nothing/', '/repo/', has), { kind: 'missing' });
    assert.deepEqual(locate('/', '/', has), { kind: 'file', path: 'index.html' });
  });
  it('refuses what could leave the folder or is not a path', () => {
    assert.deepEqual(locate('/repo/../secret', '/repo/', has), { kind: 'bad' });
    assert.deepEqual(locate('/repo/%2e%2e/secret', '/repo/', has), { kind: 'bad' });
    assert.deepEqual(locate('/repo/..%5csecret', '/repo/', has), { kind: 'bad' });
    assert.deepEqual(locate('/repo/%E0%A4%A', '/repo/', has), { kind: 'bad' });
  });
});

describe('vita serve', () => {
  let dir: string;
  let server: StaticServer;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vita-serve-'));
    mkdirSync(join(dir, 'site/people/ada'), { recursive: true });
    writeFileSync(join(dir, 'site/index.html'), '<!doctype html><link rel="canonical" href="https://ada.github.io/homepage/"><link rel="stylesheet" href="/homepage/assets/vita.css">');
    writeFileSync(join(dir, 'site/people/ada/index.html'), 'Ada');
    writeFileSync(join(dir, 'site/404.html'), 'the site 404');
    writeFileSync(join(dir, 'secret.txt'), 'outside');
    server = await startStaticServer(join(dir, 'site'), { base: builtBase(join(dir, 'site')), port: 0 });
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the site at the path its home page names', async () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/homepage\/$/);
    const home = await fetch(server.url);
    assert.equal(home.status, 200);
    assert.equal(home.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(await (await fetch(new URL('people/ada/', server.url))).text(), 'Ada');
    const redirect = await fetch(new URL('people/ada', server.url), { redirect: 'manual' });
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.get('location'), '/homepage/people/ada/');
    const root = await fetch(new URL('/', server.url), { redirect: 'manual' });
    assert.equal(root.headers.get('location'), '/homepage/');
  });

  it('answers anything else with the site 404 page, and nothing outside the folder', async () => {
    const missing = await fetch(new URL('no/such/', server.url));
    assert.equal(missing.status, 404);
    assert.equal(await missing.text(), 'the site 404');
    for (const path of ['../secret.txt', '%2e%2e/secret.txt', '..%2fsecret.txt']) {
      const r = await fetch(server.url + path);
      assert.ok(r.status === 404 || r.status === 400, `${path}: ${r.status}`);
      assert.notEqual(await r.text(), 'outside');
    }
  });

  it('finds the base from the canonical link or the stylesheet, and takes one given in any form', () => {
    assert.equal(builtBase(join(dir, 'site')), '/homepage/');
    assert.equal(builtBase(join(dir, 'nothing')), '/');
    for (const given of ['homepage', '/homepage', 'https://ada.github.io/homepage/']) assert.equal(normaliseBase(given), '/homepage/');
  });
});
