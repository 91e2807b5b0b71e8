import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calendarProblem, Event, PartialDate } from '../../src/schema/index.js';

test('dates on the calendar pass; impossible ones are refused, never moved to a real day', () => {
  for (const ok of ['2018', '2018-07', '2018-07-01', '2024-02-29', '2000-02-29', 2019]) assert.ok(PartialDate.safeParse(ok).success, String(ok));
  for (const bad of ['2018-02-30', '2023-02-29', '1900-02-29', '2025-13-45', '2025-04-31', '2018-00', '2018-01-00']) assert.ok(!PartialDate.safeParse(bad).success, bad);
});

test('what is wrong with an impossible date or time, in words', () => {
  assert.equal(calendarProblem('2018-02-30'), 'February 2018 has 28 days');
  assert.equal(calendarProblem('2025-13-45'), 'there is no month 13 (months run from 01 to 12)');
  assert.match(calendarProblem('2025-07-23 23:75')!, /^there is no minute 75/);
  assert.match(calendarProblem('2025-07-23 24:00')!, /^there is no hour 24/);
  assert.equal(calendarProblem('2025-07-23 23:59'), undefined);
});

test('an event starts and ends at times a clock shows', () => {
  const event = (start: string) => Event.safeParse({ title: 'T', start });
  assert.ok(event('2025-07-23 10:30').success);
  assert.ok(event('2025-07-23').success);
  for (const bad of ['2025-07-23 23:75', '2025-07-23 24:00', '2025-02-30 10:00', '2025-07-23 10:30:60']) assert.ok(!event(bad).success, bad);
});
