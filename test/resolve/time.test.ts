// Wall-clock times in IANA zones, across daylight-saving changes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addMinutes, isTimeZone, localTimeKind, normalizeLocal, utcOffset, utcToZoned, zonedToUtc } from '../../src/resolve/time.js';

const utc = (local: string, tz: string) => zonedToUtc(local, tz).toISOString();

describe('zonedToUtc', () => {
  it('Asia/Shanghai has no daylight saving: always UTC+8', () => {
    assert.equal(utc('2025-07-23 10:30', 'Asia/Shanghai'), '2025-07-23T02:30:00.000Z');
    assert.equal(utc('2025-01-15 10:30', 'Asia/Shanghai'), '2025-01-15T02:30:00.000Z');
    assert.equal(utc('2025-07-23', 'Asia/Shanghai'), '2025-07-22T16:00:00.000Z');
    assert.equal(localTimeKind('2025-03-09 02:30', 'Asia/Shanghai'), 'ok');
  });

  it('America/New_York springs forward on 2025-03-09 at 02:00', () => {
    assert.equal(utc('2025-03-08 14:00', 'America/New_York'), '2025-03-08T19:00:00.000Z');
    assert.equal(utc('2025-03-09 01:59', 'America/New_York'), '2025-03-09T06:59:00.000Z');
    assert.equal(utc('2025-03-09 03:00', 'America/New_York'), '2025-03-09T07:00:00.000Z');
    assert.equal(utc('2025-03-10 14:00', 'America/New_York'), '2025-03-10T18:00:00.000Z');
    // 02:30 does not exist: read with the offset before the change, it lands at 03:30 EDT.
    assert.equal(localTimeKind('2025-03-09 02:30', 'America/New_York'), 'skipped');
    assert.equal(utc('2025-03-09 02:30', 'America/New_York'), '2025-03-09T07:30:00.000Z');
    assert.equal(utcToZoned(zonedToUtc('2025-03-09 02:30', 'America/New_York'), 'America/New_York'), '2025-03-09T03:30');
  });

  it('America/New_York falls back on 2025-11-02 at 02:00', () => {
    assert.equal(utc('2025-11-01 14:00', 'America/New_York'), '2025-11-01T18:00:00.000Z');
    assert.equal(utc('2025-11-02 00:59', 'America/New_York'), '2025-11-02T04:59:00.000Z');
    assert.equal(utc('2025-11-02 02:00', 'America/New_York'), '2025-11-02T07:00:00.000Z');
    assert.equal(utc('2025-11-03 14:00', 'America/New_York'), '2025-11-03T19:00:00.000Z');
    // 01:30 happens twice: the first (EDT) is taken.
    assert.equal(localTimeKind('2025-11-02 01:30', 'America/New_York'), 'repeated');
    assert.equal(utc('2025-11-02 01:30', 'America/New_York'), '2025-11-02T05:30:00.000Z');
    assert.equal(localTimeKind('2025-11-02 02:30', 'America/New_York'), 'ok');
  });

  it('Europe/Paris changes at 02:00 / 03:00 local on the last Sundays of March and October', () => {
    assert.equal(utc('2025-03-29 10:00', 'Europe/Paris'), '2025-03-29T09:00:00.000Z');
    assert.equal(utc('2025-03-30 10:00', 'Europe/Paris'), '2025-03-30T08:00:00.000Z');
    assert.equal(localTimeKind('2025-03-30 02:30', 'Europe/Paris'), 'skipped');
    assert.equal(utc('2025-03-30 02:30', 'Europe/Paris'), '2025-03-30T01:30:00.000Z');
    assert.equal(localTimeKind('2025-10-26 02:30', 'Europe/Paris'), 'repeated');
    assert.equal(utc('2025-10-26 02:30', 'Europe/Paris'), '2025-10-26T00:30:00.000Z');
    assert.equal(utc('2025-10-26 10:00', 'Europe/Paris'), '2025-10-26T09:00:00.000Z');
  });

  it('handles half-hour changes (Lord Howe Island) and the southern hemisphere', () => {
    assert.equal(localTimeKind('2025-10-05 02:15', 'Australia/Lord_Howe'), 'skipped');
    assert.equal(utcToZoned(zonedToUtc('2025-10-05 02:15', 'Australia/Lord_Howe'), 'Australia/Lord_Howe'), '2025-10-05T02:45');
    assert.equal(utc('2025-07-01 12:00', 'Australia/Sydney'), '2025-07-01T02:00:00.000Z');
    assert.equal(utc('2025-01-01 12:00', 'Australia/Sydney'), '2025-01-01T01:00:00.000Z');
  });

  it('round-trips every quarter hour of a change day', () => {
    for (const tz of ['America/New_York', 'Europe/Paris', 'Asia/Shanghai']) {
      for (const day of ['2025-03-09', '2025-03-30', '2025-10-26', '2025-11-02']) {
        for (let m = 0; m < 24 * 60; m += 15) {
          const local = `${day}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
          if (localTimeKind(local, tz) !== 'ok') continue;
          assert.equal(utcToZoned(zonedToUtc(local, tz), tz), local, `${tz} ${local}`);
        }
      }
    }
  });
});

describe('helpers', () => {
  it('names zones, offsets and local times', () => {
    assert.equal(isTimeZone('Asia/Shanghai'), true);
    assert.equal(isTimeZone('Mars/Olympus'), false);
    assert.equal(utcOffset(new Date('2025-07-23T02:30:00Z'), 'Asia/Shanghai'), '+08:00');
    assert.equal(utcOffset(new Date('2025-03-14T18:00:00Z'), 'America/New_York'), '-04:00');
    assert.equal(utcOffset(new Date('2025-01-01T00:00:00Z'), 'Asia/Kathmandu'), '+05:45');
    assert.equal(normalizeLocal('2025-07-23 10:30'), '2025-07-23T10:30');
    assert.equal(normalizeLocal('2025-07-23'), '2025-07-23T00:00');
    assert.equal(addMinutes('2025-07-23 23:30', 60), '2025-07-24T00:30');
  });
});
