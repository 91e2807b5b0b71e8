// Whose a work is: the evidence `vita sync` weighs, on hand-made works (no service involved).
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openProject } from '../../src/index.js';
import type { Draft } from '../../src/import/online/records.js';
import { judge, personKnowledge } from '../../src/import/sync/authorship.js';
import { Person, Publication } from '../../src/schema/index.js';
import { projectCopy } from './helpers.ts';

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

  it('vita check names a sync.arxiv it cannot search for', () => {
    const dir = projectCopy();
    mkdirSync(join(dir, 'people'), { recursive: true });
    writeFileSync(join(dir, 'people/lei-wu.yaml'), 'name: Lei Wu\nsync:\n  arxiv: \'"Lei Wu"\'\n');
    const codes = openProject(dir).diagnostics.list.filter((d) => d.severity === 'error').map((d) => d.code);
    assert.deepEqual(codes, ['validate/arxiv-author']);
  });
});
