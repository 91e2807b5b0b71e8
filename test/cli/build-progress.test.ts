import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { BuildProgressReporter } from '../../src/cli/build-progress.js';

function fake(isTTY: boolean, tick = false) {
  let t = 0;
  const out: string[] = [];
  const reporter = new BuildProgressReporter({ isTTY, columns: 100, write: (s) => void out.push(s) }, () => t, tick);
  return { reporter, out, at: (ms: number) => (t = ms) };
}

describe('vita build says what it is doing', () => {
  it('elsewhere than a terminal: a line per phase as it ends, with its time, and no control characters', () => {
    const { reporter, out, at } = fake(false);
    reporter.update({ phase: 'opening', done: 0, total: 0 });
    at(2000);
    reporter.update({ phase: 'pages', done: 0, total: 100 });
    at(5000);
    reporter.update({ phase: 'pages', done: 50, total: 100 });
    at(12_500);
    reporter.update({ phase: 'pages', done: 100, total: 100 });
    reporter.update({ phase: 'pdfs', done: 0, total: 3 });
    reporter.update({ phase: 'search', done: 0, total: 90 });
    at(14_000);
    reporter.update({ phase: 'search', done: 90, total: 90 });
    at(20_000);
    reporter.update({ phase: 'pdfs', done: 3, total: 3 });
    reporter.finish();
    assert.deepEqual(out, ['vita: opening the record in 2.0 s\n', 'vita: pages and feeds 100 in 11 s\n', 'vita: search index 90 in 1.5 s\n', 'vita: CV PDFs 3 in 7.5 s\n']);
  });

  it('on a terminal: one line redrawn, each running phase with its counts and the time left, cleared at the end', () => {
    const { reporter, out, at } = fake(true);
    reporter.update({ phase: 'opening', done: 0, total: 0 });
    at(1000);
    reporter.update({ phase: 'pages', done: 0, total: 1000 });
    at(3000);
    reporter.update({ phase: 'pages', done: 500, total: 1000 });
    assert.equal(out.at(-1), '\r\x1b[Kpages and feeds 500/1000, 2.0 s left');
    at(4000);
    reporter.update({ phase: 'pages', done: 1000, total: 1000 });
    reporter.update({ phase: 'pdfs', done: 0, total: 10 });
    at(4500);
    reporter.update({ phase: 'search', done: 0, total: 900 });
    at(5000);
    reporter.update({ phase: 'pdfs', done: 5, total: 10 });
    assert.equal(out.at(-1), '\r\x1b[KCV PDFs 5/10, 1.0 s left · search index 0/900');
    reporter.finish();
    assert.equal(out.at(-1), '\r\x1b[K');
    assert.ok(out.every((s) => !s.includes('\n')), 'nothing scrolls');
  });

  it('search beside the pages: counts that grow, no estimate, and no end until the last records are indexed', () => {
    const { reporter, out, at } = fake(true);
    reporter.update({ phase: 'opening', done: 0, total: 0 });
    at(1000);
    reporter.update({ phase: 'pages', done: 0, total: 1000 });
    reporter.update({ phase: 'search', done: 0, total: 0, growing: true });
    at(2000);
    reporter.update({ phase: 'search', done: 300, total: 300, growing: true });
    reporter.update({ phase: 'pages', done: 400, total: 1000 });
    reporter.redraw();
    assert.equal(out.at(-1), '\r\x1b[Kpages and feeds 400/1000, 1.5 s left · search index 300/300', 'indexing has caught up, but more records come');
    at(3000);
    reporter.update({ phase: 'pages', done: 1000, total: 1000 });
    at(3200);
    reporter.update({ phase: 'search', done: 800, total: 900, growing: true });
    assert.equal(out.at(-1), '\r\x1b[Ksearch index 800/900');
    reporter.finish();

    const lines = fake(false);
    lines.reporter.update({ phase: 'opening', done: 0, total: 0 });
    lines.at(1000);
    lines.reporter.update({ phase: 'pages', done: 0, total: 10 });
    lines.reporter.update({ phase: 'search', done: 0, total: 0, growing: true });
    lines.reporter.update({ phase: 'search', done: 5, total: 5, growing: true });
    lines.at(2000);
    lines.reporter.update({ phase: 'pages', done: 10, total: 10 });
    lines.at(2500);
    lines.reporter.update({ phase: 'search', done: 10, total: 10 });
    lines.reporter.finish();
    assert.deepEqual(lines.out, ['vita: opening the record in 1.0 s\n', 'vita: pages and feeds 10 in 1.0 s\n', 'vita: search index 10 in 1.5 s\n']);
  });

  it('on a narrow terminal, every running phase still shows, in short words', () => {
    let t = 0;
    const out: string[] = [];
    const reporter = new BuildProgressReporter({ isTTY: true, columns: 80, write: (s) => void out.push(s) }, () => t, false);
    reporter.update({ phase: 'opening', done: 0, total: 0 });
    t = 1000;
    reporter.update({ phase: 'pages', done: 0, total: 55427 });
    reporter.update({ phase: 'search', done: 0, total: 0, growing: true });
    reporter.update({ phase: 'pdfs', done: 0, total: 1000 });
    t = 11_000;
    reporter.update({ phase: 'pages', done: 12000, total: 55427 });
    reporter.update({ phase: 'search', done: 9400, total: 11800, growing: true });
    reporter.update({ phase: 'pdfs', done: 120, total: 1000 });
    reporter.redraw();
    assert.equal(out.at(-1), '\r\x1b[Kpages 12000/55427, 36 s left · search 9400/11800 · PDFs 120/1000, 73 s left');
    reporter.update({ phase: 'pages', done: 55427, total: 55427 });
    reporter.redraw();
    assert.equal(out.at(-1), '\r\x1b[Ksearch index 9400/11800 · CV PDFs 120/1000, 73 s left', 'in full words when they fit');
    reporter.finish();
  });

  it('a phase with nothing to do still gets its line: a site with no page to search', () => {
    const { reporter, out, at } = fake(false);
    reporter.update({ phase: 'opening', done: 0, total: 0 });
    at(1000);
    reporter.update({ phase: 'pages', done: 0, total: 4 });
    reporter.update({ phase: 'pages', done: 4, total: 4 });
    reporter.update({ phase: 'search', done: 0, total: 0 });
    at(1300);
    reporter.update({ phase: 'search', done: 0, total: 0 });
    reporter.finish();
    assert.deepEqual(out, ['vita: opening the record in 1.0 s\n', 'vita: pages and feeds 4 in 0.0 s\n', 'vita: search index 0 in 0.3 s\n']);
  });

  it('on a terminal, a long phase without news shows its time going, and no stale counts stay between phases', () => {
    const { reporter, out, at } = fake(true);
    reporter.update({ phase: 'opening', done: 0, total: 0 });
    at(3000);
    reporter.redraw();
    assert.equal(out.at(-1), '\r\x1b[Kopening the record (3.0 s)');
    reporter.update({ phase: 'pages', done: 0, total: 10 });
    at(3500);
    reporter.update({ phase: 'pages', done: 10, total: 10 });
    assert.equal(out.at(-1), '\r\x1b[K', 'the finished phase leaves the line');
    reporter.finish();
  });

  it('on a terminal, the line is redrawn every second by itself until the build finishes', () => {
    mock.timers.enable({ apis: ['setInterval'] });
    try {
      const { reporter, out, at } = fake(true, true);
      reporter.update({ phase: 'opening', done: 0, total: 0 });
      at(2000);
      mock.timers.tick(1000);
      assert.equal(out.at(-1), '\r\x1b[Kopening the record (2.0 s)');
      reporter.finish();
      const written = out.length;
      at(5000);
      mock.timers.tick(3000);
      assert.equal(out.length, written, 'no redraw after the end');
    } finally {
      mock.timers.reset();
    }
  });
});
