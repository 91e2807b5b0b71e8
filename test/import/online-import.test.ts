// `vita import` from online sources, end to end through the recorded answers (a committed cache, as an import leaves
// it): the same code path as a live import, with a fetch that fails the test if it is called.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runImport } from '../../src/cli/import.js';
import { CACHE_FOLDER } from '../../src/import/cache.js';
import { exitStatus, formatReport } from '../../src/import/report.js';
import { capture, errorsOf, run, tempDir, tree } from './helpers.ts';
import { fakeClock, fakeServer, LEI_WU_ORCID, noNetwork, recordedAnswers, withRecordedCache } from './online-helpers.ts';

const answers = recordedAnswers();

function project(files: Record<string, string>): string {
  const dir = tempDir('vita-online-');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const offlineFetch = { http: { fetch: noNetwork } };

describe('online import through the recorded answers', () => {
  it('each service makes a project that checks, with no request made', async () => {
    const expected: Record<string, { publications: number; person?: string }> = {
      'arxiv:1904.04326,2310.00692': { publications: 2 },
      'arxiv:author:"Lei Wu"': { publications: 4 },
      [`openalex:orcid:${LEI_WU_ORCID}`]: { publications: 4, person: 'lei-wu' },
      'crossref:10.1007/s11425-019-1628-5,10.1007/s00365-021-09549-y': { publications: 2 },
      'dblp:pid/42/1719-2': { publications: 6, person: 'lei-wu' },
      [`orcid:${LEI_WU_ORCID}`]: { publications: 5, person: 'lei-wu' },
    };
    for (const [spec, want] of Object.entries(expected)) {
      const dir = withRecordedCache(tempDir());
      const result = await run(spec, dir, offlineFetch);
      assert.equal(exitStatus(result), 0, `${spec}:\n${formatReport(result)}`);
      assert.equal(result.plan!.counts.publications, want.publications, spec);
      assert.equal(result.merge!.owner, want.person, spec);
      assert.ok(result.diagnostics.some((d) => d.code === 'import/online-cache' && /no request made/.test(d.message)), spec);
      assert.deepEqual(errorsOf(dir).errors, [], spec);
    }
  });

  it('a preprint and its published version found in one import become one publication, with both identifiers', async () => {
    const dir = withRecordedCache(tempDir());
    const result = await run('dblp:42/1719-2', dir, offlineFetch);
    const inSource = result.merge!.merged.filter((m) => m.file === undefined);
    assert.deepEqual(
      inSource.map((m) => [m.imported, m.into, m.how]),
      [
        ['wu2023implicit-2', 'wu2023implicit', 'title'],
        ['e2019comparative', 'e2020comparative', 'similar title'],
      ],
    );
    const { graph } = errorsOf(dir);
    const comparative = graph.publications.get('e2020comparative')!;
    assert.deepEqual([comparative.type, comparative.doi, comparative.arxiv], ['article', '10.1007/s11425-019-1628-5', '1904.04326']);
    const icml = graph.publications.get('wu2023implicit')!;
    assert.deepEqual([icml.type, icml.venue?.short, icml.arxiv], ['conference', 'ICML', '2305.17490']);
    const person = readFileSync(join(dir, 'people/lei-wu.yaml'), 'utf8');
    assert.match(person, /dblp: https:\/\/dblp\.org\/pid\/42\/1719-2/);
    assert.match(readFileSync(join(dir, 'vita.yaml'), 'utf8'), /owner: lei-wu/);
  });

  it('importing another service into that project recognises every paper (same DOI, same arXiv id) and adds nothing', async () => {
    const dir = withRecordedCache(tempDir());
    await run('dblp:42/1719-2', dir, offlineFetch);
    const before = tree(dir);
    const arxiv = await run('arxiv:1904.04326,2310.00692', dir, offlineFetch);
    assert.deepEqual(
      arxiv.merge!.merged.map((m) => [m.imported, m.into, m.how]),
      [
        ['e2020comparative', 'e2020comparative', 'doi'],
        ['wang2023noise', 'wang2023noise', 'arxiv'],
      ],
    );
    assert.equal(arxiv.plan!.counts.publications, 0);
    const crossref = await run('crossref:10.1007/s00365-021-09549-y', dir, offlineFetch);
    assert.equal(crossref.merge!.merged[0]!.how, 'doi');
    assert.deepEqual(
      crossref.merge!.merged[0]!.conflicts.map((c) => c.field),
      ['year', 'venue.name'],
      'differences are shown (2022 in print, 2021 online; an abbreviated journal), not written',
    );
    for (const [path, bytes] of before) assert.equal(tree(dir).get(path), bytes, `${path} is unchanged`);
  });

  it("the project's preprint is recognised in the published paper, and reported, not overwritten", async () => {
    const dir = withRecordedCache(
      project({
        'vita.yaml': 'title: Lei Wu\nowner: lei-wu\n',
        'people/lei-wu.yaml': 'name: Lei Wu\nemail: leiwu@math.pku.edu.cn\n',
        'publications/preprints.bib': '@misc{e2019barron,\n  author = {E, Weinan and Ma, Chao and Wu, Lei},\n  title = {Barron Spaces and the Compositional Function Spaces for Neural Network Models},\n  year = {2019},\n  eprint = {1906.08039},\n  archivePrefix = {arXiv}\n}\n',
      }),
    );
    const before = tree(dir);
    const result = await run('crossref:10.1007/s00365-021-09549-y', dir, offlineFetch);
    const [merged] = result.merge!.merged;
    assert.deepEqual([merged!.into, merged!.how, merged!.preprintOf], ['e2019barron', 'arxiv', true]);
    assert.match(formatReport(result), /preprint of the published paper in the source/);
    assert.equal(tree(dir).get('publications/preprints.bib'), before.get('publications/preprints.bib'));
  });

  it('a second run makes no request at all, and finds everything already there', async () => {
    const dir = tempDir();
    const clock = fakeClock();
    const server = fakeServer(answers, clock);
    const first = await run(`orcid:${LEI_WU_ORCID}`, dir, { http: { fetch: server.fetch, sleep: clock.sleep, now: clock.now } });
    assert.equal(exitStatus(first), 0, formatReport(first));
    assert.equal(server.calls.length, 3);
    assert.equal(readdirSync(join(dir, CACHE_FOLDER, 'orcid')).length, 3, 'the answers are kept in the project');
    assert.match(formatReport(first), /3 fetched from ORCID and kept in imports\/cache\/orcid\//);
    const second = await run(`orcid:${LEI_WU_ORCID}`, dir, offlineFetch);
    assert.deepEqual(
      second.bundle!.publications.map((p) => p.value),
      first.bundle!.publications.map((p) => p.value),
      'the same bundle from the cache',
    );
    assert.equal(second.plan!.counts.publications, 0);
    assert.equal(second.merge!.merged.filter((m) => m.kind === 'publication').length, 5);
  });

  it('--dry-run writes nothing: no files, no cache', async () => {
    const dir = tempDir();
    const before = tree(dir);
    const server = fakeServer(answers);
    const result = await run('dblp:42/1719-2', join(dir, 'new-site'), { dryRun: true, http: { fetch: server.fetch, sleep: fakeClock().sleep } });
    assert.equal(server.calls.length, 1);
    assert.equal(result.plan!.counts.publications, 6);
    assert.deepEqual(tree(dir), before);
    assert.equal(existsSync(join(dir, 'new-site')), false);
  });

  it('--offline says what the cache lacks, and writes nothing; not found is a warning; failures stop the import', async () => {
    const dir = tempDir();
    const offline = await run('crossref:10.1007/s11425-019-1628-5', dir, { offline: true, http: { fetch: noNetwork } });
    assert.equal(exitStatus(offline), 1);
    assert.equal(offline.aborted, true);
    const missing = offline.diagnostics.find((d) => d.code === 'import/offline-missing')!;
    assert.match(missing.message, /--offline: the cache has no answer for https:\/\/api\.crossref\.org\/works\/10\.1007\/s11425-019-1628-5/);
    assert.match(missing.hint!, /without --offline/);
    assert.deepEqual(readdirSync(dir), []);

    const withCache = withRecordedCache(tempDir());
    const partly = await run('crossref:10.1007/s11425-019-1628-5,10.48550/arXiv.2310.00692', withCache, { http: { fetch: fakeServer(new Map()).fetch, sleep: fakeClock().sleep } });
    assert.equal(exitStatus(partly), 0);
    assert.equal(partly.plan!.counts.publications, 1);
    const notFound = partly.diagnostics.find((d) => d.code === 'import/not-found')!;
    assert.match(notFound.message, /arXiv DOI, which Crossref does not hold: import it with arxiv:2310\.00692/);

    const clock = fakeClock();
    const down = await run('dblp:1/2', tempDir(), { http: { fetch: async () => Promise.reject(new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } })), sleep: clock.sleep, now: clock.now } });
    assert.equal(down.aborted, true);
    assert.match(down.diagnostics.find((d) => d.code === 'import/online-failed')!.message, /dblp could not be reached .*ECONNRESET/);
  });

  it('a bad name or a broken answer is reported as a diagnostic, never a crash', async () => {
    const bad = await run('orcid:0000-0002-1825-0098', tempDir(), offlineFetch);
    assert.equal(bad.diagnostics[0]!.code, 'import/bad-source');
    assert.match(bad.diagnostics[0]!.message, /does not check/);
    const broken = new Map([['https://dblp.org/pid/1/2.xml', '<html><body><h1>502 Bad Gateway</h1></body></html>']]);
    const result = await run('dblp:1/2', tempDir(), { http: { fetch: fakeServer(broken).fetch } });
    assert.equal(exitStatus(result), 1);
    const d = result.diagnostics.find((x) => x.code === 'import/bad-response')!;
    assert.match(d.message, /the answer of dblp for https:\/\/dblp\.org\/pid\/1\/2\.xml could not be read: it is not a DBLP person page/);
    assert.match(d.hint!, /imports\/cache\/dblp\//);
  });

  it("the polite-pool email defaults to the project owner's", async () => {
    const dir = withRecordedCache(project({ 'vita.yaml': 'title: Lei Wu\nowner: lei-wu\n', 'people/lei-wu.yaml': 'name: Lei Wu\nemail: leiwu@math.pku.edu.cn\n' }));
    const server = fakeServer(new Map([['https://api.crossref.org/works/10.5555/12345678', answers.get('https://api.crossref.org/works/10.1007/s11425-019-1628-5')!]]));
    await run('crossref:10.5555/12345678', dir, { dryRun: true, http: { fetch: server.fetch } });
    assert.equal(server.calls[0]!.url, 'https://api.crossref.org/works/10.5555/12345678?mailto=leiwu%40math.pku.edu.cn');
  });
});

describe('vita import <online source> on the command line', () => {
  it('--dry-run through the cached path: the plan, the cache note, nothing written', async () => {
    const dir = withRecordedCache(project({ 'vita.yaml': 'title: Lei Wu\n' }));
    const before = tree(dir);
    const real = globalThis.fetch;
    globalThis.fetch = (async (url: string) => assert.fail(`the network was used: ${url}`)) as typeof fetch;
    let result: { code: number; out: string };
    try {
      result = await capture(() => runImport('arxiv:author:"Lei Wu"', { into: dir, dryRun: true }));
    } finally {
      globalThis.fetch = real;
    }
    const { code, out } = result;
    assert.equal(code, 0, out);
    assert.match(out, /arxiv:author:"Lei Wu" \(arxiv\) would import into/);
    assert.match(out, /\+ publications\/imported-arxiv-lei-wu\.yaml {2}\(4 publications\)/);
    assert.match(out, /1 read from imports\/cache\/arxiv\/ \(no request made\)/);
    assert.match(out, /Dry run: nothing was written\./);
    assert.deepEqual(tree(dir), before);
  });

  it('the vita command takes --offline and --mailto, and says what they take', () => {
    const dir = withRecordedCache(project({ 'vita.yaml': 'title: Lei Wu\n' }));
    const vita = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'import', ...args], { encoding: 'utf8' });
    const ok = vita('dblp:pid/42/1719-2', '--into', dir, '--dry-run', '--offline', '--mailto', 'leiwu@math.pku.edu.cn');
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /publications {2}6 new, 2 merged \(in the source twice\)/);
    const bad = vita('dblp:pid/42/1719-2', '--mailto', 'nobody');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--mailto takes an email address/);
    const help = vita('--help');
    assert.match(help.stdout, /orcid:0000-0002-1825-0097 +the public works of an ORCID record/);
    assert.match(help.stdout, /--offline/);
  });
});
