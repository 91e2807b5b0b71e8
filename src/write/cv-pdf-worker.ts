/** One thread of `typesetCvPdfs` (./cv-pdfs.ts): typesets the CV sources it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import { typesetCv } from '../render/cv/typst/document.js';
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
