import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { startTypesetter, typesetCvPdfs, typesettingThreads, type CvPdfJob } from '../../src/write/cv-pdfs.js';

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

  it('a thread started ahead that died fails its job instead of waiting for ever', async () => {
    const dead = startTypesetter();
    await dead.terminate();
    await assert.rejects(typesetCvPdfs([job('e/cv.pdf', 'Ed')], { started: [dead] }), /e\/cv\.pdf/);
  });
});
