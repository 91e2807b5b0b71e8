// `vita metrics` against recorded answers (test/fixtures/metrics/answers.json): the live code path, with a fetch that
// fails the test when asked for anything not recorded, and a fake clock (no waiting).
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { formatMetrics } from '../../src/cli/metrics.js';
import { updateMetrics } from '../../src/import/metrics.js';
import type { Fetcher } from '../../src/import/online/http.js';
import { doiPath, familyName, normalTitle, openalexWorkUrl, titleMatch } from '../../src/import/online/citations.js';
import { Diagnostics } from '../../src/diagnostics/diagnostic.js';
import { loadProject } from '../../src/load/project.js';
import { validateProject } from '../../src/validate/index.js';
import { resolveProject } from '../../src/resolve/index.js';
import { tempDir } from './helpers.ts';
import { fakeClock, noNetwork, response } from './online-helpers.ts';

const RECORDED = (JSON.parse(readFileSync('test/fixtures/metrics/answers.json', 'utf8')) as { answers: Record<string, { status: number; body: unknown }> }).answers;
const TODAY = '2026-12-01';

function project(): string {
  const root = tempDir('vita-metrics-');
  cpSync('test/fixtures/metrics/project', root, { recursive: true });
  return root;
}

/** Answers what is recorded; anything else fails the test. `first` answers a URL's first request instead (a 429). */
function recorded(first: Map<string, ReturnType<typeof response>> = new Map()) {
  const calls: string[] = [];
  const fetch: Fetcher = async (url) => {
    const key = url.replace(/[?&](?:mailto|api_key)=[^&]*/g, '').replace(/^([^?]*)&/, '$1?');
    calls.push(key);
    const once = first.get(key);
    if (once) {
      first.delete(key);
      return once;
    }
    const answer = RECORDED[key];
    if (!answer) throw new Error(`not recorded: ${key}`);
    return response(answer.status, typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
  };
  return { fetch, calls };
}

function countsOf(root: string) {
  const diagnostics = new Diagnostics();
  const graph = resolveProject(validateProject(loadProject(root, diagnostics), diagnostics), diagnostics);
  return { graph, diagnostics };
}

describe('vita metrics', () => {
  it('counts each paper from recorded answers, writes metrics/citations.yaml, and a build then reads it', async () => {
    const root = project();
    const server = recorded();
    const clock = fakeClock();
    const result = await updateMetrics(root, { today: TODAY, http: { fetch: server.fetch, sleep: clock.sleep, now: clock.now } });
    assert.ok(result.ok, JSON.stringify(result.notes));
    assert.ok(result.wrote);
    const { graph, diagnostics } = countsOf(root);
    assert.deepEqual(diagnostics.list.filter((d) => d.severity !== 'info'), []);
    const count = (id: string) => graph.publications.get(id)!.citations;
    // The published work and its preprint are two OpenAlex works: the larger count, not 1050.
    assert.deepEqual(count('wu2018ritz'), { count: 900, source: 'OpenAlex', asOf: TODAY, url: 'https://openalex.org/W2001' });
    assert.equal(count('wu2020merged')!.count, 25);
    assert.equal(count('wu2021title')!.count, 12);
    assert.deepEqual(count('wu2023crossref'), { count: 7, source: 'Crossref', asOf: TODAY, url: 'https://doi.org/10.5555/only.crossref' });
    // Same title and year, but its first author is someone else: no count at all.
    assert.equal(count('wu2022namesake'), undefined);
    assert.deepEqual(result.unmatched, ['wu2022namesake']);
    // Written twice in the record, one work at OpenAlex: each entry shows it, the person's totals count it once.
    assert.equal(count('wu2020sharp-preprint')!.count, 40);
    assert.equal(count('wu2021sharp')!.count, 40);
    const m = graph.people.get('lei-wu')!.metrics!;
    assert.equal(m.citations, 900 + 25 + 40 + 12 + 7);
    assert.equal(m.hIndex, 5);
    assert.equal(m.i10Index, 4);
    assert.equal(m.asOf, TODAY);
    assert.deepEqual(m.perYear, [
      { year: 2019, count: 100 },
      { year: 2020, count: 200 },
      { year: 2021, count: 320 },
      { year: 2022, count: 357 },
    ]);
    const text = readFileSync(join(root, 'metrics/citations.yaml'), 'utf8');
    assert.match(text, /^# Citation counts, written by `vita metrics`/);
    assert.match(text, /  wu2018ritz:\n    count: 900\n    source: OpenAlex\n    asOf: 2026-12-01\n    url: https:\/\/openalex.org\/W2001\n    crossref: 870\n    perYear: \{ 2019: 100, 2020: 200, 2021: 300, 2022: 300 \}\n/);
    // Ids in order: a diff shows only the counts that moved.
    const ids = [...text.matchAll(/^  (\S+):$/gm)].map((x) => x[1]);
    assert.deepEqual(ids, [...ids].sort());
    const summary = formatMetrics(result);
    assert.match(summary, /^6 of 7 publications have a citation count \(Crossref 1, OpenAlex 5\)\.$/m);
    assert.match(summary, /^No count found for 1: wu2022namesake /m);
    assert.match(summary, /^Changed \(6\):\n  wu2018ritz +new: 900$/m);
    assert.match(summary, /^Lei Wu: 984 citations, h-index 5, i10-index 4 \(counted 2026-12-01 or later\)$/m);
    assert.match(summary, /^Wrote metrics\/citations.yaml/m);
    // The same answers again: the same bytes, nothing written.
    const again = await updateMetrics(root, { today: TODAY, http: { fetch: recorded().fetch, sleep: clock.sleep, now: clock.now } });
    assert.equal(again.wrote, false);
    assert.deepEqual(again.changes, []);
  });

  it('waits as a 429 asks (Retry-After) and then takes the answer', async () => {
    const root = project();
    const url = openalexWorkUrl('doi:10.1007/s40304-018-0127-z');
    const server = recorded(new Map([[url, response(429, 'slow down', { 'Retry-After': '7' })]]));
    const clock = fakeClock();
    const result = await updateMetrics(root, { today: TODAY, http: { fetch: server.fetch, sleep: clock.sleep, now: clock.now } });
    assert.equal(server.calls.filter((c) => c === url).length, 2);
    assert.ok(clock.sleeps.includes(7000), `slept ${clock.sleeps.join(', ')}`);
    assert.ok(result.changes.some((c) => c.id === 'wu2018ritz' && c.after === 900));
  });

  it('--offline asks nothing and says what the file holds; --dry-run writes nothing', async () => {
    const root = project();
    const dry = await updateMetrics(root, { today: TODAY, dryRun: true, http: { fetch: recorded().fetch, sleep: fakeClock().sleep } });
    assert.equal(dry.wrote, false);
    assert.equal(existsSync(join(root, 'metrics/citations.yaml')), false);
    assert.equal(dry.changes.length, 6);
    await updateMetrics(root, { today: TODAY, http: { fetch: recorded().fetch, sleep: fakeClock().sleep } });
    const offline = await updateMetrics(root, { offline: true, http: { fetch: noNetwork } });
    assert.ok(offline.ok);
    assert.equal(offline.counted, 6);
    assert.equal(offline.requests, 0);
    assert.deepEqual(offline.people.map((p) => [p.id, p.metrics.hIndex]), [['lei-wu', 5]]);
  });

  it('keeps a paper\'s last count, with its own date, when the service cannot be reached', async () => {
    const root = project();
    await updateMetrics(root, { today: TODAY, http: { fetch: recorded().fetch, sleep: fakeClock().sleep } });
    const down: Fetcher = async () => {
      throw new Error('ECONNREFUSED');
    };
    const result = await updateMetrics(root, { today: '2027-01-01', http: { fetch: down, sleep: fakeClock().sleep, retries: 0 } });
    assert.deepEqual(result.changes, []);
    assert.equal(countsOf(root).graph.publications.get('wu2018ritz')!.citations!.asOf, TODAY);
    assert.ok(result.notes.some((n) => /ECONNREFUSED/.test(n.message)));
  });

  it('does not replace a metrics/citations.yaml vita did not write', async () => {
    const root = project();
    const path = join(root, 'metrics/citations.yaml');
    mkdirSync(join(root, 'metrics'));
    writeFileSync(path, 'publications: {}\n');
    const result = await updateMetrics(root, { today: TODAY, http: { fetch: recorded().fetch, sleep: fakeClock().sleep } });
    assert.equal(result.ok, false);
    assert.equal(readFileSync(path, 'utf8'), 'publications: {}\n');
  });
});

describe('cross-checks a project asks for (vita.yaml metrics.crossCheck)', () => {
  it('keeps Semantic Scholar\'s and INSPIRE\'s counts beside OpenAlex\'s, by DOI or else arXiv id; the count shown stays OpenAlex\'s', async () => {
    const root = project();
    writeFileSync(join(root, 'vita.yaml'), 'title: Lei Wu\nowner: lei-wu\nmetrics:\n  crossCheck: [semanticscholar, inspire]\n');
    const extra = new Map<string, string>();
    const s2 = (id: string) => `https://api.semanticscholar.org/graph/v1/paper/${id}?fields=citationCount`;
    const inspire = (q: string) => `https://inspirehep.net/api/literature?q=${encodeURIComponent(q)}&fields=citation_count&size=2`;
    extra.set(s2('DOI:10.1007/s40304-018-0127-z'), JSON.stringify({ paperId: 'abc', citationCount: 950 }));
    extra.set(inspire('doi:10.1007/s40304-018-0127-z'), JSON.stringify({ hits: { total: 1, hits: [{ metadata: { citation_count: 12 } }] } }));
    extra.set(s2('ARXIV:2011.13456'), JSON.stringify({ citationCount: 41 }));
    // INSPIRE has two records for this one: neither is taken.
    extra.set(inspire('arxiv:2011.13456'), JSON.stringify({ hits: { total: 2, hits: [{ metadata: { citation_count: 1 } }, { metadata: { citation_count: 2 } }] } }));
    const base = recorded();
    const fetch: Fetcher = async (url, init) => {
      const key = url.replace(/[?&](?:mailto|api_key)=[^&]*/g, '').replace(/^([^?]*)&/, '$1?');
      const body = extra.get(key);
      if (body !== undefined) return response(200, body);
      if (/semanticscholar|inspirehep/.test(key)) return response(404, '{"error":"not found"}');
      return base.fetch(url, init);
    };
    const result = await updateMetrics(root, { today: TODAY, http: { fetch, sleep: fakeClock().sleep } });
    assert.ok(result.ok, JSON.stringify(result.notes));
    const text = readFileSync(join(root, 'metrics/citations.yaml'), 'utf8');
    assert.match(text, /  wu2018ritz:\n    count: 900\n(?:    .*\n)*?    crossref: 870\n    semanticScholar: 950\n    inspire: 12\n/);
    assert.match(text, /  wu2020sharp-preprint:\n    count: 40\n(?:    .*\n)*?    semanticScholar: 41\n    perYear/);
    assert.equal(countsOf(root).graph.publications.get('wu2018ritz')!.citations!.count, 900);
  });
});

describe('finding a paper at OpenAlex', () => {
  it('escapes DOIs into the address, and compares titles and family names as written in different ways', () => {
    assert.equal(doiPath('10.1002/(SICI)1097-0258(19980815/30)17:15/16<1661::AID-SIM968>3.0.CO;2-2'), '10.1002/(sici)1097-0258(19980815/30)17%3A15/16%3C1661%3A%3Aaid-sim968%3E3.0.co%3B2-2');
    assert.equal(normalTitle('The {D}eep {R}itz Method: a Deep-Learning--Based Method'), normalTitle('The deep Ritz method — a deep learning based method'));
    assert.equal(normalTitle('Sch\\"{o}dinger Bridges'), 'schodinger bridges');
    assert.equal(familyName('Wu, Lei'), 'wu');
    assert.equal(familyName('Lei Wu'), 'wu');
    assert.equal(familyName('Lei Zhang'), 'zhang');
  });

  it('takes no title match when two works fit: it says so, and asks for an identifier', () => {
    const work = (id: string) => ({ id, display_name: 'Same Title', publication_year: 2020, cited_by_count: 3, authorships: [{ author: { display_name: 'Lei Wu' } }] });
    const found = titleMatch(JSON.stringify({ results: [work('https://openalex.org/W1'), work('https://openalex.org/W2')] }), { id: 'x', title: 'Same title', year: 2020, authors: ['Lei Wu'] });
    assert.match(String(found), /2 works titled "Same title" \(2020\)/);
  });
});
