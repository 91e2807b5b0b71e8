// Each service's answers, as recorded in test/fixtures/import/online/, read into vita's terms; and the messy cases:
// missing fields, no results, markup in titles, answers that are not what the service sends.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArxiv } from '../../src/import/online/arxiv.js';
import { crossrefDoiUrl, parseCrossref } from '../../src/import/online/crossref.js';
import { dblpUrl, parseDblp } from '../../src/import/online/dblp.js';
import { markupText } from '../../src/import/online/markup.js';
import { abstractText, openalexUrl, parseOpenalex } from '../../src/import/online/openalex.js';
import { orcidUrls, parseOrcidBulk, parseOrcidPerson, parseOrcidWorks } from '../../src/import/online/orcid.js';
import { arxivOf, doiOf, personName } from '../../src/import/online/records.js';
import { arxivQueryUrl } from '../../src/import/online/arxiv.js';
import { LEI_WU_ORCID, recordedAnswers } from './online-helpers.ts';

const answers = recordedAnswers();
const recorded = (url: string) => {
  const body = answers.get(url);
  assert.ok(body, `recorded answer for ${url}`);
  return body;
};
function ok<T>(value: T | { error: string }): T {
  if (value && typeof value === 'object' && 'error' in value) throw new Error((value as { error: string }).error);
  return value as T;
}

const FEED = (entries: string, total = 1) => `<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
  <id>https://arxiv.org/api/x</id><title>arXiv Query</title><updated>2026-03-02T09:41:17Z</updated>
  <opensearch:itemsPerPage>10</opensearch:itemsPerPage><opensearch:totalResults>${total}</opensearch:totalResults><opensearch:startIndex>0</opensearch:startIndex>
  ${entries}
</feed>`;

describe('arXiv Atom', () => {
  it('reads entries: title, authors, abstract, id without version, date; a journal reference or DOI makes it the published paper', () => {
    const page = ok(parseArxiv(recorded(arxivQueryUrl({ kind: 'arxiv', by: 'ids', ids: ['1904.04326', '2310.00692'] }, 0, 2))));
    assert.equal(page.extra.total, 2);
    const [published, preprint] = page.drafts;
    assert.equal(published!.arxiv, '1904.04326');
    assert.equal(published!.type, 'article');
    assert.equal(published!.doi, '10.1007/s11425-019-1628-5');
    assert.deepEqual(published!.venue, { name: 'Sci. China Math. 63, 1235-1258 (2020)' });
    assert.equal(published!.year, 2020, "the journal reference's year");
    assert.equal(published!.title, 'A Comparative Analysis of the Optimization and Generalization Property of Two-layer Neural Network and Random Feature Models Under Gradient Descent Dynamics');
    assert.deepEqual(published!.authors, ['Weinan E', 'Chao Ma', 'Lei Wu']);
    assert.equal(preprint!.type, 'preprint');
    assert.equal(preprint!.date, '2023-10-01');
    assert.equal(preprint!.pdf, 'https://arxiv.org/pdf/2310.00692');
    assert.match(preprint!.abstract!, /the aforementioned noise geometry for/, '\\emph{} as its text');
    assert.match(preprint!.abstract!, /\$\\mathcal\{L\}\(\\theta\)\$/, 'math kept');
    assert.doesNotMatch(preprint!.abstract!, /\n/, 'hard line breaks gone');
  });

  it('LaTeX in titles and names, no results, an error entry, a throttled or broken answer', () => {
    const entry = `<entry><id>http://arxiv.org/abs/math/0601001v2</id><published>2006-01-01T00:00:00Z</published>
      <title>On $L^p$ Bounds for Schr\\"odinger Operators --- a Note</title><summary>x</summary>
      <author><name>J{\\"u}rgen M\\"uller</name></author><arxiv:primary_category term="math.AP"/></entry>`;
    const [d] = ok(parseArxiv(FEED(entry))).drafts;
    assert.equal(d!.title, 'On $L^p$ Bounds for Schrödinger Operators — a Note');
    assert.deepEqual(d!.authors, ['Jürgen Müller']);
    assert.equal(d!.arxiv, 'math/0601001');
    assert.deepEqual(ok(parseArxiv(FEED('', 0))), { drafts: [], problems: [], extra: { total: 0 } });
    const error = `<entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345</id><title>Error</title><summary>incorrect id format for 1234.12345</summary></entry>`;
    assert.deepEqual(parseArxiv(FEED(error)), { error: 'arXiv reports an error: incorrect id format for 1234.12345' });
    assert.match((parseArxiv('Rate exceeded.') as { error: string }).error, /Rate exceeded/);
    assert.match((parseArxiv('<feed><entry><title>x</entry></feed>') as { error: string }).error, /not well-formed XML \(line 1/);
    assert.match((parseArxiv('<html><body>Service unavailable</body></html>') as { error: string }).error, /not an Atom feed/);
  });
});

describe('OpenAlex works', () => {
  it('reads works: authorships, dates, venue and pages, DOI, the arXiv id among locations, the abstract; leaves errata out', () => {
    const page = ok(parseOpenalex(recorded(openalexUrl({ kind: 'openalex', by: 'orcid', orcid: LEI_WU_ORCID }, '*', 100)), { orcid: LEI_WU_ORCID }));
    assert.deepEqual(
      page.drafts.map((d) => [d.type, d.year, d.doi, d.arxiv]),
      [
        ['preprint', 2023, undefined, '2310.00692'],
        ['article', 2020, '10.4208/csiam-am.so-2020-0002', '2009.10713'],
        ['article', 2020, '10.1007/s11425-019-1628-5', '1904.04326'],
        ['article', 2021, '10.1007/s00365-021-09549-y', '1906.08039'],
      ],
    );
    const comparative = page.drafts[2]!;
    assert.deepEqual(comparative.venue, { name: 'Science China Mathematics', volume: '63', number: '7', pages: '1235–1258' });
    assert.deepEqual(comparative.authors, ['Weinan E', 'Chao Ma', 'Lei Wu']);
    assert.match(comparative.abstract!, /^A fairly comprehensive analysis is presented for the gradient descent dynamics/);
    assert.match(page.drafts[1]!.title, /What We Know and What We Don't$/, 'an entity in a title decoded');
    assert.equal(page.drafts[0]!.venue, undefined, 'arXiv is not a venue');
    assert.match(page.problems[0]!.message, /is erratum, not a paper/);
    assert.deepEqual(page.extra.person, { name: 'Lei Wu', links: { orcid: `https://orcid.org/${LEI_WU_ORCID}`, openalex: 'https://openalex.org/A5100393210' } });
    assert.equal(page.extra.results, 5);
  });

  it('abstracts from inverted indexes; missing fields; no results; an error answer', () => {
    assert.equal(abstractText({ world: [1], Hello: [0], again: [3], '<i>big</i>': [2] }), 'Hello world big again');
    assert.equal(abstractText(null), undefined);
    const bare = ok(parseOpenalex(JSON.stringify({ meta: { count: 1, next_cursor: null }, results: [{ id: 'https://openalex.org/W1', title: null, display_name: 'H<sub>2</sub>O on <i>graphene</i>', authorships: [] }] })));
    assert.equal(bare.drafts[0]!.title, 'H₂O on graphene');
    assert.deepEqual(bare.drafts[0]!.authors, []);
    assert.deepEqual(ok(parseOpenalex('{"meta":{"count":0,"next_cursor":null},"results":[]}')).drafts, []);
    assert.deepEqual(parseOpenalex('{"error":"Invalid query parameters error.","message":"author.orcid is not a valid filter"}'), { error: 'OpenAlex says: author.orcid is not a valid filter' });
    assert.match((parseOpenalex('<html>502 Bad Gateway</html>') as { error: string }).error, /not JSON/);
  });
});

describe('Crossref works', () => {
  it('reads a work: title, authors as given and family names, container, issued date, volume, issue, pages, JATS abstract with math', () => {
    const [d] = ok(parseCrossref(recorded(crossrefDoiUrl('10.1007/s11425-019-1628-5')))).drafts;
    assert.equal(d!.type, 'article');
    assert.deepEqual(d!.authors, ['Weinan E', 'Chao Ma', 'Lei Wu']);
    assert.deepEqual(d!.venue, { name: 'Science China Mathematics', volume: '63', number: '7', pages: '1235–1258', publisher: undefined });
    assert.equal(d!.date, '2020-04-16');
    assert.doesNotMatch(d!.abstract!, /^Abstract/, 'the JATS heading dropped');
    assert.match(d!.abstract!, /with a rate \$\\mathcal\{O\}\(1\/\\sqrt\{n\}\)\$ in the number of samples\.$/, 'tex-math preferred to MathML, made inline');
  });

  it('finds the arXiv preprint in relations; reads lists; titles with MathML and HTML; errors said plainly', () => {
    const [barron] = ok(parseCrossref(recorded(crossrefDoiUrl('10.1007/s00365-021-09549-y')))).drafts;
    assert.equal(barron!.arxiv, '1906.08039');
    const work = (extra: object) => JSON.stringify({ status: 'ok', 'message-type': 'work-list', message: { 'total-results': 2, 'items-per-page': 2, 'next-cursor': 'abc', items: [{ DOI: '10.5555/x', type: 'proceedings-article', issued: { 'date-parts': [[2024]] }, ...extra }, { DOI: '10.5555/j', type: 'journal' }] } });
    const list = ok(
      parseCrossref(
        work({
          title: ['Sharp rates for <mml:math xmlns:mml="http://www.w3.org/1998/Math/MathML"><mml:msup><mml:mi>L</mml:mi><mml:mi>p</mml:mi></mml:msup></mml:math> regression &amp; <i>deep</i> networks'],
          subtitle: ['a second look'],
          author: [{ name: 'The PKU ML Group', sequence: 'first' }],
        }),
      ),
    );
    assert.equal(list.extra.nextCursor, 'abc');
    assert.equal(list.drafts[0]!.type, 'conference');
    assert.equal(list.drafts[0]!.title, 'Sharp rates for $L^p$ regression & deep networks: a second look');
    assert.deepEqual(list.drafts[0]!.authors, ['The PKU ML Group']);
    assert.match(list.problems[0]!.message, /is a journal, not a paper/);
    const bare = ok(parseCrossref(JSON.stringify({ status: 'ok', 'message-type': 'work', message: { DOI: '10.5555/y', type: 'journal-article' } }))).drafts[0]!;
    assert.equal(bare.title, '');
    assert.equal(bare.year, undefined);
    assert.match((parseCrossref('Resource not found.') as { error: string }).error, /Resource not found/);
    assert.match((parseCrossref('{"status":"failed","message-type":"validation-failure","message":[{"type":"parameter-not-allowed","value":"x","message":"Parameter x not allowed"}]}') as { error: string }).error, /Parameter x not allowed/);
  });
});

describe('DBLP person pages', () => {
  it('reads the person and every record: homonym numbers dropped, CoRR entries as preprints, venues, DOIs; edited volumes left out', () => {
    const page = ok(parseDblp(recorded(dblpUrl('42/1719-2'))));
    assert.equal(page.extra.name, 'Lei Wu');
    assert.deepEqual(page.extra.links, { orcid: `https://orcid.org/${LEI_WU_ORCID}`, scholar: 'https://scholar.google.com/citations?user=CMweeYcAAAAJ' });
    assert.equal(page.extra.homepage, 'https://leiwu0.github.io/');
    const byRef = new Map(page.drafts.map((d) => [d.ref, d]));
    const corr = byRef.get('dblp:journals/corr/abs-2310-00692')!;
    assert.deepEqual([corr.type, corr.arxiv, corr.doi, corr.venue], ['preprint', '2310.00692', undefined, undefined]);
    assert.equal(corr.title, 'The Noise Geometry of Stochastic Gradient Descent: A Quantitative and Analytical Characterization', 'the closing period dropped');
    const icml = byRef.get('dblp:conf/icml/WuS23')!;
    assert.deepEqual([icml.type, icml.venue?.short, icml.venue?.pages, icml.url], ['conference', 'ICML', '37656–37684', 'https://proceedings.mlr.press/v202/wu23r.html']);
    const ca = byRef.get('dblp:journals/ca/EMW22')!;
    assert.deepEqual(ca.venue, { name: 'Constr. Approx.', volume: '55', number: '1', pages: '369–406' });
    assert.deepEqual(ca.authors, ['Weinan E', 'Chao Ma', 'Lei Wu']);
    assert.equal(ca.doi, '10.1007/s00365-021-09549-y');
    assert.equal(byRef.has('dblp:conf/msml/2022'), false);
    assert.match(page.problems[0]!.message, /a volume the person edited/);
  });

  it('markup and entities in titles; an empty page; not a person page', () => {
    const xml = `<?xml version="1.0" encoding="US-ASCII"?><dblpperson name="J&#252;rgen M&#252;ller 0003" pid="1/2" n="1">
      <r><article key="journals/x/M24" mdate="2024-01-01"><author pid="1/2">J&#252;rgen M&#252;ller 0003</author>
      <title>On <i>k</i>-means for H<sub>2</sub>O &amp; <i>L</i><sup>p</sup> Spaces: Why?</title><year>2024</year><journal>J. Chem.</journal></article></r></dblpperson>`;
    const page = ok(parseDblp(xml));
    assert.equal(page.extra.name, 'Jürgen Müller');
    assert.equal(page.drafts[0]!.title, 'On k-means for H₂O & Lᵖ Spaces: Why?'.replace('ᵖ', '$^{p}$'));
    assert.deepEqual(ok(parseDblp('<dblpperson name="Nobody" pid="0/0" n="0"></dblpperson>')).drafts, []);
    assert.match((parseDblp('<html><body>Error 404</body></html>') as { error: string }).error, /not a DBLP person page/);
    assert.match((parseDblp('<dblpperson><r>') as { error: string }).error, /not well-formed XML/);
  });
});

describe('ORCID public API v3.0', () => {
  it('reads the name, one put-code per group (the preferred summary), and works in full: contributors, ids, dates', () => {
    assert.equal(parseOrcidPerson(recorded(orcidUrls.person(LEI_WU_ORCID))), 'Lei Wu');
    const list = ok(parseOrcidWorks(recorded(orcidUrls.works(LEI_WU_ORCID))));
    assert.deepEqual(list.putCodes, [76543210, 76543211, 76543212, 76543213, 76543214, 76543215]);
    const bulk = ok(parseOrcidBulk(recorded(orcidUrls.bulk(LEI_WU_ORCID, list.putCodes)), 'Lei Wu'));
    assert.deepEqual(
      bulk.drafts.map((d) => [d.type, d.year, d.doi, d.arxiv, d.authors.join('; '), d.authorsUnknown ?? false]),
      [
        ['article', 2020, '10.1007/s11425-019-1628-5', undefined, 'Weinan E; Chao Ma; Lei Wu', false],
        ['preprint', 2023, undefined, '2310.00692', 'Mingze Wang; Lei Wu', false],
        ['article', 2020, '10.4208/csiam-am.so-2020-0002', undefined, 'Weinan E; Chao Ma; Stephan Wojtowytsch; Lei Wu', false],
        ['article', 2020, '10.1007/s11425-020-1773-8', undefined, 'Weinan E; Chao Ma; Lei Wu', false],
        ['conference', 2018, undefined, undefined, 'Lei Wu', true],
      ],
      'authors from contributors, else from the BibTeX citation, else the person alone',
    );
    assert.equal(bulk.drafts[3]!.title, 'Machine learning from a continuous viewpoint, I');
    assert.match(bulk.problems[0]!.message, /is a lecture-speech, not a paper/);
  });

  it('private names, errors in place of works, works without authors or anything, answers that are not ORCID', () => {
    assert.equal(parseOrcidPerson('{"name":null,"path":"/0000-0002-1825-0097/person"}'), undefined);
    assert.equal(parseOrcidPerson('{"name":{"given-names":{"value":"Josiah"},"family-name":{"value":"Carberry"},"credit-name":{"value":"Carberry, J. S."}}}'), 'J. S. Carberry');
    const bulk = ok(
      parseOrcidBulk(
        JSON.stringify({
          bulk: [
            { error: { 'response-code': 404, 'developer-message': '404 Not Found: There is no work with put-code 1', 'user-message': 'The resource was not found.', 'error-code': 9016 } },
            { work: { 'put-code': 2, type: 'journal-article', title: { title: { value: 'Alone' } }, 'publication-date': null, contributors: { contributor: [] } } },
            { work: { 'put-code': 3, type: 'other' } },
          ],
        }),
      ),
    );
    assert.match(bulk.problems[0]!.message, /There is no work with put-code 1/);
    assert.match(bulk.problems[1]!.message, /"Alone" names no authors/);
    assert.equal(bulk.drafts.length, 0);
    assert.equal(bulk.problems.length, 3, 'a work with nothing in it is reported too');
    const withOwner = ok(parseOrcidBulk(JSON.stringify({ bulk: [{ work: { 'put-code': 3, type: 'other' } }] }), 'Lei Wu'));
    assert.deepEqual([withOwner.drafts[0]!.title, withOwner.drafts[0]!.year, withOwner.drafts[0]!.authorsUnknown], ['', undefined, true], 'passed on, to be reported as incomplete');
    assert.deepEqual(parseOrcidWorks('{"error-code":9017,"developer-message":"Not found"}'), { error: 'it has no "group" list of works' });
    assert.deepEqual(ok(parseOrcidWorks('{"group":[]}')).putCodes, []);
    assert.match((parseOrcidBulk('<html/>') as { error: string }).error, /not JSON/);
  });
});

describe('identifiers, names and markup', () => {
  it('DOIs and arXiv ids as vita writes them', () => {
    assert.equal(doiOf('https://doi.org/10.1007/s11425-019-1628-5'), '10.1007/s11425-019-1628-5');
    assert.equal(doiOf('10.48550/arXiv.2310.00692'), undefined, "arXiv's own DOIs are arXiv ids");
    assert.equal(arxivOf('10.48550/arXiv.2310.00692'), '2310.00692');
    assert.equal(arxivOf('http://arxiv.org/abs/hep-th/9901001v3'), 'hep-th/9901001');
    assert.equal(arxivOf('https://arxiv.org/pdf/2310.00692v2.pdf'), '2310.00692');
    assert.equal(arxivOf('https://example.org/2310.00692'), undefined);
  });

  it('names as "Given Family"; markup as text with math', () => {
    assert.equal(personName('Wu, Lei'), 'Lei Wu');
    assert.equal(personName('Chao Ma 0007'), 'Chao Ma');
    assert.equal(personName('King, Jr.'), 'King, Jr.');
    assert.equal(markupText('A &lt; B and R&D'), 'A < B and R&D', 'not XML: entities decoded, text kept');
    assert.equal(markupText('x<sup>a+b</sup> and CO<sub>2</sub>'), 'x$^{a+b}$ and CO₂');
    assert.equal(markupText('<jats:p>One.</jats:p><jats:p>Two <jats:italic>words</jats:italic>.</jats:p>', 'abstract'), 'One.\n\nTwo words.');
    assert.equal(markupText('<mml:math><mml:mfrac><mml:mn>1</mml:mn><mml:msqrt><mml:mi>n</mml:mi></mml:msqrt></mml:mfrac></mml:math>-rates'), '$\\frac{1}{\\sqrt{n}}$ -rates');
    assert.equal(markupText('<mml:math><mml:semantics><mml:mi>x</mml:mi><mml:annotation encoding="application/x-tex">x^2</mml:annotation></mml:semantics></mml:math>'), '$x^2$');
  });
});
