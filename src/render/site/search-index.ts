/**
 * Site search: Pagefind indexes one record per searchable page, its title and body alone (no head, header or
 * footer, which every page repeats), sent to Pagefind's own process as the pages are rendered; it hands back
 * its bundle as files under pagefind/, which the write stage writes like any other. Pages that repeat what
 * other pages hold (publication lists, CVs) make no record, so each paper is found once, on its own page.
 * The record stays HTML, so that Pagefind weighs headings as it does on any page (a person's name in the
 * heading of their page ranks that page first) and skips `data-pagefind-ignore` (BibTeX). Pagefind splits
 * the index by the records' `lang`.
 *
 * A large site's records are split into shards by a hash of their address, each indexed by its own Pagefind
 * process one after the other (Pagefind's memory grows with the index: 52,000 records in one took 5.5 GB), into
 * pagefind/ (the bundle the search page loads) and pagefind-1/, pagefind-2/ ..., which the search page merges
 * (Pagefind's multisite `mergeIndex`). A rebuild indexes again only the shards whose records changed.
 */
import { createHash } from 'node:crypto';
import type { OutputFile } from '../output.js';
import type { Page } from './layout.js';
import { escapeHtml } from './html.js';
import type { Site } from './context.js';

/** What search knows of a page. */
export interface SearchRecord {
  /** The page's address relative to the site's root ("/people/lei-wu/"): Pagefind's interface prefixes the
   * folder it was loaded from, so the same index works at a domain root and under a sub-path. */
  url: string;
  /** The page's title and body as a small HTML document. */
  content: string;
}

/** The search record of a page at `sitePath` ("people/lei-wu/", "zh/publications/x/"). */
export function searchRecord(site: Site, page: Page, sitePath: string): SearchRecord {
  const body = page.body.pieces;
  const content = `<!doctype html><html lang="${escapeHtml(site.lang)}"><body><main data-pagefind-body><span data-pagefind-meta="title" hidden>${escapeHtml(page.title)}</span>${body.length === 1 ? body[0] : body.join('')}</main></body></html>`;
  return { url: `/${sitePath}`, content };
}

/** Records per shard at most (about): Pagefind indexed 5,000 in well under 1 GB. */
export const SHARD_SIZE = 5000;

/** How many shards `records` records make: one (pagefind/ alone, as on every small site) up to SHARD_SIZE. */
export function shardCount(records: number, size = SHARD_SIZE): number {
  return Math.max(1, Math.ceil(records / Math.max(1, size)));
}

/** The shard of a record: stable for its address as long as the number of shards stays. */
export function shardOf(url: string, shards: number): number {
  if (shards <= 1) return 0;
  return createHash('sha1').update(url).digest().readUInt32BE(0) % shards;
}

/** The folder of a shard's bundle: the first is where a one-index site has it. */
export function shardFolder(shard: number): string {
  return shard === 0 ? 'pagefind/' : `pagefind-${shard}/`;
}

/** The file beside the first bundle that tells the search page how many shards to merge. */
export const SHARDS_FILE = 'pagefind/vita-shards.json';

/** What tells a shard's records apart from any other's: equal digests, same bundle. */
export function shardDigest(shard: number, shards: number, records: readonly HeldSearchRecord[]): string {
  const hash = createHash('sha256').update(`${shard}/${shards}`);
  for (const r of records) hash.update(`\0${r.url}\0${r.content.byteLength}\0`).update(r.content);
  return hash.digest('hex');
}

/** A search record held until it is indexed, its HTML as UTF-8 (half the memory of a string with a dash in it). */
export interface HeldSearchRecord {
  url: string;
  content: Uint8Array;
}

export interface SearchIndexResult {
  files: OutputFile[];
  pages: number;
  /** Set when search could not be built (Pagefind missing for this platform ...): the site works without it. */
  problem?: string;
}

type Pagefind = typeof import('pagefind');
type Index = NonNullable<Awaited<ReturnType<Pagefind['createIndex']>>['index']>;

/**
 * An index being filled: records are handed to Pagefind as they come (its process indexes while the pages
 * are still rendering), and `finish` gives the bundle. Pagefind is loaded and started by `start` or the first
 * record, so a build without search never pays for it.
 */
export class SearchIndexer {
  private started: Promise<{ pagefind: Pagefind; index: Index } | { problem: string }> | undefined;
  private pending: Promise<unknown>[] = [];
  private pages = 0;
  private failed: string | undefined;
  private closed = false;

  /** `folder`: where the bundle goes in the site (a shard's folder). */
  constructor(private readonly folder = 'pagefind/') {}

  /** Starts Pagefind's process now rather than at the first record (a build does so while it opens the record). */
  start(): void {
    this.started ??= start();
  }

  add(record: SearchRecord): void {
    const started = (this.started ??= start());
    this.pending.push(
      started.then(async (s) => {
        if ('problem' in s) return;
        const added = await s.index.addHTMLFile({ url: record.url, content: record.content });
        if (added.errors.length === 0) this.pages++;
        else this.failed ??= added.errors.join('; ');
      }).catch((err: Error) => {
        // Never left rejected: what failed is told by `finish`.
        this.failed ??= `Pagefind failed: ${err.message}`;
      }),
    );
    // Settled additions need not be kept: the list stays short however many pages there are.
    if (this.pending.length >= 1024) {
      const all = Promise.all(this.pending);
      this.pending = [all];
    }
  }

  async finish(): Promise<SearchIndexResult> {
    const started = await (this.started ??= start());
    if ('problem' in started) return { files: [], pages: 0, problem: started.problem };
    try {
      await Promise.all(this.pending);
      const out = await started.index.getFiles();
      await started.index.deleteIndex();
      const problem = out.errors.length ? out.errors.join('; ') : this.failed;
      if (problem) return { files: [], pages: 0, problem };
      return { files: out.files.map((f) => ({ path: `${this.folder}${f.path.replace(/^\/+/, '')}`, content: f.content })), pages: this.pages };
    } catch (err) {
      return { files: [], pages: 0, problem: `Pagefind failed: ${(err as Error).message}` };
    } finally {
      this.closed = true;
      await started.pagefind.close().catch(() => undefined);
    }
  }

  /** Stops Pagefind's process if `finish` did not (a build that failed half-way). */
  async close(): Promise<void> {
    const started = await this.started;
    if (started && !('problem' in started) && !this.closed) await started.pagefind.close().catch(() => undefined);
  }
}

async function start(): Promise<{ pagefind: Pagefind; index: Index } | { problem: string }> {
  let pagefind: Pagefind;
  try {
    pagefind = await import('pagefind');
  } catch (err) {
    return { problem: `Pagefind is not installed (${(err as Error).message})` };
  }
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) return { problem: errors.join('; ') || 'Pagefind could not start' };
    return { pagefind, index };
  } catch (err) {
    await pagefind.close().catch(() => undefined);
    return { problem: `Pagefind failed: ${(err as Error).message}` };
  }
}

/** The index of records given all at once (tests, the benchmark). */
export async function searchIndex(records: Iterable<SearchRecord>): Promise<SearchIndexResult> {
  const indexer = new SearchIndexer();
  for (const r of records) indexer.add(r);
  return indexer.finish();
}
