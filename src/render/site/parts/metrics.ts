/**
 * Citation counts as the site shows them (from metrics/citations.yaml, which `vita metrics` fills): a paper's
 * "Cited by 123" linking to the source, with who counted and when on hover; a person's citations, h-index and
 * i10-index with their date. Where nothing is known, nothing is shown; a number never comes without its date.
 */
import type { Person, Publication } from '../../../resolve/graph.js';
import type { Site } from '../context.js';
import { partialDate } from '../format.js';
import { html, isSafeHref, type Html } from '../html.js';

/** "Counted by OpenAlex on 1 Dec 2026". */
export function countedBy(site: Site, source: string, asOf: string): string {
  return site.t.metrics.countedBy(source, partialDate(site, asOf));
}

/** A paper's count, linked to its page at the source; empty when it has none, or none yet (as Google Scholar does). */
export function citedBy(site: Site, pub: Publication, className = 'action cited-by'): Html | '' {
  const c = pub.citations;
  if (!c || c.count === 0) return '';
  const label = site.t.metrics.citedBy(c.count);
  const title = countedBy(site, c.source, c.asOf);
  return c.url && isSafeHref(c.url) ? html`<a class="${className}" href="${c.url}" title="${title}">${label}</a>` : html`<span class="${className}" title="${title}">${label}</span>`;
}

/** The sources of the counts of a person's papers, for the line under their totals. */
function sourcesOf(site: Site, person: Person): string[] {
  const out = new Set<string>();
  for (const key of person.publications) {
    const c = site.graph.publications.get(key)?.citations;
    if (c) out.add(c.source);
  }
  return [...out].sort();
}

/** A person's totals: citations, h-index, i10-index, and as of when; empty when none of their papers has a count. */
export function personMetricsBlock(site: Site, person: Person, headingLevel: 2 | 3 = 2): Html | '' {
  const m = person.metrics;
  if (!m) return '';
  const w = site.t.metrics;
  const n = (x: number) => x.toLocaleString(site.t.locale);
  const heading = headingLevel === 2 ? html`<h2>${w.heading}</h2>` : html`<h3>${w.heading}</h3>`;
  return html`<section id="citation-metrics" class="metrics">${heading}
<dl class="metrics-figures">
<div><dt>${w.citations}</dt><dd>${n(m.citations)}</dd></div>
<div><dt>${w.hIndex}</dt><dd>${n(m.hIndex)}</dd></div>
<div><dt>${w.i10Index}</dt><dd>${n(m.i10Index)}</dd></div>
</dl>
<p class="metrics-note">${countedBy(site, sourcesOf(site, person).join(', '), m.asOf)}</p>
</section>`;
}

/** The figures in one short line, for the group's members: "1,234 citations · h-index 12". */
export function metricsLine(site: Site, person: Person): Html | '' {
  const m = person.metrics;
  if (!m) return '';
  const w = site.t.metrics;
  return html`<span class="metrics-line" title="${countedBy(site, sourcesOf(site, person).join(', '), m.asOf)}"><span>${w.citations} ${m.citations.toLocaleString(site.t.locale)}</span> · <span>${w.hIndex} ${m.hIndex}</span></span>`;
}
