/**
 * The site's search index as the build makes it, shard by shard (render/site/search-index.ts): the pages come
 * shard after shard, and a cold build has each shard indexed by a Pagefind process of its own as soon as every
 * worker has passed it, while the next ones render; at most two processes live at once (one filling, one writing
 * its bundle). A rebuild keeps every shard whose records have the last build's digest and indexes the others again
 * from the records kept in the build cache, each as soon as its pages are done (or, when the cache lacks some of
 * its records, after the pages, rendering those again).
 */
import type { SiteWriter } from './index.js';
import { recordHash, SearchIndexer, SHARDS_FILE, shardDigest, shardFolder, stopPagefind } from '../render/site/search-index.js';
import { readShardRecords, writeShardRecords, type SearchShard } from './build-cache.js';

/** A page's search record on its way from a worker: its content only when the page was rendered in this build. */
export interface SentRecord {
  /** The page's index in the plan. */
  index: number;
  url: string;
  hash: string;
  content?: string;
}

/** What became of the search index. */
export interface ShardsMade {
  /** Each shard's digest and files (for the next build's cache); none when search failed. */
  shards: SearchShard[];
  pages: number;
  files: number;
  indexed: number;
  kept: number;
  problem?: string;
}

/**
 * Records of a cold build rendered and not yet taken by Pagefind, at most: a worker waits beyond it, so that a
 * Pagefind slower than the pages does not leave every record waiting in memory (its Node API buffers without limit).
 */
export const SEARCH_BACKLOG = 2000;

/**
 * The order in which a worker takes the plan's files (`shardOfJob`: each file's shard): shard after shard, in the
 * plan's order within each, so that each shard can be indexed as soon as its files are done. With `again` (a
 * rebuild: whether each file is likely to be rendered again, edited-papers.ts), the shards holding such a file come
 * first, so that Pagefind indexes them again while the others are looked at and handed over.
 */
export function shardsInTurn(shardOfJob: readonly number[], shards: number, again?: readonly boolean[]): { sequence: number[]; order: number[] } {
  const all = Array.from({ length: shards }, (_x, k) => k);
  const touched = new Set<number>();
  if (again) for (let i = 0; i < shardOfJob.length; i++) if (again[i]) touched.add(shardOfJob[i]!);
  const sequence = touched.size ? [...all.filter((k) => touched.has(k)), ...all.filter((k) => !touched.has(k))] : all;
  const rank = new Int32Array(shards);
  sequence.forEach((shard, k) => (rank[shard] = k));
  const order = shardOfJob.map((_s, i) => i);
  if (shards > 1) order.sort((a, b) => rank[shardOfJob[a]!]! - rank[shardOfJob[b]!]! || a - b);
  return { sequence, order };
}

/** Pagefind processes alive at once: one takes records while the one before writes its bundle. */
const LIVE = 2;

interface Shard {
  /** Every record of the shard: address, digest, and (until indexed) content as UTF-8 when it was rendered now. */
  records: { index: number; url: string; hash: string; content?: Uint8Array }[];
  /** Workers that have sent all their records of this shard. */
  passed: number;
  indexer?: SearchIndexer;
  /** Records waiting for a Pagefind process (cold build: more shards than LIVE are ready). */
  waiting: boolean;
  /** Told when a waiting shard gets its process. */
  opened?: () => void;
  /** Its bundle written (cold build), once asked for. */
  done?: Promise<void>;
}

export class ShardedSearch {
  private shards: Shard[] = [];
  private count = 1;
  private incremental = false;
  private last: SearchShard[] | undefined;
  private live = 0;
  private readonly queue: number[] = [];
  private readonly made: ShardsMade = { shards: [], pages: 0, files: 0, indexed: 0, kept: 0 };
  private readonly utf8 = new TextEncoder();
  private readonly text = new TextDecoder();
  /** A rebuild's shards indexed again while the pages after them render, one after the other. */
  private early: Promise<void> = Promise.resolve();
  /** A cold build's records sent to Pagefind and taken by it, for the progress line while the pages render. */
  private sent = 0;
  private taken = 0;

  /**
   * `first`: the indexer started while the record opened (shard 0's); `cacheDir`: where the records of each shard are
   * kept for the next build (none without the build cache); `workers`: how many send records.
   */
  constructor(
    private readonly first: SearchIndexer,
    private readonly writer: SiteWriter,
    private readonly workers: number,
    private readonly cacheDir: string | undefined,
    /** Records sent by the workers and not yet taken by Pagefind (an Int32Array over it): see SEARCH_BACKLOG. */
    private readonly backlog?: Int32Array,
    /** How much is indexed; `growing` while the pages render and send more (a cold build). */
    private readonly progress: (done: number, total: number, growing: boolean) => void = () => undefined,
  ) {}

  /** A record of a cold build taken by Pagefind: the workers may render on. */
  private readonly indexed = () => {
    // Every hundredth: the line is redrawn ten times a second at most anyway.
    if (++this.taken % 100 === 0) this.progress(this.taken, this.sent, true);
    if (!this.backlog) return;
    Atomics.sub(this.backlog, 0, 1);
    Atomics.notify(this.backlog, 0);
  };

  /** The plan is known: how many shards, and whether this is a rebuild (with the last build's shards, if known). */
  plan(shards: number, incremental: boolean, last?: SearchShard[]): void {
    this.count = shards;
    this.incremental = incremental;
    this.last = last;
    this.shards = Array.from({ length: shards }, () => ({ records: [], passed: 0, waiting: false }));
    this.made.shards = new Array(shards);
    // A cold build's search runs beside the pages, so its time counts from here.
    if (!incremental) this.progress(0, 0, true);
  }

  /** Records of a shard, from a worker. */
  add(shard: number, records: SentRecord[]): void {
    const s = this.shards[shard];
    if (!s) throw new Error(`search records of shard ${shard} of ${this.count}`);
    // Once every worker has passed the shard it is indexed, or about to be: a record coming after would be left out.
    if (s.passed >= this.workers && records.length) throw new Error(`search records of shard ${shard} came after every worker had passed it (${records[0]!.url})`);
    // Contents are held for the cache, or until the shard has a process; otherwise they go to Pagefind alone.
    const hold = this.cacheDir !== undefined || this.incremental || !s.indexer;
    for (const r of records) {
      const content = r.content === undefined || !hold ? undefined : this.utf8.encode(r.content);
      s.records.push({ index: r.index, url: r.url, hash: r.hash, content });
      // A cold build hands them to Pagefind at once when the shard has a process.
      if (!this.incremental && s.indexer && r.content !== undefined) s.indexer.add({ url: r.url, content: r.content }, this.indexed);
      if (!this.incremental && r.content !== undefined) this.sent++;
    }
    if (!this.incremental && !s.indexer && !s.waiting) this.open(shard);
    // Once per batch of records: the line shows what has come, not only what Pagefind has taken.
    if (!this.incremental && records.length) this.progress(this.taken, this.sent, true);
  }

  /** A worker has sent all its records of a shard. */
  passed(shard: number): void {
    const s = this.shards[shard];
    if (!s) return;
    // Awaited by `finish`; a failure is told there.
    if (++s.passed === this.workers && !this.incremental) this.closing(shard).catch(() => undefined);
    else if (s.passed === this.workers) this.again(shard);
  }

  /**
   * A rebuild's shard whose records all came, and differ from the last build's: indexed again at once, while the
   * pages of the next shards render, when the cache holds the records of its pages not rendered now (otherwise in
   * `finish`, when worker 0 is free to render them).
   */
  private again(shard: number): void {
    const s = this.shards[shard]!;
    const before = this.last?.length === this.count ? this.last[shard] : undefined;
    if (!before || before.digest === shardDigest(shard, this.count, s.records)) return;
    if (!this.fromCache(s, shard)) return;
    const done = this.early.then(() => this.index(shard));
    // Awaited by `finish`, where a failure is told.
    done.catch(() => undefined);
    s.done = done;
    this.early = done.catch(() => undefined);
  }

  /** A rebuild's shard indexed again, its records all at hand. */
  private async index(shard: number): Promise<void> {
    const s = this.shards[shard]!;
    s.indexer = shard === 0 ? this.first : new SearchIndexer(shardFolder(shard));
    for (const r of s.records) s.indexer.add({ url: r.url, content: this.text.decode(r.content) });
    await this.close(shard);
  }

  /**
   * Every shard indexed or kept, after the pages: `render` gives the records of pages not rendered again whose
   * shard is indexed again when the cache lacks them (by their index in the plan).
   */
  async finish(render: (indices: number[]) => Promise<SentRecord[]>): Promise<ShardsMade> {
    const total = this.shards.reduce((n, s) => n + s.records.length, 0);
    let done = 0;
    if (!this.incremental) {
      for (let k = 0; k < this.count; k++) {
        // A shard with no records at all still gets its (empty) bundle, as the search page merges every shard.
        await this.closing(k);
        if (this.made.problem) break;
      }
      this.progress(total, total, false);
    } else {
      this.progress(0, total, false);
      for (let k = 0; k < this.count && !this.made.problem; k++) {
        const s = this.shards[k]!;
        if (s.done) {
          // Indexed again while the pages rendered.
          await s.done;
          done += s.records.length;
          this.progress(done, total, false);
          continue;
        }
        const digest = shardDigest(k, this.count, s.records);
        const before = this.last?.length === this.count ? this.last[k] : undefined;
        if (before?.digest === digest && before.files.every((p) => this.writer.canKeep(p))) {
          // Each file was just looked at (canKeep): not again.
          for (const p of before.files) this.writer.keep(this.writer.check(p), true);
          this.made.shards[k] = before;
          this.made.pages += s.records.length;
          this.made.files += before.files.length;
          this.made.kept++;
          // Pagefind's process started for shard 0 while the record opened is not needed after all.
          if (k === 0) await this.first.close();
        } else {
          await this.fill(s, k, render);
          await this.index(k);
        }
        done += s.records.length;
        this.progress(done, total, false);
      }
    }
    // Its memory goes before the CV PDFs are done.
    await stopPagefind();
    if (this.made.problem) return { ...this.made, shards: [], pages: 0 };
    // Always written (a few bytes), so that the search page need not guess whether there are shards to merge.
    this.writer.put(this.writer.check(SHARDS_FILE), this.utf8.encode(`{"shards":${this.count}}\n`));
    this.made.files++;
    return this.made;
  }

  /** Stops every Pagefind process still alive (a build that failed half-way). */
  async closeAll(): Promise<void> {
    await this.first.close();
    await Promise.all(this.shards.map((s) => s.indexer?.close()));
    await stopPagefind();
  }

  /** A Pagefind process for a shard (cold build), or a place in the queue when LIVE are alive. */
  private open(shard: number): void {
    const s = this.shards[shard]!;
    if (this.live >= LIVE) {
      s.waiting = true;
      this.queue.push(shard);
      return;
    }
    this.live++;
    s.waiting = false;
    s.indexer = shard === 0 ? this.first : new SearchIndexer(shardFolder(shard));
    for (const r of s.records) if (r.content) s.indexer.add({ url: r.url, content: this.text.decode(r.content) }, this.indexed);
  }

  /** A cold build's shard closed once it has its process (at once, unless it waits in the queue); asked for once. */
  private closing(shard: number): Promise<void> {
    const s = this.shards[shard]!;
    if (!s.done) {
      if (!s.indexer && !s.waiting) this.open(shard);
      const open = s.indexer ? Promise.resolve() : new Promise<void>((ok) => (s.opened = ok));
      s.done = open.then(() => this.close(shard));
    }
    return s.done;
  }

  /** The shard's bundle written, its records kept for the next build; the next shard in the queue gets the process. */
  private async close(shard: number): Promise<void> {
    const s = this.shards[shard]!;
    const digest = shardDigest(shard, this.count, s.records);
    const result = await s.indexer!.finish();
    this.made.indexed++;
    if (result.problem) this.made.problem ??= result.problem;
    else {
      for (const f of result.files) this.writer.put(this.writer.check(f.path), f.content);
      this.made.shards[shard] = { digest, files: result.files.map((f) => f.path) };
      this.made.pages += result.pages;
      this.made.files += result.files.length;
      if (this.cacheDir) writeShardRecords(this.cacheDir, digest, s.records.map((r) => ({ url: r.url, content: r.content! })));
    }
    // Its records are Pagefind's now, and in the cache.
    s.records = s.records.map((r) => ({ index: r.index, url: r.url, hash: r.hash }));
    if (!this.incremental) {
      this.live--;
      const next = this.queue.shift();
      if (next !== undefined) {
        this.open(next);
        this.shards[next]!.opened?.();
      }
    }
  }

  /** The contents of a shard's records that were not rendered in this build: from the cache, or rendered again. */
  private async fill(s: Shard, shard: number, render: (indices: number[]) => Promise<SentRecord[]>): Promise<void> {
    if (this.fromCache(s, shard)) return;
    const lacking = s.records.filter((r) => r.content === undefined);
    const again = new Map((await render(lacking.map((r) => r.index))).map((r) => [r.index, r]));
    for (const r of lacking) {
      const made = again.get(r.index);
      if (!made || made.content === undefined) throw new Error(`the search record of ${r.url} could not be made again; build again with --no-cache`);
      r.hash = made.hash;
      r.content = this.utf8.encode(made.content);
    }
  }

  /** The contents of a shard's records not rendered in this build, from the cache: whether it held them all. */
  private fromCache(s: Shard, shard: number): boolean {
    const lacking = s.records.filter((r) => r.content === undefined);
    if (!lacking.length) return true;
    const kept = new Map<string, string>();
    if (this.cacheDir) {
      // The same shard's records if the number of shards stayed; otherwise any shard's may hold them.
      const lastShards = this.last?.length === this.count ? [this.last[shard]] : (this.last ?? []);
      for (const l of lastShards) if (l) for (const [url, content] of readShardRecords(this.cacheDir, l.digest)) kept.set(url, content);
    }
    let all = true;
    for (const r of lacking) {
      const content = kept.get(r.url);
      if (content !== undefined && recordHash(content) === r.hash) r.content = this.utf8.encode(content);
      else all = false;
    }
    return all;
  }
}
