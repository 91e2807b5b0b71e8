/**
 * One thread of `typesetCvPdfs` (./cv-pdfs.ts): typesets the CV sources it is sent, one at a time. It loads the
 * compiler and scans the fonts as soon as it starts, which a build does while the record is still being opened.
 */
import { constants, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { typesetCv } from '../render/cv/typst/typeset.js';
import { warmTypst } from '../render/typst/compile.js';
import type { FontSet } from '../render/typst/fonts.js';
import type { TypesetAnswer } from './cv-pdfs.js';

// The PDFs can wait; the pages and the search index, which the end of a build waits for, cannot: a typesetting
// thread takes what CPU they leave. On a department's build with 2 cores the pages were done 17 s sooner and the
// build 7 s (111 against 118 s; 100 CVs: 13.3 against 14.3 s). Only on Linux, where a thread has a priority of its
// own: elsewhere this would lower the whole of vita.
if (process.platform === 'linux') {
  try {
    setPriority(constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // As it was.
  }
}

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
