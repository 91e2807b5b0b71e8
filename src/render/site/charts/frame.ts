/**
 * What every chart shares: the frame (an SVG that names and describes itself, scaling with its viewBox), the
 * value axis with round ticks, the year axis with gaps kept, and numbers written the same way on every machine.
 *
 * Sizes are in viewBox units. A chart is drawn WIDTH units wide and shown at most that many pixels wide
 * (vita.css), so on a 375 px phone (343 px of text) a label of FONT units is still about 11 px tall.
 */
import { html, type Html } from '../html.js';

/** The width of every chart, in viewBox units (and its widest on screen, in CSS pixels). */
export const WIDTH = 480;
/** Labels' size in viewBox units: 16 × 343 / 480 ≈ 11.4 px on a phone. */
export const FONT = 16;

/** A coordinate as the SVG says it: at most one decimal, no "-0", the same digits on every build. */
export function num(x: number): string {
  const r = Math.round(x * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
}

/** Round ticks for a value axis from 0 to at least `max`: steps of 1, 2 or 5 times a power of ten, at most about 5 of them. */
export function ticks(max: number): number[] {
  const top = Math.max(1, max);
  const rough = top / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough && Number.isInteger(s)) ?? Math.max(1, Math.ceil(rough));
  const out: number[] = [];
  for (let v = 0; v < top + step; v += step) {
    out.push(v);
    if (v >= top) break;
  }
  return out;
}

/** The most years a chart spans: more is a typo in a year (2202 for 2022), which `vita check` reports, not a career. */
export const MAX_SPAN = 100;

/**
 * Every year from the first to the last, the gaps included: a year without papers is a year on the axis.
 * Empty when the years span more than MAX_SPAN.
 */
export function yearSpan(years: Iterable<number>): number[] {
  const list = [...years];
  if (!list.length) return [];
  const from = Math.min(...list);
  const to = Math.max(...list);
  if (to - from >= MAX_SPAN) return [];
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}

/** Which year labels fit under the bars: every one when there is room for "2024", else every 2nd, 5th or 10th. */
export function labelledYears(years: number[], slot: number): Set<number> {
  const need = FONT * 2.6;
  const every = [1, 2, 5, 10, 20, 50].find((n) => n * slot >= need) ?? 100;
  // Labels on round years (2020, 2025) read better than every other year from an odd start.
  return new Set(years.filter((y) => y % every === 0));
}

/** The plot's right and top edges inside the frame (its left edge leaves room for the longest value label). */
const PLOT = { right: WIDTH - 8, top: 12 };

/** The frame of a bar chart: gridlines with value labels, year labels under slots, and the bars given. */
export function barFrame(options: { id: string; title: string; desc: string; height: number; years: number[]; max: number; bars: (x: (i: number) => number, slot: number, y: (v: number) => number) => Html[] }): Html {
  const { id, title, desc, height, years, max } = options;
  const bottom = height - FONT * 1.9;
  const steps = ticks(max);
  const top = steps[steps.length - 1]!;
  const left = Math.round(Math.max(30, 12 + String(top).length * FONT * 0.6));
  const slot = (PLOT.right - left) / years.length;
  const x = (i: number) => left + i * slot;
  const y = (v: number) => bottom - ((bottom - PLOT.top) * v) / top;
  const shown = labelledYears(years, slot);
  return html`<svg class="chart-svg" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc" xmlns="http://www.w3.org/2000/svg">
<title id="${id}-title">${title}</title>
<desc id="${id}-desc">${desc}</desc>
<g class="chart-grid">${steps.map((v) => html`<line x1="${left}" x2="${PLOT.right}" y1="${num(y(v))}" y2="${num(y(v))}"/>`)}</g>
<g class="chart-label" text-anchor="end" font-size="${FONT}">${steps.map((v) => html`<text x="${left - 6}" y="${num(y(v) + FONT * 0.35)}">${v}</text>`)}</g>
${options.bars(x, slot, y)}
<line class="chart-axis" x1="${left}" x2="${PLOT.right}" y1="${num(bottom)}" y2="${num(bottom)}"/>
<g class="chart-label" text-anchor="middle" font-size="${FONT}">${years.map((yr, i) => (shown.has(yr) ? html`<text x="${num(x(i) + slot / 2)}" y="${num(bottom + FONT * 1.3)}">${yr}</text>` : ''))}</g>
</svg>`;
}

/**
 * A chart with its caption and its numbers in a table a reader can open (and a screen reader can read). Search
 * skips it: its years and counts would only be noise, and every name in it is on the page already.
 */
export function figure(options: { id: string; kind: string; caption: Html | string; svg: Html; legend?: Html; tableSummary: string; table: Html }): Html {
  return html`<figure class="chart chart-${options.kind}" id="${options.id}" data-pagefind-ignore>
<figcaption>${options.caption}</figcaption>
${options.svg}
${options.legend ?? ''}
<details class="chart-data"><summary>${options.tableSummary}</summary>
${options.table}
</details>
</figure>`;
}
