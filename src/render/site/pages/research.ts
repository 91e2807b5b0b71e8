/**
 * The research page (seed 002): research.md with its citations as numbers that link to the list below,
 * numbered as that list is displayed, so the numbers never drift when a paper is added; then co-authors.
 */
import { numberPublications, replaceCitations } from '../../../resolve/citations.js';
import type { Person } from '../../../resolve/graph.js';
import { renderMarkdown } from '../../markdown.js';
import { contentLang, paths, markdownFor, url, type Site } from '../context.js';
import { html } from '../html.js';
import type { Page } from '../layout.js';
import { projectFileUrl } from '../parts/files.js';
import { affiliationLine, personPath, shortName } from '../parts/person-name.js';
import { personHeader } from '../parts/person-header.js';
import { displayOrder, publicationList } from '../parts/publications.js';

/** People of the project who wrote papers with this person, most joint papers first. */
export function coauthors(site: Site, person: Person): Person[] {
  const count = new Map<string, number>();
  for (const key of person.publications) {
    for (const id of site.graph.publications.get(key)?.people ?? []) if (id !== person.id) count.set(id, (count.get(id) ?? 0) + 1);
  }
  return [...count.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([id]) => site.graph.people.get(id))
    .filter((p) => p !== undefined);
}

export function researchPage(site: Site, person: Person): Page {
  const t = site.t;
  const section = person.sections.research!;
  // The list: the person's publications, and any other paper of the project their statement cites.
  const keys = [...person.publications, ...section.cites.filter((k) => !person.publications.includes(k))];
  const pubs = keys.map((k) => site.graph.publications.get(k)).filter((p) => p !== undefined);
  const order = person.data.cv?.order ?? site.graph.config.publications?.order ?? 'descending';
  const numbers = numberPublications(displayOrder(site, pubs), order);
  const text = replaceCitations(section.text, numbers, (cited) =>
    cited.map((c) => (c.number === undefined ? `[?${c.key}]` : `[\\[${c.number}\\]](#pub-${c.number})`)).join(''),
  );
  const dir = section.file.split('/').slice(0, -1).join('/');
  const prose = renderMarkdown(text, markdownFor(site, { rewriteUrl: (u) => (u.startsWith('#') ? u : projectFileUrl(site, u, dir)), headingStart: 3 }));
  const co = coauthors(site, person);

  const body = html`${personHeader(site, person, t.research, 'research')}
<section class="research-statement" id="statement"${contentLang(site) ? html` lang="${contentLang(site)}"` : ''}>
${prose}
</section>
<section id="publications"><h2>${t.publications}</h2>
${publicationList(site, pubs, { owner: person.id, numbers, headingLevel: 3 })}
</section>
${co.length
    ? html`<section id="coauthors"><h2>${t.coauthors}</h2><ul class="coauthors">${co.map((p) => {
        const aff = affiliationLine(site, p);
        return html`<li><a href="${url(site, personPath(site, p.id))}">${shortName(site, p)}</a>${aff ? html`<span class="muted">. ${aff}.</span>` : ''}</li>`;
      })}</ul></section>`
    : ''}`;
  return {
    path: paths.research(person.id),
    title: `${t.research} · ${shortName(site, person)}`,
    body,
    nav: site.owner === person.id ? 'research' : 'group',
  };
}
