/**
 * Files on their way from a build worker to the writer, encoded as UTF-8 one after the other into one buffer
 * per batch: the buffer is then moved to the main thread whole. Encoding each file into a buffer of its own
 * (and copying it there) cost an allocation, a zero-fill and a copy per file, 55,000 times in a department.
 */
import type { SentBatch, SentFile } from './build.js';

/** A batch is sent once it holds this much; a buffer is at least twice this, so most files fit the one open. */
const BATCH = 1 << 20;

export class BatchEncoder {
  private buffer: Buffer | undefined;
  private used = 0;
  private files: SentFile[] = [];

  constructor(private readonly deliver: (batch: SentBatch) => void) {}

  /** Adds a file, given as its text in pieces or as bytes; sends the batch when it is full. */
  add(index: number, path: string, content: readonly string[] | Uint8Array, page: boolean): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit: the file surely fits in this much room.
    let room = 0;
    if (content instanceof Uint8Array) room = content.length;
    else for (const piece of content) room += piece.length * 3;
    if (this.buffer && this.used + room > this.buffer.length) this.send();
    // Not zero-filled: only the bytes written are ever read.
    const buffer = (this.buffer ??= Buffer.allocUnsafeSlow(Math.max(2 * BATCH, room)));
    const start = this.used;
    if (content instanceof Uint8Array) {
      buffer.set(content, start);
      this.used += content.length;
    } else for (const piece of content) this.used += buffer.write(piece, this.used, 'utf8');
    this.files.push({ index, path, start, end: this.used, page });
    if (this.used >= BATCH) this.send();
  }

  /** Sends what the batch holds, if anything, and starts the next one in a new buffer. */
  send(): void {
    if (!this.buffer || !this.files.length) return;
    const buffer = this.buffer.buffer as ArrayBuffer;
    this.deliver({ buffer, files: this.files, kib: Math.ceil(buffer.byteLength / 1024) });
    this.buffer = undefined;
    this.used = 0;
    this.files = [];
  }
}
