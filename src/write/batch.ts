/**
 * Files on their way from a build worker to the writer: encoded as UTF-8 one after the other into a buffer that is
 * reused, then copied, a batch of about a megabyte at a time, into one exact-size buffer that is moved to the main
 * thread whole. One allocation per batch rather than per file (55,000 files in a department); a fresh buffer for
 * each batch to encode into was measured slower still (the system hands out new memory page by page).
 */
import type { SentBatch, SentFile } from './build.js';

/** A batch is sent once it holds this many bytes. */
const BATCH = 1 << 20;

export class BatchEncoder {
  private scratch = Buffer.allocUnsafe(4 * BATCH);
  private used = 0;
  private files: SentFile[] = [];

  constructor(private readonly deliver: (batch: SentBatch) => void) {}

  /** Adds a file, given as its text in pieces or as bytes; sends the batch when it is full. */
  add(index: number, path: string, content: readonly string[] | Uint8Array, page: boolean): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit: the file surely fits in this much room.
    let room = 0;
    if (content instanceof Uint8Array) room = content.length;
    else for (const piece of content) room += piece.length * 3;
    if (this.used + room > this.scratch.length) {
      this.send();
      if (room > this.scratch.length) this.scratch = Buffer.allocUnsafe(room);
    }
    const start = this.used;
    if (content instanceof Uint8Array) {
      this.scratch.set(content, start);
      this.used += content.length;
    } else for (const piece of content) this.used += this.scratch.write(piece, this.used, 'utf8');
    this.files.push({ index, path, start, end: this.used, page });
    if (this.used >= BATCH) this.send();
  }

  /** Adds a file the last build wrote and this one keeps as it is (no bytes): written in its turn, in the plan's order. */
  keep(index: number, path: string, page: boolean): void {
    this.files.push({ index, path, start: this.used, end: this.used, page, kept: true });
  }

  /** Sends what the batch holds, if anything. */
  send(): void {
    if (!this.files.length) return;
    const bytes = new Uint8Array(this.used);
    bytes.set(this.scratch.subarray(0, this.used));
    this.deliver({ buffer: bytes.buffer, files: this.files, kib: Math.ceil(this.used / 1024) });
    this.used = 0;
    this.files = [];
  }
}
