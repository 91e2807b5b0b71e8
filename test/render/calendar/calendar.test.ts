// The iCalendar files, read back with ical.js (an independent parser): facts, time zones, stability, folding.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ICAL from 'ical.js';
import { openProject } from '../../../src/index.js';
import {
  eventCalendar,
  eventUid,
  hasTalksCalendar,
  personTalksCalendar,
  seminarFiles,
  seriesCalendar,
  webcalUrl,
} from '../../../src/render/calendar/index.js';
import { foldLine } from '../../../src/render/calendar/ics.js';
import { LINKED_TALKS, projectFrom, SEMINAR_PROJECT } from './project.js';

const SCMS = 'scms-colloquium/2025-07-23-weijie-su';
const example = openProject('examples/pku-group', { today: new Date('2026-11-01') }).graph;
const test = projectFrom(SEMINAR_PROJECT);
const nyc = test.graph;

interface Parsed {
  calendar: ICAL.Component;
  events: ICAL.Event[];
}

function parse(text: string): Parsed {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

function byUid(p: Parsed, uid: string): ICAL.Event {
  const e = p.events.find((x) => x.uid === uid);
  assert.ok(e, `no event ${uid} in ${p.events.map((x) => x.uid).join(', ')}`);
  return e;
}

function prop(e: ICAL.Event, name: string): string | undefined {
  const v = e.component.getFirstPropertyValue(name);
  return v === null || v === undefined ? undefined : String(v);
}

function assertSeed004(e: ICAL.Event): void {
  assert.equal(e.uid, 'scms-colloquium/2025-07-23-weijie-su@example.org');
  assert.match(e.summary, /Toward a Mathematical Theory of Deep Learning: Lessons from Personal Research/);
  assert.match(e.summary, /Weijie Su/);
  assert.equal(e.startDate.toJSDate().toISOString(), '2025-07-23T02:30:00.000Z');
  assert.equal(e.endDate.toJSDate().toISOString(), '2025-07-23T03:30:00.000Z');
  assert.equal(e.startDate.zone?.tzid, 'UTC');
  assert.equal(e.location, 'Rm 102, SCMS');
  assert.match(e.description, /Weijie Su \(University of Pennsylvania\)/);
  assert.match(e.description, /Wed, Jul 23, 2025 · 10:30–11:30 \(Asia\/Shanghai, UTC\+08:00\)/);
  assert.match(e.description, /A century ago, breakthroughs like relativity and quantum mechanics emerged/);
  assert.match(e.description, /SIAM Activity Group on Data Science Early Career Prize in 2022\./);
  assert.match(e.description, /scms@fudan\.edu\.cn/);
  assert.match(e.description, /上海数学中心/);
  assert.equal(e.organizer, 'MAILTO:scms@fudan.edu.cn');
  assert.equal(e.component.getFirstProperty('organizer')?.getParameter('cn'), 'Shanghai Center for Mathematical Sciences');
  assert.equal(prop(e, 'url'), 'https://example.org/pku-ml/seminars/scms-colloquium/2025-07-23-weijie-su/');
  assert.equal(prop(e, 'status'), 'CONFIRMED');
  assert.equal(prop(e, 'sequence'), '0');
  // DTSTAMP comes from the record (the start), not from the clock.
  assert.equal(prop(e, 'dtstamp'), '2025-07-23T02:30:00Z');
}

describe('seed 004 in the calendars', () => {
  it('is in the series feed, with the feed named', () => {
    const p = parse(seriesCalendar(example, 'scms-colloquium'));
    assert.equal(p.calendar.getFirstPropertyValue('x-wr-calname'), 'SCMS Colloquium');
    assert.equal(p.calendar.getFirstPropertyValue('method'), 'PUBLISH');
    assert.equal(p.events.length, 1);
    assertSeed004(byUid(p, eventUid(example, SCMS)));
  });

  it('is the one event of its .ics file', () => {
    const p = parse(eventCalendar(example, SCMS));
    assert.equal(p.events.length, 1);
    assertSeed004(p.events[0]!);
  });

  it("is in the speaker's talks feed, the same entry", () => {
    assert.ok(hasTalksCalendar(example, 'weijie-su'));
    const p = parse(personTalksCalendar(example, 'weijie-su'));
    assertSeed004(byUid(p, eventUid(example, SCMS)));
    assert.equal(p.calendar.getFirstPropertyValue('x-wr-calname'), 'Talks by Weijie Su');
  });
});

describe('reproducible output', () => {
  it('gives the same bytes and UIDs on every render', () => {
    const a = seminarFiles(example);
    const b = seminarFiles(openProject('examples/pku-group').graph);
    assert.deepEqual(
      a.map((f) => f.path),
      b.map((f) => f.path),
    );
    for (let i = 0; i < a.length; i++) assert.equal(a[i]!.content, b[i]!.content, a[i]!.path);
    const uids = (files: typeof a) => files.flatMap((f) => parse(String(f.content)).events.map((e) => e.uid));
    assert.deepEqual(uids(a), uids(b));
    assert.ok(!/DTSTAMP:20[3-9]/.test(a.map((f) => f.content).join('')), 'no clock time in DTSTAMP');
  });

  it('lists every feed the site links', () => {
    const paths = seminarFiles(example).map((f) => f.path);
    assert.deepEqual(paths, [
      'people/mingze-wang/talks.ics',
      'people/weijie-su/talks.ics',
      'seminars/ml-theory-seminar/2025-03-14-mingze-wang/event.ics',
      'seminars/ml-theory-seminar/2025-04-11-anna-keller/event.ics',
      'seminars/ml-theory-seminar/calendar.ics',
      'seminars/scms-colloquium/2025-07-23-weijie-su/event.ics',
      'seminars/scms-colloquium/calendar.ics',
    ]);
  });

  it('uses "vita" as the UID host, and no URL, when the site address is not known', () => {
    const uid = eventUid(example, SCMS, { baseUrl: '/pku-ml/' });
    assert.equal(uid, 'scms-colloquium/2025-07-23-weijie-su@vita');
    const e = parse(eventCalendar(example, SCMS, { baseUrl: '/pku-ml/' })).events[0]!;
    assert.equal(e.uid, uid);
    assert.equal(prop(e, 'url'), undefined);
  });

  it('leaves out a link the ics writer refuses instead of failing', () => {
    const e = parse(eventCalendar(example, SCMS, { baseUrl: 'https://my_host.example.org/' })).events[0]!;
    assert.equal(e.uid, 'scms-colloquium/2025-07-23-weijie-su@my_host.example.org');
    assert.equal(prop(e, 'url'), undefined);
    assert.match(e.description, /Details: https:\/\/my_host\.example\.org\/seminars\//);
  });
});

describe('status, sequence and time zones', () => {
  assert.deepEqual(test.diagnostics.list.filter((d) => d.severity === 'error'), []);
  const feed = parse(seriesCalendar(nyc, 'nyc-seminar'));
  const event = (name: string) => byUid(feed, `nyc-seminar/${name}@seminars.example.edu`);

  it('marks a cancelled event STATUS:CANCELLED, keeps its SEQUENCE', () => {
    const e = event('2025-04-04-cancelled');
    assert.equal(prop(e, 'status'), 'CANCELLED');
    assert.equal(prop(e, 'sequence'), '1');
    assert.match(e.summary, /^Cancelled: Alan Turing: A talk that will not happen$/);
    assert.match(e.description, /^CANCELLED/);
  });

  it('marks a postponed event TENTATIVE and free', () => {
    const e = event('2025-04-11-postponed');
    assert.equal(prop(e, 'status'), 'TENTATIVE');
    assert.equal(prop(e, 'transp'), 'TRANSPARENT');
  });

  it('puts New York events at the right UTC instants across the daylight-saving change', () => {
    // 14:00 EST (UTC-5) before 2025-03-09, 14:00 EDT (UTC-4) after, EST again after 2025-11-02.
    assert.equal(event('2025-03-07-ada-li').startDate.toJSDate().toISOString(), '2025-03-07T19:00:00.000Z');
    assert.equal(event('2025-03-14-grace').startDate.toJSDate().toISOString(), '2025-03-14T18:00:00.000Z');
    assert.equal(event('2025-03-14-grace').endDate.toJSDate().toISOString(), '2025-03-14T19:00:00.000Z');
    assert.equal(event('2025-11-07-ada-li').startDate.toJSDate().toISOString(), '2025-11-07T19:00:00.000Z');
    assert.match(event('2025-03-07-ada-li').description, /Fri, Mar 7, 2025 · 14:00–15:00 \(America\/New_York, UTC-05:00\)/);
    assert.match(event('2025-03-14-grace').description, /Fri, Mar 14, 2025 · 14:00–15:00 \(America\/New_York, UTC-04:00\)/);
  });

  it('escapes commas, semicolons and backslashes, and gives the online link', () => {
    const e = event('2025-03-14-grace');
    assert.equal(e.summary, 'Grace Hopper: Optimal transport, regularised; with commas, semicolons and a backslash \\ in it');
    assert.equal(prop(e, 'sequence'), '2');
    assert.equal(e.location, 'Online');
    assert.match(e.description, /Online: https:\/\/zoom\.example\.com\/j\/123456789/);
    assert.equal(prop(e, 'categories'), 'AM Seminar');
  });

  it('keeps the abstract as plain text with its math', () => {
    const e = event('2025-03-07-ada-li');
    assert.match(e.description, /\$f\(x\) = \\sum_\{k=1\}\^m a_k \\sigma\(w_k\^\\top x\)\$/);
    assert.match(e.description, /with the group at Peking University \(北京大学\)/);
    assert.match(e.description, /sharpness \(https:\/\/example\.org\/sharpness\)/);
    assert.doesNotMatch(e.description, /\*\*/);
  });
});

describe("a talk's links", () => {
  const linked = projectFrom(LINKED_TALKS);
  assert.deepEqual(linked.diagnostics.list.filter((d) => d.severity === 'error'), []);
  const feed = parse(seriesCalendar(linked.graph, 'nyc-seminar'));
  const event = (name: string) => byUid(feed, `nyc-seminar/${name}@seminars.example.edu`);

  it("makes the talk's own page the entry's URL, and lists its slides (a file at its copy in the site), video and paper", () => {
    const e = event('2025-05-02-links');
    assert.equal(prop(e, 'url'), 'https://indico.example.org/event/7/');
    assert.match(e.description, /Talk page: https:\/\/indico\.example\.org\/event\/7\/\nSlides: https:\/\/seminars\.example\.edu\/group\/seminars\/nyc-seminar\/slides\/johnson\.pdf\nVideo: https:\/\/video\.example\.org\/johnson\nPaper: https:\/\/arxiv\.org\/abs\/2505\.00001/);
    assert.match(e.description, /Details: https:\/\/seminars\.example\.edu\/group\/seminars\/nyc-seminar\/2025-05-02-links\//);
  });

  it("keeps the event's page on the site as the URL without a talk page; slides in the older place are shown the same", () => {
    const e = event('2025-05-09-older');
    assert.equal(prop(e, 'url'), 'https://seminars.example.edu/group/seminars/nyc-seminar/2025-05-09-older/');
    assert.match(e.description, /Slides: https:\/\/example\.org\/vaughan\.pdf/);
    assert.deepEqual(linked.graph.events.get('nyc-seminar/2025-05-09-older')!.links, { slides: 'https://example.org/vaughan.pdf' });
  });

  it('leaves a file of the project out when the site\'s address is not known (a path means nothing in a calendar)', () => {
    const e = parse(eventCalendar(linked.graph, 'nyc-seminar/2025-05-02-links', { baseUrl: '/group/' })).events[0]!;
    assert.doesNotMatch(e.description, /johnson\.pdf/);
    assert.match(e.description, /Video: https:\/\/video\.example\.org\/johnson/);
  });
});

describe('folding', () => {
  it('folds every line at 75 octets, never inside a character, and parses back intact', () => {
    for (const f of seminarFiles(nyc)) {
      const text = String(f.content);
      assert.ok(text.endsWith('\r\n'), f.path);
      for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `${f.path}: ${line}`);
      assert.ok(!text.includes('\uFFFD'), 'no broken characters');
    }
    const e = parse(seriesCalendar(nyc, 'nyc-seminar')).events.find((x) => x.uid.startsWith('nyc-seminar/2025-11-07'))!;
    assert.equal(e.summary, 'Ada Li: 深度学习的数学理论：一个很长的中文标题，用来检验按字节折行是否正确，不会把一个汉字切成两半');
    assert.match(e.description, /我们研究两层神经网络的训练动力学，并说明损失以多项式速度下降。这一段文字足够长，可以检验折行。/);
    assert.match(e.description, /Ada Li \(北京大学数学科学学院\)/);
  });

  it('foldLine splits by octets and keeps multi-octet characters whole', () => {
    const line = 'SUMMARY:' + '汉'.repeat(40);
    const folded = foldLine(line).split('\r\n');
    assert.ok(folded.length > 1);
    for (const l of folded) assert.ok(Buffer.byteLength(l) <= 75);
    assert.equal(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join(''), line);
    assert.equal(foldLine('short'), 'short');
  });
});

describe('talks feed', () => {
  it('has the seminar talks timed and dated talks as whole days; month-only talks are left out', () => {
    const p = parse(personTalksCalendar(nyc, 'ada-li'));
    const uids = p.events.map((e) => e.uid);
    assert.deepEqual(uids, [
      'nyc-seminar/2025-03-07-ada-li@seminars.example.edu',
      'talk/ada-li/2025-05-20-scaling-laws-revisited@seminars.example.edu',
      'nyc-seminar/2025-11-07-ada-li@seminars.example.edu',
    ]);
    const day = byUid(p, 'talk/ada-li/2025-05-20-scaling-laws-revisited@seminars.example.edu');
    assert.equal(day.startDate.isDate, true);
    assert.equal(day.startDate.toString(), '2025-05-20');
    assert.equal(day.endDate.toString(), '2025-05-21');
    assert.equal(day.summary, 'Scaling laws, revisited (Workshop on Learning Theory)');
    assert.equal(day.location, 'Institute for Advanced Study, Princeton, NJ');
    assert.ok(!p.events.some((e) => /Annual Meeting/.test(e.summary)));
  });

  it('is made only for people with talks to show', () => {
    assert.equal(hasTalksCalendar(example, 'lei-wu'), false);
    assert.equal(hasTalksCalendar(example, 'mingze-wang'), true);
  });
});

describe('webcalUrl', () => {
  it('turns https and http into webcal, leaves other links alone', () => {
    assert.equal(webcalUrl('https://example.org/pku-ml/seminars/scms-colloquium/calendar.ics'), 'webcal://example.org/pku-ml/seminars/scms-colloquium/calendar.ics');
    assert.equal(webcalUrl('http://example.org/a.ics'), 'webcal://example.org/a.ics');
    assert.equal(webcalUrl('/pku-ml/a.ics'), '/pku-ml/a.ics');
  });
});
