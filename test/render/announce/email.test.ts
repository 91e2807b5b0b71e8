// The announcement email: subject, text and HTML bodies with every fact, the time in the event's zone, HTML escaped.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openProject } from '../../../src/index.js';
import { announcementEmail } from '../../../src/render/announce/email.js';
import { eventFacts } from '../../../src/render/announce/facts.js';
import { proseToHtml, proseToPlain, proseToTypst } from '../../../src/render/announce/prose.js';
import { LINKED_TALKS, projectFrom, SEMINAR_PROJECT } from '../calendar/project.js';

const SCMS = 'scms-colloquium/2025-07-23-weijie-su';
const { graph } = openProject('examples/pku-group', { today: new Date('2026-11-01') });

describe('the email of seed 004', () => {
  const email = announcementEmail(graph, SCMS);

  it('has the subject line a mailing list expects', () => {
    assert.equal(
      email.subject,
      '[SCMS Colloquium] Weijie Su (University of Pennsylvania): Toward a Mathematical Theory of Deep Learning: Lessons from Personal Research',
    );
  });

  it('states time with its zone, venue, abstract, bio, links and host in the text body', () => {
    const t = email.text;
    assert.match(t, /^SCMS Colloquium\n\nToward a Mathematical Theory of Deep Learning: Lessons from Personal Research\n/);
    assert.match(t, /^Speaker: Weijie Su \(University of Pennsylvania\)$/m);
    assert.match(t, /^Time: {4}Wed, Jul 23, 2025 · 10:30–11:30 \(Asia\/Shanghai, UTC\+08:00\)$/m);
    assert.match(t, /^Venue: {3}Rm 102, SCMS$/m);
    assert.match(t, /^Abstract\n\nA century ago, breakthroughs like relativity .* theoretical foundations of deep learning\.$/m);
    assert.match(t, /^About the speaker\n\nProf\. Weijie Su is an Associate Professor .* Early Career Prize in 2022\.$/m);
    assert.match(t, /^Event page: https:\/\/example\.org\/pku-ml\/seminars\/scms-colloquium\/2025-07-23-weijie-su\/$/m);
    assert.match(t, /^Add to your calendar: https:\/\/example\.org\/pku-ml\/seminars\/scms-colloquium\/2025-07-23-weijie-su\/event\.ics$/m);
    assert.match(t, /^Subscribe to the series: webcal:\/\/example\.org\/pku-ml\/seminars\/scms-colloquium\/calendar\.ics$/m);
    assert.match(t, /^Shanghai Center for Mathematical Sciences \(上海数学中心\)$/m);
    assert.match(t, /^Tel: 021-31243880 · Fax: 021-31244000 · Email: scms@fudan\.edu\.cn$/m);
  });

  it('has the same facts in the HTML body', () => {
    const h = email.html;
    assert.match(h, /^<!DOCTYPE html>/);
    assert.match(h, /<title>\[SCMS Colloquium\] Weijie Su \(University of Pennsylvania\): Toward/);
    assert.match(h, /Wed, Jul 23, 2025 · 10:30–11:30 \(Asia\/Shanghai, UTC\+08:00\)/);
    assert.match(h, /Rm 102, SCMS/);
    assert.match(h, /Today&#39;s AI revolution/);
    assert.match(h, /href="https:\/\/example\.org\/pku-ml\/seminars\/scms-colloquium\/2025-07-23-weijie-su\/event\.ics"/);
    assert.match(h, /href="mailto:scms@fudan\.edu\.cn"/);
    assert.match(h, /href="https:\/\/www-stat\.wharton\.upenn\.edu\/~suw\/"/, 'the speaker links to their homepage');
    assert.doesNotMatch(h, /<script|<style/);
  });
});

describe('other events', () => {
  const { graph: g } = projectFrom(SEMINAR_PROJECT);

  it('escapes what the record says in HTML, keeps math as LaTeX and drops unsafe links', () => {
    const f = eventFacts(g, 'nyc-seminar/2025-03-07-ada-li');
    const html = announcementEmail(g, f.event.id).html;
    assert.match(html, /\$f\(x\) = \\sum_\{k=1\}\^m a_k \\sigma\(w_k\^\\top x\)\$/);
    assert.match(html, /<em>joint work<\/em> with the group at <strong>Peking University<\/strong> \(北京大学\)/);
    assert.match(html, /<a href="https:\/\/example\.org\/sharpness">sharpness<\/a>/);
    assert.equal(proseToHtml('<script>alert(1)</script> & [x](javascript:alert(1))'), '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; [x](javascript:alert(1))</p>');
  });

  it('says when a talk is cancelled, and gives the online link', () => {
    const cancelled = announcementEmail(g, 'nyc-seminar/2025-04-04-cancelled');
    assert.equal(cancelled.subject, '[AM Seminar] CANCELLED: Alan Turing (University of Manchester): A talk that will not happen');
    assert.match(cancelled.text, /^This talk has been CANCELLED\./);
    const online = announcementEmail(g, 'nyc-seminar/2025-03-14-grace');
    assert.match(online.text, /^Online: {2}https:\/\/zoom\.example\.com\/j\/123456789$/m);
    assert.match(online.text, /Fri, Mar 14, 2025 · 14:00–15:00 \(America\/New_York, UTC-04:00\)/);
    assert.match(online.html, /<a href="https:\/\/zoom\.example\.com\/j\/123456789"/);
  });

  it('takes the affiliation and bio of a speaker from their person record', () => {
    const f = eventFacts(g, 'nyc-seminar/2025-03-07-ada-li');
    assert.equal(f.speakerLine, 'Ada Li (Example University)');
    assert.deepEqual(f.bios, [{ name: 'Ada Li', text: 'Ada Li works on the theory of deep learning.' }]);
  });
});

describe('prose', () => {
  const md = 'One *two* $a_1 * b_2$ and `c`.\n\n- first\n- second $x$\n\n$$\\int f$$';

  it('prints plain text with math as LaTeX', () => {
    assert.equal(proseToPlain(md), 'One two $a_1 * b_2$ and c.\n\n- first\n- second $x$\n\n$$\\int f$$');
  });

  it('prints Typst with the user text escaped', () => {
    const t = proseToTypst('A #b *c* $x^2$');
    // `;` ends the call, so that "(" after it is text.
    assert.equal(t, 'A \\#b #emph[c]; $x^2$');
  });
});

describe('an announcement in another language', () => {
  it('says its labels and dates in German, and in Japanese, from the catalogues', () => {
    const de = announcementEmail(graph, SCMS, { language: 'de' });
    assert.match(de.text, /^Vortragende\(r\): +Weijie Su \(University of Pennsylvania\)$/m);
    assert.match(de.text, /^Zeit: +Mi\., 23\. Juli 2025 · 10:30–11:30 \(Asia\/Shanghai, UTC\+08:00\)$/m);
    assert.match(de.text, /^Ort: +Rm 102, SCMS$/m);
    assert.match(de.text, /^Zusammenfassung$/m);
    assert.match(de.html, /<html lang="de">/);
    const ja = announcementEmail(graph, SCMS, { language: 'ja' });
    assert.match(ja.text, /^日時: +2025年7月23日\(水\) · 10:30–11:30/m);
    assert.match(ja.text, /^講演者紹介$/m);
    const ics = eventFacts(graph, SCMS, { language: 'fr' });
    assert.equal(ics.date, 'mer. 23 juil. 2025');
  });
});

describe("the email of a talk with links", () => {
  const { graph: linked } = projectFrom(LINKED_TALKS);
  const email = announcementEmail(linked, 'nyc-seminar/2025-05-02-links');

  it('lists the talk page, slides, video and paper in both bodies, a file of the project at its copy in the site', () => {
    assert.match(email.text, /^Talk page: https:\/\/indico\.example\.org\/event\/7\/$/m);
    assert.match(email.text, /^Slides: https:\/\/seminars\.example\.edu\/group\/seminars\/nyc-seminar\/slides\/johnson\.pdf$/m);
    assert.match(email.text, /^Paper: https:\/\/arxiv\.org\/abs\/2505\.00001$/m);
    assert.match(email.html, /<a href="https:\/\/video\.example\.org\/johnson" style="color:#173f73">Video<\/a>/);
    assert.match(email.html, />Talk page<\/a>/);
  });
});
