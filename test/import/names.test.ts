// Names as sites write them: `Given Family (中文名)` (or the other way round) is one person with a name per script,
// found on their papers by the Latin name; an alias made only of initials, or with a family name of initials, is
// never created (it would name anyone with those letters).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { onlyInitials, scriptNames } from '../../src/import/person-names.js';
import { exitStatus } from '../../src/import/report.js';
import { builtSite, cvOf, errorsOf, FIXTURES, pageText, run, tempDir } from './helpers.ts';

describe('import: a name in two scripts', () => {
  for (const [source, id, name] of [
    ['names/Wei_Zhang_CV.yaml', 'wei-zhang', { en: 'Wei Zhang', zh: '张伟' }],
    ['names/cv.md', 'minji-kim', { en: 'Minji Kim', ko: '김민지' }],
    ['names/jemdoc', 'lei-wu', { en: 'Lei Wu', zh: '吴磊' }],
    ['hugo-blox-habits', 'wen-zhao', { en: 'Wen Zhao', zh: '赵文' }],
    ['academicpages-names', 'jiaying-chen', { en: 'Jiaying Chen', zh: '陈佳颖' }],
  ] as const) {
    it(`${source}: one person, ${name.en}, named in both scripts and linked on the paper`, async () => {
      const dir = tempDir();
      const result = await run(`${FIXTURES}/${source}`, dir);
      assert.equal(exitStatus(result), 0);
      const { graph, errors } = errorsOf(dir);
      assert.deepEqual(errors, []);
      assert.deepEqual([...graph.people.keys()], [id]);
      assert.deepEqual(graph.people.get(id)!.data.name, name);
      const pub = [...graph.publications.values()][0]!;
      assert.deepEqual(pub.people, [id], 'the paper is theirs');
      const site = builtSite(graph);
      assert.match(pageText(site.get('index.html')!), new RegExp(name.en));
      assert.ok(cvOf(graph, id).includes(name.en), 'the CV is in their Latin name');
      assert.ok(pageText(site.get(`people/${id}/publications/index.html`)!).includes(pub.title));
    });
  }

  it('reads either order and full-width parentheses; a parenthesis in the same script is not a second name', () => {
    assert.deepEqual(scriptNames('Lei Wu (吴磊)'), { latin: 'Lei Wu', value: { en: 'Lei Wu', zh: '吴磊' } });
    assert.deepEqual(scriptNames('吴磊 (Lei Wu)'), { latin: 'Lei Wu', value: { en: 'Lei Wu', zh: '吴磊' } });
    assert.deepEqual(scriptNames('Taro Yamada（やまだ たろう）').value, { en: 'Taro Yamada', ja: 'やまだ たろう' });
    assert.deepEqual(scriptNames('Ana Ruiz (she/her)'), { latin: 'Ana Ruiz (she/her)', value: 'Ana Ruiz (she/her)' });
    assert.deepEqual(scriptNames('Jane Doe'), { latin: 'Jane Doe', value: 'Jane Doe' });
  });
});

describe('import: no alias of initials alone', () => {
  it('tells initials from names', () => {
    for (const n of ['L. W.', 'LW', 'J.-P.', 'O.-B.', 'A. K. O.-B.']) assert.equal(onlyInitials(n), true, n);
    for (const n of ['L. Wu', 'Lei', 'A. K. Osei', 'LI WEI', 'Ng']) assert.equal(onlyInitials(n), false, n);
  });

  it("al-folio's scholar names give no alias of initials, nor one with a family name of initials", async () => {
    const dir = tempDir();
    await run(`${FIXTURES}/al-folio-older`, dir);
    const { graph } = errorsOf(dir);
    assert.deepEqual(graph.people.get('ama-osei-bonsu')!.data.aliases, ['Ama Bonsu', 'A. Bonsu', 'A. K. Bonsu']);
  });
});
