// BibTeX as library, MathSciNet and DBLP exports write it: odd years, `\}` in a field, one bad field, MathSciNet's
// macros and full journal names, DBLP's standard export. Each entry is imported (a bad field costs that field only,
// with a warning), checks, and has its page on the built site.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mathSciNetMacros } from '../../src/import/sources/bibtex.js';
import { countImport, exitStatus } from '../../src/import/report.js';
import { authorsOf, builtSite, errorsOf, FIXTURES, pageText, run, tempDir } from './helpers.ts';

describe('import: BibTeX as exports write it', () => {
  it('imports every entry, mending years and leaving out bad fields with a warning', async () => {
    const dir = tempDir();
    const result = await run(`${FIXTURES}/bibtex-exports/exports.bib`, dir);
    assert.equal(exitStatus(result), 0);
    const { graph, errors } = errorsOf(dir);
    assert.deepEqual(errors, []);
    const pubs = countImport(result).find((c) => c.kind === 'publications')!;
    assert.deepEqual([pubs.imported, pubs.skipped], [8, 0], 'no entry lost');
    const year = (id: string) => graph.publications.get(id)!.year;
    assert.deepEqual([year('volkov1987lectures'), year('mbeki2020spectral'), year('haddad2006braces')], [1986, 2020, 2006]);
    const repaired = result.diagnostics.filter((d) => d.code === 'import/field-repaired').map((d) => d.line);
    assert.deepEqual(repaired, [3, 10, 17], 'each mended year is said, where it is');
    assert.equal(graph.publications.get('haddad2006braces')!.title, 'On the set $\\{x : f(x) \\} 0\\}$ of a convex function', '\\} does not close the field');
    assert.equal(graph.publications.get('rossi2019baddoi')!.doi, undefined);
    assert.ok(result.diagnostics.some((d) => d.code === 'import/field-dropped' && /rossi2019baddoi.*doi "XX"/.test(d.message)));
    assert.equal(graph.publications.get('rossi2018month')!.title, 'Quantitative Bounds for Metropolis Chains');
    const mr = graph.publications.get('MR4012345')!;
    assert.deepEqual(authorsOf(mr), ['Dmitriĭ Zhukovskiĭ', 'Zofia Krzyż', 'Olga Gelʹfand']);
    assert.equal(mr.venue?.name, 'Examplia Mathematical Journal', 'FJOURNAL is the venue');
    assert.equal(mr.doi, '10.5555/emj.2019.41.233');
    assert.equal(graph.publications.get('MR4054321')!.title, 'O summakh ryadov');
    assert.deepEqual(authorsOf(graph.publications.get('MR4054321')!), ['Jan Poląk']);
    const dblp = graph.publications.get('DBLP:conf-example-DemirV22')!;
    assert.deepEqual(authorsOf(dblp), ['Yusuf Demir', 'Tomas Varga']);
    assert.equal(dblp.type, 'conference');

    const site = builtSite(graph);
    const list = pageText(site.get('publications/index.html')!);
    for (const p of graph.publications.values()) {
      assert.ok(list.includes(p.title.split(' ').slice(0, 3).join(' ')), `${p.id} on the publication list`);
      const page = site.get(`publications/${p.id.toLowerCase().replace(/[^a-z0-9]+/g, '-')}/index.html`);
      assert.ok(page, `${p.id} has its page`);
      assert.ok(pageText(page).includes(p.authors[0]!.name), `${p.id}: its first author on its page`);
    }
  });

  it("reads the themes' link and award fields, and a badge with a note", async () => {
    const dir = tempDir();
    const result = await run(`${FIXTURES}/bibtex-exports/theme.bib`, dir);
    assert.equal(exitStatus(result), 0);
    const { graph, errors } = errorsOf(dir);
    assert.deepEqual(errors, []);
    const escape = graph.publications.get('varga2022escape')!;
    assert.deepEqual([escape.venue?.short, escape.venue?.year, escape.award], ['ICML', 2022, 'Spotlight']);
    assert.deepEqual(Object.keys(escape.links ?? {}).sort(), ['code', 'pdf', 'slides', 'supplement', 'video']);
    const langevin = graph.publications.get('sato2024langevin')!;
    assert.equal(langevin.award, 'IMS Best Paper Award 2024', 'the fullest award field');
    assert.equal(langevin.links?.html, 'https://projecteuclid.example.org/aos/langevin');
    const posters = graph.publications.get('varga2023posters')!;
    assert.deepEqual([posters.links?.poster, posters.links?.html, posters.award], ['https://tvarga.example.org/posters/explain.pdf', 'https://tvarga.example.org/explain/', 'Best Poster Award'], 'url_poster, html and honor');
    assert.equal(graph.publications.get('varga2021award')!.award, "Editor's Choice", 'award alone');
    const page = pageText(builtSite(graph).get('publications/varga2022escape/index.html')!);
    assert.match(page, /Spotlight/);
    assert.match(pageText(builtSite(graph).get('publications/varga2023posters/index.html')!), /Best Poster Award/);
  });

  it('reads MathSciNet macros as letters', () => {
    assert.equal(mathSciNetMacros('{Gel{\\cprime}fand}'), '{Gelʹfand}');
    assert.equal(mathSciNetMacros('{Pol{\\polhk{a}}k and \\polhk e}'), '{Poląk and ę}');
    assert.equal(mathSciNetMacros('{{\\cyr Ob} odnom}'), '{Ob odnom}');
    assert.equal(mathSciNetMacros('{No macro}'), '{No macro}');
  });
});
