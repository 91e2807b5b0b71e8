/**
 * Who writes with whom in the group: people on a circle (the most prolific at the top, then clockwise by papers,
 * so two builds of one record draw the same picture byte for byte), circles sized by papers, lines as thick as
 * the joint papers, each name a link to the person's page; the pairs and counts also as a table.
 */
import type { Strings } from '../../../strings/index.js';
import { html } from '../html.js';
import { FONT, WIDTH, figure, num } from './frame.js';

export interface NetworkPerson {
  id: string;
  name: string;
  /** Their page, when they have one. */
  href?: string;
  /** Papers of theirs in the record. */
  papers: number;
  /** A member of the group (else a co-author of members with a page in the project). */
  member: boolean;
}

export interface JointPapers {
  a: string;
  b: string;
  count: number;
}

/** The most the circle's radius grows to: beyond it a few people would sit far apart. */
const MAX_RADIUS = 150;
/** Room above and below the circle for a name and the largest circle. */
const MARGIN = 2.2 * FONT + 24;
/** Names longer than this are cut short on the drawing (the table and the hover text give them whole). */
const LABEL_CHARS = 20;
/** Counts on the lines only while there are few enough lines to read them. */
const COUNTED_LINKS = 12;
/** Room on the circle for each person: a circle of 22 units and a gap. */
const SPACING = 52;

/** The order on the circle: most papers first, then by name and id, so ties fall the same way on every build. */
function byPapers(a: NetworkPerson, b: NetworkPerson): number {
  return b.papers - a.papers || a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** About how wide a label is, in viewBox units: CJK characters are square, Latin ones about half as wide. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? FONT : FONT * 0.56;
  return w;
}

/** The name as it fits in `room` units: whole, then "A. Lovelace", then cut short with an ellipsis. */
function label(name: string, room = Infinity): string {
  const whole = name.length > LABEL_CHARS ? `${name.slice(0, LABEL_CHARS - 1).trimEnd()}…` : name;
  if (textWidth(whole) <= room) return whole;
  const words = name.split(/\s+/).filter(Boolean);
  const short = words.length > 1 ? `${words[0]![0]}. ${words[words.length - 1]}` : name;
  if (textWidth(short) <= room) return short;
  let cut = short;
  while (cut.length > 2 && textWidth(`${cut}…`) > room) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** The network, or '' when fewer than two people or no joint paper would be drawn. `id` makes its ids unique on the page. */
export function coauthorNetworkChart(people: readonly NetworkPerson[], joint: readonly JointPapers[], t: Strings, options: { id?: string } = {}): string {
  const id = options.id ?? 'coauthor-network';
  const known = new Map(people.map((p) => [p.id, p]));
  const links = joint.filter((l) => l.count > 0 && l.a !== l.b && known.has(l.a) && known.has(l.b));
  if (people.length < 2 || !links.length) return '';
  const order = [...people].sort(byPapers);
  const n = order.length;

  // Room for the longest label beside the circle, within the frame, and on the circle for everyone; past that, names are shortened to fit.
  const widest = Math.max(...order.map((p) => textWidth(label(p.name))));
  const radius = Math.min(MAX_RADIUS, Math.max(70, (n * SPACING) / (2 * Math.PI), WIDTH / 2 - widest - 34));
  const largest = Math.min(22, (Math.PI * radius) / n - 4);
  const height = Math.round(2 * (radius + MARGIN));
  const cx = WIDTH / 2;
  const cy = height / 2;
  const maxPapers = Math.max(1, ...order.map((p) => p.papers));
  const maxJoint = Math.max(...links.map((l) => l.count));
  const place = new Map(
    order.map((p, k) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * k) / n;
      return [p.id, { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle), angle, r: 5 + (largest - 5) * Math.sqrt(Math.max(0, p.papers) / maxPapers) }];
    }),
  );
  const sortedLinks = [...links].sort((l, m) => m.count - l.count || (l.a + ' ' + l.b < m.a + ' ' + m.b ? -1 : 1));
  const pairName = (l: JointPapers) => `${known.get(l.a)!.name} – ${known.get(l.b)!.name}`;

  const title = t.charts.coauthorNetwork;
  const desc = t.charts.coauthorNetworkDesc(n, links.length);
  const svg = html`<svg class="chart-svg" viewBox="0 0 ${WIDTH} ${height}" role="group" aria-labelledby="${id}-title" aria-describedby="${id}-desc" xmlns="http://www.w3.org/2000/svg">
<title id="${id}-title">${title}</title>
<desc id="${id}-desc">${desc}</desc>
<g class="chart-links">${sortedLinks
    .slice()
    .reverse()
    .map((l) => {
      const a = place.get(l.a)!;
      const b = place.get(l.b)!;
      return html`<line x1="${num(a.x)}" y1="${num(a.y)}" x2="${num(b.x)}" y2="${num(b.y)}" stroke-width="${num(1.5 + (6 * l.count) / maxJoint)}"><title>${pairName(l)}: ${t.charts.jointPapers(l.count)}</title></line>`;
    })}</g>
${links.length <= COUNTED_LINKS
    ? html`<g class="chart-link-count" text-anchor="middle" font-size="${FONT}" aria-hidden="true">${sortedLinks.map((l) => {
        const a = place.get(l.a)!;
        const b = place.get(l.b)!;
        return html`<text x="${num((a.x + b.x) / 2)}" y="${num((a.y + b.y) / 2 + FONT * 0.35)}">${l.count}</text>`;
      })}</g>`
    : ''}
<g class="chart-nodes" font-size="${FONT}">${order.map((p) => {
    const at = place.get(p.id)!;
    const cos = Math.cos(at.angle);
    const sin = Math.sin(at.angle);
    const anchor = cos > 0.3 ? 'start' : cos < -0.3 ? 'end' : 'middle';
    const gap = at.r + 6;
    const lx = at.x + gap * cos;
    const ly = at.y + gap * sin + (anchor === 'middle' ? (sin < 0 ? -FONT * 0.3 : FONT * 0.95) : FONT * 0.35);
    const room = anchor === 'start' ? WIDTH - lx - 2 : anchor === 'end' ? lx - 2 : 2 * Math.min(lx, WIDTH - lx) - 4;
    const node = html`<title>${p.name}: ${t.charts.papers(p.papers)}</title><circle class="${p.member ? 'chart-member' : 'chart-other'}" cx="${num(at.x)}" cy="${num(at.y)}" r="${num(at.r)}"/><text x="${num(lx)}" y="${num(ly)}" text-anchor="${anchor}">${label(p.name, room)}</text>`;
    // The <title> names the link ("Lei Wu: 37 papers"), as SVG links are named.
    return p.href ? html`<a href="${p.href}">${node}</a>` : html`<g>${node}</g>`;
  })}</g>
</svg>`;

  const others = order.some((p) => !p.member);
  const legend = html`<ul class="chart-legend"><li><svg class="chart-swatch" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><circle class="chart-member" cx="8" cy="8" r="6"/></svg>${t.charts.member}</li>${others
    ? html`<li><svg class="chart-swatch" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><circle class="chart-other" cx="8" cy="8" r="5.5"/></svg>${t.charts.collaborator}</li>`
    : ''}<li class="muted">${t.charts.networkKey}</li></ul>`;

  const personCell = (p: NetworkPerson) => (p.href ? html`<a href="${p.href}">${p.name}</a>` : html`${p.name}`);
  const table = html`<table tabindex="0"><thead><tr><th scope="col">${t.charts.coauthorPair}</th><th scope="col">${t.charts.jointPapersColumn}</th></tr></thead>
<tbody>${sortedLinks.map((l) => html`<tr><td>${personCell(known.get(l.a)!)} – ${personCell(known.get(l.b)!)}</td><td>${l.count}</td></tr>`)}</tbody></table>
<table tabindex="0"><thead><tr><th scope="col">${t.charts.person}</th><th scope="col">${t.charts.papersColumn}</th></tr></thead>
<tbody>${order.map((p) => html`<tr><td>${personCell(p)}${p.member ? '' : html` <span class="muted">(${t.charts.collaborator})</span>`}</td><td>${p.papers}</td></tr>`)}</tbody></table>`;
  return figure({ id, kind: 'network', caption: title, svg, legend, tableSummary: t.charts.showNumbers, table }).value;
}
