/**
 * A large file's text kept with the bytes it was decoded from, in pieces, for `vita dev`: after an edit, the pieces
 * before and after the change are kept and only the changed part is decoded again. Decoding a group's .bib file
 * of 2,500 entries (4.5 MB, a few names with accents) took 30-70 ms of each rebuild, more than the rest of it.
 */

/** Where each piece of the text starts, in bytes and in characters (UTF-16 units), with a last entry for the end. */
export interface DecodedText {
  bytes: Buffer;
  byteStarts: number[];
  charStarts: number[];
}

/** Files from this size on are decoded in pieces and kept (smaller ones decode in a few milliseconds). */
export const KEEP_FROM_BYTES = 512 * 1024;
const PIECE_BYTES = 64 * 1024;

/** The start of the character holding byte `i` (a piece never splits one). */
function characterStart(bytes: Buffer, i: number): number {
  while (i > 0 && i < bytes.length && (bytes[i]! & 0xc0) === 0x80) i--;
  return i;
}

/** Decodes bytes [from, to) in pieces, noting where each starts. */
function decodePieces(bytes: Buffer, from: number, to: number, byteStarts: number[], charStarts: number[], chars: number): string[] {
  const parts: string[] = [];
  for (let at = from; at < to; ) {
    const end = to - at <= PIECE_BYTES ? to : characterStart(bytes, at + PIECE_BYTES);
    const part = bytes.toString('utf8', at, end);
    byteStarts.push(at);
    charStarts.push(chars);
    parts.push(part);
    chars += part.length;
    at = end;
  }
  return parts;
}

/** The text of valid UTF-8 bytes (no byte order mark), with its pieces. */
export function decodeKept(bytes: Buffer): { text: string; decoded: DecodedText } {
  const byteStarts: number[] = [];
  const charStarts: number[] = [];
  const text = decodePieces(bytes, 0, bytes.length, byteStarts, charStarts, 0).join('');
  byteStarts.push(bytes.length);
  charStarts.push(text.length);
  return { text, decoded: { bytes, byteStarts, charStarts } };
}

/** The text of `bytes`, from the text and pieces of the bytes read before: only the pieces that changed are decoded. */
export function decodeAgain(bytes: Buffer, previousText: string, previous: DecodedText): { text: string; decoded: DecodedText } {
  const old = previous.bytes;
  const { byteStarts: ob, charStarts: oc } = previous;
  const n = ob.length - 1;
  // Pieces [0, i) are the same at the start; pieces [j, n) the same at the end (moved by `shift` bytes).
  let i = 0;
  while (i < n && ob[i + 1]! <= bytes.length && old.compare(bytes, ob[i]!, ob[i + 1]!, ob[i]!, ob[i + 1]!) === 0) i++;
  const shift = bytes.length - old.length;
  let j = n;
  while (j > i && ob[j - 1]! + shift >= ob[i]! && old.compare(bytes, ob[j - 1]! + shift, ob[j]! + shift, ob[j - 1]!, ob[j]!) === 0) j--;
  // Bytes before a kept piece end whole characters, and a kept piece after starts with one: both are boundaries.
  const byteStarts = ob.slice(0, i);
  const charStarts = oc.slice(0, i);
  const middle = decodePieces(bytes, ob[i]!, ob[j]! + shift, byteStarts, charStarts, oc[i]!).join('');
  const charShift = oc[i]! + middle.length - oc[j]!;
  for (let k = j; k < n; k++) {
    byteStarts.push(ob[k]! + shift);
    charStarts.push(oc[k]! + charShift);
  }
  byteStarts.push(bytes.length);
  charStarts.push(oc[n]! + charShift);
  const text = previousText.slice(0, oc[i]) + middle + previousText.slice(oc[j]);
  return { text, decoded: { bytes, byteStarts, charStarts } };
}
