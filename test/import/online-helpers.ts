// Shared by the online import tests: the recorded answers (test/fixtures/import/online/<service>/ is a response cache
// as an import leaves it), a fetch that fails the test if it is called, a fake server and a fake clock.
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Fetcher, FetchResponse } from '../../src/import/online/http.js';
import { FIXTURES } from './helpers.ts';

export const RECORDED = `${FIXTURES}/online`;
export const LEI_WU_ORCID = '0000-0003-1516-7033';

/** Copies the recorded answers into a project's imports/cache/, as a committed cache would be. */
export function withRecordedCache(project: string): string {
  cpSync(RECORDED, join(project, 'imports/cache'), { recursive: true, filter: (src) => !src.endsWith('README.md') });
  return project;
}

/** Every recorded answer, by request URL (the cache key). */
export function recordedAnswers(): Map<string, string> {
  const out = new Map<string, string>();
  for (const service of readdirSync(RECORDED, { withFileTypes: true })) {
    if (!service.isDirectory()) continue;
    for (const file of readdirSync(join(RECORDED, service.name))) {
      if (!file.endsWith('.json')) continue;
      const { key, value } = JSON.parse(readFileSync(join(RECORDED, service.name, file), 'utf8')) as { key: string; value: string };
      out.set(key, value);
    }
  }
  return out;
}

/** A fetch that must not be called: the test fails with the URL it was asked for. */
export const noNetwork: Fetcher = async (url) => {
  throw new Error(`the network was used: ${url}`);
};

export function response(status: number, body: string, headers: Record<string, string> = {}): FetchResponse {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { status, headers: { get: (name: string) => lower[name.toLowerCase()] ?? null }, text: async () => body };
}

/** A clock that moves only when slept on: spacing is checked without waiting. */
export function fakeClock(start = 1_000_000) {
  let now = start;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/** A server answering from `answers` (credentials stripped from the URL, as the cache key is), recording each call. */
export function fakeServer(answers: Map<string, string>, clock?: { now(): number }) {
  const calls: { url: string; at: number; headers: Record<string, string> }[] = [];
  const fetch: Fetcher = async (url, init) => {
    calls.push({ url, at: clock?.now() ?? 0, headers: init.headers });
    const key = url.replace(/[?&](?:mailto|api_key)=[^&]*/g, '').replace(/^([^?]*)&/, '$1?');
    const body = answers.get(key);
    return body === undefined ? response(404, 'Resource not found.') : response(200, body);
  };
  return { fetch, calls };
}
