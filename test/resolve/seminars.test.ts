// Seminar resolution: inherited defaults, times in the event's zone, and the checks on events.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from '../../src/index.js';
import { projectFrom } from '../render/calendar/project.js';

const SERIES = [
  'name: Colloquium',
  'host:',
  '  name: School of Mathematical Sciences',
  'timezone: America/New_York',
  'duration: 90',
  'venue:',
  '  name: Room 102',
  '',
].join('\n');

function open(events: Record<string, string>, extra: Record<string, string> = {}) {
  const files: Record<string, string> = {
    'vita.yaml': 'title: Seminar tests\n',
    'people/ada-li.yaml': 'name: Ada Li\n',
    'seminars/colloquium/series.yaml': SERIES,
    ...extra,
  };
  for (const [name, text] of Object.entries(events)) files[`seminars/colloquium/${name}.yaml`] = text;
  return projectFrom(files);
}

const event = (lines: string[]) => lines.join('\n') + '\n';
const codes = (list: Diagnostic[]) => list.map((d) => d.code).filter((c) => c.startsWith('resolve/'));
const only = (list: Diagnostic[], code: string) => list.filter((d) => d.code === code);

describe('resolving events', () => {
  it('inherits venue, zone and duration; the default end is the duration in real time', () => {
    const { graph, diagnostics } = open({
      // 00:30 EDT + 90 minutes crosses the autumn change: 01:00 EST, 90 real minutes later.
      'a': event(['title: A', 'speaker: ada-li', "start: '2025-11-02 00:30'"]),
    });
    assert.deepEqual(codes(diagnostics.list), []);
    const e = graph.events.get('colloquium/a')!;
    assert.equal(e.timezone, 'America/New_York');
    assert.equal(e.venue?.name, 'Room 102');
    assert.equal(e.startUtc, '2025-11-02T04:30:00.000Z');
    assert.equal(e.endUtc, '2025-11-02T06:00:00.000Z');
    assert.equal(e.endLocal, '2025-11-02T01:00');
    assert.deepEqual(e.speakers, [{ name: 'Ada Li', person: 'ada-li' }]);
  });

  it('reads dates without times as whole days, the end day included', () => {
    const { graph, diagnostics } = open({
      'workshop': event(['title: Workshop', "start: '2025-06-02'", "end: '2025-06-04'"]),
      'day': event(['title: One day', "start: '2025-06-10'", 'venue: {name: Room 201}']),
    });
    assert.deepEqual(codes(diagnostics.list), []);
    const w = graph.events.get('colloquium/workshop')!;
    assert.equal(w.startLocal, '2025-06-02T00:00');
    assert.equal(w.endLocal, '2025-06-05T00:00');
    assert.equal(graph.events.get('colloquium/day')!.endLocal, '2025-06-11T00:00');
  });
});

describe('the checks that were there', () => {
  it('unknown series, bad time zone, end before start, unknown speaker', () => {
    const { diagnostics } = open({
      'a': event(['series: colloqium', 'title: A', "start: '2025-03-03 10:00'"]),
      'b': event(['title: B', "start: '2025-03-04 10:00'", 'timezone: Asia/Shanghia']),
      'c': event(['title: C', "start: '2025-03-05 10:00'", "end: '2025-03-05 09:00'"]),
      'd': event(['title: D', 'speaker: ada-lee', "start: '2025-03-06 10:00'"]),
    });
    const byCode = (c: string) => only(diagnostics.list, c);
    assert.equal(byCode('resolve/unknown-series')[0]?.hint, 'did you mean "colloquium"?');
    assert.equal(byCode('resolve/unknown-timezone')[0]?.file, 'seminars/colloquium/b.yaml');
    assert.equal(byCode('resolve/end-before-start')[0]?.line, 3);
    assert.match(byCode('resolve/unknown-person')[0]?.hint ?? '', /did you mean "ada-li"/);
  });

  it('two talks in the same room at the same time', () => {
    const { diagnostics } = open({
      'a': event(['title: A', "start: '2025-03-03 10:00'"]),
      'b': event(['title: B', "start: '2025-03-03 11:00'"]),
      'c': event(['title: C', "start: '2025-03-03 11:00'", 'status: cancelled']),
    });
    const clash = only(diagnostics.list, 'resolve/room-clash');
    assert.equal(clash.length, 1);
    assert.equal(clash[0]!.message, '"B" is in Room 102 at the same time as "A"');
  });
});

describe('resolve/ambiguous-time', () => {
  it('warns about a time the clocks skip, and says how it is read', () => {
    const { diagnostics } = open({ 'a': event(['title: A', "start: '2025-03-09 02:30'", "end: '2025-03-09 04:00'"]) });
    const [d, ...rest] = only(diagnostics.list, 'resolve/ambiguous-time');
    assert.equal(rest.length, 0);
    assert.equal(d!.severity, 'warning');
    assert.equal(d!.file, 'seminars/colloquium/a.yaml');
    assert.equal(d!.line, 2);
    assert.equal(d!.message, '02:30 on 2025-03-09 does not exist in America/New_York: the clocks go forward that night');
    assert.equal(d!.hint, 'vita reads it as 2025-03-09 03:30 (UTC-04:00); write the time a clock in America/New_York will show.');
  });

  it('warns about a time that happens twice, and names the zone for the second one', () => {
    const { diagnostics, graph } = open({ 'a': event(['title: A', "start: '2025-11-02 01:30'", "end: '2025-11-02 02:30'"]) });
    const [d] = only(diagnostics.list, 'resolve/ambiguous-time');
    assert.equal(d!.message, '01:30 on 2025-11-02 happens twice in America/New_York: the clocks go back that night');
    assert.equal(d!.hint, 'vita reads it as the first 01:30 (UTC-04:00); for the second one (UTC-05:00), set `timezone` to the fixed-offset zone "Etc/GMT+5".');
    assert.equal(graph.events.get('colloquium/a')!.startUtc, '2025-11-02T05:30:00.000Z');
  });

  it('says nothing on ordinary days, nor in zones without daylight saving', () => {
    const { diagnostics } = open(
      { 'a': event(['title: A', "start: '2025-03-10 02:30'"]) },
      { 'seminars/sh/series.yaml': 'name: S\nhost: {name: H}\ntimezone: Asia/Shanghai\n', 'seminars/sh/b.yaml': "title: B\nstart: '2025-03-09 02:30'\n" },
    );
    assert.deepEqual(only(diagnostics.list, 'resolve/ambiguous-time'), []);
  });
});

describe('resolve/timezone-mismatch', () => {
  it("warns when an event in the series' own room names another zone", () => {
    const { diagnostics } = open({
      'a': event(['title: A', "start: '2025-07-23 10:30'", 'timezone: Asia/Shanghai']),
      'b': event(['title: B', "start: '2025-07-24 10:30'", 'timezone: Asia/Shanghai', 'venue: {name: room 102}']),
    });
    const found = only(diagnostics.list, 'resolve/timezone-mismatch');
    assert.deepEqual(
      found.map((d) => [d.file, d.line]),
      [
        ['seminars/colloquium/a.yaml', 3],
        ['seminars/colloquium/b.yaml', 3],
      ],
    );
    assert.equal(found[0]!.message, 'the event is in Room 102, a room of the series in America/New_York, but its times are read in Asia/Shanghai');
    assert.equal(
      found[0]!.hint,
      'as written it starts at 2025-07-22 22:30 in America/New_York. If the talk is in Room 102, write its times in America/New_York and remove `timezone`; if it is held elsewhere or online, give its `venue`.',
    );
  });

  it('takes an event with its own venue, or a zone with the same offset, at its word', () => {
    const { diagnostics } = open({
      'a': event(['title: A', "start: '2025-07-23 10:30'", 'timezone: Asia/Shanghai', 'venue: {name: Fudan University, Room 5}']),
      'b': event(['title: B', "start: '2025-07-24 10:30'", 'timezone: America/Toronto']),
      'c': event(['title: C', "start: '2025-07-25 10:30'", 'timezone: America/New_York']),
    });
    assert.deepEqual(only(diagnostics.list, 'resolve/timezone-mismatch'), []);
  });
});

describe('resolve/program-outside-event', () => {
  it('warns about program items before the start or after the end, and checks their speakers', () => {
    const { diagnostics } = open({
      'w': event([
        'title: Workshop',
        "start: '2025-06-02 09:00'",
        "end: '2025-06-03 17:00'",
        'program:',
        "  - {start: '2025-06-02 09:00', end: '2025-06-02 10:00', title: Opening, speaker: ada-li}",
        "  - {start: '2025-06-02 08:00', title: Too early}",
        "  - {start: '2025-06-03 16:30', end: '2025-06-03 18:00', title: Runs late}",
        "  - {start: '2025-06-04', title: The day after}",
        "  - {start: '2025-06-03 11:00', end: '2025-06-03 10:00', title: Backwards}",
        "  - {start: '2025-06-03 12:00', title: Lunch talk, speaker: ada-lee}",
      ]),
    });
    const found = only(diagnostics.list, 'resolve/program-outside-event');
    assert.deepEqual(
      found.map((d) => [d.line, d.message]),
      [
        [6, 'the program item "Too early" starts before the event starts (2025-06-02 09:00)'],
        [7, 'the program item "Runs late" ends after the event ends (2025-06-03 17:00)'],
        [8, 'the program item "The day after" starts after the event ends (2025-06-03 17:00)'],
      ],
    );
    assert.ok(found.every((d) => d.severity === 'warning'));
    assert.equal(only(diagnostics.list, 'resolve/end-before-start')[0]?.message, 'the program item "Backwards" ends (2025-06-03 10:00) before it starts (2025-06-03 11:00)');
    assert.deepEqual(only(diagnostics.list, 'resolve/unknown-person').map((d) => d.input), ['ada-lee']);
  });

  it('suggests an end when the event has none', () => {
    const { diagnostics } = open({
      'w': event(['title: W', "start: '2025-06-02 09:00'", 'program:', "  - {start: '2025-06-02 11:00', title: Second talk}"]),
    });
    const [d] = only(diagnostics.list, 'resolve/program-outside-event');
    assert.equal(d!.hint, "give the event an `end`: without one it lasts the series' `duration` from its start.");
  });
});
