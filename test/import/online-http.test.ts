// The HTTP layer of online imports, with a fake fetch and a fake clock: no network, no real waiting, no timing
// assertions. Spacing is read off the fake clock.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Progress } from '../../src/import/bundle.js';
import { CACHE_FOLDER, FileCache } from '../../src/import/cache.js';
import { arxivQueryUrl } from '../../src/import/online/arxiv.js';
import { crossrefOrcidUrl } from '../../src/import/online/crossref.js';
import { HttpClient, retryAfter, type Fetcher } from '../../src/import/online/http.js';
import { openalexUrl } from '../../src/import/online/openalex.js';
import { run, tempDir } from './helpers.ts';
import { fakeClock, fakeServer, LEI_WU_ORCID, noNetwork, recordedAnswers, response } from './online-helpers.ts';

const answers = recordedAnswers();

function scripted(replies: (() => ReturnType<Fetcher>)[]) {
  const calls: string[] = [];
  const fetch: Fetcher = (url) => {
    calls.push(url);
    const next = replies.shift();
    if (!next) throw new Error('no more replies');
    return next();
  };
  return { fetch, calls };
}

describe('online HTTP: cache, pace, retries', () => {
  it('keeps every answer in the cache, keyed by the request URL: asked again, it makes no request', async () => {
    const root = tempDir();
    const url = 'https://dblp.org/pid/42/1719-2.xml';
    const server = fakeServer(answers);
    const first = await new HttpClient('dblp', new FileCache(root, 'dblp'), { fetch: server.fetch, sleep: fakeClock().sleep }).get(url);
    assert.equal(first.ok && first.cached, false);
    assert.equal(server.calls.length, 1);
    const again = await new HttpClient('dblp', new FileCache(root, 'dblp'), { fetch: noNetwork }).get(url);
    assert.ok(again.ok && again.cached);
    assert.equal(again.ok && again.body, answers.get(url));
    assert.equal(readdirSync(join(root, CACHE_FOLDER, 'dblp')).length, 1);
  });

  it('spaces requests as each service asks: 3 s for arXiv, 1 s for DBLP', async () => {
    for (const [kind, interval] of [
      ['arxiv', 3000],
      ['dblp', 1000],
    ] as const) {
      const clock = fakeClock();
      const server = fakeServer(new Map([1, 2, 3].map((n) => [`https://example.org/${n}`, 'x'])), clock);
      const client = new HttpClient(kind, new FileCache(tempDir(), kind), { fetch: server.fetch, sleep: clock.sleep, now: clock.now });
      for (const n of [1, 2, 3]) assert.ok((await client.get(`https://example.org/${n}`)).ok);
      const gaps = server.calls.slice(1).map((c, i) => c.at - server.calls[i]!.at);
      assert.ok(gaps.every((g) => g >= interval), `${kind}: ${gaps.join(', ')}`);
      assert.equal(server.calls[0]!.at, 1_000_000, 'the first request does not wait');
    }
  });

  it('retries on 429 and 503, waiting as Retry-After says (seconds or a date), then succeeds', async () => {
    const clock = fakeClock(Date.parse('2026-03-02T10:00:00Z'));
    const { fetch, calls } = scripted([
      async () => response(429, 'Too Many Requests', { 'Retry-After': '7' }),
      async () => response(503, '<html>Service Unavailable</html>', { 'Retry-After': new Date(clock.now() + 20_000).toUTCString() }),
      async () => response(200, '<feed/>'),
    ]);
    const answer = await new HttpClient('dblp', new FileCache(tempDir(), 'dblp'), { fetch, sleep: clock.sleep, now: clock.now }).get('https://dblp.org/pid/1/2.xml');
    assert.deepEqual(answer, { ok: true, body: '<feed/>', cached: false });
    assert.equal(calls.length, 3);
    assert.ok(clock.sleeps.includes(7000), `slept ${clock.sleeps.join(', ')}`);
    assert.ok(clock.sleeps.some((ms) => ms >= 19_000 && ms <= 20_000), `slept ${clock.sleeps.join(', ')}`);
    assert.equal(retryAfter('120', 0), 120_000);
    assert.equal(retryAfter('soon', 0), undefined);
  });

  it('gives up with a clear message: too many failures, a wait too long, a request the service refuses, no network', async () => {
    const clock = fakeClock();
    const busy = scripted(Array.from({ length: 5 }, () => async () => response(503, 'busy')));
    const failed = await new HttpClient('orcid', new FileCache(tempDir(), 'orcid'), { fetch: busy.fetch, sleep: clock.sleep, now: clock.now }).get('https://pub.orcid.org/v3.0/x/works');
    assert.equal(busy.calls.length, 5, 'the first try and 4 retries');
    assert.deepEqual(failed.ok ? undefined : [failed.reason, failed.message], ['http', 'HTTP 503: busy']);
    assert.deepEqual(clock.sleeps, [1000, 2000, 4000, 8000], 'the wait doubles (and covers the 1 s spacing)');

    const patient = scripted([async () => response(429, '', { 'Retry-After': '3600' })]);
    const later = await new HttpClient('crossref', new FileCache(tempDir(), 'crossref'), { fetch: patient.fetch, sleep: clock.sleep, now: clock.now }).get('https://api.crossref.org/works/10.5555/x');
    assert.match(later.ok ? '' : later.message, /asks to wait 3600 s; try again later/);

    const refused = scripted([async () => response(400, '{"status":"failed"}')]);
    const bad = await new HttpClient('crossref', new FileCache(tempDir(), 'crossref'), { fetch: refused.fetch, sleep: clock.sleep, now: clock.now }).get('https://api.crossref.org/works?filter=x');
    assert.equal(refused.calls.length, 1, 'a 400 is not retried');
    assert.equal(bad.ok ? 0 : bad.status, 400);

    const down = scripted(Array.from({ length: 2 }, () => async () => Promise.reject(new TypeError('fetch failed', { cause: { code: 'ENOTFOUND' } }))));
    const offline = await new HttpClient('arxiv', new FileCache(tempDir(), 'arxiv'), { fetch: down.fetch, sleep: clock.sleep, now: clock.now, retries: 1 }).get('https://export.arxiv.org/api/query?id_list=1');
    assert.deepEqual(offline.ok ? undefined : [offline.reason, offline.message], ['network', 'the request failed (ENOTFOUND)']);
  });

  it('times out a request that does not answer, and tries again', async () => {
    const clock = fakeClock();
    let tries = 0;
    const hang: Fetcher = (_url, init) =>
      new Promise((_, reject) => {
        tries++;
        init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    const answer = await new HttpClient('dblp', new FileCache(tempDir(), 'dblp'), { fetch: hang, sleep: clock.sleep, now: clock.now, timeoutMs: 5, retries: 1 }).get('https://dblp.org/pid/1/2.xml');
    assert.equal(tries, 2);
    assert.deepEqual(answer.ok ? undefined : answer.reason, 'timeout');
  });

  it('--offline answers from the cache only; credentials reach the service but never the cache key', async () => {
    const root = tempDir();
    const missing = await new HttpClient('crossref', new FileCache(root, 'crossref'), { fetch: noNetwork, offline: true }).get('https://api.crossref.org/works/10.5555/x');
    assert.deepEqual(missing, { ok: false, url: 'https://api.crossref.org/works/10.5555/x', reason: 'offline', message: 'not in the cache: https://api.crossref.org/works/10.5555/x' });
    const clock = fakeClock();
    const key = openalexUrl({ kind: 'openalex', by: 'orcid', orcid: LEI_WU_ORCID }, '*', 100);
    const server = fakeServer(answers, clock);
    const client = new HttpClient('openalex', new FileCache(root, 'openalex'), { fetch: server.fetch, sleep: clock.sleep, now: clock.now, mailto: 'leiwu@math.pku.edu.cn', openalexKey: 'SECRET' });
    assert.ok((await client.get(key)).ok);
    assert.equal(server.calls[0]!.url, `${key}&mailto=leiwu%40math.pku.edu.cn&api_key=SECRET`);
    assert.match(server.calls[0]!.headers['User-Agent']!, /^vita\/\d+\.\d+\.\d+ \(academic record import; mailto:leiwu@math\.pku\.edu\.cn\)$/);
    assert.equal(server.calls[0]!.headers.Accept, 'application/json');
    const [file] = readdirSync(join(root, CACHE_FOLDER, 'openalex'));
    const stored = readFileSync(join(root, CACHE_FOLDER, 'openalex', file!), 'utf8');
    assert.equal((JSON.parse(stored) as { key: string }).key, key);
    assert.doesNotMatch(stored, /SECRET|leiwu@/);
    const arxiv = fakeServer(new Map([['https://export.arxiv.org/api/query?id_list=1', '<feed/>']]));
    await new HttpClient('arxiv', new FileCache(root, 'arxiv'), { fetch: arxiv.fetch, mailto: 'leiwu@math.pku.edu.cn' }).get('https://export.arxiv.org/api/query?id_list=1');
    assert.equal(arxiv.calls[0]!.url, 'https://export.arxiv.org/api/query?id_list=1', 'only Crossref and OpenAlex take mailto in the URL');
  });
});

/** arXiv's paging, served from the recorded author search: `start` and `max_results` honoured. */
function arxivPages() {
  const feed = answers.get(arxivQueryUrl({ kind: 'arxiv', by: 'author', name: 'Lei Wu' }, 0, 100))!;
  const head = feed.slice(0, feed.indexOf('  <entry>'));
  const entries = feed.slice(feed.indexOf('  <entry>'), feed.lastIndexOf('</feed>')).split(/(?=  <entry>)/);
  const map = new Map<string, string>();
  for (let start = 0; start < entries.length; start += 2) {
    map.set(arxivQueryUrl({ kind: 'arxiv', by: 'author', name: 'Lei Wu' }, start, 2), `${head}${entries.slice(start, start + 2).join('')}</feed>\n`);
  }
  return map;
}

/** OpenAlex's cursor paging, served from the recorded page: the cursor is the offset, made opaque. */
function openalexPages() {
  const page = JSON.parse(answers.get(openalexUrl({ kind: 'openalex', by: 'orcid', orcid: LEI_WU_ORCID }, '*', 100))!) as { meta: Record<string, unknown>; results: unknown[] };
  const map = new Map<string, string>();
  for (let offset = 0; offset <= page.results.length; offset += 2) {
    const cursor = offset === 0 ? '*' : Buffer.from(`offset:${offset}`).toString('base64');
    const next = offset + 2 <= page.results.length ? Buffer.from(`offset:${offset + 2}`).toString('base64') : null;
    map.set(openalexUrl({ kind: 'openalex', by: 'orcid', orcid: LEI_WU_ORCID }, cursor, 2), JSON.stringify({ ...page, meta: { ...page.meta, per_page: 2, next_cursor: next }, results: page.results.slice(offset, offset + 2) }));
  }
  return map;
}

function recordingProgress() {
  const events: string[] = [];
  const progress: Progress = {
    start: (label, total) => events.push(`start ${label} ${total}`),
    tick: (done) => events.push(`tick ${done}`),
    done: () => events.push('done'),
  };
  return { progress, events };
}

describe('online paging, with the progress bar', () => {
  it('arXiv: start and max_results until the total is read, spaced 3 s apart', async () => {
    const clock = fakeClock();
    const server = fakeServer(arxivPages(), clock);
    const { progress, events } = recordingProgress();
    const result = await run('arxiv:author:"Lei Wu"', tempDir(), { dryRun: true, progress, http: { fetch: server.fetch, sleep: clock.sleep, now: clock.now, pageSize: 2 } });
    assert.deepEqual(
      server.calls.map((c) => new URL(c.url).searchParams.get('start')),
      ['0', '2'],
    );
    assert.equal(server.calls[1]!.at - server.calls[0]!.at, 3000);
    assert.equal(result.bundle!.publications.length, 4);
    assert.deepEqual(events.slice(0, 4), ['start arXiv 1', 'start arXiv 2', 'tick 1', 'start arXiv 2']);
    assert.equal(events.at(-1), 'done');
  });

  it('OpenAlex: a cursor followed until a short page', async () => {
    const clock = fakeClock();
    const server = fakeServer(openalexPages(), clock);
    const result = await run(`openalex:orcid:${LEI_WU_ORCID}`, tempDir(), { dryRun: true, mailto: 'leiwu@math.pku.edu.cn', http: { fetch: server.fetch, sleep: clock.sleep, now: clock.now, pageSize: 2 } });
    assert.equal(server.calls.length, 3, '2 + 2 + 1 works');
    assert.match(server.calls[1]!.url, /cursor=b2Zmc2V0OjI%3D&mailto=/);
    assert.equal(result.bundle!.publications.length, 4, 'the erratum left out');
  });

  it('Crossref: rows and a cursor, until the total is read', async () => {
    const items = ['10.1007/s11425-019-1628-5', '10.1007/s00365-021-09549-y'].map((doi) => (JSON.parse(answers.get(`https://api.crossref.org/works/${doi}`)!) as { message: unknown }).message);
    const list = (page: unknown[], next: string) => JSON.stringify({ status: 'ok', 'message-type': 'work-list', 'message-version': '1.0.0', message: { facets: {}, 'next-cursor': next, 'total-results': 2, items: page, 'items-per-page': 1, query: { 'start-index': 0, 'search-terms': null } } });
    const map = new Map([
      [crossrefOrcidUrl(LEI_WU_ORCID, '*', 1), list([items[0]], 'DnF1ZXJ5VGhlbkZldGNo1')],
      [crossrefOrcidUrl(LEI_WU_ORCID, 'DnF1ZXJ5VGhlbkZldGNo1', 1), list([items[1]], 'DnF1ZXJ5VGhlbkZldGNo2')],
    ]);
    const clock = fakeClock();
    const server = fakeServer(map, clock);
    const result = await run(`crossref:orcid:${LEI_WU_ORCID}`, tempDir(), { dryRun: true, http: { fetch: server.fetch, sleep: clock.sleep, now: clock.now, pageSize: 1 } });
    assert.equal(server.calls.length, 2, 'no third request once the total is read');
    assert.ok(server.calls[1]!.at - server.calls[0]!.at >= 250);
    assert.deepEqual(result.bundle!.publications.map((p) => p.value.doi), ['10.1007/s11425-019-1628-5', '10.1007/s00365-021-09549-y']);
  });

  it('ORCID: the person, the works list, then the works in batches', async () => {
    const clock = fakeClock();
    const bulk = answers.get(`https://pub.orcid.org/v3.0/${LEI_WU_ORCID}/works/76543210,76543211,76543212,76543213,76543214,76543215`)!;
    const works = (JSON.parse(bulk) as { bulk: { work: { 'put-code': number } }[] }).bulk;
    const map = new Map(answers);
    for (let i = 0; i < works.length; i += 2) {
      const part = works.slice(i, i + 2);
      map.set(`https://pub.orcid.org/v3.0/${LEI_WU_ORCID}/works/${part.map((w) => w.work['put-code']).join(',')}`, JSON.stringify({ bulk: part }));
    }
    const server = fakeServer(map, clock);
    const { progress, events } = recordingProgress();
    const result = await run(`orcid:${LEI_WU_ORCID}`, tempDir(), { dryRun: true, progress, http: { fetch: server.fetch, sleep: clock.sleep, now: clock.now, pageSize: 2 } });
    assert.deepEqual(
      server.calls.map((c) => c.url.replace(`https://pub.orcid.org/v3.0/${LEI_WU_ORCID}`, '')),
      ['/person', '/works', '/works/76543210,76543211', '/works/76543212,76543213', '/works/76543214,76543215'],
    );
    assert.ok(server.calls.slice(1).every((c, i) => c.at - server.calls[i]!.at >= 1000));
    assert.deepEqual(events.slice(0, events.indexOf('done') + 1), ['start ORCID 3', 'tick 1', 'tick 2', 'tick 3', 'done']);
    assert.equal(result.bundle!.publications.length, 5);
  });
});
