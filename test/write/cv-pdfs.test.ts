import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { affordableTypesetters, CvPdfQueue, cvPdfKey, noteRecordLooks, RECORD_NOTE, recordLooks, startTypesetter, typesetCvPdfs, typesettingLikely, typesettingThreads, type CvPdfJob } from '../../src/write/cv-pdfs.js';

const fonts = { fontPaths: [], families: ['Libertinus Serif'] };
const job = (path: string, text: string): CvPdfJob => ({ path, source: `= ${text}\nA curriculum vitae.\n`, fonts });
const dir = mkdtempSync(join(tmpdir(), 'vita-cv-cache-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('CV PDFs of a build', () => {
  it('typesets on threads, in the order given, and keeps each PDF in the cache', async () => {
    const jobs = [job('a/cv.pdf', 'Ada'), job('b/cv.pdf', 'Bo'), job('c/cv.pdf', 'Cy')];
    const seen: number[] = [];
    const first = await typesetCvPdfs(jobs, { cacheDir: dir, threads: 2, onProgress: (done) => seen.push(done) });
    assert.deepEqual(first.map((p) => p.path), ['a/cv.pdf', 'b/cv.pdf', 'c/cv.pdf']);
    assert.ok(first.every((p) => !p.cached && Buffer.from(p.pdf!).subarray(0, 5).toString() === '%PDF-'));
    assert.deepEqual(seen, [1, 2, 3]);
    assert.equal(readdirSync(dir).filter((f) => f.endsWith('.pdf')).length, 3);

    const again = await typesetCvPdfs(jobs, { cacheDir: dir });
    assert.ok(again.every((p) => p.cached));
    for (let i = 0; i < jobs.length; i++) assert.deepEqual(Buffer.from(again[i]!.pdf!), Buffer.from(first[i]!.pdf!));
  });

  it('typesets again only what changed, and forgets what no build uses', async () => {
    const result = await typesetCvPdfs([job('a/cv.pdf', 'Ada'), job('b/cv.pdf', 'Bo, edited')], { cacheDir: dir });
    assert.deepEqual(result.map((p) => p.cached), [true, false]);
    assert.equal(readdirSync(dir).filter((f) => f.endsWith('.pdf')).length, 2, 'the entries of Bo before the edit and of Cy are gone');
  });

  it('a damaged cache costs only time', async () => {
    const jobs = [job('a/cv.pdf', 'Ada')];
    const good = (await typesetCvPdfs(jobs, { cacheDir: dir }))[0]!;
    const pdf = readdirSync(dir).find((f) => f.endsWith('.pdf'))!;
    writeFileSync(join(dir, pdf), readFileSync(join(dir, pdf)).subarray(0, 100));
    const meta = pdf.replace(/\.pdf$/, '.json');
    let mended = (await typesetCvPdfs(jobs, { cacheDir: dir }))[0]!;
    assert.equal(mended.cached, false, 'a PDF cut short is typeset again');
    assert.deepEqual(Buffer.from(mended.pdf!), Buffer.from(good.pdf!));
    writeFileSync(join(dir, meta), '{not json');
    mended = (await typesetCvPdfs(jobs, { cacheDir: dir }))[0]!;
    assert.equal(mended.cached, false, 'unreadable metadata: typeset again');
    assert.deepEqual(Buffer.from(mended.pdf!), Buffer.from(good.pdf!));
  });

  it('says which CV failed when Typst cannot typeset it', async () => {
    await assert.rejects(typesetCvPdfs([{ path: 'x/cv.pdf', source: '#let x = (', fonts }]), /x\/cv\.pdf/);
  });

  it('starts a thread per few PDFs: one for a one-person site, all the cores for a department', () => {
    assert.equal(typesettingThreads(1, 8), 1);
    assert.equal(typesettingThreads(5, 8), 2);
    assert.equal(typesettingThreads(3, 8), 1);
    assert.equal(typesettingThreads(1000, 8), 8);
    assert.equal(typesettingThreads(1000, 1), 1);
  });

  it('typesets on a thread started ahead, and ends the threads it did not need', async () => {
    const ahead = [startTypesetter(), startTypesetter()];
    const exits = ahead.map((w) => new Promise<number>((ok) => w.once('exit', ok)));
    const pdfs = await typesetCvPdfs([job('d/cv.pdf', 'Di')], { started: ahead });
    assert.equal(Buffer.from(pdfs[0]!.pdf!).subarray(0, 5).toString(), '%PDF-');
    await Promise.all(exits); // both ended: the test would hang otherwise
  });

  it('guesses whether a build will typeset: not when the record looks as when its CVs were last done', async () => {
    const project = mkdtempSync(join(tmpdir(), 'vita-cv-record-'));
    const cache = join(project, '.vita-cache', 'cv');
    try {
      writeFileSync(join(project, 'vita.yaml'), 'title: A\n');
      const looks = recordLooks(project);
      assert.equal(typesettingLikely(cache, looks), true, 'no cache yet');
      noteRecordLooks(cache, looks);
      assert.equal(typesettingLikely(cache, looks), false);
      assert.equal(recordLooks(project), looks, 'the cache folder is no part of the record');
      writeFileSync(join(project, 'vita.yaml'), 'title: A longer title\n');
      assert.notEqual(recordLooks(project), looks, 'a file of another size');
      assert.equal(typesettingLikely(cache, recordLooks(project)), true);
      // Typesetting prunes the cache to what it used, and keeps the note.
      await typesetCvPdfs([job('a/cv.pdf', 'Ada')], { cacheDir: cache });
      assert.deepEqual(readdirSync(cache).filter((f) => !/\.(pdf|json)$/.test(f)), [RECORD_NOTE]);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  it('a thread started ahead that died fails its job instead of waiting for ever', async () => {
    const dead = startTypesetter();
    await dead.terminate();
    await assert.rejects(typesetCvPdfs([job('e/cv.pdf', 'Ed')], { started: [dead] }), /e\/cv\.pdf/);
  });

  it('typesets CVs as they come, before the last is added, in the order added', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'vita-cv-queue-'));
    try {
      let first!: () => void;
      const firstDone = new Promise<void>((ok) => (first = ok));
      const seen: [number, number][] = [];
      const queue = new CvPdfQueue({ cacheDir, threads: 2, total: 3, onProgress: (done, total) => (seen.push([done, total]), first()) });
      queue.add([job('q/a.pdf', 'Queued A')]);
      // Nothing else is coming yet: the first PDF is made all the same.
      await firstDone;
      queue.add([job('q/b.pdf', 'Queued B'), job('q/c.pdf', 'Queued C')]);
      queue.end();
      const pdfs = await queue.done;
      assert.deepEqual(pdfs.map((p) => p.path), ['q/a.pdf', 'q/b.pdf', 'q/c.pdf']);
      assert.ok(pdfs.every((p) => Buffer.from(p.pdf!).subarray(0, 5).toString() === '%PDF-'));
      assert.deepEqual(seen.map(([, total]) => total), [3, 3, 3], 'the total told ahead');
      assert.throws(() => queue.add([job('q/d.pdf', 'Too late')]), /after the end/);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('tells a kept PDF with its cached warnings and no bytes, and keeps its cache entry', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'vita-cv-kept-'));
    try {
      const made = job('k/cv.pdf', 'Kept');
      await typesetCvPdfs([made], { cacheDir });
      const [kept] = await typesetCvPdfs([{ path: 'k/cv.pdf', key: cvPdfKey(made), notes: ['a note'], kept: true }], { cacheDir });
      assert.deepEqual(kept, { path: 'k/cv.pdf', warnings: ['a note'], cached: true, kept: true });
      assert.equal(readdirSync(cacheDir).filter((f) => f.endsWith('.pdf')).length, 1, 'not pruned');
      await assert.rejects(typesetCvPdfs([{ path: 'k/cv.pdf', key: 'gone', kept: true }], { cacheDir }), /k\/cv\.pdf could not be kept/);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('stops, rather than waits for ever, when a build fails before the last CV is added', async () => {
    const stop = new AbortController();
    const queue = new CvPdfQueue({ signal: stop.signal });
    queue.add([job('s/cv.pdf', 'Stopped')]);
    stop.abort();
    await assert.rejects(queue.done, /stopped/);
  });
});

describe('the memory of typesetting a department', () => {
  it('hands each PDF over as it is made, and holds no bytes for the end', async () => {
    const handed: string[] = [];
    const pdfs = await typesetCvPdfs([job('m/a.pdf', 'Handed A'), job('m/b.pdf', 'Handed B')], { threads: 1, onPdf: (path, pdf) => (assert.equal(Buffer.from(pdf).subarray(0, 5).toString(), '%PDF-'), handed.push(path)) });
    assert.deepEqual(handed, ['m/a.pdf', 'm/b.pdf']);
    assert.deepEqual(pdfs.map((p) => [p.path, p.pdf]), [['m/a.pdf', undefined], ['m/b.pdf', undefined]]);
  });

  it('counts down the CVs waiting as threads take them, and those that need no typesetting at once', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'vita-cv-backlog-'));
    try {
      await typesetCvPdfs([job('w/a.pdf', 'Waiting A')], { cacheDir });
      const backlog = new Int32Array(new SharedArrayBuffer(8));
      const queue = new CvPdfQueue({ cacheDir, threads: 1, backlog });
      // As the planner does: counted before they are sent.
      Atomics.add(backlog, 0, 3);
      queue.add([job('w/a.pdf', 'Waiting A'), job('w/b.pdf', 'Waiting B'), job('w/c.pdf', 'Waiting C')]);
      assert.ok(Atomics.load(backlog, 0) <= 2, 'the cached one is not waiting');
      queue.end();
      await queue.done;
      assert.deepEqual([...backlog], [0, 0]);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('tells the planner that typesetting stopped (it plans no more, waits for nothing) when a CV fails or the build stops', async () => {
    const backlog = new Int32Array(new SharedArrayBuffer(8));
    Atomics.add(backlog, 0, 2);
    const failing = new CvPdfQueue({ threads: 1, backlog });
    failing.add([{ path: 'f/cv.pdf', source: '#let x = (', fonts }, job('f/b.pdf', 'Never')]);
    await assert.rejects(failing.done, /f\/cv\.pdf/);
    assert.equal(Atomics.load(backlog, 1), 1);

    const stopped = new Int32Array(new SharedArrayBuffer(8));
    const stop = new AbortController();
    const queue = new CvPdfQueue({ signal: stop.signal, backlog: stopped });
    queue.add([job('s/cv.pdf', 'Stopped')]);
    stop.abort();
    await assert.rejects(queue.done, /stopped/);
    assert.equal(Atomics.load(stopped, 1), 1);
  });

  it('replaces a thread by a fresh one after its share of CVs, and makes them all', async () => {
    const ahead = startTypesetter();
    let ended = false;
    ahead.once('exit', () => (ended = true));
    const queue = new CvPdfQueue({ threads: 1, started: [ahead], perThread: 1 });
    queue.add([job('r/a.pdf', 'Fresh A')]);
    queue.add([job('r/b.pdf', 'Fresh B'), job('r/c.pdf', 'Fresh C')]);
    queue.end();
    const pdfs = await queue.done;
    assert.ok(pdfs.every((p) => Buffer.from(p.pdf!).subarray(0, 5).toString() === '%PDF-'));
    assert.equal(ended, true, 'the first thread ended after its CV');
  });

  it('starts no more typesetting threads than the memory allows, and always one', () => {
    const mib = 1024 * 1024;
    assert.equal(affordableTypesetters(0), 1);
    assert.equal(affordableTypesetters(700 * mib), 1, 'a 2 GiB machine with the record open');
    assert.equal(affordableTypesetters(1280 * mib), 2);
    assert.equal(affordableTypesetters(8 * 1024 * mib), 12);
  });
});
