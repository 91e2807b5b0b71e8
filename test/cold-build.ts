/** What the tests of rebuilds compare against: a cold build of the project as it is now, and which files differ. */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { buildSite, type BuildSiteOptions } from '../src/write/build.js';
import { contentsUnder } from './files.js';

/** A build without any cache into a fresh folder `out`, its files with their bytes: the site a rebuild must equal. */
export async function coldBuild(project: string, out: string, options: BuildSiteOptions): Promise<Map<string, string>> {
  rmSync(out, { recursive: true, force: true });
  const built = await buildSite(project, out, { ...options, cache: false });
  assert.equal(built.errors, 0);
  return contentsUnder(out);
}

/** The files whose bytes differ between two trees (added and removed included), sorted. */
export function differing(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((p) => a.get(p) !== b.get(p)).sort();
}

/** Fails, naming them, when any file differs from a cold build's. */
export function assertSameTree(actual: Map<string, string>, expected: Map<string, string>): void {
  assert.deepEqual(differing(actual, expected), [], 'files that differ from a cold build of the edited project');
}
