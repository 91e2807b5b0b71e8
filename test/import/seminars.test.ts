// Seminars imported from a calendar feed (.ics), a seminar site's talk pages (Hugo, Jekyll) and a data file listing
// talks: each becomes a series and its events that check clean, show on the built series page (speaker, title, the
// time in the series' zone) and come back out of the series' calendar feed at the right instant.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { detectSource } from '../../src/import/detect.js';
import { countImport } from '../../src/import/report.js';
import { splitSummary } from '../../src/import/seminar-events.js';
import { seriesCalendar } from '../../src/render/calendar/index.js';
import type { Graph } from '../../src/index.js';
import { runImport } from '../../src/cli/import.js';
import { builtSite, capture, errorsOf, FIXTURES, pageText, run, tempDir } from './helpers.ts';

interface Seen {
  title: string;
  start: string;
  speakers: string[];
  status?: string;
  end?: string;
  timezone?: string;
  venue?: string;
  abstract?: string;
}

/** The project's events of a series as plain facts, by start. */
function eventsOf(graph: Graph, series: string): Seen[] {
  const events = [...graph.events.values()].filter((e) => e.series === series);
  return events
    .map((e) => ({ title: e.title, start: e.start, end: e.end, timezone: e.timezone === graph.series.get(series)!.timezone ? undefined : e.timezone, status: e.status, venue: e.venue?.name, abstract: e.abstract, speakers: e.speakers.map((s) => s.name) }))
    .sort((a, b) => a.start.localeCompare(b.start));
}

/** Imports a source into a new project; it checks clean. */
async function imported(source: string, into = tempDir()) {
  const result = await run(source, into);
  assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error'), [], 'no error');
  assert.deepEqual(result.check, []);
  const { graph, errors } = errorsOf(into);
  assert.deepEqual(errors, [], 'vita check finds nothing wrong');
  return { result, graph, into };
}

/** The series page's text, and the series' calendar as vita exports it (lines unfolded). */
function published(graph: Graph, series: string) {
  const page = builtSite(graph).get(`seminars/${series}/index.html`);
  assert.ok(page, `the series page seminars/${series}/ is built`);
  const calendar = seriesCalendar(graph, series).replace(/\r\n[ \t]/g, '');
  return { text: pageText(page), calendar };
}

/** The VEVENT of the exported calendar with this summary: its UTC start. */
function exportedStart(calendar: string, summary: string): string | undefined {
  const block = calendar.split('BEGIN:VEVENT').find((b) => b.includes(summary));
  return /DTSTART[^:\r\n]*:(\d{8}T\d{6}Z?|\d{8})/.exec(block ?? '')?.[1];
}

describe('import: a seminar calendar feed (.ics)', () => {
  const feed = `${FIXTURES}/ics/seminar.ics`;

  it('detects .ics files and names the kind', () => {
    assert.equal(detectSource(feed).kind, 'ics');
  });

  it('reads speakers, titles, times in their zone, all-day, cancelled, recurring and HTML events', async () => {
    const { result, graph } = await imported(feed);
    const events = eventsOf(graph, 'analysis-and-probability-seminar');
    const by = (title: RegExp) => events.filter((e) => title.test(e.title));
    const series = graph.series.get('analysis-and-probability-seminar')!;
    assert.equal(series.timezone, 'Europe/Paris');
    assert.equal(series.host.name, 'Department of Mathematics', 'the organiser hosts it');
    // Winter and summer: 16:00 on the wall clock in Paris both times (the feed's TZID), a folded SUMMARY joined.
    assert.deepEqual(by(/^Random matrices/)[0], { title: 'Random matrices and free probability at the edge', start: '2026-01-15 16:00', end: '2026-01-15 17:00', speakers: ['Claire Martin'], status: 'scheduled', venue: 'Salle 314, Institut de Mathématiques', timezone: undefined, abstract: 'We study the largest eigenvalues of **random matrices** with heavy tails.\n\nJoint work with [A. Bernard](https://example.org/~ab).' });
    assert.equal(by(/^Mixing times/)[0]!.start, '2026-06-18 16:00');
    assert.deepEqual(by(/^Mixing times/)[0]!.speakers, ['Tomás Ruiz']);
    assert.match(by(/^Mixing times/)[0]!.abstract!, /^We bound the mixing time of Glauber dynamics for spin systems, and show it is optimal\.\nThe proof/);
    // A UTC DTSTART (15:00Z) is 16:00 in Paris in March; CJK speaker and affiliation with full-width punctuation.
    assert.deepEqual(by(/随机偏微分方程/)[0]!.speakers, ['王小明']);
    assert.equal(by(/随机偏微分方程/)[0]!.start, '2026-03-12 16:00');
    // An all-day event over two days: its days, no time (DTEND is the day after, as iCalendar counts).
    assert.deepEqual([by(/Spring School/)[0]!.start, by(/Spring School/)[0]!.end, by(/Spring School/)[0]!.speakers], ['2026-05-20', '2026-05-21', []]);
    // Cancelled: the status, and the title without its "CANCELLED:" mark.
    assert.deepEqual([by(/Percolation/)[0]!.title, by(/Percolation/)[0]!.status, by(/Percolation/)[0]!.speakers], ['Percolation on hyperbolic lattices', 'cancelled', ['Hannah Schmidt']]);
    // A weekly rule of 4 with one date excluded and one moved: 3 events, the moved one on its new day.
    assert.deepEqual(by(/^Reading group/).map((e) => e.start), ['2026-03-02 14:00', '2026-03-17 14:00', '2026-03-23 14:00']);
    assert.deepEqual(by(/^Reading group/)[0]!.speakers, [], '"Reading group" is not a speaker');
    // Indico: the speaker in the description; a video-call link as LOCATION is the online venue.
    const indico = [...graph.events.values()].find((e) => e.id.endsWith('lea-dubois'))!;
    assert.deepEqual([indico.speakers.map((x) => `${x.name} (${x.affiliation})`), indico.venue?.online, indico.abstract], [['Léa Dubois (CNRS)', 'Marc Petit (Inria Paris)'], 'https://zoom.us/j/123456789', 'Diffusion models can be read as a dynamic optimal transport problem.']);
    // The event without a SUMMARY is left out, and says why; the rule's expansion is reported.
    const events_ = countImport(result).find((c) => c.kind === 'events')!;
    assert.deepEqual([events_.imported, events_.skipped, events_.why], [9, 1, [{ why: 'no title', count: 1 }]]);
    assert.ok(result.diagnostics.some((d) => d.code === 'import/ics-recurrence' && /expanded into 3 events/.test(d.message)));
  });

  it('shows each talk on the series page and exports it again at the same instant', async () => {
    const { graph } = await imported(feed);
    const { text, calendar } = published(graph, 'analysis-and-probability-seminar');
    for (const [speaker, title] of [['Claire Martin', 'Random matrices and free probability at the edge'], ['Tomás Ruiz', 'Mixing times of Glauber dynamics'], ['王小明', '随机偏微分方程的正则性结构'], ['Léa Dubois', 'Optimal transport and diffusion models']]) {
      assert.ok(text.includes(speaker!), `${speaker} on the series page`);
      assert.ok(text.includes(title!), `${title} on the series page`);
    }
    // The day as the series' zone has it; the event's page gives the hour.
    assert.match(text, /Thu 15 January 2026 Random matrices/);
    const eventPage = pageText(builtSite(graph).get('seminars/analysis-and-probability-seminar/2026-06-18-tomas-ruiz/index.html')!);
    assert.match(eventPage, /16:00/);
    // DST: 16:00 in Paris is 15:00 UTC in January, 14:00 UTC in June; the UTC event comes back as it went in.
    assert.equal(exportedStart(calendar, 'Random matrices and free probability'), '20260115T150000Z');
    assert.equal(exportedStart(calendar, 'Mixing times of Glauber dynamics'), '20260618T140000Z');
    assert.equal(exportedStart(calendar, '随机偏微分方程'), '20260312T150000Z');
    assert.equal(exportedStart(calendar, 'Spring School in Probability'), '20260520');
    assert.match(calendar.split('BEGIN:VEVENT').find((b) => b.includes('Percolation'))!, /STATUS:CANCELLED/);
  });

  it('is idempotent, and reports an event the feed changed instead of adding it again', async () => {
    const into = tempDir();
    await imported(feed, into);
    const again = await run(feed, into);
    assert.deepEqual(again.written, [], 'the same feed twice adds nothing');
    const c = countImport(again).find((x) => x.kind === 'events')!;
    assert.deepEqual([c.imported, c.merged, c.skipped], [0, 9, 1]);

    // The feed moves a talk by an hour and retitles another: both recognised, the differences reported.
    const changed = join(tempDir(), 'seminar.ics');
    copyFileSync(feed, changed);
    writeFileSync(changed, readFileSync(changed, 'utf8').replace('Mixing times of Glauber dynamics', 'Mixing times of Glauber dynamics on trees').replace('DTSTART;TZID=Europe/Paris:20260115T160000', 'DTSTART;TZID=Europe/Paris:20260115T170000').replace('DTEND;TZID=Europe/Paris:20260115T170000', 'DTEND;TZID=Europe/Paris:20260115T180000'));
    const third = await run(changed, into);
    assert.deepEqual(third.written, []);
    const merged = third.merge!.merged.filter((m) => m.conflicts.length);
    assert.deepEqual(merged.map((m) => [m.into, m.conflicts.map((x) => `${x.field}: ${x.project} -> ${x.imported}`)]).sort(), [
      ['2026-01-15-claire-martin', ['start: 2026-01-15 16:00 -> 2026-01-15 17:00', 'end: 2026-01-15 17:00 -> 2026-01-15 18:00']],
      ['2026-06-18-tomas-ruiz', ['title: Mixing times of Glauber dynamics -> Mixing times of Glauber dynamics on trees']],
    ]);
  });

  it('expands a rule without end for a year, in the zone its VTIMEZONE defines, and says the rest was not carried', async () => {
    const { result, graph } = await imported(`${FIXTURES}/ics/open-rule.ics`);
    const events = eventsOf(graph, 'numerics-lunch-talks');
    assert.equal(events.length, 53);
    // "W. Europe Standard Time" is no IANA zone: its VTIMEZONE converts 12:00 to UTC, 11:00 in winter and 10:00 in summer.
    assert.deepEqual([events[0]!.start, events[20]!.start], ['2026-01-07 11:00', '2026-05-27 10:00']);
    assert.ok(result.diagnostics.some((d) => d.code === 'import/ics-recurrence' && d.severity === 'warning' && /without end: its first 53 occurrences/.test(d.message)));
  });

  it('splits speaker and title as listings write them, and leaves titles that do not start with a name whole', () => {
    const cases: [string, string, string[]][] = [
      ['Jane Doe: Sharp bounds', 'Sharp bounds', ['Jane Doe']],
      ['Jane van der Berg (MIT) - Sharp bounds', 'Sharp bounds', ['Jane van der Berg']],
      ['Seminar: Deep learning theory', 'Seminar: Deep learning theory', []],
      ['Sharp bounds for SGD', 'Sharp bounds for SGD', []],
      ['Ana Ruiz and Li Wei: Joint talk', 'Joint talk', ['Ana Ruiz', 'Li Wei']],
      ['Sharp bounds - Jane Doe (ENS)', 'Sharp bounds', ['Jane Doe']],
      ['张三：随机矩阵', '随机矩阵', ['张三']],
      ['Deep Learning: A Survey', 'Deep Learning: A Survey', []],
      ['Optimal Transport: Old and New', 'Optimal Transport: Old and New', []],
      ['Random Matrices - Edge Universality', 'Random Matrices - Edge Universality', []],
      ['ML Seminar: Jane Doe - Sharp bounds', 'Sharp bounds', ['Jane Doe']],
      ['Prof. María José García-López (UNAM): Sharp bounds', 'Sharp bounds', ['María José García-López']],
    ];
    for (const [summary, title, speakers] of cases) {
      const got = splitSummary(summary);
      assert.deepEqual([got.title, got.speakers.map((s) => s.name)], [title, speakers], summary);
    }
  });

  it('reads researchseminars.org feeds: the speaker in SUMMARY, title, affiliation, link and abstract in DESCRIPTION', async () => {
    const { graph } = await imported(`${FIXTURES}/ics/researchseminars.ics`);
    const events = eventsOf(graph, 'online-number-theory-seminar');
    assert.deepEqual(events.map((e) => [e.start, e.speakers[0], e.title, e.venue, e.abstract]), [
      ['2026-02-10 17:00', 'Amara Nwosu', 'Heights on stacky curves', 'Online', 'We define heights on stacky curves and count rational points of bounded height.'],
      ['2026-07-14 16:00', 'Tobias Lindqvist', 'Equidistribution of Hecke points', 'Room 12', undefined],
    ]);
    const amara = [...graph.events.values()].find((e) => e.id.endsWith('amara-nwosu'))!;
    assert.deepEqual([amara.speakers[0]!.affiliation, amara.venue?.online], ['University of Lagos', 'https://meet.example.org/ontns']);
  });

  it('a feed in UTC that names no zone stays in UTC and says how to name one; named, its times are that zone\'s', async () => {
    const utc = await run(`${FIXTURES}/ics/researchseminars.ics`, tempDir(), { dryRun: true });
    assert.ok(utc.diagnostics.some((d) => d.code === 'import/series-zone' && /X-WR-TIMEZONE/.test(d.hint ?? '')));
    const named = join(tempDir(), 'named.ics');
    writeFileSync(named, readFileSync(`${FIXTURES}/ics/researchseminars.ics`, 'utf8').replace('VERSION:2.0\r\n', 'VERSION:2.0\r\nX-WR-TIMEZONE:Europe/Stockholm\r\n'));
    const { graph } = await imported(named);
    // 17:00 UTC in February and 16:00 UTC in July are both 18:00 in Stockholm.
    assert.deepEqual(eventsOf(graph, 'online-number-theory-seminar').map((e) => e.start), ['2026-02-10 18:00', '2026-07-14 18:00']);
  });

  it('a file of two calendars gives two series', async () => {
    const both = join(tempDir(), 'both.ics');
    writeFileSync(both, readFileSync(`${FIXTURES}/ics/researchseminars.ics`, 'utf8') + readFileSync(`${FIXTURES}/ics/open-rule.ics`, 'utf8'));
    const { graph } = await imported(both);
    assert.deepEqual([eventsOf(graph, 'online-number-theory-seminar').length, eventsOf(graph, 'numerics-lunch-talks').length], [2, 53]);
  });

  it('links a speaker who is a person of the project to them', async () => {
    const into = tempDir();
    writeFileSync(join(into, 'vita.yaml'), 'title: Department of Mathematics\n');
    mkdirSync(join(into, 'people'));
    writeFileSync(join(into, 'people', 'claire-martin.yaml'), 'name: Claire Martin\n');
    const { result, graph } = await imported(feed, into);
    const claire = [...graph.events.values()].find((e) => e.title.startsWith('Random matrices'))!;
    assert.deepEqual([claire.speakers[0]!.person, claire.speakers[0]!.name, claire.speakers[0]!.affiliation], ['claire-martin', 'Claire Martin', 'Université Paris-Saclay']);
    assert.ok(result.diagnostics.some((d) => d.code === 'import/speaker-linked'));
    // Importing again still recognises every event, the linked one too.
    const again = await run(feed, into);
    assert.deepEqual(again.written, []);
  });

  it('refuses a wrong --kind, and a source with nothing in it', async () => {
    const wrong = await run(feed, tempDir(), { kind: 'seminar-data' });
    assert.ok(wrong.diagnostics.some((d) => d.severity === 'error' && d.code === 'import/nothing-read'), JSON.stringify(wrong.diagnostics));
    const asIcs = await run(`${FIXTURES}/bibtex/publications.bib`, tempDir(), { kind: 'ics' });
    assert.ok(asIcs.diagnostics.some((d) => d.severity === 'error'), 'a .bib read as a calendar is an error');
    assert.deepEqual(asIcs.written, []);
    const empty = join(tempDir(), 'empty.ics');
    writeFileSync(empty, 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n');
    const none = await run(empty, tempDir());
    assert.ok(none.diagnostics.some((d) => d.code === 'import/nothing-read'));
  });
});

describe('vita import of a seminar at the command line', () => {
  it('reports the events, and exits 1 for a --kind the source is not', async () => {
    const into = tempDir();
    const { code, out } = await capture(() => runImport(`${FIXTURES}/ics/seminar.ics`, { into }));
    assert.equal(code, 0);
    assert.match(out, /\(ics\) imported into/);
    assert.match(out, /events {8}9 new, 1 left out \(no title\)/);
    assert.match(out, /\+ seminars\/analysis-and-probability-seminar\/series\.yaml/);
    const again = await capture(() => runImport(`${FIXTURES}/ics/seminar.ics`, { into }));
    assert.match(again.out, /events {8}0 new, 9 already there, 1 left out/);
    const wrong = await capture(() => runImport(`${FIXTURES}/seminar-hugo`, { into: tempDir(), kind: 'ics' }));
    assert.equal(wrong.code, 1);
  });
});

describe('import: a seminar site (talk pages) and a data file of talks', () => {
  it('detects them, before a person\'s site of the same shape', () => {
    assert.equal(detectSource(`${FIXTURES}/seminar-hugo`).kind, 'seminar-site');
    assert.equal(detectSource(`${FIXTURES}/seminar-jekyll`).kind, 'seminar-site');
    assert.equal(detectSource(`${FIXTURES}/seminar-data`).kind, 'seminar-site');
    assert.equal(detectSource(`${FIXTURES}/seminar-data/_data/seminars.yml`).kind, 'seminar-data');
    // A person's sites with talks of their own stay what they were.
    assert.equal(detectSource(`${FIXTURES}/academicpages`).kind, 'academicpages');
    assert.equal(detectSource(`${FIXTURES}/hugo-blox`).kind, 'hugo-blox');
  });

  it('Hugo: pages and page bundles, YAML and TOML, offsets read in the site\'s zone, a page without a title left out', async () => {
    const { result, graph } = await imported(`${FIXTURES}/seminar-hugo`);
    const id = 'geometry-and-topology-seminar';
    assert.equal(graph.series.get(id)!.timezone, 'America/New_York');
    const events = eventsOf(graph, id);
    assert.deepEqual(events.map((e) => [e.start, e.speakers.join(' & '), e.title, e.status]), [
      ['2025-11-03 16:00', 'Ana López', 'Minimal surfaces in hyperbolic 3-manifolds', 'scheduled'],
      ['2025-11-10 16:00', 'Ben Okafor & Priya Raman', 'Floer homology for knots in lens spaces', 'scheduled'],
      ['2026-03-30 16:00', 'Kenji Sato (佐藤健二)', 'Mapping class groups and their representations', 'scheduled'],
      ['2026-04-13 16:00', 'Lucas Meyer', 'Contact structures on 3-manifolds', 'cancelled'],
    ]);
    assert.match(events[0]!.abstract!, /following an idea of \*Calegari and Marques\*/);
    assert.equal(events[2]!.abstract, 'We survey *linear representations* of mapping class groups, old and new.', 'HTML in a body made Markdown');
    const c = countImport(result).find((x) => x.kind === 'events')!;
    assert.deepEqual(c.why, [{ why: 'no title', count: 1 }]);
    const { text, calendar } = published(graph, id);
    for (const e of events) assert.ok(text.includes(e.title) && text.includes(e.speakers[0]!), e.title);
    // 16:00 in New York: 21:00 UTC in November (EST), 20:00 UTC at the end of March (EDT).
    assert.equal(exportedStart(calendar, 'Minimal surfaces'), '20251103T210000Z');
    assert.equal(exportedStart(calendar, 'Mapping class groups'), '20260330T200000Z');
  });

  it('Jekyll: _talks/ pages and a talk announced as a post; times as people write them', async () => {
    const { graph } = await imported(`${FIXTURES}/seminar-jekyll`);
    const id = 'applied-mathematics-colloquium';
    const events = eventsOf(graph, id);
    assert.deepEqual(events.map((e) => [e.start, e.end, e.speakers[0], e.status]), [
      ['2026-01-20 16:15', '2026-01-20 17:15', 'Maria Rossi', 'scheduled'],
      ['2026-02-03 16:15', undefined, 'Sofia Almeida', 'cancelled'],
      ['2026-05-12 14:00', undefined, 'Jonas Berg', 'scheduled'],
      ['2026-07-07 16:15', undefined, 'Felix Wagner', 'scheduled'],
    ]);
    assert.ok(!events.some((e) => /Welcome/.test(e.title)), 'a post that names no speaker is not a talk');
    assert.doesNotMatch(events[0]!.abstract!, /\{%/, 'Liquid tags dropped');
    const { text, calendar } = published(graph, id);
    assert.ok(text.includes('Numerical methods for kinetic equations') && text.includes('Maria Rossi'));
    // Berlin: 16:15 is 15:15 UTC in January, 14:15 UTC in July.
    assert.equal(exportedStart(calendar, 'Numerical methods for kinetic'), '20260120T151500Z');
    assert.equal(exportedStart(calendar, 'Learning reduced-order models'), '20260707T141500Z');
  });

  it('a data file split into upcoming and past, with CJK names, in the site\'s zone; talks without title or date left out', async () => {
    const { result, graph } = await imported(`${FIXTURES}/seminar-data/_data/seminars.yml`);
    const events = eventsOf(graph, 'seminars');
    assert.equal(graph.series.get('seminars')!.timezone, 'Asia/Tokyo');
    assert.deepEqual(events.map((e) => [e.start, e.speakers.join(' & '), e.title]), [
      ['2026-05-28 15:00', 'Emma Laurent & Marco Bianchi', 'Optimal transport on graphs'],
      ['2026-06-11 15:00', '山田太郎', '非線形偏微分方程式の解の爆発'],
      ['2026-12-10 15:00', '田中花子', '確率解析と機械学習'],
      ['2026-12-17 15:00', 'Daniel Kim', 'Random walks on groups'],
    ]);
    assert.equal(events[0]!.end, '2026-05-28 16:00', '"15:00-16:00" gives the end');
    const c = countImport(result).find((x) => x.kind === 'events')!;
    assert.deepEqual(c.why.map((w) => w.why).sort(), ['no date', 'no title']);
    const { text, calendar } = published(graph, 'seminars');
    assert.ok(text.includes('田中花子') && text.includes('確率解析と機械学習'));
    // 15:00 in Tokyo is 06:00 UTC.
    assert.equal(exportedStart(calendar, '確率解析と機械学習'), '20261210T060000Z');
  });

  it('a JSON data file of a Hugo site (data/talks.json): `name` and `talk` as speaker and title, offsets in the site\'s zone', async () => {
    assert.equal(detectSource(`${FIXTURES}/seminar-json`).kind, 'seminar-site');
    assert.equal(detectSource(`${FIXTURES}/seminar-json/data/talks.json`).kind, 'seminar-data');
    const { result, graph } = await imported(`${FIXTURES}/seminar-json/data/talks.json`);
    const events = eventsOf(graph, 'statistics-seminar');
    assert.deepEqual(events.map((e) => [e.start, e.speakers[0], e.title, e.venue]), [
      ['2026-02-09 14:00', 'Pedro Alves', 'Bayesian nonparametrics for survival data', 'Sidney Smith Hall 2098'],
      ['2026-10-05 14:00', 'Noura Haddad', 'Conformal prediction under distribution shift', 'Sidney Smith Hall 2098'],
    ]);
    assert.equal(events[1]!.abstract, 'We extend *conformal prediction* to covariate shift.');
    assert.deepEqual(countImport(result).find((x) => x.kind === 'events')!.why, [{ why: 'no title', count: 1 }]);
    const { calendar } = published(graph, 'statistics-seminar');
    // 14:00 in Toronto: 19:00 UTC in February, 18:00 UTC in October.
    assert.equal(exportedStart(calendar, 'Bayesian nonparametrics'), '20260209T190000Z');
    assert.equal(exportedStart(calendar, 'Conformal prediction'), '20261005T180000Z');
  });

  it('the same talk in "upcoming" and "past" is kept once, and a re-import adds nothing', async () => {
    const dir = tempDir();
    const file = join(dir, 'talks.yaml');
    writeFileSync(file, 'upcoming:\n  - speaker: Ada Byron\n    title: Engines\n    date: 2026-03-01\npast:\n  - speaker: Ada Byron\n    title: Engines\n    date: 2026-03-01\n');
    const into = tempDir();
    const first = await run(file, into);
    const c = countImport(first).find((x) => x.kind === 'events')!;
    assert.deepEqual([c.imported, c.duplicates], [1, 1]);
    const again = await run(file, into);
    assert.deepEqual(again.written, []);
  });
});

describe('import: a talk\'s links (its page elsewhere, slides, video, paper)', () => {
  /** The links of the event whose title starts so. */
  const linksOf = (graph: Graph, title: string) => [...graph.events.values()].find((e) => e.title.startsWith(title))!.links;
  const notes = (result: Awaited<ReturnType<typeof run>>) => result.diagnostics.filter((d) => d.code === 'import/event-links').map((d) => d.message);

  it('.ics: URL is the talk\'s page (and the exported entry\'s URL); a URL that is the link to join is the venue\'s', async () => {
    const { result, graph } = await imported(`${FIXTURES}/ics/seminar.ics`);
    assert.deepEqual(linksOf(graph, 'Optimal transport and diffusion'), { page: 'https://indico.example.org/event/42/' });
    assert.deepEqual(notes(result), [], 'nothing reported as not carried');
    const block = published(graph, 'analysis-and-probability-seminar').calendar.split('BEGIN:VEVENT').find((b) => b.includes('Optimal transport and diffusion'))!;
    assert.match(block, /^URL:https:\/\/indico\.example\.org\/event\/42\/$/m);
    const markup = builtSite(graph).get('seminars/analysis-and-probability-seminar/2026-04-09-lea-dubois/index.html')!;
    assert.match(pageText(markup), /Talk page/);
    assert.match(markup, /"sameAs":"https:\/\/indico\.example\.org\/event\/42\/"/, 'the page\'s JSON-LD names the talk\'s page elsewhere');
    const rs = await imported(`${FIXTURES}/ics/researchseminars.ics`);
    assert.deepEqual(linksOf(rs.graph, 'Heights on stacky curves'), {}, 'the meeting link stays the online venue');
  });

  it('Hugo: `paper` and `slides` carried; `url` that is the page\'s own path on the site is not, with a note', async () => {
    const { result, graph } = await imported(`${FIXTURES}/seminar-hugo`);
    assert.deepEqual(linksOf(graph, 'Minimal surfaces'), { paper: 'https://arxiv.org/abs/2501.01234' });
    assert.deepEqual(linksOf(graph, 'Mapping class groups'), { slides: 'https://example.org/slides/sato-2026.pdf' });
    assert.deepEqual(notes(result).length, 1);
    assert.match(notes(result)[0]!, /page link "\/talks\/ana-lopez\/" .* is a path of the source site/);
    const list = builtSite(graph).get('seminars/geometry-and-topology-seminar/index.html')!;
    assert.match(list, /<a href="https:\/\/arxiv\.org\/abs\/2501\.01234" class="link-paper">Paper<\/a>/, 'the series\' list links the paper');
  });

  it('Jekyll: `link` and `video` carried; a javascript: link is not, with a note', async () => {
    const { result, graph } = await imported(`${FIXTURES}/seminar-jekyll`);
    assert.deepEqual(linksOf(graph, 'Learning reduced-order models'), { page: 'https://indico.example.de/event/7/', video: 'https://video.example.de/wagner-2026' });
    assert.ok(notes(result).some((m) => /slides link "javascript:alert\(1\)" .* not a link vita publishes/.test(m)), JSON.stringify(notes(result)));
  });

  it('data files: `url`, `slides` and `recording` carried; a data: link is not', async () => {
    const yaml = await imported(`${FIXTURES}/seminar-data/_data/seminars.yml`);
    assert.deepEqual(linksOf(yaml.graph, '非線形偏微分方程式'), { page: 'https://seminars.example.jp/2026/yamada', slides: 'https://example.org/yamada-slides.pdf' });
    assert.ok(notes(yaml.result).some((m) => /video link "data:text\/html,hello"/.test(m)));
    const json = await imported(`${FIXTURES}/seminar-json/data/talks.json`);
    assert.deepEqual(linksOf(json.graph, 'Bayesian nonparametrics'), { video: 'https://video.example.ca/alves' });
    assert.deepEqual(linksOf(json.graph, 'Conformal prediction'), { page: 'https://researchseminars.org/talk/stats/12/' });
  });

  it('importing again into a project whose event lacks the link reports it, and writes nothing', async () => {
    const into = tempDir();
    await imported(`${FIXTURES}/ics/seminar.ics`, into);
    const file = join(into, 'seminars', 'analysis-and-probability-seminar', '2026-04-09-lea-dubois.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^links:\n  page: .*\n/m, ''));
    const again = await run(`${FIXTURES}/ics/seminar.ics`, into);
    assert.deepEqual(again.written, []);
    const lea = again.merge!.merged.find((m) => m.into === '2026-04-09-lea-dubois')!;
    assert.deepEqual(lea.conflicts.map((c) => `${c.field}: ${c.project} -> ${c.imported}`), ['links.page:  -> https://indico.example.org/event/42/']);
  });
});
