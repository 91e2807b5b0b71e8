/**
 * A progress bar on stderr for long imports: one line redrawn in place on a terminal, nothing at all otherwise (logs and
 * pipes get no control characters). Short phases draw nothing either: short in steps and quick. A phase of few but slow
 * steps (online requests, seconds apart) is drawn once it has lasted a moment.
 */
import type { Progress } from './bundle.js';

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/** Phases shorter than this many steps are not worth a bar. */
const MIN_STEPS = 500;
/** Redraw at most this often. */
const INTERVAL_MS = 80;
/** A phase of fewer steps is drawn once it has lasted this long. */
const SLOW_MS = 1000;

export function progressBar(stream: ProgressStream = process.stderr, now: () => number = Date.now): Progress {
  if (!stream.isTTY) return { start() {}, tick() {}, done() {} };
  let label = '';
  let total = 0;
  let count = 0;
  let last = 0;
  let started = 0;
  let drawn = false;
  const draw = () => {
    const width = Math.max(10, Math.min(30, (stream.columns ?? 80) - label.length - 20));
    const ratio = total ? Math.min(1, count / total) : 0;
    const full = Math.round(ratio * width);
    stream.write(`\r\x1b[K${label} [${'#'.repeat(full)}${'.'.repeat(width - full)}] ${Math.round(ratio * 100)}% ${count}/${total}`);
    drawn = true;
  };
  return {
    start(l, t) {
      // The same phase started again is its total updated (pages counted as they come): its clock goes on.
      if (l !== label) started = now();
      label = l;
      total = t;
      count = 0;
      last = 0;
    },
    tick(done) {
      count = done ?? count + 1;
      const t = now();
      if (total < MIN_STEPS && t - started < SLOW_MS) return;
      if (t - last < INTERVAL_MS) return;
      last = t;
      draw();
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
      label = '';
    },
  };
}
