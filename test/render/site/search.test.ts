import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderJob, sitePageJobs, siteTrees } from '../../../src/render/site/index.js';
import { exampleGraph, NOW } from './helpers.js';

describe('what site search indexes', () => {
  const jobs = siteTrees(exampleGraph(), { now: NOW }).flatMap((site) => sitePageJobs(site));
  const record = (path: string) => {
    const job = jobs.find((j) => j.path === path && j.site.lang === j.site.mainLang);
    assert.ok(job, `no page ${path}`);
    return renderJob(job).search;
  };

  it('a person and a paper each have a record: their title and body, in their language', () => {
    const person = record('people/lei-wu/');
    assert.ok(person);
    assert.equal(person.url, '/people/lei-wu/');
    assert.match(person.content, /^<!doctype html><html lang="en"><body><main data-pagefind-body><span data-pagefind-meta="title" hidden>/);
    assert.match(person.content, /<h1[^>]*>[^<]*Lei Wu/);
    assert.ok(!person.content.includes('site-header') && !person.content.includes('application/ld+json'), 'no header, no head');
    const paper = record('publications/li2025functional/');
    assert.ok(paper?.content.includes('Functional Scaling Laws'));
    // What Pagefind would ignore is left out of the record: the BibTeX repeats the title and authors, the selected
    // publications on a person's page are found on their own pages.
    assert.ok(!paper!.content.includes('data-pagefind-ignore') && !paper!.content.includes('@inproceedings'), 'no BibTeX in the record');
    assert.ok(!person.content.includes('data-pagefind-ignore') && !person.content.includes('class="pub-list"'), 'no list of papers in a person\'s record');
    assert.match(renderJob(jobs.find((j) => j.path === 'people/lei-wu/' && j.site.lang === 'en')!).content, /<div class="pub-list" data-pubs data-pagefind-ignore/, 'though the page shows them');
    const zh = jobs.find((j) => j.path === 'people/lei-wu/' && j.site.lang === 'zh');
    assert.match(renderJob(zh!).search!.content, /<html lang="zh"/);
    assert.equal(renderJob(zh!).search!.url, '/zh/people/lei-wu/');
  });

  it('pages that repeat other pages make none: publication lists, year pages, CVs, search, 404', () => {
    for (const path of ['people/lei-wu/publications/', 'people/lei-wu/cv/', 'search/', '404.html']) assert.equal(record(path), undefined, path);
    const lists = jobs.filter((j) => /^(people\/[^/]+\/)?publications\/(\d{4}\/)?$/.test(j.path));
    assert.ok(lists.length > 0);
    for (const j of lists) assert.equal(renderJob(j).search, undefined, j.path);
  });
});
