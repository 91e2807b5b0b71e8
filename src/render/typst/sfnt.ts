/**
 * Minimal OpenType / TrueType reader: just enough to list the faces of a
 * `.ttf` / `.otf` / `.ttc` / `.otc` file, their family names, and which
 * code points they have glyphs for (the `cmap` table).
 *
 * It reads only the bytes it needs (header, table directory, `name`, `cmap`)
 * with positional reads, so probing a 20 MB CJK collection is cheap.
 */
import { closeSync, openSync, readSync } from "node:fs";

export interface FontFace {
  /** File the face lives in. */
  path: string;
  /** Index of the face inside a collection (0 for a plain font file). */
  index: number;
  /**
   * Family names as a Typst `text(font: ...)` would accept them: the
   * typographic family (name ID 16) first when present, then the legacy
   * family (name ID 1). Lower-case comparison is enough: Typst matches
   * family names case-insensitively.
   */
  families: string[];
  /** Full name (name ID 4) when present, for messages. */
  fullName: string | undefined;
  /** Does the face map this code point to a real glyph? */
  covers(codePoint: number): boolean;
}

const FONT_FILE = /\.(ttf|otf|ttc|otc)$/i;

export function isFontFile(path: string): boolean {
  return FONT_FILE.test(path);
}

class Reader {
  private readonly fd: number;
  constructor(readonly path: string) {
    this.fd = openSync(path, "r");
  }
  read(offset: number, length: number): Buffer {
    const buf = Buffer.alloc(length);
    let done = 0;
    while (done < length) {
      const n = readSync(this.fd, buf, done, length - done, offset + done);
      if (n === 0) throw new Error(`${this.path}: unexpected end of file`);
      done += n;
    }
    return buf;
  }
  close(): void {
    closeSync(this.fd);
  }
}

interface TableRecord {
  offset: number;
  length: number;
}

function tableDirectory(r: Reader, faceOffset: number): Map<string, TableRecord> {
  const head = r.read(faceOffset, 12);
  const version = head.readUInt32BE(0);
  // 0x00010000 (TrueType outlines), 'OTTO' (CFF), 'true' (old Apple).
  if (version !== 0x00010000 && version !== 0x4f54544f && version !== 0x74727565) {
    throw new Error(`${r.path}: not an OpenType font`);
  }
  const numTables = head.readUInt16BE(4);
  const dir = r.read(faceOffset + 12, numTables * 16);
  const tables = new Map<string, TableRecord>();
  for (let i = 0; i < numTables; i++) {
    const at = i * 16;
    tables.set(dir.toString("latin1", at, at + 4), {
      offset: dir.readUInt32BE(at + 8),
      length: dir.readUInt32BE(at + 12),
    });
  }
  return tables;
}

function faceOffsets(r: Reader): number[] {
  const head = r.read(0, 12);
  if (head.toString("latin1", 0, 4) !== "ttcf") return [0];
  const numFonts = head.readUInt32BE(8);
  const offs = r.read(12, numFonts * 4);
  const out: number[] = [];
  for (let i = 0; i < numFonts; i++) out.push(offs.readUInt32BE(i * 4));
  return out;
}

function decodeName(platformId: number, bytes: Buffer): string | undefined {
  if (platformId === 0 || platformId === 3) {
    // UTF-16BE
    const le = Buffer.alloc(bytes.length - (bytes.length % 2));
    for (let i = 0; i + 1 < bytes.length; i += 2) {
      le[i] = bytes[i + 1]!;
      le[i + 1] = bytes[i]!;
    }
    return le.toString("utf16le");
  }
  if (platformId === 1) return bytes.toString("latin1"); // Mac Roman, near enough for ASCII names
  return undefined;
}

function readNames(r: Reader, table: TableRecord): Map<number, string> {
  const t = r.read(table.offset, table.length);
  const count = t.readUInt16BE(2);
  const storage = t.readUInt16BE(4);
  // Score records so the English Windows name wins, then any Windows name,
  // then Unicode, then Mac.
  const best = new Map<number, { score: number; value: string }>();
  for (let i = 0; i < count; i++) {
    const at = 6 + i * 12;
    if (at + 12 > t.length) break;
    const platformId = t.readUInt16BE(at);
    const languageId = t.readUInt16BE(at + 4);
    const nameId = t.readUInt16BE(at + 6);
    const length = t.readUInt16BE(at + 8);
    const offset = t.readUInt16BE(at + 10);
    if (nameId !== 1 && nameId !== 4 && nameId !== 16) continue;
    const start = storage + offset;
    if (start + length > t.length) continue;
    const value = decodeName(platformId, t.subarray(start, start + length));
    if (!value) continue;
    const score =
      platformId === 3 && languageId === 0x409 ? 4 : platformId === 3 ? 3 : platformId === 0 ? 2 : 1;
    const prev = best.get(nameId);
    if (!prev || score > prev.score) best.set(nameId, { score, value });
  }
  return new Map([...best].map(([id, { value }]) => [id, value.trim()]));
}

/** Returns a code point -> has-glyph test built from the best Unicode cmap subtable. */
function readCmap(r: Reader, table: TableRecord): (cp: number) => boolean {
  const t = r.read(table.offset, table.length);
  const numTables = t.readUInt16BE(2);
  let best: { score: number; offset: number } | undefined;
  for (let i = 0; i < numTables; i++) {
    const at = 4 + i * 8;
    const platformId = t.readUInt16BE(at);
    const encodingId = t.readUInt16BE(at + 2);
    const offset = t.readUInt32BE(at + 4);
    if (offset + 2 > t.length) continue;
    const format = t.readUInt16BE(offset);
    let score = 0;
    const unicode = platformId === 0 || (platformId === 3 && (encodingId === 1 || encodingId === 10));
    if (!unicode) continue;
    if (format === 12 || format === 13) score = 3;
    else if (format === 4) score = 2;
    if (score > 0 && (!best || score > best.score)) best = { score, offset };
  }
  if (!best) return () => false;
  const o = best.offset;
  const format = t.readUInt16BE(o);
  if (format === 12 || format === 13) {
    const numGroups = t.readUInt32BE(o + 12);
    const base = o + 16;
    return (cp) => {
      let lo = 0;
      let hi = numGroups - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const g = base + mid * 12;
        const start = t.readUInt32BE(g);
        const end = t.readUInt32BE(g + 4);
        if (cp < start) hi = mid - 1;
        else if (cp > end) lo = mid + 1;
        else {
          const glyph = t.readUInt32BE(g + 8);
          return format === 13 ? glyph !== 0 : glyph + (cp - start) !== 0;
        }
      }
      return false;
    };
  }
  // format 4
  const segCount = t.readUInt16BE(o + 6) / 2;
  const endCodes = o + 14;
  const startCodes = endCodes + segCount * 2 + 2;
  const idDeltas = startCodes + segCount * 2;
  const idRangeOffsets = idDeltas + segCount * 2;
  return (cp) => {
    if (cp > 0xffff) return false;
    let lo = 0;
    let hi = segCount - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (t.readUInt16BE(endCodes + mid * 2) < cp) lo = mid + 1;
      else hi = mid;
    }
    const start = t.readUInt16BE(startCodes + lo * 2);
    const end = t.readUInt16BE(endCodes + lo * 2);
    if (cp < start || cp > end) return false;
    const delta = t.readInt16BE(idDeltas + lo * 2);
    const rangeOffsetAt = idRangeOffsets + lo * 2;
    const rangeOffset = t.readUInt16BE(rangeOffsetAt);
    if (rangeOffset === 0) return ((cp + delta) & 0xffff) !== 0;
    const glyphAt = rangeOffsetAt + rangeOffset + (cp - start) * 2;
    if (glyphAt + 2 > t.length) return false;
    const glyph = t.readUInt16BE(glyphAt);
    return glyph !== 0 && ((glyph + delta) & 0xffff) !== 0;
  };
}

/**
 * Lists the faces of a font file. Names are read eagerly; the `cmap` of each
 * face is read on the first `covers` call. Throws on unreadable or non-font
 * files.
 */
export function readFontFaces(path: string): FontFace[] {
  const r = new Reader(path);
  try {
    const faces: FontFace[] = [];
    const offsets = faceOffsets(r);
    for (let index = 0; index < offsets.length; index++) {
      const tables = tableDirectory(r, offsets[index]!);
      const nameTable = tables.get("name");
      const names = nameTable ? readNames(r, nameTable) : new Map<number, string>();
      const families = [names.get(16), names.get(1)].filter(
        (f, i, all): f is string => !!f && all.indexOf(f) === i,
      );
      const cmapTable = tables.get("cmap");
      let covers: ((cp: number) => boolean) | undefined;
      faces.push({
        path,
        index,
        families,
        fullName: names.get(4),
        covers(cp: number): boolean {
          if (!covers) {
            if (!cmapTable) covers = () => false;
            else {
              const rr = new Reader(path);
              try {
                covers = readCmap(rr, cmapTable);
              } finally {
                rr.close();
              }
            }
          }
          return covers(cp);
        },
      });
    }
    return faces;
  } finally {
    r.close();
  }
}
