// `vita sync` end to end through recorded answers: the live code path (the cached HTTP client, the services' parsers,
// the merge and the all-or-nothing write of `vita import`), with a fetch that fails the test on any request that was
// not recorded.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import YAML from 'yaml';
import { openProject } from '../../src/index.js';
import { formatSyncReport, syncExitStatus, syncJson } from '../../src/import/sync/report.js';
import { buildSite } from '../../src/write/build.js';
import { contentsUnder as tree } from '../files.js';
import { byStatus, fakeClock, projectCopy, recordedAnswers, recordedServer, response, sync } from './helpers.ts';

const MARGIN = 'Achieving Margin Maximization Exponentially Fast via Progressive Norm Rescaling';

function errorsOf(root: string) {
  return openProject(root).diagnostics.list.filter((d) => d.severity === 'error');
}

describe('vita sync', () => {
  it('proposes new works, recognises those in the record, skips namesakes with why: a dry run writes nothing', async () => {
    const dir = projectCopy();
    const before = tree(dir);
    const server = recordedServer();
    const result = await sync(dir, server);
    assert.deepEqual(server.unrecorded, []);
    assert.equal(syncExitStatus(result), 0, formatSyncReport(result));
    assert.deepEqual(
      byStatus(result, 'new').map((w) => [w.id, w.type, w.doi ?? w.arxiv]),
      [
        ['wang2024achieving', 'conference', '2311.14387'],
        ['long2024duality', 'article', '10.1016/j.acha.2024.101710'],
        ['wu2024scaling', 'preprint', '2405.05678'],
      ],
    );
    assert.deepEqual(byStatus(result, 'merged').map((w) => [w.id, w.into?.how]).sort(), [
      ['e2020comparative', 'doi'],
      ['wu2023implicit', 'arxiv'],
    ]);
    assert.deepEqual(tree(dir), before, 'a dry run writes nothing, not even the cache');
    assert.equal(result.file, 'publications/synced.yaml');
    const report = formatSyncReport(result);
    assert.match(report, /new, not in the record \(3\)/);
    assert.match(report, /A dry run: nothing was written\. vita sync --write adds the 3 new works to publications\/synced\.yaml/);
    const json = JSON.parse(syncJson(result)) as { counts: Record<string, number>; works: unknown[] };
    assert.deepEqual(json.counts, { new: 3, merged: 2, skipped: 3 });
  });

  it('a preprint and its published version are one work: new once (published, with the arXiv id), or an update of the record\'s preprint', async () => {
    const result = await sync(projectCopy(), recordedServer());
    const margin = byStatus(result, 'new').find((w) => w.title === MARGIN)!;
    // ORCID's and OpenAlex's published paper and arXiv's preprint.
    assert.deepEqual([margin.type, margin.arxiv, margin.found.sort()], ['conference', '2311.14387', ['arxiv:2311.14387', 'openalex:W4389009926', 'orcid:1002']]);
    assert.equal(result.works.filter((w) => w.title === MARGIN).length, 1);
    const implicit = byStatus(result, 'merged').find((w) => w.id === 'wu2023implicit')!;
    assert.equal(implicit.published, true, 'the record has the preprint, DBLP the ICML paper');
    assert.deepEqual(
      implicit.adds?.filter((a) => a.field.startsWith('venue')),
      [
        { field: 'venue.short', value: 'ICML' },
        { field: 'venue.pages', value: '37656–37684' },
      ],
    );
    assert.match(formatSyncReport(result), /your entry is the preprint; it was published in ICML \(2023\)/);
  });

  it("skips works of another person of the same name, and says why", async () => {
    const result = await sync(projectCopy(), recordedServer());
    const why = Object.fromEntries(byStatus(result, 'skipped').map((w) => [w.found.join(' '), w.why]));
    assert.deepEqual(Object.keys(why).sort(), ['arxiv:2402.01234', 'openalex:W3150012345', 'openalex:W4280054321']);
    assert.match(why['openalex:W3150012345']!, /author 1 \("Lei Wu"\) has the ORCID 0000-0002-1825-0097, not Lei Wu's \(0000-0003-1516-7033\)/);
    assert.match(why['openalex:W4280054321']!, /is at Tsinghua University, none of Lei Wu's affiliations, and none of the co-authors \(Xin Li\)/);
    assert.match(why['arxiv:2402.01234']!, /found by a name search only, and none of its co-authors \(Yang Liu\) has written with Lei Wu/);
    // What confirmed the others: an affiliation, a co-author of the record.
    const fresh = Object.fromEntries(byStatus(result, 'new').map((w) => [w.id, w.why]));
    assert.match(fresh.long2024duality!, /is at Peking University/);
    assert.match(fresh.wu2024scaling!, /with Weinan E, who wrote with Lei Wu before/);
    assert.match(formatSyncReport(result), /skipped as not theirs \(3\)/);
  });

  it('takes a bare DBLP pid and OpenAlex id under sync:, where links need addresses', async () => {
    const dir = projectCopy();
    const person = join(dir, 'people/lei-wu.yaml');
    writeFileSync(person, readFileSync(person, 'utf8').replace(/  openalex: .*\n  dblp: .*\n/, '').replace('sync:\n', 'sync:\n  dblp: 42/1719-2\n  openalex: A5100393210\n'));
    assert.deepEqual(errorsOf(dir), []);
    const server = recordedServer();
    const result = await sync(dir, server);
    assert.deepEqual(server.unrecorded, []);
    assert.deepEqual(result.people[0]!.sources.map((s) => s.field), ['links.orcid', 'sync.dblp', 'sync.openalex', 'sync.arxiv']);
    assert.deepEqual([byStatus(result, 'new').length, byStatus(result, 'merged').length, byStatus(result, 'skipped').length], [3, 2, 3]);
  });

  it('a work the owner listed under sync.exclude is not proposed again', async () => {
    const dir = projectCopy();
    const person = join(dir, 'people/lei-wu.yaml');
    writeFileSync(person, readFileSync(person, 'utf8').replace('  arxiv: Lei Wu\n', '  arxiv: Lei Wu\n  exclude: ["arXiv:2405.05678"]\n'));
    const result = await sync(dir, recordedServer());
    assert.equal(byStatus(result, 'new').some((w) => w.arxiv === '2405.05678'), false);
    assert.match(byStatus(result, 'skipped').find((w) => w.arxiv === '2405.05678')!.why, /sync\.exclude/);
  });

  it('waits as a 429 answer asks (Retry-After), then reads the answer', async () => {
    const clock = fakeClock();
    let limited = 0;
    const server = recordedServer(recordedAnswers(), (url, n) => {
      if (!url.startsWith('https://api.openalex.org/') || n > 1) return undefined;
      limited++;
      return response(429, '{"error":"Too Many Requests"}', { 'Retry-After': '7' });
    });
    const result = await sync(projectCopy(), server, {}, clock);
    assert.equal(limited, 1);
    assert.equal(syncExitStatus(result), 0, formatSyncReport(result));
    assert.ok(clock.sleeps.includes(7000), `slept ${clock.sleeps.join(', ')} ms`);
    assert.equal(server.calls.filter((c) => c.startsWith('https://api.openalex.org/')).length, 2);
    assert.equal(byStatus(result, 'new').length, 3);
    assert.deepEqual(server.unrecorded, []);
  });

  it('a service that keeps failing is an error (exit 1) and nothing is added to the record', async () => {
    const dir = projectCopy();
    const before = tree(dir);
    const server = recordedServer(recordedAnswers(), (url) => (url.startsWith('https://dblp.org/') ? response(503, 'Service Unavailable') : undefined));
    const result = await sync(dir, server, { write: true });
    assert.equal(syncExitStatus(result), 1);
    assert.match(formatSyncReport(result), /dblp could not be reached.*HTTP 503[\s\S]*Nothing was written/);
    assert.deepEqual(tree(dir), before, 'not even the answers that came');
  });

  it('an answer that is not what the service sends is a located error, not a crash', async () => {
    const answers = recordedAnswers();
    for (const key of answers.keys()) if (key.startsWith('https://api.openalex.org/')) answers.set(key, '<html><body>Service temporarily unavailable</body></html>');
    const result = await sync(projectCopy(), recordedServer(answers));
    assert.equal(syncExitStatus(result), 1);
    const error = result.diagnostics.find((d) => d.code === 'import/bad-response')!;
    assert.equal(error.file, 'openalex');
    assert.match(error.message, /^lei-wu, OpenAlex A5100393210: the answer of openalex for https:\/\/api\.openalex\.org\/works\?filter=author\.id:A5100393210.* could not be read: not JSON/);
    // The other lists were still read and judged.
    assert.equal(byStatus(result, 'new').length, 2);
  });

  it('--write adds the new works to publications/synced.yaml, the project checks, and the new paper is on the person page', async () => {
    const dir = projectCopy();
    const papers = readFileSync(join(dir, 'publications/papers.bib'), 'utf8');
    const result = await sync(dir, recordedServer(), { write: true });
    assert.equal(syncExitStatus(result), 0, formatSyncReport(result));
    assert.deepEqual(result.written, ['publications/synced.yaml', 'imports/sync/published.yaml']);
    // The record's preprint was published: said apart, for the owner to copy (their BibTeX is not rewritten).
    assert.deepEqual(YAML.parse(readFileSync(join(dir, 'imports/sync/published.yaml'), 'utf8')), [
      { id: 'wu2023implicit', entry: 'publications/papers.bib:9', published: { type: 'conference', title: 'The Implicit Regularization of Dynamical Stability in Stochastic Gradient Descent', venue: { short: 'ICML', pages: '37656–37684' }, year: 2023, url: 'https://proceedings.mlr.press/v202/wu23r.html' } },
    ]);
    assert.equal(readFileSync(join(dir, 'publications/papers.bib'), 'utf8'), papers, "the owner's file is never rewritten");
    assert.deepEqual(openProject(dir).diagnostics.list.map((d) => `${d.file} ${d.code}`), [], 'vita check is clean: no error, no warning');
    const { graph } = openProject(dir);
    assert.deepEqual([graph.publications.get('wang2024achieving')?.venue?.name, graph.publications.get('wang2024achieving')?.arxiv], ['Proceedings of the 41st International Conference on Machine Learning', '2311.14387']);
    // The answers are kept, for --offline and for the pull request of the scheduled workflow.
    assert.deepEqual(readdirSync(join(dir, 'imports/cache')).sort(), ['arxiv', 'dblp', 'openalex', 'orcid']);
    assert.equal(result.cacheWritten, 6);
    const out = join(dir, '_site');
    await buildSite(dir, out, { baseUrl: 'https://example.org/' });
    assert.ok(readFileSync(join(out, 'people/lei-wu/publications/index.html'), 'utf8').includes(MARGIN), "the person's publication list names the new paper");
    assert.ok(existsSync(join(out, 'publications/wang2024achieving/index.html')), 'the new paper has its page');
  });

  it('is idempotent: a second run finds everything in the record and changes nothing, online or offline', async () => {
    const dir = projectCopy();
    await sync(dir, recordedServer(), { write: true });
    const after = tree(dir);
    const online = recordedServer();
    const again = await sync(dir, online, { write: true });
    assert.equal(syncExitStatus(again), 0, formatSyncReport(again));
    assert.equal(online.calls.length, 6, 'online, every list is asked again, not answered from the cache');
    assert.deepEqual(byStatus(again, 'new'), []);
    assert.equal(byStatus(again, 'merged').length, 5);
    assert.deepEqual(again.written, []);
    assert.deepEqual(tree(dir), after, 'nothing duplicated, nothing rewritten');
    assert.match(formatSyncReport(again), /0 new, 5 already in the record, 3 skipped as not theirs\. The record is up to date/);
    // A service answers a little differently every week (OpenAlex's response time): with nothing new, the cache is
    // not rewritten either, so the weekly job proposes nothing.
    const answers = recordedAnswers();
    const openalex = [...answers.keys()].find((k) => k.startsWith('https://api.openalex.org/'))!;
    answers.set(openalex, answers.get(openalex)!.replace('"db_response_time_ms":38', '"db_response_time_ms":51'));
    await sync(dir, recordedServer(answers), { write: true });
    assert.deepEqual(tree(dir), after);
    // Offline, from the cache the first run kept: the same answer, and no request.
    const offline = recordedServer(new Map());
    const cached = await sync(dir, offline, { offline: true });
    assert.deepEqual(offline.calls, []);
    assert.deepEqual([byStatus(cached, 'new').length, byStatus(cached, 'merged').length, byStatus(cached, 'skipped').length], [0, 5, 3]);
  });

  it('once the owner has updated the preprint, a later --write says no preprint awaits its published version', async () => {
    const dir = projectCopy();
    await sync(dir, recordedServer(), { write: true });
    const bib = join(dir, 'publications/papers.bib');
    writeFileSync(bib, readFileSync(bib, 'utf8').replace('@misc{wu2023implicit,\n  pubtype       = {preprint},', '@inproceedings{wu2023implicit,\n  booktitle     = {ICML},'));
    const result = await sync(dir, recordedServer(), { write: true });
    assert.equal(byStatus(result, 'merged').find((w) => w.id === 'wu2023implicit')!.published, false);
    assert.deepEqual(result.written, ['imports/sync/published.yaml']);
    assert.deepEqual(YAML.parse(readFileSync(join(dir, 'imports/sync/published.yaml'), 'utf8')), []);
  });

  it('appends to publications/synced.yaml, keeping the owner\'s edits there; never writes into a file vita did not make', async () => {
    const dir = projectCopy();
    const person = join(dir, 'people/lei-wu.yaml');
    const full = readFileSync(person, 'utf8');
    // First only ORCID: one new work.
    writeFileSync(person, full.replace(/  openalex: .*\n  dblp: .*\n/, '').replace(/sync:\n  arxiv: Lei Wu\n/, ''));
    await sync(dir, recordedServer(), { write: true });
    const synced = join(dir, 'publications/synced.yaml');
    const edited = readFileSync(synced, 'utf8').replace('type: conference', 'type: conference\n  selected: true # my favourite');
    writeFileSync(synced, edited);
    writeFileSync(person, full);
    const result = await sync(dir, recordedServer(), { write: true });
    assert.equal(byStatus(result, 'new').length, 2);
    const text = readFileSync(synced, 'utf8');
    assert.ok(text.startsWith(edited), 'what was there is kept byte for byte');
    assert.match(text, /long2024duality[\s\S]*wu2024scaling/);
    assert.deepEqual(errorsOf(dir), []);

    // A publications/synced.yaml the owner wrote is left alone: the works go into synced-2.yaml.
    const other = projectCopy();
    writeFileSync(join(other, 'publications/synced.yaml'), '- id: mine2020\n  type: article\n  title: Mine\n  authors: [Lei Wu]\n  year: 2020\n');
    const mine = readFileSync(join(other, 'publications/synced.yaml'), 'utf8');
    const second = await sync(other, recordedServer(), { write: true });
    assert.deepEqual(second.written, ['publications/synced-2.yaml', 'imports/sync/published.yaml']);
    assert.equal(readFileSync(join(other, 'publications/synced.yaml'), 'utf8'), mine);
  });

  it("for a group, asks the lead's and the current members' lists, proposes a joint paper once, and leaves other people's alone", async () => {
    const dir = projectCopy();
    writeFileSync(join(dir, 'vita.yaml'), 'title: Learning Theory Group\nbaseUrl: https://example.org/\nlanguages: [en]\ngroup:\n  name: Learning Theory Group\n  lead: lei-wu\n');
    writeFileSync(join(dir, 'people/mingze-wang.yaml'), 'name: Mingze Wang\nmember: {role: phd, start: 2021}\nlinks:\n  orcid: https://orcid.org/0000-0003-0123-4565\n');
    // An advisor with a person file: named for the link, not a member. Asking would be a request never recorded.
    writeFileSync(join(dir, 'people/weinan-e.yaml'), 'name: Weinan E\nlinks:\n  orcid: https://orcid.org/0000-0002-1825-0097\n');
    writeFileSync(join(dir, 'people/chao-ma.yaml'), 'name: Chao Ma\nmember: {role: phd, start: 2016, end: 2020}\nlinks:\n  orcid: https://orcid.org/0000-0002-1825-0097\n');
    const server = recordedServer();
    const result = await sync(dir, server, { write: true });
    assert.deepEqual(server.unrecorded, []);
    assert.equal(syncExitStatus(result), 0, formatSyncReport(result));
    assert.deepEqual(result.people.map((p) => p.id), ['lei-wu', 'mingze-wang']);
    assert.deepEqual(result.notAsked, ['chao-ma', 'weinan-e'], 'an alumnus and an outside co-author');
    const margin = result.works.filter((w) => w.title === MARGIN);
    assert.equal(margin.length, 1, 'one paper, though both members list it');
    assert.deepEqual(margin[0]!.found.filter((f) => f.startsWith('orcid:')).sort(), ['orcid:1002', 'orcid:2001']);
    assert.equal((readFileSync(join(dir, 'publications/synced.yaml'), 'utf8').match(/Achieving Margin/g) ?? []).length, 1);
    assert.deepEqual(errorsOf(dir), []);
    assert.match(formatSyncReport(result), /Not asked: chao-ma, weinan-e/);
  });

  it('says what to add when no person names an online list, and exits 0', async () => {
    const dir = projectCopy();
    const person = join(dir, 'people/lei-wu.yaml');
    writeFileSync(person, readFileSync(person, 'utf8').replace(/links:[\s\S]*$/, ''));
    const server = recordedServer();
    const result = await sync(dir, server);
    assert.deepEqual(server.calls, []);
    assert.equal(syncExitStatus(result), 0);
    assert.match(formatSyncReport(result), /no person of the record names an online list of publications[\s\S]*links\.orcid/);
    assert.equal(existsSync(join(dir, 'imports')), false);
  });

  it('reports a profile address it cannot read, and a person or project that is not there', async () => {
    const dir = projectCopy();
    const person = join(dir, 'people/lei-wu.yaml');
    writeFileSync(person, readFileSync(person, 'utf8').replace('https://orcid.org/0000-0003-1516-7033', 'https://orcid.org/0000-0003-1516-7034'));
    const result = await sync(dir, recordedServer());
    assert.match(formatSyncReport(result), /lei-wu: links\.orcid: .* its last character does not check/);
    assert.equal(syncExitStatus(await sync(dir, recordedServer(), { person: 'nobody' })), 1);
    assert.equal(syncExitStatus(await sync(join(dir, 'people'), recordedServer())), 1);
  });
});
