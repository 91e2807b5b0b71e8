import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { progressBar } from '../../src/import/progress.js';

function stream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, isTTY, columns: 80, write: (s: string) => writes.push(s) };
}

describe('progress bar', () => {
  it('redraws one line in place on a terminal, and clears it at the end', () => {
    const s = stream(true);
    let now = 0;
    const bar = progressBar(s, () => (now += 100));
    bar.start('reading', 1000);
    bar.tick(250);
    bar.tick(500);
    bar.done();
    assert.equal(s.writes.length, 3);
    assert.match(s.writes[0]!, /^\r\x1b\[Kreading \[#+\.+\] 25% 250\/1000$/);
    assert.equal(s.writes[2], '\r\x1b[K');
  });

  it('draws a phase of few but slow steps (online requests) once it has lasted a moment, its clock kept when its total grows', () => {
    const s = stream(true);
    let now = 0;
    const bar = progressBar(s, () => now);
    bar.start('arXiv', 1);
    now = 3000;
    bar.start('arXiv', 3); // the first page told the total
    bar.tick(1);
    now = 6000;
    bar.tick(2);
    bar.done();
    assert.deepEqual(s.writes.slice(0, 2).map((w) => w.replace(/ \[[#.]+\]/, ' []')), ['\r\x1b[KarXiv [] 33% 1/3', '\r\x1b[KarXiv [] 67% 2/3']);
    assert.equal(s.writes[2], '\r\x1b[K');
  });

  it('writes nothing when stderr is not a terminal, or for short phases', () => {
    const pipe = stream(false);
    const bar = progressBar(pipe);
    bar.start('reading', 8000);
    bar.tick(4000);
    bar.done();
    assert.deepEqual(pipe.writes, []);
    const tty = stream(true);
    const short = progressBar(tty, () => 1e9);
    short.start('reading', 20);
    short.tick(10);
    short.done();
    assert.deepEqual(tty.writes, []);
  });
});
