/**
 * One page per publication (/publications/<key>/): what a reader, a citer and Google Scholar need, with
 * the `citation_*` meta tags Scholar's crawler reads and schema.org ScholarlyArticle data.
 */
import type { Publication } from '../../../resolve/graph.js';
import { plainText, renderInline } from '../../markdown.js';
import { absoluteUrl, contentLang, paths, type Site } from '../context.js';
import { html, isSafeHref, type Html } from '../html.js';
import { articleData } from '../jsonld.js';
import type { Page } from '../layout.js';
import { isProjectPath, projectPath } from '../parts/files.js';
import { inlineOnce, markdownOnce } from '../memo.js';
import { projectLinks, publicationProjects } from '../parts/writing.js';
import { authorList, bibtexHtml, kindLabel, legendFor, publicationLinks, pubSlug, venueLine } from '../parts/publications.js';
import { publicationPreview } from '../parts/picture.js';
import { citedBy } from '../parts/metrics.js';
import { previewPath } from '../../../load/image.js';

/** Google Scholar's meta tags (https://scholar.google.com/intl/en/scholar/inclusion.html#indexing). */
export function citationMeta(site: Site, pub: Publication): Html {
  const tags: [string, string][] = [['citation_title', plainText(pub.title)]];
  for (const a of pub.authors) tags.push(['citation_author', a.name]);
  tags.push(['citation_publication_date', pub.sortDate.replace(/-/g, '/')]);
  const venue = pub.venue?.name ?? pub.venue?.short;
  if (venue) {
    if (pub.type === 'article') tags.push(['citation_journal_title', venue]);
    else if (pub.type === 'conference' || pub.type === 'workshop') tags.push(['citation_conference_title', venue]);
    else if (pub.type === 'report') tags.push(['citation_technical_report_institution', venue]);
    else if (pub.type === 'thesis') tags.push(['citation_dissertation_institution', venue]);
  }
  if (pub.venue?.volume) tags.push(['citation_volume', pub.venue.volume]);
  if (pub.venue?.number) tags.push(['citation_issue', pub.venue.number]);
  const pages = pub.venue?.pages?.split(/[–-]+/);
  if (pages?.[0]) tags.push(['citation_firstpage', pages[0]]);
  if (pages?.[1]) tags.push(['citation_lastpage', pages[1]]);
  if (pub.venue?.publisher) tags.push(['citation_publisher', pub.venue.publisher]);
  const pdf = pub.links?.pdf;
  if (pdf) {
    // Scholar wants an absolute address; a PDF of the project is one when the site's address is known.
    const local = isProjectPath(pdf) ? projectPath(pdf) : undefined;
    const href = local ? absoluteUrl(site, local, { asset: true }) : pdf;
    if (href && isSafeHref(href)) tags.push(['citation_pdf_url', href]);
  }
  if (pub.arxiv) tags.push(['citation_arxiv_id', pub.arxiv]);
  if (pub.doi) tags.push(['citation_doi', pub.doi]);
  if (pub.abstract) tags.push(['citation_abstract', pub.abstract]);
  for (const topic of pub.topics ?? []) tags.push(['citation_keywords', topic]);
  return html`${tags.map(([name, content]) => html`<meta name="${name}" content="${content}">\n`)}`;
}

export function publicationPage(site: Site, pub: Publication): Page {
  const t = site.t;
  const links = publicationLinks(site, pub);
  const sentence = legendFor(site, [pub]);
  const projects = publicationProjects(site, pub.id);
  const body = html`<article class="publication">
<header class="page-head">
<p class="kicker">${pub.venue?.short ? html`<span class="badge">${pub.venue.short}</span> ` : ''}${kindLabel(site, pub)}${pub.status === 'in-preparation' ? '' : ` · ${pub.year}`}</p>
<h1${contentLang(site) ? html` lang="${contentLang(site)}"` : ''}>${inlineOnce(site, pub.title)}</h1>
<p class="pub-authors">${authorList(site, pub)}</p>
${sentence ? html`<p class="legend">${sentence}</p>` : ''}
<p class="pub-venue">${venueLine(site, pub)}${pub.award ? html` <span class="award">${pub.award}</span>` : ''}</p>
${links.length || pub.citations?.count ? html`<p class="pub-actions">${links.map((l) => html`<a class="action" href="${l.href}">${t.linkNames[l.kind] ?? l.kind}</a>`)}${citedBy(site, pub)}</p>` : ''}
</header>
${publicationPreview(site, pub, 'page') ?? ''}
${pub.abstract ? html`<section class="abstract"><h2>${t.abstract}</h2><div${contentLang(site) ? html` lang="${contentLang(site)}"` : ''}>${markdownOnce(site, pub.abstract)}</div></section>` : ''}
${pub.note ? html`<p class="note">${renderInline(pub.note)}</p>` : ''}
${projects.length ? html`<p class="topics pub-projects"><span class="label">${t.projects}</span> ${projectLinks(site, projects)}</p>` : ''}
${pub.topics?.length ? html`<p class="topics"><span class="label">${t.topics}</span> ${pub.topics.map((x) => html`<span class="tag">${x}</span> `)}</p>` : ''}
<section class="cite" data-pagefind-ignore><h2>${t.cite}</h2><div class="bibtex"><pre><code>${bibtexHtml(site, pub)}</code></pre><button type="button" class="copy" data-copy hidden data-copied="${t.copied}">${t.copy}</button></div></section>
</article>`;
  return {
    path: paths.publication(pubSlug(site, pub.id)),
    title: plainText(pub.title),
    image: pub.preview ? previewPath(pub.preview, (p) => site.files.has(p)) : undefined,
    description: pub.abstract ? plainText(pub.abstract).slice(0, 300) : `${pub.authors.map((a) => a.name).join(', ')}. ${pub.venue?.name ?? ''} ${pub.year}`.trim(),
    body,
    head: citationMeta(site, pub),
    data: [articleData(site, pub)],
    ogType: 'article',
    nav: 'publications',
  };
}
