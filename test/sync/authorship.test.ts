// Whose a work is: the evidence `vita sync` weighs, on hand-made works (no service involved).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openProject } from '../../src/index.js';
import type { Draft } from '../../src/import/online/records.js';
import { judge, personKnowledge } from '../../src/import/sync/authorship.js';
import { Person, Publication } from '../../src/schema/index.js';
import { parseArxiv } from '../../src/import/online/arxiv.js';
import { parseDblp } from '../../src/import/online/dblp.js';
import { parseOpenalex } from '../../src/import/online/openalex.js';
import { projectCopy, recordedAnswers } from './helpers.ts';

const ORCID = '0000-0003-1516-7033';
const person = Person.parse({ name: { en: 'Lei Wu', zh: '吴磊' }, affiliations: [{ name: 'School of Mathematical Sciences', institution: 'Peking University' }], sync: { exclude: ['A Paper That Is Not Mine'] } });
const record = [Publication.parse({ id: 'e2020comparative', type: 'article', title: 'A comparative analysis', authors: ['Weinan E', 'Chao Ma', 'Lei Wu'], year: 2020 })];
const knowledge = () => personKnowledge('lei-wu', person, ORCID, record);
const draft = (authors: string[], more: Partial<Draft> = {}): Draft => ({ ref: 'test:1', type: 'article', title: 'A Work', authors, year: 2024, ...more });

describe('whose a work is', () => {
  it('an ORCID on the author position settles it, either way, whatever the name looks like', () => {
    assert.deepEqual(judge(draft(['吴磊', 'Hao Chen'], { authorDetails: [{ orcid: ORCID }, undefined] }), 'openalex', knowledge()), { theirs: true, how: 'their ORCID is on author 1 ("吴磊")' });
    assert.deepEqual(judge(draft(['Lei Wu'], { authorDetails: [{ orcid: ORCID }] }), 'arxiv', knowledge()).theirs, true);
    const other = judge(draft(['L. Wu', 'Hao Chen'], { authorDetails: [{ orcid: '0000-0002-1825-0097', institutions: ['Peking University'] }] }), 'openalex', knowledge());
    assert.equal(other.theirs, false, 'another ORCID outweighs the same university');
  });

  it('a work with no author named like the person is not theirs, unless their ORCID is on it', () => {
    const v = judge(draft(['Liang Wu', 'Hao Chen']), 'openalex', knowledge());
    assert.deepEqual(v, { theirs: false, why: 'no author is named like Lei Wu (Liang Wu, Hao Chen)' });
  });

  it('trusts ORCID claims and DBLP pages; asks a co-author or an affiliation of OpenAlex and arXiv results', () => {
    assert.equal(judge(draft(['Somebody Else']), 'orcid', knowledge()).theirs, true, "an ORCID record is the person's own claim");
    assert.equal(judge(draft(['Lei Wu', 'Yang Liu']), 'dblp', knowledge()).theirs, true);
    assert.equal(judge(draft(['Lei Wu', 'Yang Liu']), 'openalex', knowledge()).theirs, true, 'OpenAlex with nothing against it');
    assert.equal(judge(draft(['Lei Wu', 'Yang Liu']), 'arxiv', knowledge()).theirs, false, 'a name search with nothing for it');
    assert.equal(judge(draft(['L. Wu', 'W. E']), 'arxiv', knowledge()).theirs, true, 'initials of the person and of a co-author of the record');
    assert.equal(judge(draft(['Lei Wu'], { authorDetails: [{ institutions: ['School of Mathematical Sciences, Peking University, Beijing'] }] }), 'arxiv', knowledge()).theirs, true);
    // The unit alone is not the institution: every university has a School of Mathematical Sciences.
    assert.equal(judge(draft(['Lei Wu', 'Yang Liu'], { authorDetails: [{ institutions: ['School of Mathematical Sciences, Fudan University'] }, undefined] }), 'arxiv', knowledge()).theirs, false);
    const single = judge(draft(['Lei Wu']), 'arxiv', knowledge());
    assert.deepEqual(single, { theirs: false, why: "found by a name search only, with no co-author or affiliation to confirm it is Lei Wu's" });
  });

  it('sync.exclude (a DOI, an arXiv id or a title) wins over everything', () => {
    assert.match((judge(draft(['Lei Wu'], { title: 'A paper that is not mine' }), 'orcid', knowledge()) as { why: string }).why, /sync\.exclude/);
  });

  it("reads each author's ORCID and affiliations from DBLP, arXiv and OpenAlex answers", () => {
    const answers = recordedAnswers();
    const feed = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom"><entry><id>http://arxiv.org/abs/2401.00001v1</id><title>T</title><published>2024-01-01T00:00:00Z</published><author><name>Lei Wu</name><arxiv:affiliation>Peking University</arxiv:affiliation></author><author><name>Yang Liu</name></author></entry></feed>`;
    const arxiv = parseArxiv(feed);
    assert.ok(!('error' in arxiv));
    assert.deepEqual(arxiv.drafts[0]!.authorDetails, [{ institutions: ['Peking University'] }, undefined]);
    const openalex = parseOpenalex([...answers].find(([k]) => k.startsWith('https://api.openalex.org/'))![1]);
    assert.ok(!('error' in openalex));
    const namesake = openalex.drafts.find((d) => d.ref === 'openalex:W3150012345')!;
    assert.deepEqual(namesake.authorDetails, [{ orcid: '0000-0002-1825-0097', institutions: ['Wuhan University'] }, { institutions: ['Wuhan University'] }]);
    // DBLP marks an author's ORCID on the author element where it knows it.
    const recorded = JSON.parse(readFileSync('test/fixtures/import/online/dblp/dblp.org_pid_42_1719-2.xml-971327aaaf1326bf.json', 'utf8')) as { value: string };
    const dblpFixture = parseDblp(recorded.value);
    assert.ok(!('error' in dblpFixture));
    assert.deepEqual(dblpFixture.drafts.find((d) => d.arxiv === '2310.00692')!.authorDetails, [undefined, { orcid: '0000-0003-1516-7033' }]);
  });

  it('vita check names a sync.arxiv it cannot search for', () => {
    const dir = projectCopy();
    mkdirSync(join(dir, 'people'), { recursive: true });
    writeFileSync(join(dir, 'people/lei-wu.yaml'), 'name: Lei Wu\nsync:\n  arxiv: \'"Lei Wu"\'\n');
    const codes = openProject(dir).diagnostics.list.filter((d) => d.severity === 'error').map((d) => d.code);
    assert.deepEqual(codes, ['validate/arxiv-author']);
  });
});
