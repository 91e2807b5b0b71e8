// `vita announce` (src/cli/announce.ts): which event, which files, where, and what it prints.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import ICAL from 'ical.js';
import { openProject } from '../../../src/index.js';
import { findEvent, runAnnounce, seminarFiles } from '../../../src/cli/announce.js';
import { filesUnder as listFiles } from '../../files.js';

const work = mkdtempSync(join(tmpdir(), 'vita-announce-'));
after(() => rmSync(work, { recursive: true, force: true }));

function run(root: string, ref: string, options: { out?: string } = {}): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runAnnounce(root, ref, { ...options, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

describe('vita announce', () => {
  it('writes poster, emails and .ics into <output>/announce/ and prints the subject', () => {
    const root = join(work, 'group');
    // The demo may have built into the example: copy the record only.
    cpSync('examples/pku-group', root, { recursive: true, filter: (src) => !src.includes('_site') });
    const before = listFiles(root);
    const r = run(root, '2025-07-23-weijie-su');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      r.stdout.split('\n')[0],
      '[SCMS Colloquium] Weijie Su (University of Pennsylvania): Toward a Mathematical Theory of Deep Learning: Lessons from Personal Research',
    );
    const added = listFiles(root).filter((f) => !before.includes(f));
    // The site folder is marked as vita's (its manifest), so that the next build may write there.
    assert.deepEqual(added, [
      '_site/.vita-manifest.json',
      '_site/announce/2025-07-23-weijie-su-email.html',
      '_site/announce/2025-07-23-weijie-su-email.txt',
      '_site/announce/2025-07-23-weijie-su-poster.pdf',
      '_site/announce/2025-07-23-weijie-su.ics',
    ]);
    const dir = join(root, '_site/announce');
    assert.equal(readFileSync(join(dir, '2025-07-23-weijie-su-poster.pdf')).subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(readFileSync(join(dir, '2025-07-23-weijie-su-email.txt'), 'utf8'), /Rm 102, SCMS/);
    const ics = new ICAL.Component(ICAL.parse(readFileSync(join(dir, '2025-07-23-weijie-su.ics'), 'utf8')));
    assert.equal(ics.getFirstSubcomponent('vevent')?.getFirstPropertyValue('uid'), 'scms-colloquium/2025-07-23-weijie-su@example.org');
    // Twice gives the same bytes.
    const first = readFileSync(join(dir, '2025-07-23-weijie-su-poster.pdf'));
    assert.equal(run(root, 'scms-colloquium/2025-07-23-weijie-su').code, 0);
    assert.ok(readFileSync(join(dir, '2025-07-23-weijie-su-poster.pdf')).equals(first));
  });

  it('writes into --out when given', () => {
    const out = join(work, 'elsewhere');
    const before = existsSync('examples/pku-group/_site/announce') ? readdirSync('examples/pku-group/_site/announce') : [];
    const r = run('examples/pku-group', 'seminars/scms-colloquium/2025-07-23-weijie-su.yaml', { out });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readdirSync(out).length, 4);
    const now = existsSync('examples/pku-group/_site/announce') ? readdirSync('examples/pku-group/_site/announce') : [];
    assert.deepEqual(now, before, 'nothing written into the example project');
  });

  it('names the candidates when the event is unknown or ambiguous', () => {
    const { graph } = openProject('examples/pku-group');
    const unknown = findEvent(graph, 'weijie-su');
    assert.ok('error' in unknown);
    assert.equal(unknown.error, 'no seminar event "weijie-su"');
    assert.match(unknown.hint, /did you mean "scms-colloquium\/2025-07-23-weijie-su"\?/);
    assert.match(unknown.hint, /ml-theory-seminar\/2025-03-14-mingze-wang/);

    const root = join(work, 'twice');
    // The demo may have built into the example: copy the record only.
    cpSync('examples/pku-group', root, { recursive: true, filter: (src) => !src.includes('_site') });
    mkdirSync(join(root, 'seminars/other'), { recursive: true });
    writeFileSync(join(root, 'seminars/other/series.yaml'), 'name: Other Seminar\nhost:\n  name: Elsewhere\ntimezone: Europe/Paris\n');
    writeFileSync(join(root, 'seminars/other/2025-07-23-weijie-su.yaml'), "title: Another talk\nspeaker: weijie-su\nstart: '2025-07-23 10:30'\n");
    const r = run(root, '2025-07-23-weijie-su');
    assert.equal(r.code, 1);
    assert.equal(
      r.stderr,
      'vita announce: "2025-07-23-weijie-su" names an event in 2 series\n  hint: say which one: other/2025-07-23-weijie-su, scms-colloquium/2025-07-23-weijie-su.\n',
    );
    assert.equal(run(root, 'other/2025-07-23-weijie-su', { out: join(work, 'other-out') }).code, 0);
  });

  it('prints the problems of a broken record, compiler style, and exits 1', () => {
    const root = join(work, 'broken');
    // The demo may have built into the example: copy the record only.
    cpSync('examples/pku-group', root, { recursive: true, filter: (src) => !src.includes('_site') });
    writeFileSync(join(root, 'seminars/scms-colloquium/2025-07-23-weijie-su.yaml'), "title: X\nspeaker: nobody-here\nstart: '2025-07-23 10:30'\n");
    const r = run(root, '2025-07-23-weijie-su');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^seminars\/scms-colloquium\/2025-07-23-weijie-su\.yaml:2:\d+ error: "nobody-here" is not a person of the project \[resolve\/unknown-person\]$/m);
    assert.match(r.stderr, /✖ 1 error/);
    assert.equal(r.stdout, '');
    assert.ok(!existsSync(join(root, '_site/announce')));
  });
});

describe('seminarFiles', () => {
  it('gives the calendar files for vita build, all inside the site', () => {
    const files = seminarFiles(openProject('examples/pku-group').graph);
    assert.ok(files.length > 0);
    for (const f of files) {
      assert.match(f.path, /^(seminars\/[a-z0-9-]+\/([a-z0-9-]+\/event|calendar)|people\/[a-z0-9-]+\/talks)\.ics$/);
      assert.match(String(f.content), /^BEGIN:VCALENDAR\r\n/);
    }
  });
});
