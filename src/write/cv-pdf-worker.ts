/**
 * One thread of `typesetCvPdfs` (./cv-pdfs.ts): typesets the CV sources it is sent, one at a time. It loads the
 * compiler and scans the fonts as soon as it starts, which a build does while the record is still being opened.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { typesetCv } from '../render/cv/typst/typeset.js';
import { warmTypst } from '../render/typst/compile.js';
import type { FontSet } from '../render/typst/fonts.js';
import type { TypesetAnswer } from './cv-pdfs.js';

const port = parentPort!;
port.on('message', (m: { source: string; fonts: FontSet }) => {
  let answer: TypesetAnswer;
  try {
    const { pdf, warnings } = typesetCv(m);
    // A copy of its own, so its buffer can be moved to the main thread (the compiler's may be shared or external).
    answer = { pdf: pdf.slice(), warnings };
  } catch (err) {
    answer = { error: (err as Error).message };
  }
  port.postMessage(answer, 'pdf' in answer ? [answer.pdf.buffer as ArrayBuffer] : []);
});
// Messages wait in the port meanwhile; a compiler that cannot load says so on the first document instead.
if ((workerData as { warm?: boolean } | undefined)?.warm) {
  try {
    warmTypst();
  } catch {
    // reported by typesetCv
  }
}
