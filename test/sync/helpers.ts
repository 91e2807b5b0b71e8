// Shared by the `vita sync` tests: the recorded answers of test/fixtures/sync/answers/ (index.json names the request
// each file answers), a copy of the small project of test/fixtures/sync/project/, and a fetch that serves only what
// was recorded: anything else fails the test, with the URL it was asked for.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import type { Fetcher, FetchResponse } from '../../src/import/online/http.js';
import { syncRecord, type SyncOptions, type SyncResult } from '../../src/import/sync/index.js';

export const FIXTURES = 'test/fixtures/sync';

const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

export function projectCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vita-sync-'));
  made.push(dir);
  cpSync(join(FIXTURES, 'project'), dir, { recursive: true });
  return dir;
}

export function recordedAnswers(): Map<string, string> {
  const index = JSON.parse(readFileSync(join(FIXTURES, 'answers/index.json'), 'utf8')) as Record<string, string>;
  return new Map(Object.entries(index).map(([url, file]) => [url, readFileSync(join(FIXTURES, 'answers', file), 'utf8')]));
}

export function response(status: number, body: string, headers: Record<string, string> = {}): FetchResponse {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { status, headers: { get: (name: string) => lower[name.toLowerCase()] ?? null }, text: async () => body };
}

/**
 * A server that answers only the recorded requests (the polite-pool email taken off, as the cache key is). `before`
 * may answer first (a 429 ...). `unrecorded` lists every other request: a test asserts it stays empty.
 */
export function recordedServer(answers = recordedAnswers(), before?: (url: string, n: number) => FetchResponse | undefined) {
  const calls: string[] = [];
  const unrecorded: string[] = [];
  const fetch: Fetcher = async (url) => {
    const key = url.replace(/[?&](?:mailto|api_key)=[^&]*/g, '').replace(/^([^?]*)&/, '$1?');
    calls.push(key);
    const early = before?.(key, calls.filter((c) => c === key).length);
    if (early) return early;
    const body = answers.get(key);
    if (body === undefined) {
      unrecorded.push(key);
      throw new Error(`the test made a request that was not recorded: ${key}`);
    }
    return response(200, body);
  };
  return { fetch, calls, unrecorded };
}

/** A clock that moves only when slept on: rate limits are honoured without waiting. */
export function fakeClock(start = 1_000_000) {
  let now = start;
  const sleeps: number[] = [];
  return { now: () => now, sleep: async (ms: number) => void (sleeps.push(ms), (now += ms)), sleeps };
}

export async function sync(project: string, server: { fetch: Fetcher }, options: Partial<SyncOptions> = {}, clock = fakeClock()): Promise<SyncResult> {
  return syncRecord({ project, mailto: 'test@example.org', ...options, http: { fetch: server.fetch, sleep: clock.sleep, now: clock.now, retries: 2, ...options.http } });
}

export const byStatus = (result: SyncResult, status: 'new' | 'merged' | 'skipped') => result.works.filter((w) => w.status === status);
