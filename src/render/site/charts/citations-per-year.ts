/**
 * Citations per year, as a person's metrics give them (`person.metrics.perYear`): one bar a year, years without
 * citations kept on the axis, and the date the numbers were counted in the caption (never a number without its date).
 */
import type { Strings } from '../../../strings/index.js';
import { html } from '../html.js';
import { barFrame, figure, num, yearSpan } from './frame.js';

export interface YearCount {
  year: number;
  count: number;
}

/** Fewer different years than this with a count, and nothing is drawn. */
export const MIN_YEARS = 2;

const HEIGHT = 220;

/**
 * The chart, or '' when fewer than MIN_YEARS years have citations. `asOf` (YYYY-MM-DD) is when they were
 * counted; `id` makes the chart's ids unique on its page.
 */
export function citationsPerYearChart(perYear: readonly YearCount[], t: Strings, options: { id?: string; asOf?: string } = {}): string {
  const id = options.id ?? 'citations-chart';
  const counts = new Map<number, number>();
  for (const { year, count } of perYear) if (Number.isInteger(year) && Number.isFinite(count) && count > 0) counts.set(year, (counts.get(year) ?? 0) + count);
  if (counts.size < MIN_YEARS) return '';
  const years = yearSpan(counts.keys());
  if (!years.length) return '';
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const title = t.charts.citationsPerYear;
  const desc = t.charts.citationsPerYearDesc(total, years[0]!, years[years.length - 1]!) + (options.asOf ? ` ${t.charts.asOf(options.asOf)}` : '');
  const svg = barFrame({
    id,
    title,
    desc,
    height: HEIGHT,
    years,
    max: Math.max(...counts.values()),
    bars: (x, slot, y) => [
      html`<g class="chart-bars">${years.map((year, i) => {
        const n = counts.get(year);
        if (!n) return '';
        const width = Math.min(slot * 0.72, 36);
        return html`<rect class="chart-c1" x="${num(x(i) + (slot - width) / 2)}" y="${num(y(n))}" width="${num(width)}" height="${num(y(0) - y(n))}"><title>${year}: ${t.charts.citations(n)}</title></rect>`;
      })}</g>`,
    ],
  });
  const caption = options.asOf ? html`${title} <span class="muted">(${t.charts.asOf(options.asOf)})</span>` : title;
  const table = html`<table tabindex="0"><thead><tr><th scope="col">${t.year}</th><th scope="col">${t.charts.citationsColumn}</th></tr></thead>
<tbody>${years.map((year) => html`<tr><th scope="row">${year}</th><td>${counts.get(year) ?? 0}</td></tr>`)}</tbody></table>`;
  return figure({ id, kind: 'citations', caption, svg, tableSummary: t.charts.showNumbers, table }).value;
}
