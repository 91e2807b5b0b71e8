/**
 * The one way vita talks to online services: every answer kept in the project's response cache (keyed by the request
 * URL, so a second import makes no request at all and gives the same result), requests spaced as each service asks,
 * retries with backoff on 429, 5xx and network errors (honouring Retry-After), a timeout, and a User-Agent naming vita.
 * `fetch`, `sleep` and the clock are injectable so that tests run without a network and without waiting.
 */
import { readFileSync } from 'node:fs';
import { VITA_ROOT } from '../../load/vita-folder.js';
import type { ResponseCache } from '../bundle.js';
import type { OnlineKind } from './spec.js';

/** What an answer needs of the Fetch API's Response. */
export interface FetchResponse {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export type Fetcher = (url: string, init: { headers: Record<string, string>; signal: AbortSignal }) => Promise<FetchResponse>;

export interface HttpSettings {
  /** Defaults to Node's global fetch. */
  fetch?: Fetcher;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Use only the cache: a response it does not hold is reported missing, never fetched. */
  offline?: boolean;
  /** Ask the service again even when the cache holds an answer, and keep the new one (`vita sync`: the point is news). */
  refresh?: boolean;
  /** An email for the polite pools of Crossref and OpenAlex (and the User-Agent). */
  mailto?: string;
  /** OpenAlex's API key (OPENALEX_API_KEY), sent as api_key; never part of a cache key. */
  openalexKey?: string;
  timeoutMs?: number;
  /** Tries after the first; default 4. */
  retries?: number;
  /** Results asked per page (tests use small pages to exercise paging). */
  pageSize?: number;
}

interface Policy {
  /** Least time between the starts of two requests to the service, in ms. */
  interval: number;
  accept: string;
  /** The service takes `mailto` (and, for OpenAlex, `api_key`) as query parameters. */
  politePool?: boolean;
}

/** The services vita asks: those `vita import` reads, and those `vita metrics` may also ask for counts. */
export type ServiceKind = OnlineKind | 'semanticscholar' | 'inspire';

/**
 * arXiv asks for one request every 3 s; Crossref's public pool allows 5 a second; DBLP and ORCID get about one a
 * second; Semantic Scholar's public API 100 requests in 5 minutes, INSPIRE 15 in 5 seconds.
 */
export const POLICIES: Record<ServiceKind, Policy> = {
  arxiv: { interval: 3000, accept: 'application/atom+xml' },
  openalex: { interval: 200, accept: 'application/json', politePool: true },
  crossref: { interval: 250, accept: 'application/json', politePool: true },
  dblp: { interval: 1000, accept: 'application/xml' },
  orcid: { interval: 1000, accept: 'application/json' },
  semanticscholar: { interval: 3000, accept: 'application/json' },
  inspire: { interval: 350, accept: 'application/json' },
};

/** Longest wait vita accepts from a Retry-After before giving up on a request. */
const MAX_WAIT_MS = 120_000;
const DEFAULT_TIMEOUT_MS = 30_000;

export type HttpAnswer =
  | { ok: true; body: string; cached: boolean }
  | { ok: false; url: string; reason: 'offline' | 'not-found' | 'http' | 'network' | 'timeout'; status?: number; message: string };

const VERSION: string = (() => {
  try {
    return (JSON.parse(readFileSync(new URL('package.json', VITA_ROOT), 'utf8')) as { version: string }).version;
  } catch {
    return '0';
  }
})();

export class HttpClient<K extends ServiceKind = OnlineKind> {
  private last = -Infinity;
  readonly counts = { cached: 0, fetched: 0, missing: 0 };

  constructor(
    readonly kind: K,
    private readonly cache: ResponseCache,
    readonly settings: HttpSettings = {},
  ) {}

  /** `url` is the request without credentials: it is the cache key. */
  async get(url: string): Promise<HttpAnswer> {
    // Offline, the cache is all there is, refreshing or not.
    const held = this.settings.refresh && !this.settings.offline ? undefined : this.cache.get(url);
    if (held !== undefined) {
      this.counts.cached++;
      return { ok: true, body: held, cached: true };
    }
    if (this.settings.offline) {
      this.counts.missing++;
      return { ok: false, url, reason: 'offline', message: `not in the cache: ${url}` };
    }
    const answer = await this.request(url);
    if (answer.ok) {
      this.counts.fetched++;
      this.cache.put(url, answer.body);
    }
    return answer;
  }

  private async request(url: string): Promise<HttpAnswer> {
    const fetcher = this.settings.fetch ?? (globalThis.fetch as unknown as Fetcher | undefined);
    if (!fetcher) return { ok: false, url, reason: 'network', message: 'this Node.js has no fetch (vita needs Node.js 20 or later)' };
    const sleep = this.settings.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
    const now = this.settings.now ?? Date.now;
    const policy = POLICIES[this.kind];
    const retries = this.settings.retries ?? 4;
    const target = this.withCredentials(url);
    let problem: HttpAnswer = { ok: false, url, reason: 'network', message: 'no answer' };
    for (let attempt = 0; attempt <= retries; attempt++) {
      const wait = this.last + policy.interval - now();
      if (wait > 0) await sleep(wait);
      this.last = now();
      let response: FetchResponse;
      let body: string;
      const controller = new AbortController();
      const timeout = this.settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      // The timeout covers the body too: a service can stall halfway through an answer.
      const timer = setTimeout(() => controller.abort(), timeout);
      try {
        response = await fetcher(target, { headers: this.headers(), signal: controller.signal });
        body = await response.text();
      } catch (err) {
        const timedOut = controller.signal.aborted;
        problem = { ok: false, url, reason: timedOut ? 'timeout' : 'network', message: timedOut ? `no answer within ${Math.max(1, Math.round(timeout / 1000))} s` : `the request failed (${causeOf(err)})` };
        if (attempt < retries) await sleep(backoff(attempt));
        continue;
      } finally {
        clearTimeout(timer);
      }
      if (response.status >= 200 && response.status < 300) return { ok: true, body, cached: false };
      if (response.status === 404 || response.status === 410) return { ok: false, url, reason: 'not-found', status: response.status, message: `not found (HTTP ${response.status})` };
      const detail = body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 160);
      problem = { ok: false, url, reason: 'http', status: response.status, message: `HTTP ${response.status}${detail ? `: ${detail}` : ''}` };
      if (!isRetryable(response.status) || attempt === retries) return problem;
      const asked = retryAfter(response.headers.get('retry-after'), now());
      if (asked !== undefined && asked > MAX_WAIT_MS) return { ...problem, message: `${problem.message} (the service asks to wait ${Math.round(asked / 1000)} s; try again later)` };
      await sleep(Math.max(asked ?? 0, backoff(attempt)));
    }
    return problem;
  }

  private headers(): Record<string, string> {
    const mail = this.settings.mailto ? `; mailto:${this.settings.mailto}` : '';
    return { 'User-Agent': `vita/${VERSION} (academic record import${mail})`, Accept: POLICIES[this.kind].accept };
  }

  /** The URL sent: the cache key plus the polite-pool email and an API key, which must not reach a committed cache. */
  private withCredentials(url: string): string {
    if (!POLICIES[this.kind].politePool) return url;
    // Appended as text: re-serialising the query would change how the rest of it is encoded.
    const extra = [this.settings.mailto && `mailto=${encodeURIComponent(this.settings.mailto)}`, this.kind === 'openalex' && this.settings.openalexKey && `api_key=${encodeURIComponent(this.settings.openalexKey)}`].filter(Boolean);
    return extra.length ? `${url}${url.includes('?') ? '&' : '?'}${extra.join('&')}` : url;
  }
}

function isRetryable(status: number): boolean {
  return status === 429 || status === 408 || (status >= 500 && status <= 599);
}

/** 1 s, 2 s, 4 s, 8 s ... at most 30 s. */
function backoff(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** attempt);
}

/** Retry-After as seconds or as an HTTP date, in ms from now. */
export function retryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const date = Date.parse(v);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function causeOf(err: unknown): string {
  const e = err as { message?: string; cause?: { code?: string; message?: string } };
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(err);
}
