// Naming an online source on the command line: `<service>:<what>` or a service's address; paths that exist come first.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { detectSource } from '../../src/import/detect.js';
import { onlineKindOf, orcidOf, parseOnlineSpec } from '../../src/import/online/spec.js';
import { run, tempDir } from './helpers.ts';

const query = (s: string, kind?: Parameters<typeof parseOnlineSpec>[1]) => {
  const r = parseOnlineSpec(s, kind);
  if ('error' in r) throw new Error(r.error);
  return r.query;
};
const error = (s: string) => {
  const r = parseOnlineSpec(s);
  assert.ok('error' in r, `${s} should not parse`);
  return r;
};

describe('online source names', () => {
  it('arXiv: ids (versions, prefixes and addresses), or an author', () => {
    assert.deepEqual(query('arxiv:2011.13456,1904.04326v2'), { kind: 'arxiv', by: 'ids', ids: ['2011.13456', '1904.04326'] });
    assert.deepEqual(query('arXiv:arXiv:math/0601001 https://arxiv.org/abs/2310.00692v3'), { kind: 'arxiv', by: 'ids', ids: ['math/0601001', '2310.00692'] });
    assert.deepEqual(query('https://arxiv.org/pdf/2310.00692'), { kind: 'arxiv', by: 'ids', ids: ['2310.00692'] });
    assert.deepEqual(query('arxiv:author:"Lei Wu"'), { kind: 'arxiv', by: 'author', name: 'Lei Wu' });
    assert.deepEqual(query('arxiv:author:Lei  Wu'), { kind: 'arxiv', by: 'author', name: 'Lei Wu' });
    assert.match(error('arxiv:1234.5').error, /not an arXiv id/);
    assert.match(error('arxiv:').hint, /arxiv:author/);
  });

  it('OpenAlex: by ORCID or author id; Crossref: DOIs, a file of them, or an ORCID', () => {
    assert.deepEqual(query('openalex:orcid:0000-0002-1825-0097'), { kind: 'openalex', by: 'orcid', orcid: '0000-0002-1825-0097' });
    assert.deepEqual(query('openalex:A5023888391'), { kind: 'openalex', by: 'author', author: 'A5023888391' });
    assert.deepEqual(query('openalex:author:a5023888391'), { kind: 'openalex', by: 'author', author: 'A5023888391' });
    assert.deepEqual(query('https://openalex.org/A5023888391'), { kind: 'openalex', by: 'author', author: 'A5023888391' });
    assert.deepEqual(query('crossref:10.1137/19M1234567,https://doi.org/10.1007/s11425-019-1628-5,doi:10.1137/19m1234567'), {
      kind: 'crossref',
      by: 'dois',
      dois: ['10.1137/19M1234567', '10.1007/s11425-019-1628-5'],
    });
    assert.deepEqual(query('https://doi.org/10.1007/s00365-021-09549-y'), { kind: 'crossref', by: 'dois', dois: ['10.1007/s00365-021-09549-y'] });
    const file = join(tempDir(), 'dois.txt');
    writeFileSync(file, '# my papers\n10.1007/s11425-019-1628-5\n10.1007/s00365-021-09549-y  # Barron\n');
    assert.deepEqual(query(`crossref:@${file}`), { kind: 'crossref', by: 'dois', dois: ['10.1007/s11425-019-1628-5', '10.1007/s00365-021-09549-y'] });
    assert.match(error('crossref:@/no/such/list.txt').error, /could not be read/);
    assert.match(error('crossref:not-a-doi').error, /not a DOI/);
    assert.deepEqual(query('crossref:orcid:0000-0002-1825-0097'), { kind: 'crossref', by: 'orcid', orcid: '0000-0002-1825-0097' });
  });

  it('DBLP: a person id or address; ORCID: an iD whose check digit is right', () => {
    for (const s of ['dblp:pid/42/1719-2', 'dblp:42/1719-2', 'dblp:https://dblp.org/pid/42/1719-2.html', 'https://dblp.org/pid/42/1719-2.xml']) {
      assert.deepEqual(query(s), { kind: 'dblp', by: 'pid', pid: '42/1719-2' }, s);
    }
    assert.deepEqual(query('dblp:e/WeinanE'), { kind: 'dblp', by: 'pid', pid: 'e/WeinanE' });
    assert.match(error('dblp:https://dblp.org/pers/hd/w/Wu_0002:Lei').hint, /dblp\.org\/pid/);
    assert.deepEqual(query('orcid:0000-0002-1825-0097'), { kind: 'orcid', by: 'orcid', orcid: '0000-0002-1825-0097' });
    assert.deepEqual(query('https://orcid.org/0000-0003-1516-7033'), { kind: 'orcid', by: 'orcid', orcid: '0000-0003-1516-7033' });
    assert.equal(orcidOf('0000-0002-1694-233x'), '0000-0002-1694-233X');
    assert.match(error('orcid:0000-0002-1825-0098').error, /does not check/);
    assert.match(error('orcid:1234').error, /not an ORCID iD/);
  });

  it('--kind names the service when the prefix is left out; other text names none', () => {
    assert.deepEqual(query('2011.13456', 'arxiv'), { kind: 'arxiv', by: 'ids', ids: ['2011.13456'] });
    assert.deepEqual(query('10.1137/19M1234567', 'crossref'), { kind: 'crossref', by: 'dois', dois: ['10.1137/19M1234567'] });
    assert.match((parseOnlineSpec('arxiv:2011.13456', 'orcid') as { error: string }).error, /names arxiv, but --kind says orcid/);
    assert.equal(onlineKindOf('publications.bib'), undefined);
    assert.equal(onlineKindOf('C:/Users/me/cv.md'), undefined);
    assert.equal(onlineKindOf('https://example.org/cv'), undefined);
    assert.equal(onlineKindOf('ORCID:0000-0002-1825-0097'), 'orcid');
  });

  it('a path that exists is read as a file or folder, whatever it looks like', async () => {
    const dir = tempDir();
    const odd = join(dir, 'arxiv:2011.13456');
    writeFileSync(odd, '@article{a2020x, author = {A, B}, title = {A Paper Title That Is Long Enough}, journal = {J}, year = {2020}}\n');
    const result = await run(odd, join(dir, 'project'), { dryRun: true });
    assert.equal(result.kind, 'bibtex');
    assert.equal(detectSource(odd).kind, 'bibtex');
    assert.deepEqual(detectSource('arxiv:2011.13456'), { kind: 'arxiv', reason: 'an online source (arxiv)' });
    assert.deepEqual(detectSource('https://orcid.org/0000-0002-1825-0097').kind, 'orcid');
    const missing = await run('nothing:here', join(dir, 'p2'), { dryRun: true });
    assert.match(missing.diagnostics[0]!.message, /does not exist/);
    assert.match(missing.diagnostics[0]!.hint!, /arxiv:2011\.13456/);
  });
});
