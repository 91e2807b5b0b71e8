/**
 * Publications per year by type: stacked bars, one slot per year (years without papers stay on the axis), each
 * type in its own colour and texture (so colour is not the only cue, and a grey print still tells them apart).
 */
import { PUBLICATION_TYPES } from '../../../schema/publication.js';
import type { Strings } from '../../../strings/index.js';
import { html, type Html } from '../html.js';
import { barFrame, figure, num, yearSpan } from './frame.js';

/** What the chart needs of a paper. */
export interface PaperYear {
  year: number;
  type: string;
}

/** Fewer different years than this, and a chart says nothing a sentence would not: none is drawn. */
export const MIN_YEARS = 2;

const HEIGHT = 260;

/** The texture laid over each type's colour, in the order of PUBLICATION_TYPES (a type looks the same on every chart). */
const MARKS = [
  '', // article: solid
  'M-2,2L2,-2M0,8L8,0M6,10L10,6', // conference: diagonal lines
  'M-2,2L2,-2M0,8L8,0M6,10L10,6M-2,6L2,10M0,0L8,8M6,-2L10,2', // workshop: crosshatch
  'M4,2.8a1.2,1.2 0 1,0 0.01,0z', // preprint: dots
  'M0,4H8', // book: horizontal lines
  'M4,0V8', // chapter: vertical lines
  'M-2,6L2,10M0,0L8,8M6,-2L10,2', // thesis: the other diagonal
  'M0,4H8M4,0V8', // report: grid
  'M4,1.8a2.2,2.2 0 1,0 0.01,0z', // other: large dots
];

function typeIndex(type: string): number {
  const i = (PUBLICATION_TYPES as readonly string[]).indexOf(type);
  return i < 0 ? PUBLICATION_TYPES.length - 1 : i;
}

/** The fill patterns of the types shown, each a colour (vita.css: .chart-c1 ...) with its texture. */
export function typePatterns(id: string, types: string[]): Html {
  return html`<defs>${types.map((type) => {
    const i = typeIndex(type);
    return html`<pattern id="${id}-${type}" patternUnits="userSpaceOnUse" width="8" height="8"><rect class="chart-c${i + 1}" width="8" height="8"/>${MARKS[i] ? html`<path class="chart-mark" d="${MARKS[i]!}"/>` : ''}</pattern>`;
  })}</defs>`;
}

/** A legend of types in HTML, so it wraps on a phone; the swatches use the chart's patterns. */
export function typeLegend(id: string, types: string[], t: Strings): Html {
  return html`<ul class="chart-legend">${types.map(
    (type) => html`<li><svg class="chart-swatch" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><rect width="16" height="16" fill="url(#${id}-${type})"/></svg>${t.types[type] ?? type}</li>`,
  )}</ul>`;
}

/**
 * The chart of a list of papers, or '' when the papers span fewer than MIN_YEARS different years.
 * `id` makes the chart's ids unique on its page.
 */
export function publicationsPerYearChart(papers: readonly PaperYear[], t: Strings, options: { id?: string } = {}): string {
  const id = options.id ?? 'publications-chart';
  const counts = new Map<number, Map<string, number>>();
  for (const p of papers) {
    const byType = counts.get(p.year) ?? new Map<string, number>();
    byType.set(p.type, (byType.get(p.type) ?? 0) + 1);
    counts.set(p.year, byType);
  }
  if (counts.size < MIN_YEARS) return '';
  const years = yearSpan(counts.keys());
  if (!years.length) return '';
  const types = [...new Set(papers.map((p) => p.type))].sort((a, b) => typeIndex(a) - typeIndex(b) || a.localeCompare(b));
  const total = (year: number) => [...(counts.get(year)?.values() ?? [])].reduce((a, b) => a + b, 0);
  const max = Math.max(...years.map(total));
  const title = t.charts.publicationsPerYear;
  const desc = t.charts.publicationsPerYearDesc(papers.length, years[0]!, years[years.length - 1]!, types.map((type) => `${t.types[type] ?? type} ${papers.filter((p) => p.type === type).length}`).join(', '));

  const svg = barFrame({
    id,
    title,
    desc,
    height: HEIGHT,
    years,
    max,
    bars: (x, slot, y) => [
      typePatterns(id, types),
      html`<g class="chart-bars">${years.map((year, i) => {
        const byType = counts.get(year);
        if (!byType) return '';
        const width = Math.min(slot * 0.72, 36);
        const left = x(i) + (slot - width) / 2;
        let below = 0;
        return html`<g><title>${t.charts.yearTotal(year, total(year))}</title>${types.map((type) => {
          const n = byType.get(type) ?? 0;
          if (!n) return '';
          const top = y(below + n);
          const bottom = y(below);
          below += n;
          return html`<rect x="${num(left)}" y="${num(top)}" width="${num(width)}" height="${num(bottom - top)}" fill="url(#${id}-${type})"><title>${year} · ${t.types[type] ?? type}: ${t.charts.papers(n)}</title></rect>`;
        })}</g>`;
      })}</g>`,
    ],
  });

  const table = html`<table tabindex="0"><thead><tr><th scope="col">${t.year}</th>${types.map((type) => html`<th scope="col">${t.types[type] ?? type}</th>`)}<th scope="col">${t.charts.total}</th></tr></thead>
<tbody>${years.map((year) => html`<tr><th scope="row">${year}</th>${types.map((type) => html`<td>${counts.get(year)?.get(type) ?? 0}</td>`)}<td>${total(year)}</td></tr>`)}</tbody></table>`;
  return figure({ id, kind: 'publications', caption: title, svg, legend: typeLegend(id, types, t), tableSummary: t.charts.showNumbers, table }).value;
}
