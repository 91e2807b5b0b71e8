import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeAgain, decodeKept } from '../../src/load/decoded.js';

/** A small deterministic generator: every run makes the same texts and edits. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// ASCII, accents (2 bytes), CJK (3 bytes) and an emoji (4 bytes, two UTF-16 units): pieces must never split one.
const ALPHABET = ['a', 'b', ' ', '\n', '{', 'é', 'ü', '吴', '磊', '😀'];

function text(rnd: () => number, length: number): string {
  let out = '';
  while (out.length < length) out += ALPHABET[Math.floor(rnd() * ALPHABET.length)];
  return out;
}

describe('a large file decoded again around an edit', () => {
  it('gives the same text as decoding the whole file, edit after edit, wherever the edit falls', () => {
    const rnd = random(7);
    let current = text(rnd, 300_000);
    let kept = decodeKept(Buffer.from(current));
    assert.equal(kept.text, current);
    for (let edit = 0; edit < 60; edit++) {
      // Insert, delete or replace, at the start, the end, or anywhere (often across a piece's end).
      const at = edit % 10 === 0 ? 0 : edit % 10 === 1 ? current.length : Math.floor(rnd() * current.length);
      const removed = edit % 3 === 0 ? 0 : Math.floor(rnd() * 20_000 * (edit % 7 === 0 ? 1 : 0.01));
      const inserted = edit % 3 === 1 ? '' : text(rnd, Math.floor(rnd() * 3000));
      // Never cut an emoji in two: the file stays valid UTF-8, as the reader makes sure before.
      const safe = (i: number) => (i > 0 && i < current.length && /[\uDC00-\uDFFF]/.test(current[i]!) ? i + 1 : i);
      const from = safe(at);
      const to = safe(Math.min(current.length, from + removed));
      current = current.slice(0, from) + inserted + current.slice(to);
      const bytes = Buffer.from(current);
      kept = decodeAgain(bytes, kept.text, kept.decoded);
      assert.equal(kept.text, current, `edit ${edit}`);
      const { byteStarts, charStarts } = kept.decoded;
      assert.equal(byteStarts.at(-1), bytes.length);
      assert.equal(charStarts.at(-1), current.length);
      for (let k = 0; k + 1 < byteStarts.length; k++) assert.equal(bytes.toString('utf8', byteStarts[k], byteStarts[k + 1]), current.slice(charStarts[k], charStarts[k + 1]), `piece ${k} after edit ${edit}`);
    }
  });

  it('the same bytes decode to the same text, and a file emptied or grown from nothing too', () => {
    const first = decodeKept(Buffer.from('吴磊 '.repeat(50_000)));
    assert.equal(decodeAgain(Buffer.from(first.text), first.text, first.decoded).text, first.text);
    const empty = decodeAgain(Buffer.alloc(0), first.text, first.decoded);
    assert.equal(empty.text, '');
    assert.equal(decodeAgain(Buffer.from('é'.repeat(100_000)), empty.text, empty.decoded).text, 'é'.repeat(100_000));
  });
});
