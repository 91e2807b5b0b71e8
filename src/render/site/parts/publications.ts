/**
 * Publication lists as every page shows them: grouped by status and year, venue badges, awards, author
 * roles with a legend that names only the marks used, the page owner's name in bold, co-authors linked,
 * links, abstract and BibTeX per item, and a filter bar that works on the list already in the HTML.
 */
import { legendIn } from '../../legend.js';
import type { Author, Publication } from '../../../resolve/graph.js';
import { bibtexFor } from '../bibtex.js';
import type { PublicationInfo } from '../components.js';
import { contentLang, paths, url, type Site } from '../context.js';
import { escapeHtml, html, isSafeHref, trustedHtml, type Html } from '../html.js';
import { flat, inlineOnce, markdownOnce, memo, memoShared } from '../memo.js';
import { projectFileUrl } from './files.js';
import { citedBy } from './metrics.js';
import { publicationPreview } from './picture.js';
import { deepFreeze, themed } from './themed.js';
import { pubSlug } from './publication-slug.js';
import { personPath, shortName } from './person-name.js';

export { pubSlug } from './publication-slug.js';

export type StatusGroup = 'published' | 'preprints' | 'inPreparation';

export function statusGroup(pub: Publication): StatusGroup {
  if (pub.status === 'published' || pub.status === 'accepted') return 'published';
  if (pub.status === 'in-preparation') return 'inPreparation';
  return 'preprints';
}

const STATUS_ORDER: StatusGroup[] = ['published', 'preprints', 'inPreparation'];

export interface ListOptions {
  /** Whose list it is: their name is set in bold. */
  owner?: string;
  /** Numbers shown before the items ([12]); items then get the anchor `pub-12`. */
  numbers?: ReadonlyMap<string, number>;
  /** Show the filter bar (full publication pages). */
  filters?: boolean;
  /** Level of the group headings. */
  headingLevel?: 2 | 3;
  /** How to group; defaults to vita.yaml's publications.groupBy. */
  groupBy?: 'status' | 'year' | 'type' | 'none';
  /** Entries as a CV cites them: one sentence and the paper's links; abstract and BibTeX stay on the paper's page. */
  compact?: boolean;
  /** Compact entries: with their citation counts (a CV that prints metrics); full entries always show them. */
  citations?: boolean;
}

interface Group {
  key: string;
  label: string;
  years: { year: string; pubs: Publication[] }[];
}

function byYear(pubs: Publication[]): { year: string; pubs: Publication[] }[] {
  const out: { year: string; pubs: Publication[] }[] = [];
  for (const p of pubs) {
    const year = String(p.year);
    const last = out[out.length - 1];
    if (last && last.year === year) last.pubs.push(p);
    else out.push({ year, pubs: [p] });
  }
  return out;
}

/** The groups of a list in display order; their items in the order given (newest first). */
function groups(site: Site, pubs: Publication[], groupBy: ListOptions['groupBy']): Group[] {
  const t = site.t;
  if (groupBy === 'none') return [{ key: 'all', label: '', years: [{ year: '', pubs }] }];
  if (groupBy === 'year') return [{ key: 'all', label: '', years: byYear(pubs) }];
  if (groupBy === 'type') {
    const types = [...new Set(pubs.map((p) => p.type))];
    return types.map((type) => ({ key: type, label: t.types[type] ?? type, years: byYear(pubs.filter((p) => p.type === type)) }));
  }
  const labels: Record<StatusGroup, string> = { published: t.published, preprints: t.preprints, inPreparation: t.inPreparation };
  return STATUS_ORDER.map((g) => ({ key: g, label: labels[g], years: byYear(pubs.filter((p) => statusGroup(p) === g)) })).filter((g) => g.years.length > 0);
}

/** The keys of a list in the order the page shows them: what `numberPublications` must number. */
export function displayOrder(site: Site, pubs: Publication[], groupBy: ListOptions['groupBy'] = site.graph.config.publications?.groupBy ?? 'status'): string[] {
  return groups(site, pubs, groupBy).flatMap((g) => g.years.flatMap((y) => y.pubs.map((p) => p.id)));
}

/** The legend sentence for the marks a list uses, in the page's language; undefined when none is used. */
export function legendFor(site: Site, pubs: readonly Publication[]): string | undefined {
  return legendIn(site.lang, pubs, site.graph.config.publications?.alphabeticalMark ?? '*');
}

const ROLE_MARKS: Record<string, string> = { equal: '*', lead: '†', corresponding: '✉' };

/** One author with their marks: "Mingze Wang*†", linked when they have a page, bold when the list is theirs. */
function authorHtml(site: Site, pub: Publication, author: Author, owner: string | undefined): string {
  const star = pub.alphabetical && (site.graph.config.publications?.alphabeticalMark ?? '*') === '*' && !author.roles.includes('equal');
  let marks = star ? '*' : '';
  for (const r of author.roles) marks += ROLE_MARKS[r] ?? '';
  const person = author.person ? site.graph.people.get(author.person) : undefined;
  let label: string;
  if (!person) label = escapeHtml(author.name);
  else if (person.id === owner) label = `<strong class="me">${escapeHtml(shortName(site, person))}</strong>`;
  else label = authorLink(site, person.id);
  return `<span class="author">${label}${marks ? `<span class="marks">${escapeHtml(marks)}</span>` : ''}</span>`;
}

/**
 * A person's name linked to their page, as author lists show it: the same markup on thousands of items, so it
 * is made once per site and person (strings only: each list is one join, not a tree of fragments).
 */
function authorLink(site: Site, id: string): string {
  return memo(site, 'author-link', id, () => {
    const person = site.graph.people.get(id)!;
    return html`<a href="${url(site, personPath(site, id))}">${shortName(site, person)}</a>`.value;
  });
}

export function authorList(site: Site, pub: Publication, owner?: string): Html {
  const items = pub.authors.map((a) => authorHtml(site, pub, a, owner));
  const etal = pub.etal ? `, ${escapeHtml(site.t.etal)}` : '';
  const alpha = pub.alphabetical && site.graph.config.publications?.alphabeticalMark === 'α-β' ? ' <span class="marks">(α-β)</span>' : '';
  return trustedHtml(items.join(', ') + etal + alpha);
}

/**
 * "To appear", "Under review", "Submitted", "In preparation" for entries that are not published yet, as the PDF
 * and Markdown CVs print them (cv/model.ts `statusNote`); nothing for published work and plain preprints.
 */
export function statusNote(site: Site, pub: Publication): string {
  const t = site.t;
  switch (pub.status) {
    case 'accepted':
      return t.toAppear;
    case 'under-review':
      return t.underReview;
    case 'submitted':
      return t.submitted;
    case 'in-preparation':
      return t.inPreparation;
    default:
      return '';
  }
}

/** What a publication is, as its page's kicker names it: its type, unless it is still being written. */
export function kindLabel(site: Site, pub: Publication): string {
  return pub.status === 'in-preparation' ? site.t.inPreparation : (site.t.types[pub.type] ?? pub.type);
}

/**
 * Where a paper is when it has no venue: its arXiv id, or "Preprint" for a preprint; nothing for a work in
 * preparation, which is not out anywhere yet (the PDF CV prints neither).
 */
function noVenueWhere(site: Site, pub: Publication): string | undefined {
  if (pub.arxiv) return `arXiv:${pub.arxiv}`;
  return pub.type === 'preprint' && pub.status !== 'in-preparation' ? site.t.types.preprint : undefined;
}

/** The year, but not for a work in preparation (not published in any year yet), as the PDF CV prints it. */
function yearShown(pub: Publication): string {
  return pub.status === 'in-preparation' ? '' : String(pub.year);
}

/** The venue line: "[ICML] International Conference on Machine Learning, 2025." */
/** "vol. 3, no. 2, pp. 1–23" ("第3卷，第2期，第1–23页"), or nothing. */
function venueDetails(site: Site, pub: Publication): string {
  const v = pub.venue;
  const w = site.t.venueDetails;
  const fill = (template: string, value: string) => template.replace('{}', value);
  return [v?.volume ? fill(w.volume, v.volume) : '', v?.number ? fill(w.number, v.number) : '', v?.pages ? fill(w.pages, v.pages) : ''].filter(Boolean).join(w.join);
}

export function venueLine(site: Site, pub: Publication): Html {
  const v = pub.venue;
  const name = v?.name && v.name !== v.short ? v.name : undefined;
  const where = name ?? (v?.short ? undefined : noVenueWhere(site, pub));
  const details = venueDetails(site, pub);
  const note = statusNote(site, pub);
  const year = yearShown(pub);
  const lead = [where ? html`<span class="venue-name">${where}</span>` : '', details ? html`<span class="pages">${details}</span>` : '', year ? html`<span class="year">${year}</span>` : ''].filter((x) => x !== '');
  return html`${lead.map((x, i) => (i ? html`, ${x}` : x))}${note ? html`${lead.length ? ' ' : ''}<span class="status">(${note})</span>` : ''}`;
}

/** The links of a publication, in the order a reader looks for them. */
export function publicationLinks(site: Site, pub: Publication): { kind: string; href: string }[] {
  const out: { kind: string; href: string }[] = [];
  const links = pub.links ?? {};
  const local = (href: string) => projectFileUrl(site, href);
  if (links.pdf) out.push({ kind: 'pdf', href: local(links.pdf) });
  if (pub.arxiv) out.push({ kind: 'arxiv', href: `https://arxiv.org/abs/${pub.arxiv}` });
  if (pub.doi) out.push({ kind: 'doi', href: `https://doi.org/${pub.doi}` });
  if (pub.openreview) out.push({ kind: 'openreview', href: `https://openreview.net/forum?id=${encodeURIComponent(pub.openreview)}` });
  for (const kind of ['code', 'project', 'slides', 'video', 'poster', 'html', 'blog', 'supplement', 'data'] as const) {
    const href = links[kind];
    if (href) out.push({ kind, href: local(href) });
  }
  if (pub.url && !out.some((l) => l.href === pub.url)) out.push({ kind: 'url', href: local(pub.url) });
  // The schema refused unsafe links already; a link that is unsafe anyway is left out rather than shown dead.
  return out.filter((l) => isSafeHref(l.href));
}

/** Anchor id of an item: `pub-12` in a numbered list, `pub-<key>` otherwise. */
function anchor(site: Site, pub: Publication, number: number | undefined): string {
  return number !== undefined ? `pub-${number}` : `pub-${pubSlug(site, pub.id)}`;
}


/** One entry of a list; a theme's `publicationItem` (theme/components.js) gets its data and this rendering as its default (`viaTheme` false). */
export function publicationItem(site: Site, pub: Publication, options: ListOptions = {}, viaTheme = true): Html {
  // Without a theme, this is the one check an item pays for the possibility of one.
  if (site.overrides?.publicationItem !== undefined && viaTheme) return themedPublicationItem(site, pub, options);
  if (options.compact) return citation(site, pub, options);
  const number = options.numbers?.get(pub.id);
  // Made anew on each list (kept, an item was measured to serve again once in eight: the lists that show a paper
  // come far apart). Its title, abstract and BibTeX are made once (memo.ts) and carried by reference (html.ts).
  const parts = itemParts(site, pub);
  const authors = ownerAuthors(site, pub, options.owner);
  const head = html`<li class="pub" id="${anchor(site, pub, number)}"`.value;
  return html`${trustedHtml(head + parts.attributes + '\n' + numberMark(number) + parts.title + authors)}${parts.rest}`;
}

/** The authors as one list shows them: the list owner's name in bold when they are an author. */
function ownerAuthors(site: Site, pub: Publication, owner: string | undefined): string {
  const bold = owner !== undefined && pub.authors.some((a) => a.person === owner) ? owner : undefined;
  return memo(site, 'pub-authors', bold === undefined ? pub.id : `${pub.id}\u0000${bold}`, () => flat(authorList(site, pub, bold).value));
}

function numberMark(number: number | undefined): string {
  return number !== undefined ? `<span class="pub-number">[${number}]</span>` : '';
}

/**
 * A CV's entry, one sentence as the PDF prints it: "Authors. Title. Venue, pages, year. Award." and the paper's
 * links. The title leads to the paper's page, where its abstract and BibTeX are.
 */
function citation(site: Site, pub: Publication, options: ListOptions): Html {
  const t = site.t;
  const number = options.numbers?.get(pub.id);
  const v = pub.venue;
  const venue = v?.name && v.short && v.name !== v.short ? `${v.name} (${v.short})` : (v?.name ?? v?.short);
  const where = venue ?? noVenueWhere(site, pub);
  const details = venueDetails(site, pub);
  const note = statusNote(site, pub);
  const year = yearShown(pub);
  const lead = [where ? html`<em class="venue-name">${where}</em>` : '', details, year].filter((x) => x !== '');
  const title = inlineOnce(site, pub.title);
  // "Title?" keeps its own mark; every other title ends with a full stop.
  const stop = /[.!?]$/.test(pub.title.trim()) ? '' : '.';
  const links = publicationLinks(site, pub);
  const head = html`<li class="pub compact" id="${anchor(site, pub, number)}">`.value;
  const rest = html`<a class="cite-title" href="${url(site, paths.publication(pubSlug(site, pub.id)))}">${title}</a>${stop} <span class="pub-venue">${lead.map((x, i) => (i ? html`, ${x}` : x))}${lead.length ? '.' : ''}${note ? ` (${note})` : ''}</span>${pub.award ? html` <span class="award">${pub.award}</span>` : ''}${links.length ? html` <span class="pub-links">${links.map((l) => html`<a href="${l.href}">${t.linkNames[l.kind] ?? l.kind}</a>`)}</span>` : ''}${options.citations && pub.citations?.count ? html` ${citedBy(site, pub, 'cited-by')}` : ''}`.value;
  return trustedHtml(`${head}${numberMark(number)}<p class="pub-cite">${ownerAuthors(site, pub, options.owner)}. ${rest}</p></li>`);
}

/** The parts of an item that are the same on every list, markup around the authors included. */
function itemParts(site: Site, pub: Publication): { attributes: string; title: string; rest: Html } {
  const t = site.t;
  const short = pub.venue?.short;
  const links = publicationLinks(site, pub);
  const topics = (pub.topics ?? []).map((x) => x.toLowerCase());
  const cites = pub.citations ? html` data-cites="${pub.citations.count}"`.value : '';
  const attributes = html` data-key="${pub.id}" data-year="${pub.year}" data-type="${pub.type}" data-topics="${topics.join('|')}"`.value + cites + '>';
  const preview = pub.preview === undefined ? '' : (publicationPreview(site, pub, 'list')?.value ?? '');
  const title = preview + html`
<div class="pub-body">
<p class="pub-title">${short ? html`<span class="badge" title="${pub.venue?.name ?? short}">${short}</span> ` : ''}<a href="${url(site, paths.publication(pubSlug(site, pub.id)))}">${inlineOnce(site, pub.title)}</a></p>
<p class="pub-authors">`.value;
  const rest = html`</p>
<p class="pub-venue">${venueLine(site, pub)}${pub.award ? html` <span class="award">${pub.award}</span>` : ''}</p>
<div class="pub-actions">
${links.map((l) => html`<a class="action" href="${l.href}">${t.linkNames[l.kind] ?? l.kind}</a>`)}
${citedBy(site, pub)}
${pub.abstract ? html`<details class="action-more"><summary>${t.abstract}</summary><div class="abstract">${markdownOnce(site, pub.abstract)}</div></details>` : ''}
<details class="action-more" data-pagefind-ignore><summary>${t.bibtex}</summary><div class="bibtex"><pre><code>${bibtexHtml(site, pub)}</code></pre><button type="button" class="copy" data-copy hidden data-copied="${t.copied}">${t.copy}</button></div></details>
</div>
</div>
</li>`;
  return { attributes, title, rest };
}

/** The BibTeX of a publication as HTML text, cleaned and escaped once for every page that shows it. */
export function bibtexHtml(site: Site, pub: Publication): Html {
  return memoShared(site, 'bibtex-html', pub.id, () => trustedHtml(flat(escapeHtml(bibtexFor(pub)))));
}

function heading(level: 2 | 3, text: string, id: string): Html {
  return level === 2 ? html`<h2 id="${id}" class="group-head">${text}</h2>` : html`<h3 id="${id}" class="group-head">${text}</h3>`;
}

/** The filter bar: hidden until the script shows it, since without the script it could do nothing. */
function filterBar(site: Site, pubs: Publication[]): Html {
  const t = site.t;
  const years = [...new Set(pubs.map((p) => p.year))].sort((a, b) => b - a);
  const types = [...new Set(pubs.map((p) => p.type))];
  const topics = [...new Set(pubs.flatMap((p) => (p.topics ?? []).map((x) => x.toLowerCase())))].sort();
  return html`<form class="filters" role="search" aria-label="${t.filter}" hidden data-filters>
<label class="filter-text"><span class="visually-hidden">${t.filterText}</span><input type="search" name="q" placeholder="${t.filterText}" autocomplete="off"></label>
${years.length > 1 ? html`<label><span class="visually-hidden">${t.year}</span><select name="year"><option value="">${t.allYears}</option>${years.map((y) => html`<option>${y}</option>`)}</select></label>` : ''}
${types.length > 1 ? html`<label><span class="visually-hidden">${t.type}</span><select name="type"><option value="">${t.allTypes}</option>${types.map((x) => html`<option value="${x}">${t.types[x] ?? x}</option>`)}</select></label>` : ''}
${topics.length ? html`<label><span class="visually-hidden">${t.topic}</span><select name="topic"><option value="">${t.allTopics}</option>${topics.map((x) => html`<option>${x}</option>`)}</select></label>` : ''}
${pubs.some((p) => p.citations) ? html`<label><span class="visually-hidden">${t.metrics.order}</span><select name="sort"><option value="">${t.metrics.newest}</option><option value="cited">${t.metrics.mostCited}</option></select></label>` : ''}
<output class="filter-count" aria-live="polite" data-template="${t.shown(0, pubs.length).replace('0', '{n}')}"></output>
</form>
<p class="no-match" hidden data-no-match>${t.noMatch}</p>`;
}

/** A whole list: legend, filter bar, groups and years. */
export function publicationList(site: Site, pubs: Publication[], options: ListOptions = {}): Html {
  const level = options.headingLevel ?? 2;
  const groupBy = options.groupBy ?? site.graph.config.publications?.groupBy ?? 'status';
  const sentence = legendFor(site, pubs);
  const gs = groups(site, pubs, groupBy);
  const sub = (level + 1) as 3 | 4;
  const showYears = groupBy !== 'none';
  const lang = contentLang(site);
  // Search finds each paper once, on its own page: a list that repeats papers is not indexed where it appears.
  return html`<div class="pub-list" data-pubs data-pagefind-ignore${lang ? html` lang="${lang}"` : ''}>
${options.filters ? filterBar(site, pubs) : ''}
${sentence ? html`<p class="legend">${sentence}</p>` : ''}
${gs.map(
  (g) => html`<section class="pub-group" data-group>
${g.label ? heading(level, g.label, `${g.key}`) : ''}
${g.years.map(
  (y) => html`<section class="pub-year" data-group>
${showYears && y.year ? html`${headingTag(sub, y.year)}` : ''}
<ol class="pubs${options.numbers ? ' numbered' : ''}">
${y.pubs.map((p) => publicationItem(site, p, options))}
</ol>
</section>`,
)}
</section>`,
)}
</div>`;
}

function headingTag(level: 3 | 4, text: string): Html {
  return level === 3 ? html`<h3 class="year-head">${text}</h3>` : html`<h4 class="year-head">${text}</h4>`;
}

/** A publication as overrides see it; made once per site (while in memory), like the parts of the default item. */
export function publicationInfo(site: Site, pub: Publication): PublicationInfo {
  return memo(site, 'theme-publication', pub.id, () => {
    const t = site.t;
    const v = pub.venue;
    const info: PublicationInfo = {
      key: pub.id,
      url: url(site, paths.publication(pubSlug(site, pub.id))),
      title: pub.title,
      titleHtml: inlineOnce(site, pub.title),
      authors: pub.authors.map((a) => {
        const person = a.person ? site.graph.people.get(a.person) : undefined;
        return { name: person ? shortName(site, person) : a.name, person: a.person, url: person ? url(site, personPath(site, person.id)) : undefined, roles: [...a.roles] };
      }),
      etal: pub.etal ?? false,
      alphabetical: pub.alphabetical ?? false,
      type: pub.type,
      status: pub.status,
      year: pub.year,
      venue: v ? { name: v.name, short: v.short, volume: v.volume, number: v.number, pages: v.pages } : undefined,
      award: pub.award,
      abstract: pub.abstract,
      abstractHtml: pub.abstract ? markdownOnce(site, pub.abstract) : undefined,
      topics: [...(pub.topics ?? [])],
      selected: pub.selected ?? false,
      doi: pub.doi,
      arxiv: pub.arxiv,
      links: publicationLinks(site, pub).map((l) => ({ kind: l.kind, label: t.linkNames[l.kind] ?? l.kind, url: l.href })),
      citations: pub.citations ? { count: pub.citations.count, source: pub.citations.source, asOf: pub.citations.asOf, url: pub.citations.url } : undefined,
    };
    return deepFreeze(info);
  });
}

/** One entry of a publication list through the theme's `publicationItem`, with vita's own item as its default. */
export function themedPublicationItem(site: Site, pub: Publication, options: ListOptions): Html {
  const owner = options.owner;
  const number = options.numbers?.get(pub.id);
  return themed(
    site,
    'publicationItem',
    () => ({
      publication: publicationInfo(site, pub),
      // As vita's item is named (publications.ts), so that citations and links to it find a theme's item too.
      id: number !== undefined ? `pub-${number}` : `pub-${pubSlug(site, pub.id)}`,
      number,
      owner,
      ownerIsAuthor: owner !== undefined && pub.authors.some((a) => a.person === owner),
      compact: options.compact ?? false,
    }),
    () => publicationItem(site, pub, options, false),
    { subject: `publication ${pub.id}` },
  );
}
