/**
 * CV themes: a Typst prelude that defines the layout functions the document body calls
 * (`cv-header`, `cv-section`, `cv-entry`, `cv-items`, `cv-labeled`, `cv-pubs`, `cv-group`, `cv-legend`,
 * `cv-prose`, `cv-table`). The body is the same for every theme; only these definitions differ.
 *
 * - classic: in the spirit of a carefully made LaTeX academic CV (seed 003): Libertinus Serif, name
 *   and section headings in small caps with a rule, dates right-aligned.
 * - compact: sans-serif, tighter, a two-column header, dates in a left column.
 */
import { typstString } from '../../typst/escape.js';

export const CV_THEMES = ['classic', 'compact'] as const;
export type CvTheme = (typeof CV_THEMES)[number];

export interface ThemeSettings {
  /** Body font families, most preferred first (already cut to what exists), CJK family last. */
  fonts: string[];
  /** Accent colour, "#RRGGBB". */
  accent: string;
  paper: string;
  /** Body size in points. */
  size: number;
  /** Running footer: "Lei Wu · Curriculum Vitae". */
  footer: string;
  lang: string;
}

function common(s: ThemeSettings): string {
  const fonts = `(${s.fonts.map(typstString).join(', ')},)`;
  return `
#let accent = rgb(${typstString(s.accent)})
#let muted = luma(38%)
#let rule-color = accent.lighten(25%)
#set text(font: ${fonts}, size: ${s.size}pt, lang: ${typstString(s.lang)}, hyphenate: true)
#set list(marker: ([•], [–], [·]), indent: 0.2em, body-indent: 0.55em, spacing: 0.55em)
#set enum(indent: 0.2em, body-indent: 0.55em, spacing: 0.55em)
#show link: it => it
#let cv-footer = ${typstString(s.footer)}
#let cv-prose(body) = block(width: 100%, below: 0.9em)[
  #set par(justify: true)
  #show list: set block(above: 0.6em, below: 0.75em)
  #show enum: set block(above: 0.6em, below: 0.75em)
  #body
]
#let cv-table(..args) = block(width: 100%, above: 0.8em, below: 0.9em, breakable: false)[
  #set text(size: 0.88em)
  #set par(justify: false)
  #set list(spacing: 0.35em)
  #table(
    stroke: none,
    inset: (x: 0.45em, y: 0.42em),
    ..args.named(),
    table.hline(stroke: 0.8pt),
    ..args.pos().slice(0, 1),
    table.hline(stroke: 0.4pt),
    ..args.pos().slice(1),
    table.hline(stroke: 0.8pt),
  )
]
#let cv-group(title) = block(sticky: true, above: 0.95em, below: 0.55em)[
  #text(style: "italic", weight: "bold", size: 0.97em, title)
]
#let cv-legend(body) = block(above: 0.2em, below: 0.7em, text(size: 0.88em, style: "italic", fill: muted, body))
#let cv-mark(body) = super(typographic: false, size: 0.72em, baseline: -0.38em, body)
#let cv-award(body) = text(fill: accent, style: "italic", body)
#let cv-anchor(n) = [#metadata(n)#label("pub-" + str(n))]
`;
}

const CLASSIC = `
#set page(
  paper: PAPER,
  margin: (x: 2.1cm, top: 1.9cm, bottom: 2cm),
  footer: context {
    set text(size: 8pt, fill: muted)
    grid(columns: (1fr, auto), cv-footer, [#counter(page).display() / #counter(page).final().first()])
  },
)
#set par(leading: 0.58em, spacing: 0.75em)
#let cv-header(name: none, other: none, title: none, lines: (), address: (), contacts: ()) = {
  align(center)[
    #block(below: 0.7em)[
      #text(size: 2.15em, tracking: 0.03em, smallcaps(name))#if other != none [#h(0.45em)#text(size: 1.6em, other)]
    ]
    // Fixed line edges: a line with Chinese is spaced like the others.
    #set text(size: 0.94em, hyphenate: false, top-edge: 0.78em, bottom-edge: -0.24em)
    #set par(leading: 0.36em)
    #{
      let rows = ()
      if title != none { rows.push(text(style: "italic", title)) }
      rows += lines
      if address.len() > 0 { rows.push(address.join([, ])) }
      if contacts.len() > 0 { rows.push(contacts.join([#h(0.5em)#text(fill: muted)[·]#h(0.5em)])) }
      rows.join(linebreak())
    }
  ]
  v(0.35em)
}
#let cv-section(title) = block(sticky: true, width: 100%, above: 1.35em, below: 0.75em,
  stroke: (bottom: 0.6pt + rule-color), inset: (bottom: 0.28em))[
  #text(size: 1.14em, fill: accent, tracking: 0.04em, smallcaps(all: false, title))
]
#let cv-entry(title: none, subtitle: none, place: none, date: none, body: none) = block(width: 100%, above: 0.75em, below: 0.75em, breakable: false)[
  #grid(columns: (1fr, auto), column-gutter: 1.2em, row-gutter: 0.55em,
    strong(title), align(right, if place != none { place }),
    ..if subtitle != none or date != none { (if subtitle != none { emph(subtitle) }, align(right, if date != none { emph(date) })) } else { () },
  )
  #if body != none { block(above: 0.55em, inset: (left: 0em))[#set par(justify: true); #body] }
]
#let cv-items(..rows) = block(width: 100%, above: 0.6em, below: 0.8em, {
  for r in rows.pos() {
    block(above: 0.62em, below: 0.62em, grid(columns: (1fr, auto), column-gutter: 1.5em, r.at(1), align(right, emph(r.at(0)))))
  }
})
#let cv-labeled(..rows) = block(width: 100%, above: 0.6em, below: 0.8em, grid(
  columns: (auto, 1fr), column-gutter: 1em, row-gutter: 0.62em,
  ..rows.pos().map(r => (emph(r.at(0)), par(justify: false, text(hyphenate: false, r.at(1))))).flatten(),
))
#let cv-pubs(width: 2.2em, ..rows) = block(width: 100%, above: 0.5em, below: 0.6em, {
  // One unbreakable block per entry: an entry never starts at the foot of a page and ends on the next. Its number
  // hangs in a box before a paragraph, not in a grid: a grid per entry made Typst hold half as much memory again
  // (a CV of 40,000 papers: about 70 KB an entry against 47 KB).
  // Ragged right without hyphens, as LaTeX sets a ragged-right bibliography: Typst's greedy line breaker would split
  // a title at every line end ("Ker-nel"); hyphenating also cost a sixth of a CV's typesetting time.
  set text(hyphenate: false)
  for r in rows.pos() {
    block(above: 0.7em, below: 0.7em, breakable: false,
      par(justify: false, hanging-indent: width + 0.55em, box(width: width, align(right, r.at(0))) + h(0.55em) + r.at(1)))
  }
})
`;

const COMPACT = `
#set page(
  paper: PAPER,
  margin: (x: 1.6cm, top: 1.4cm, bottom: 1.6cm),
  footer: context {
    set text(size: 7.5pt, fill: muted)
    grid(columns: (1fr, auto), cv-footer, [#counter(page).display() / #counter(page).final().first()])
  },
)
#set par(leading: 0.5em, spacing: 0.6em)
// The date column fits the widest date in the font at hand ("2012.09 – 2018.07" is wider in DejaVu Sans
// than in Source Sans), so a date never wraps; needs context.
#let date-col() = calc.max(8.6em.to-absolute(), measure(text(size: 0.92em, "0000.00 – 0000.00")).width + 0.1em.to-absolute())
#let cv-header(name: none, other: none, title: none, lines: (), address: (), contacts: ()) = {
  set text(hyphenate: false, top-edge: 0.78em, bottom-edge: -0.24em)
  set par(leading: 0.38em)
  grid(columns: (1fr, auto), column-gutter: 1.5em,
    [
      #block(below: 0.75em, text(size: 2em, weight: "bold", fill: accent, name + if other != none [#h(0.4em)#text(weight: "regular", size: 0.8em, other)]))
      #{
        let rows = ()
        if title != none { rows.push(text(weight: "bold", title)) }
        rows += lines.map(l => text(size: 0.92em, l))
        rows += address.map(l => text(size: 0.92em, l))
        rows.join(linebreak())
      }
    ],
    align(right + bottom, text(size: 0.92em, contacts.join(linebreak()))),
  )
  v(0.15em)
  line(length: 100%, stroke: 1.2pt + accent)
  v(0.1em)
}
#let cv-section(title) = block(sticky: true, width: 100%, above: 1.05em, below: 0.55em)[
  #grid(columns: (auto, 1fr), column-gutter: 0.6em, align: horizon,
    text(size: 1.02em, weight: "bold", fill: accent, tracking: 0.06em, upper(title)),
    line(length: 100%, stroke: 0.5pt + rule-color),
  )
]
#let cv-entry(title: none, subtitle: none, place: none, date: none, body: none) = block(width: 100%, above: 0.6em, below: 0.6em, breakable: false)[
  #context grid(columns: (date-col(), 1fr), column-gutter: 0.9em, row-gutter: 0.45em,
    text(fill: muted, size: 0.92em, hyphenate: false, if date != none { date }),
    [#strong(title)#if place != none [#h(1fr)#text(fill: muted, size: 0.92em, place)]],
    ..if subtitle != none { ([], emph(subtitle)) } else { () },
    ..if body != none { ([], [#set par(justify: true); #body]) } else { () },
  )
]
#let cv-items(..rows) = block(width: 100%, above: 0.45em, below: 0.6em, context grid(
  columns: (date-col(), 1fr), column-gutter: 0.9em, row-gutter: 0.48em,
  ..rows.pos().map(r => (text(fill: muted, size: 0.92em, hyphenate: false, r.at(0)), r.at(1))).flatten(),
))
#let cv-labeled(..rows) = block(width: 100%, above: 0.45em, below: 0.6em, context grid(
  columns: (date-col(), 1fr), column-gutter: 0.9em, row-gutter: 0.48em,
  ..rows.pos().map(r => (text(fill: muted, size: 0.92em, hyphenate: false, r.at(0)), par(justify: false, text(hyphenate: false, r.at(1))))).flatten(),
))
#let cv-pubs(width: 2.2em, ..rows) = block(width: 100%, above: 0.4em, below: 0.5em, context {
  let col = date-col()
  // The number in a box before a paragraph, not a grid per entry (see the classic theme: far less memory).
  // No hyphens in a ragged-right entry (see the classic theme).
  set text(hyphenate: false)
  for r in rows.pos() {
    block(above: 0.55em, below: 0.55em, breakable: false,
      par(justify: false, hanging-indent: col + 0.9em, box(width: col, align(right, text(fill: muted, r.at(0)))) + h(0.9em) + r.at(1)))
  }
})
`;

/** The Typst prelude of a theme. */
export function themePrelude(theme: CvTheme, s: ThemeSettings): string {
  const layout = (theme === 'compact' ? COMPACT : CLASSIC).replace('PAPER', typstString(s.paper));
  return common(s) + layout;
}

/** Theme defaults: fonts (most preferred first), accent colour, size. */
export const THEME_DEFAULTS: Record<CvTheme, { fonts: string[]; cjkStyle: 'serif' | 'sans'; accent: string; size: number }> = {
  classic: { fonts: ['Libertinus Serif'], cjkStyle: 'serif', accent: '#1F3A68', size: 10.5 },
  compact: {
    fonts: ['Source Sans 3', 'Source Sans Pro', 'Fira Sans', 'Noto Sans', 'Open Sans', 'Liberation Sans', 'Arial', 'Helvetica', 'DejaVu Sans'],
    cjkStyle: 'sans',
    accent: '#0E5A8A',
    size: 9.5,
  },
};
