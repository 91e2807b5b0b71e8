/**
 * Responses of online services, kept in the project under imports/cache/<source>/ so that an import can be repeated
 * offline and gives the same result: the cache is committed with the record (reproducible, and a diff shows what a
 * service said), rather than kept in the git-ignored .vita-cache/, which a fresh clone would not have.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ResponseCache } from './bundle.js';

export const CACHE_FOLDER = 'imports/cache';

export class FileCache implements ResponseCache {
  private readonly memory = new Map<string, string>();

  /** `write: false` (a dry run) keeps new responses in memory only. */
  constructor(
    private readonly root: string,
    private readonly source: string,
    private readonly write = true,
  ) {}

  /** The file that holds a key's response: readable names for humans, a hash for uniqueness. */
  pathOf(key: string): string {
    const hash = createHash('sha256').update(key).digest('hex').slice(0, 16);
    const readable = key.replace(/^https?:\/\//, '').replace(/[^A-Za-z0-9.-]+/g, '_').slice(0, 60);
    return join(this.root, CACHE_FOLDER, this.source, `${readable}-${hash}.json`);
  }

  get(key: string): string | undefined {
    const held = this.memory.get(key);
    if (held !== undefined) return held;
    try {
      const stored = JSON.parse(readFileSync(this.pathOf(key), 'utf8')) as { key?: string; value?: string };
      return stored.key === key && typeof stored.value === 'string' ? stored.value : undefined;
    } catch {
      return undefined;
    }
  }

  put(key: string, value: string): void {
    this.memory.set(key, value);
    if (!this.write) return;
    const path = this.pathOf(key);
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.tmp-${process.pid}`;
    writeFileSync(temporary, fileText(key, value));
    renameSync(temporary, path);
  }

  /** The answers kept in memory (`write: false`), as the files `put` would write: for a caller that writes them with others. */
  pending(): { path: string; content: string }[] {
    return [...this.memory].map(([key, value]) => ({ path: this.pathOf(key), content: fileText(key, value) }));
  }
}

function fileText(key: string, value: string): string {
  return JSON.stringify({ key, value }, null, 1) + '\n';
}
