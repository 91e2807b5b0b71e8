// `vita sync` as a command: the report or JSON on stdout, exit 0 / 1 / 2 like the other commands. Offline only: the
// cache is filled first through the recorded answers, so the command itself never needs the network.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { projectCopy, recordedServer, sync } from './helpers.ts';

const vita = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 });

describe('vita sync on the command line', () => {
  it('prints the report, or JSON, from the cache with --offline, and exits 0', async () => {
    const dir = projectCopy();
    await sync(dir, recordedServer(), { write: true });
    const text = vita('sync', dir, '--offline');
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /^Lei Wu \(people\/lei-wu\.yaml\): ORCID 0000-0003-1516-7033 \(2 works\)/);
    assert.match(text.stdout, /0 new, 5 already in the record, 3 skipped as not theirs\. The record is up to date\.\n$/);
    const json = vita('sync', dir, '--offline', '--format', 'json', '--person', 'lei-wu');
    assert.equal(json.status, 0, json.stderr);
    const parsed = JSON.parse(json.stdout) as { counts: Record<string, number>; dryRun: boolean; works: { status: string; why: string }[] };
    assert.deepEqual(parsed.counts, { new: 0, merged: 5, skipped: 3 });
    assert.equal(parsed.dryRun, true);
    assert.ok(parsed.works.every((w) => w.why.length > 0), 'every work says why');
  });

  it('exits 1 when --offline finds an answer missing from the cache, saying how to get it', () => {
    const run = vita('sync', projectCopy(), '--offline');
    assert.equal(run.status, 1);
    assert.match(run.stdout, /--offline: the cache has no answer for https:\/\/pub\.orcid\.org\/v3\.0\/0000-0003-1516-7033\/person/);
    assert.match(run.stdout, /Nothing was written/);
  });

  it('exits 2 for a usage mistake', () => {
    const run = vita('sync', '--format', 'xml');
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--format/);
    assert.equal(vita('sync', 'a', 'b').status, 2);
  });

  it('is listed in vita --help, with its own --help', () => {
    assert.match(vita('--help').stdout, /\n {2}sync \[project\] +Ask the ORCID, OpenAlex, DBLP and arXiv lists/);
    const help = vita('sync', '--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: vita sync \[project\] \[--write\] \[--offline\]/);
  });
});
