/** Offsets in a text turned into 1-based lines and columns, by binary search over line starts. */
import type { Span } from '../diagnostics/diagnostic.js';

/** Turns offsets into 1-based lines and columns. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  line(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  span(offset: number): Span {
    const line = this.line(offset);
    return { line, column: offset - this.starts[line - 1]! + 1 };
  }
}
