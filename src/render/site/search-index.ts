/**
 * Site search: Pagefind indexes one record per searchable page, its title and body alone (no head, header or
 * footer, which every page repeats), sent to Pagefind's own process as the pages are rendered; it hands back
 * its bundle as files under pagefind/, which the write stage writes like any other. Pages that repeat what
 * other pages hold (publication lists, CVs) make no record, so each paper is found once, on its own page.
 * The record stays HTML, so that Pagefind weighs headings as it does on any page (a person's name in the
 * heading of their page ranks that page first) and skips `data-pagefind-ignore` (BibTeX). Pagefind splits
 * the index by the records' `lang`.
 *
 * A large site's pages are split into shards by a hash of their path (`pageShard`), each shard an index of its
 * own (Pagefind's memory grows with the index: 52,000 records in one took 5.5 GB), into pagefind/ (the bundle the
 * search page loads) and pagefind-1/, pagefind-2/ ..., which the search page merges (Pagefind's multisite
 * `mergeIndex`). The build indexes the shards as their pages come (write/search-shards.ts); a rebuild indexes
 * again only the shards whose records changed.
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
  const content = `<!doctype html><html lang="${escapeHtml(site.lang)}"><body><main data-pagefind-body><span data-pagefind-meta="title" hidden>${escapeHtml(page.title)}</span>${searched(body.length === 1 ? body[0]! : body.join(''))}</main></body></html>`;
  return { url: `/${sitePath}`, content };
}

/** An element Pagefind is told to ignore (publication lists where they repeat papers, BibTeX). */
const IGNORED = /<(div|section|details)\b[^>]*\sdata-pagefind-ignore[\s>=]/g;

/**
 * The markup without the elements Pagefind ignores: they change nothing in the index, and left in the record they
 * would make it larger, and make a rebuild index a shard again when only a list of papers changed (a title edit
 * shows on every author's page). An element whose end cannot be found is left as it is.
 */
export function searched(markup: string): string {
  if (!markup.includes('data-pagefind-ignore')) return markup;
  let out = '';
  let from = 0;
  IGNORED.lastIndex = 0;
  for (let m = IGNORED.exec(markup); m; m = IGNORED.exec(markup)) {
    if (m.index < from) continue;
    const end = closingOf(markup, m[1]!, m.index + m[0].length);
    if (end < 0) continue;
    out += markup.slice(from, m.index);
    from = end;
    IGNORED.lastIndex = end;
  }
  return out + markup.slice(from);
}

/** Where the element of `tag` opened before `at` ends (after its closing tag), counting nested ones; -1 if it does not. */
function closingOf(markup: string, tag: string, at: number): number {
  const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
  tags.lastIndex = at;
  let depth = 1;
  for (let m = tags.exec(markup); m; m = tags.exec(markup)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return -1;
}

/** Records per shard at most (about): Pagefind indexed 5,000 in well under 1 GB. */
export const SHARD_SIZE = 5000;

/** How many shards `records` records make: one (pagefind/ alone, as on every small site) up to SHARD_SIZE. */
export function shardCount(records: number, size = SHARD_SIZE): number {
  return Math.max(1, Math.ceil(records / Math.max(1, size)));
}

/** The shard of a key: stable for it as long as the number of shards stays. */
export function shardOf(key: string, shards: number): number {
  if (shards <= 1) return 0;
  return createHash('sha1').update(key).digest().readUInt32BE(0) % shards;
}

/**
 * The shard of the page written to `file` ("people/lei-wu/index.html"): a page is placed by its own path, except a
 * person's lists (publications by year, CV), which share the person's shard: they repeat the same list items,
 * rendered once while they come one after the other (memo.ts), and are not searched, so they do not weigh on
 * the shard's word counts (searched pages of one person kept together made their name rank low in that shard).
 * A page keeps its shard while the number of shards stays, so a rebuild indexes again only the shards it touched.
 */
export function pageShard(file: string, shards: number): number {
  if (shards <= 1) return 0;
  const lists = /^((?:[a-z]{2,3}(?:-[A-Za-z0-9]+)?\/)?people\/[^/]+\/)(?:publications|cv)\//.exec(file);
  return shardOf(lists ? lists[1]! : file, shards);
}

/** The folder of a shard's bundle: the first is where a one-index site has it. */
export function shardFolder(shard: number): string {
  return shard === 0 ? 'pagefind/' : `pagefind-${shard}/`;
}

/** The file beside the first bundle that tells the search page how many shards to merge. */
export const SHARDS_FILE = 'pagefind/vita-shards.json';

/** What tells a record's content apart from any other's. */
export function recordHash(content: string): string {
  return createHash('sha1').update(content).digest('base64');
}

/** What tells a shard's records apart from any other's: equal digests, same bundle (the order they came in aside). */
export function shardDigest(shard: number, shards: number, records: readonly { url: string; hash: string }[]): string {
  const hash = createHash('sha256').update(`${shard}/${shards}`);
  for (const r of [...records].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))) hash.update(`\0${r.url}\0${r.hash}`);
  return hash.digest('hex');
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

  /** `indexed`: told when Pagefind has taken the record (or failed to). */
  add(record: SearchRecord, indexed?: () => void): void {
    const started = (this.started ??= start());
    this.pending.push(
      started
        .then(async (s) => {
          if ('problem' in s) return;
          const added = await s.index.addHTMLFile({ url: record.url, content: record.content });
          if (added.errors.length === 0) this.pages++;
          else this.failed ??= added.errors.join('; ');
        })
        .catch((err: Error) => {
          // Never left rejected: what failed is told by `finish`.
          this.failed ??= `Pagefind failed: ${err.message}`;
        })
        .finally(indexed),
    );
    // Settled additions need not be kept: the list stays short however many pages there are.
    if (this.pending.length >= 1024) {
      const all = Promise.all(this.pending);
      this.pending = [all];
    }
  }

  /** The bundle; the index is then deleted from Pagefind's process, which stays for other indexes (see `stopPagefind`). */
  async finish(): Promise<SearchIndexResult> {
    const started = await (this.started ??= start());
    if ('problem' in started) return { files: [], pages: 0, problem: started.problem };
    try {
      await Promise.all(this.pending);
      const out = await started.index.getFiles();
      const problem = out.errors.length ? out.errors.join('; ') : this.failed;
      if (problem) return { files: [], pages: 0, problem };
      return { files: out.files.map((f) => ({ path: `${this.folder}${f.path.replace(/^\/+/, '')}`, content: f.content })), pages: this.pages };
    } catch (err) {
      return { files: [], pages: 0, problem: `Pagefind failed: ${(err as Error).message}` };
    } finally {
      await this.close();
    }
  }

  /** Deletes the index from Pagefind's process if `finish` did not (a build that failed half-way, a shard kept). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const started = await this.started;
    if (started && !('problem' in started)) await started.index.deleteIndex().catch(() => undefined);
  }
}

/**
 * Stops Pagefind's process. It is one for every index of the process (Pagefind's Node API): shards share it, each
 * index deleted when its bundle is made, and it is stopped when the build's search is done.
 */
export async function stopPagefind(): Promise<void> {
  if (!pagefindLoaded) return;
  const pagefind = await pagefindLoaded;
  await pagefind?.close().catch(() => undefined);
}

/** Pagefind's module once asked for (undefined when it is not installed). */
let pagefindLoaded: Promise<Pagefind | undefined> | undefined;
let pagefindMissing = '';

async function start(): Promise<{ pagefind: Pagefind; index: Index } | { problem: string }> {
  pagefindLoaded ??= import('pagefind').catch((err: Error) => {
    pagefindMissing = err.message;
    return undefined;
  });
  const pagefind = await pagefindLoaded;
  if (!pagefind) return { problem: `Pagefind is not installed (${pagefindMissing})` };
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) return { problem: errors.join('; ') || 'Pagefind could not start' };
    return { pagefind, index };
  } catch (err) {
    return { problem: `Pagefind failed: ${(err as Error).message}` };
  }
}

/** The index of records given all at once (tests, the benchmark); Pagefind's process is stopped after. */
export async function searchIndex(records: Iterable<SearchRecord>): Promise<SearchIndexResult> {
  const indexer = new SearchIndexer();
  for (const r of records) indexer.add(r);
  try {
    return await indexer.finish();
  } finally {
    await stopPagefind();
  }
}
