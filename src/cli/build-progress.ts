/**
 * What `vita build` says while it works, on stderr: on a terminal, one line redrawn in place with each running
 * phase, its counts and an estimate of the time left; elsewhere (CI, a pipe), a line per phase when it ends,
 * with its time, and no control characters.
 */
import type { BuildProgress } from '../write/build.js';

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

const LABELS: Record<BuildProgress['phase'], string> = { opening: 'opening the record', pages: 'pages and feeds', search: 'search index', pdfs: 'CV PDFs' };
/** On a terminal too narrow for every running phase in full words (three phases run at once in a department's build). */
const SHORT: Record<BuildProgress['phase'], string> = { opening: 'opening', pages: 'pages', search: 'search', pdfs: 'PDFs' };
/** Redraw at most this often. */
const INTERVAL_MS = 100;
/** Redraw at least this often on a terminal, so that a long phase without news (opening a department) shows its time going. */
const TICK_MS = 1000;

interface PhaseState {
  done: number;
  total: number;
  started: number;
  ended?: number;
  /** The total grows (search records as the pages render): no estimate, and done = total does not end it. */
  growing?: boolean;
}

export class BuildProgressReporter {
  private readonly phases = new Map<BuildProgress['phase'], PhaseState>();
  private lastDraw = 0;
  private drawn = false;

  private ticker: ReturnType<typeof setInterval> | undefined;

  /** `tick`: whether a terminal's line is redrawn every second between events (tests pass false and redraw by `tick()`). */
  constructor(
    private readonly stream: ProgressStream,
    private readonly now: () => number = () => performance.now(),
    private readonly tick = true,
  ) {}

  /** Takes a build's progress event (pass as `onProgress`). */
  readonly update = (p: BuildProgress): void => {
    const t = this.now();
    let state = this.phases.get(p.phase);
    const first = !state;
    if (!state) {
      // A phase that starts ends the opening.
      if (p.phase !== 'opening') this.end('opening', t);
      state = { done: 0, total: 0, started: t };
      this.phases.set(p.phase, state);
    }
    state.done = p.done;
    state.total = p.total;
    state.growing = p.growing;
    if (this.stream.isTTY && this.tick && !this.ticker) this.ticker = setInterval(() => this.redraw(), TICK_MS).unref();
    // A phase with nothing to do (no search records) ends at its second event, which says it is done.
    if (p.phase !== 'opening' && !p.growing && p.done >= p.total && (p.total > 0 || !first)) this.end(p.phase, t);
    else if (this.stream.isTTY && t - this.lastDraw >= INTERVAL_MS) this.draw(t);
  };

  /** Draws the line again with the times as they are now (what the ticker does each second). */
  redraw(): void {
    if (this.stream.isTTY) this.draw(this.now());
  }

  /** Clears the line (call before printing the build's result). */
  finish(): void {
    clearInterval(this.ticker);
    this.ticker = undefined;
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }

  private end(phase: BuildProgress['phase'], t: number): void {
    const state = this.phases.get(phase);
    if (!state || state.ended !== undefined) return;
    state.ended = t;
    if (this.stream.isTTY) {
      this.draw(t);
      return;
    }
    const count = phase === 'opening' ? '' : ` ${state.total}`;
    this.stream.write(`vita: ${LABELS[phase]}${count} in ${seconds(t - state.started)}\n`);
  }

  private draw(t: number): void {
    this.lastDraw = t;
    const width = Math.max(20, (this.stream.columns ?? 80) - 1);
    let line = this.line(t, LABELS);
    if (line.length > width) line = this.line(t, SHORT);
    if (!line) {
      // Between phases: no stale counts left on the line.
      if (this.drawn) this.stream.write('\r\x1b[K');
      this.drawn = false;
      return;
    }
    line = line.slice(0, width);
    this.stream.write(`\r\x1b[K${line}`);
    this.drawn = true;
  }

  /** The running phases with their counts and estimates, in these words ('' when none runs). */
  private line(t: number, labels: Record<BuildProgress['phase'], string>): string {
    const parts: string[] = [];
    for (const [phase, s] of this.phases) {
      if (s.ended !== undefined) continue;
      if (phase === 'opening') {
        parts.push(`${labels.opening} (${seconds(t - s.started)})`);
        continue;
      }
      let part = `${labels[phase]} ${s.done}/${s.total}`;
      // An estimate once a tenth is done: earlier ones swing too much to help.
      if (!s.growing && s.total > 0 && s.done >= s.total / 10) part += `, ${seconds(((t - s.started) / s.done) * (s.total - s.done))} left`;
      parts.push(part);
    }
    return parts.join(' · ');
  }
}

function seconds(ms: number): string {
  return ms >= 10_000 ? `${Math.round(ms / 1000)} s` : `${(ms / 1000).toFixed(1)} s`;
}
