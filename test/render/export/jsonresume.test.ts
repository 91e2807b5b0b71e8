import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { jsonResume, JSON_RESUME_SCHEMA_URL } from '../../../src/render/export/jsonresume.js';
import { CvError } from '../../../src/render/cv/model.js';
import { exampleGraph } from '../cv/helpers.js';

// The JSON Resume schema as its maintainers publish it (@jsonresume/schema, draft-07), checked with the
// validator that package uses (jsonschema), formats (email, uri) included.
const require = createRequire(import.meta.url);
const { schema } = require('@jsonresume/schema') as { schema: object };
const { Validator } = require('jsonschema') as { Validator: new () => { validate(i: unknown, s: object): { valid: boolean; errors: { stack: string }[] } } };

function validate(doc: unknown): string[] {
  return new Validator().validate(doc, schema).errors.map((e) => e.stack);
}

describe('JSON Resume export', () => {
  it('is valid against the JSON Resume schema, for everyone in the example', () => {
    for (const id of exampleGraph().people.keys()) assert.deepEqual(validate(jsonResume(exampleGraph(), id)), [], id);
  });

  it('the validator does catch an invalid document', () => {
    const bad = jsonResume(exampleGraph(), 'lei-wu') as unknown as Record<string, any>;
    bad.work[0].endDate = 'present';
    bad.basics.email = 'not an email';
    assert.equal(validate(bad).length, 2);
  });

  it('maps basics, work, education, awards, grants and service', () => {
    const r = jsonResume(exampleGraph(), 'lei-wu');
    assert.equal(r.$schema, JSON_RESUME_SCHEMA_URL);
    assert.equal(r.basics.name, 'Lei Wu');
    assert.equal(r.basics.email, 'leiwu@math.pku.edu.cn');
    assert.equal(r.basics.url, 'https://leiwu0.github.io/');
    assert.deepEqual(r.basics['x-names'], { en: 'Lei Wu', zh: '吴磊' });
    assert.deepEqual(r.basics.profiles, [
      { network: 'Google Scholar', username: 'EXAMPLE1', url: 'https://scholar.google.com/citations?user=EXAMPLE1' },
      { network: 'GitHub', username: 'leiwu0', url: 'https://github.com/leiwu0' },
    ]);
    assert.deepEqual(r.work[0], {
      name: 'Peking University',
      position: 'Assistant Professor',
      description: 'School of Mathematical Sciences & Center for Machine Learning Research',
      location: 'Beijing, China',
      startDate: '2021-12',
      'x-kind': 'academic',
    });
    assert.deepEqual(r.education[0], {
      institution: 'Peking University',
      area: 'Computational Mathematics',
      studyType: 'Ph.D.',
      startDate: '2012-09',
      endDate: '2018-07',
      'x-place': 'Beijing, China',
      'x-kind': 'degree',
      'x-advisors': [{ name: 'Weinan E', person: 'weinan-e', role: 'Advisor' }],
    });
    assert.deepEqual(r.interests, [{ name: 'Mathematical understanding of machine learning and deep learning.' }, { name: 'Applying machine learning and deep learning to solve scientific computing problems.' }]);
    assert.deepEqual(r.volunteer[0], {
      organization: 'Conference on Neural Information Processing Systems',
      position: 'Reviewer',
      startDate: '2019',
      endDate: '2022',
      summary: 'Reviewer (conference), NeurIPS, 2019-2022',
      'x-kind': 'conference',
      'x-years': '2019-2022',
    });
    assert.equal(r.volunteer.length, 18);
    assert.equal((r['x-teaching'] as unknown[]).length, 13);
    assert.equal((r['x-talks'] as unknown[]).length, 6);
    assert.equal((r['x-mentoring'] as unknown[]).length, 9);

    const m = jsonResume(exampleGraph(), 'mingze-wang');
    assert.deepEqual(m.awards[0], {
      title: 'National Scholarship',
      date: '2024-09',
      awarder: 'The Ministry of Education',
      summary: 'top 0.2% in the nation; 30,000 RMB',
      'x-amount': { value: 30000, currency: 'CNY' },
    });
    assert.deepEqual(m.projects[0], {
      name: 'Analyzing and Improving the Adam Optimizer for Foundation Model Training',
      description: 'Young Scientists (Ph.D) Fund of the National Natural Science Foundation of China',
      entity: 'National Natural Science Foundation of China',
      type: 'grant',
      roles: ['Principal investigator'],
      startDate: '2024-12',
      'x-amount': { value: 300000, currency: 'CNY' },
    });
    assert.match(String(m.basics.summary), /^I am a fourth-year Ph\.D candidate/);
  });

  it('lists every publication with its authors and roles in x-authors', () => {
    const r = jsonResume(exampleGraph(), 'lei-wu');
    assert.equal(r.publications.length, 38);
    const p = r.publications.find((x) => x['x-key'] === 'wang2025sharpness')!;
    assert.equal(p.name, 'The Sharpness Disparity Principle in Transformers for Accelerating Language Model Pre-Training');
    assert.equal(p.publisher, 'International Conference on Machine Learning');
    assert.equal(p.releaseDate, '2025');
    assert.equal(p['x-venue-short'], 'ICML');
    assert.deepEqual((p['x-authors'] as unknown[]).slice(0, 2), [
      { name: 'Jinbo Wang', roles: ['equal'] },
      { name: 'Mingze Wang', person: 'mingze-wang', roles: ['equal', 'lead'] },
    ]);
    assert.match(String(p.summary), /^Transformers are built from blocks/);
    const arxiv = r.publications.find((x) => x['x-key'] === 'wang2024rich')!;
    assert.equal(arxiv.url, 'https://arxiv.org/abs/2410.11474');
    assert.equal(arxiv['x-status'], 'preprint');
  });

  it('refuses an unknown person', () => {
    assert.throws(() => jsonResume(exampleGraph(), 'nobody'), CvError);
  });
});
