/**
 * An A4 poster of a seminar event, as a department prints and pins it up (after seed 004, the SCMS
 * Colloquium): the series in a colour band, a date badge, the title large, the speaker and affiliation,
 * time (in the event's zone, named) and venue, the abstract with its math, "About the speaker", and the
 * host institution in its scripts with address and contacts at the foot.
 *
 * Typeset with Typst (compileTypst), the CJK font found by fontSetFor. Every string from the record goes
 * through escapeText / inlineToTypst / typstString, so nothing the user wrote is read as Typst code.
 * Abstract and bio share the space left between the heading block and the foot: Typst measures them and
 * lowers their size (15pt down to 6.5pt) until they fit, so a long abstract still gives one page.
 */
import { strings } from '../../strings/index.js';
import type { Graph } from '../../resolve/graph.js';
import { compileTypst, typstMathCompiles, type TypstDiagnostic } from '../typst/compile.js';
import { escapeText, inlineToTypst, typstString } from '../typst/escape.js';
import { eventFacts, type EventFacts, type LinkOptions } from './facts.js';
import { proseToTypst } from './prose.js';

export interface PosterOptions extends LinkOptions {
  /** The band colour, "#173f73" by default (or vita.yaml's `theme.colors.accent`). */
  accent?: string;
  /** Receives Typst warnings (e.g. characters no font can draw). */
  onWarning?: (diagnostic: TypstDiagnostic) => void;
}

const DEFAULT_ACCENT = '#173f73';
const HEX = /^#[0-9a-fA-F]{6}$/;

function accentOf(graph: Graph, options: PosterOptions): string {
  const wanted = options.accent ?? graph.config.theme?.colors?.accent;
  return wanted && HEX.test(wanted) ? wanted : DEFAULT_ACCENT;
}

const inline = (text: string) => inlineToTypst(text, { validateMath: typstMathCompiles });

/** The poster's Typst source (exported for tests and for users who want to adapt it). */
export function posterSource(graph: Graph, eventId: string, options: PosterOptions = {}): string {
  const f = eventFacts(graph, eventId, options);
  const accent = accentOf(graph, options);
  const startDay = f.event.startLocal.slice(0, 10);
  const [y, m, d] = startDay.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d, 12));
  const t = strings(f.language);
  const w = t.announce;
  const locale = t.locale.startsWith('en') ? 'en-US' : t.locale;
  const month = day.toLocaleString(locale, { month: 'short', timeZone: 'UTC' }).toLocaleUpperCase(locale);
  const weekday = day.toLocaleString(locale, { weekday: 'short', timeZone: 'UTC' }).toLocaleUpperCase(locale);

  const out: string[] = [];
  out.push(
    `#let accent = rgb(${typstString(accent)})`,
    `#let gold = rgb("#c9a227")`,
    `#let ink = rgb("#1b1f27")`,
    `#let muted = rgb("#555b66")`,
    `#set document(title: ${typstString(`${f.seriesShort}: ${f.speakerNames ? `${f.speakerNames}, ` : ''}${f.title}`)})`,
    `#set page(paper: "a4", margin: 0pt)`,
    `#set text(size: 11pt, fill: ink, lang: ${typstString(f.language.split('-')[0]!.toLowerCase())}, hyphenate: false)`,
    `#set par(justify: false, leading: 0.62em, spacing: 0.9em)`,
    `#let label(body) = text(size: 8.5pt, weight: "bold", fill: accent, tracking: 0.14em, upper(body))`,
    `#let section(body) = block(above: 1.1em, below: 0.6em, sticky: true, text(size: 1.18em, weight: "bold", fill: accent, body))`,
    // Abstract and bio at the largest size (13pt .. 6.5pt) at which they fit the space left.
    `#let fitted(body) = layout(size => {
  let sized(s) = { set text(size: s); set par(justify: true); body }
  let fits(s) = measure(block(width: size.width, sized(s))).height <= size.height
  let s = 15pt
  while s > 6.5pt and not fits(s) { s = s - 0.25pt }
  // Clipped (a text too long even at the smallest size is cut at the foot, not drawn over it), but in a box wider
  // than the text by a margin either side: justified lines hang their end punctuation (and opening quotes) out
  // of the measure, which a box of the text's own width would cut off.
  move(dx: -6mm, block(width: size.width + 12mm, height: size.height, inset: (x: 6mm), clip: true, sized(s)))
})`,
  );

  // Top band: series, host, date badge.
  const hostLine = [f.host.english ?? f.host.name, ...f.host.others].filter((v, i, a) => a.indexOf(v) === i);
  const otherNames = typeof f.series.name === 'object' ? Object.entries(f.series.name).filter(([l, v]) => l !== 'en' && v !== f.seriesName).map(([, v]) => v) : [];
  const band = [
    `block(width: 100%, fill: accent, inset: (x: 18mm, top: 13mm, bottom: 11mm), grid(`,
    `  columns: (1fr, auto), column-gutter: 8mm, align: (left + horizon, right + horizon),`,
    `  [`,
    `    #text(fill: white, size: ${f.seriesName.length > 24 ? 22 : 27}pt, weight: "bold", tracking: 0.03em)[${escapeText(f.seriesName)}]`,
    ...(otherNames.length ? [`    #v(-2mm)#text(fill: white.transparentize(15%), size: 15pt)[${escapeText(otherNames.join(' · '))}]`] : []),
    `    #v(1mm)`,
    `    #text(fill: white.transparentize(20%), size: 11pt, tracking: 0.02em)[${escapeText(hostLine.join('  ·  '))}]`,
    `  ],`,
    `  box(fill: white, radius: 2.5mm, inset: (x: 5mm, y: 3.2mm), width: 27mm, align(center, stack(spacing: 1.6mm,`,
    `    text(size: 10pt, weight: "bold", fill: accent, tracking: 0.18em)[${escapeText(month)}],`,
    `    text(size: 30pt, weight: "bold", fill: ink)[${escapeText(String(d))}],`,
    `    text(size: 9pt, weight: "bold", fill: muted, tracking: 0.18em)[${escapeText(f.timed ? weekday : String(y))}],`,
    `  ))),`,
    `))`,
    `#block(width: 100%, height: 1.6mm, fill: gold, above: 0pt)`,
  ];

  // Heading block: title, speaker, affiliation, when and where.
  const titleSize = f.title.length > 140 ? 19 : f.title.length > 90 ? 22 : 25;
  const info: string[] = [];
  if (f.status !== 'scheduled') {
    const note = f.status === 'cancelled' ? w.cancelledNote : w.postponedNote;
    info.push(`[#label[${escapeText(w.status)}]]`, `[#text(weight: "bold", fill: rgb("#b3261e"))[${escapeText(note)}]]`);
  }
  info.push(`[#label[${escapeText(w.time)}]]`, `[${escapeText(`${f.when} (${f.zone})`)}]`);
  if (f.venueName) {
    info.push(`[#label[${escapeText(w.venue)}]]`, `[${escapeText(f.venueName)}${f.address ? `#linebreak()#text(fill: muted, size: 0.92em)[${escapeText(f.address)}]` : ''}]`);
  }
  if (f.online) info.push(`[#label[${escapeText(w.online)}]]`, `[#link(${typstString(f.online)})[#text(fill: accent)[${escapeText(f.online)}]]]`);

  const speakers = f.speakers.map((s) => {
    const aff = s.affiliation ? `\n#v(1.2mm)\n#text(size: 13.5pt, style: "italic", fill: muted)[${escapeText(s.affiliation)}]` : '';
    return `#block(above: 0pt, below: 4mm)[#text(size: 20pt, weight: "bold")[${escapeText(s.name)}]${aff}]`;
  });

  const head = [
    `#[`,
    `#set par(justify: false, leading: 0.42em)`,
    `#block(below: 0pt, text(size: ${titleSize}pt, weight: "bold", fill: accent)[${inline(f.title)}])`,
    `#v(10mm)`,
    ...speakers,
    `#v(3mm)`,
    `#block(width: 100%, inset: (y: 4mm), stroke: (top: 0.6pt + accent.lighten(55%), bottom: 0.6pt + accent.lighten(55%)), text(size: 12.5pt, grid(`,
    `  columns: (22mm, 1fr), row-gutter: 3mm, align: (left + horizon, left + horizon),`,
    `  ${info.join(', ')}`,
    `)))`,
    `]`,
  ];

  // Abstract and bio, fitted.
  const prose: string[] = [];
  if (f.abstract) prose.push(`#section[${escapeText(w.abstract)}]`, proseToTypst(f.abstract, typstMathCompiles));
  for (const bio of f.bios) {
    prose.push(`#section[${escapeText(f.bios.length > 1 ? w.about(bio.name) : w.aboutSpeaker)}]`, proseToTypst(bio.text, typstMathCompiles));
  }

  // Foot: host in all its scripts, address and contacts.
  const names: string[] = [];
  for (const other of f.host.others) names.push(`text(size: 17pt, weight: "bold", fill: white)[${escapeText(other)}]`);
  if (f.host.english) names.push(`text(size: 12.5pt, weight: "bold", fill: white, tracking: 0.06em)[#upper[${escapeText(f.host.english)}]]`);
  else if (!f.host.others.length) names.push(`text(size: 12.5pt, weight: "bold", fill: white)[${escapeText(f.host.name)}]`);
  const contacts: string[] = [];
  if (f.host.phone) contacts.push(`${w.tel}: ${f.host.phone}`);
  if (f.host.fax) contacts.push(`${w.fax}: ${f.host.fax}`);
  if (f.host.postcode) contacts.push(`${w.postcode}: ${f.host.postcode}`);
  if (f.host.email) contacts.push(`${w.email}: ${f.host.email}`);
  const addressLine = [f.host.english ?? f.host.name, f.host.address].filter(Boolean).join(', ');
  const footLines = [
    `text(size: 9.5pt, fill: white.transparentize(10%))[${escapeText(addressLine)}]`,
    ...(contacts.length ? [`text(size: 9.5pt, fill: white.transparentize(10%))[${contacts.map(escapeText).join('#h(0.8em)·#h(0.8em)')}]`] : []),
    ...(f.host.url ? [`text(size: 9.5pt, fill: gold.lighten(30%))[${escapeText(f.host.url.replace(/^https?:\/\//, '').replace(/\/$/, ''))}]`] : []),
  ];
  const foot = [
    `block(width: 100%, fill: accent, inset: (x: 18mm, top: 7mm, bottom: 8mm), grid(`,
    `  columns: (1fr,), row-gutter: 2.2mm,`,
    `  grid(columns: ${names.length > 1 ? `(${'auto, '.repeat(names.length - 1)}1fr)` : '(1fr,)'}, column-gutter: 4mm, align: left + horizon, ${names.join(', ')}),`,
    `  v(0.5mm),`,
    `  ${footLines.join(',\n  ')},`,
    `))`,
  ];

  const status =
    f.status === 'scheduled'
      ? ''
      : `#place(center + horizon, rotate(-18deg, block(fill: rgb("#b3261e").transparentize(8%), inset: (x: 14mm, y: 5mm), radius: 2mm, text(size: 40pt, weight: "bold", fill: white, tracking: 0.12em)[${escapeText(f.status === 'cancelled' ? w.cancelled : w.postponed)}])))`;

  out.push(
    `#grid(`,
    `  rows: (auto, 1fr, auto),`,
    `  [#${band.join('\n')}],`,
    `  block(width: 100%, height: 100%, inset: (x: 18mm, top: 11mm, bottom: 9mm))[`,
    head.join('\n'),
    `#block(height: 1fr, width: 100%, above: 5mm, fitted[`,
    prose.join('\n\n'),
    `])`,
    `  ],`,
    `  ${foot.join('\n')},`,
    `)`,
    status,
  );
  return out.join('\n') + '\n';
}

/** The poster of an event as PDF bytes (A4, one page). Throws when the event is not in the graph. */
export function posterPdf(graph: Graph, eventId: string, options: PosterOptions = {}): Uint8Array {
  return compileTypst(posterSource(graph, eventId, options), { onWarning: options.onWarning });
}

export type { EventFacts };
