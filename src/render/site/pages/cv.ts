/**
 * The CV page (/people/<id>/cv/): an HTML rendition of the same CV model the PDF and Markdown CVs are
 * made from (src/render/cv/model.ts), so the web CV and the PDF never differ. The PDF sits beside it as cv.pdf.
 */
import type { Person } from '../../../resolve/graph.js';
import {
  compactTerms,
  cvModel,
  metricsSentence,
  type CvDocument,
  type CvPersonRef,
  type CvSection,
} from '../../cv/model.js';
import { renderInline, renderMarkdown } from '../../markdown.js';
import { contentLang, paths, markdownFor, url, type Site } from '../context.js';
import { dateRange, money, partialDate } from '../format.js';
import { html, join, type Html } from '../html.js';
import type { Page } from '../layout.js';
import { emailHtml } from './person.js';
import { personPath, shortName } from '../parts/person-name.js';
import { personHeader } from '../parts/person-header.js';
import { publicationItem } from '../parts/publications.js';

function ref(site: Site, r: CvPersonRef): Html {
  const person = r.person ? site.graph.people.get(r.person) : undefined;
  if (person) return html`<a href="${url(site, personPath(site, person.id))}">${shortName(site, person)}</a>`;
  const name = html`${r.honorific ? `${r.honorific} ` : ''}${r.name}`;
  return html`${r.url ? html`<a href="${r.url}">${name}</a>` : name}${r.affiliation ? ` (${r.affiliation})` : ''}`;
}

/** One dated row of the CV: the dates in a narrow column, the entry beside them. */
function row(when: string, what: Html): Html {
  return html`<li class="cv-row"><span class="cv-when">${when}</span><div class="cv-what">${what}</div></li>`;
}

function cvSection(site: Site, doc: CvDocument, s: CvSection, person: Person): Html {
  const t = site.t;
  const title = s.title;
  const body = ((): Html => {
    switch (s.kind) {
      case 'education':
        return html`<ul class="cv-rows">${s.entries.map((e) =>
          row(
            dateRange(site, e.start, e.end),
            html`<strong>${e.field ? t.cvWords.degreeIn(e.degree, e.field) : e.degree}</strong>, <em>${join([e.department, e.institution], ', ')}</em>${e.place ? `, ${e.place}` : ''}.
${e.advisors.length ? html`<br><span class="muted">${e.advisorLabel ?? t.advisor}:</span> ${join(e.advisors.map((a) => ref(site, a)), ', ')}` : ''}
${e.notes.length ? html`<ul class="cv-notes">${e.notes.map((n) => html`<li>${n}</li>`)}</ul>` : ''}`,
          ),
        )}</ul>`;
      case 'positions':
        return html`<ul class="cv-rows">${s.entries.map((e) =>
          row(
            dateRange(site, e.start, e.end),
            html`<strong>${e.url ? html`<a href="${e.url}">${e.title}</a>` : e.title}</strong>, ${join([e.department, e.organization], ', ')}${e.place ? `, ${e.place}` : ''}.
${e.description ? html`<div class="cv-desc">${renderMarkdown(e.description, markdownFor(site))}</div>` : ''}`,
          ),
        )}</ul>`;
      case 'research':
        return html`${s.entries.map((e) =>
          e.kind === 'interests'
            ? html`<ul>${e.items.map((i) => html`<li>${i}</li>`)}</ul>`
            : renderMarkdown(
                // The model numbered the citations as this CV lists the papers; make each number a link to its entry.
                e.numbered.replace(/\[(\d+)\]/g, (_m, n: string) => `[\\[${n}\\]](#pub-${n})`), markdownFor(site, { headingStart: 3 })),
        )}`;
      case 'publications': {
        const numbers = new Map(Object.entries(doc.numbers));
        return html`${s.metrics ? html`<p class="metrics-note">${metricsSentence(s.metrics, doc.language)}</p>` : ''}
${s.legend ? html`<p class="legend">${s.legend}</p>` : ''}
${s.entries.map(
  (g) => html`<h3 class="group-head">${g.title}</h3>
<ol class="pubs numbered">${g.keys.map((key) => {
    const pub = site.graph.publications.get(key);
    return pub ? publicationItem(site, pub, { owner: person.id, numbers, compact: true, citations: s.metrics !== undefined }) : '';
  })}</ol>`,
)}`;
      }
      case 'grants':
        return html`<ul class="cv-rows">${s.entries.map((g) =>
          row(
            dateRange(site, g.start, g.end),
            html`<strong>${g.title}</strong>${g.project ? html`: “${g.project}”` : ''}${g.funder && !g.title.includes(g.funder) ? `, ${g.funder}` : ''}${g.amount ? html`, <span class="amount">${money(g.amount)}</span>` : ''}${g.role !== 'pi' ? ` (${g.role === 'co-pi' ? 'Co-PI' : 'participant'})` : ' (PI)'}${g.number ? `, No. ${g.number}` : ''}.`,
          ),
        )}</ul>`;
      case 'awards':
        return html`<ul class="cv-rows">${s.entries.map((a) =>
          row(
            a.dates.map((d) => partialDate(site, d)).join(', '),
            html`<strong>${a.title}</strong>${a.issuer ? `, ${a.issuer}` : ''}${a.amount ? html`, <span class="amount">${money(a.amount)}</span>` : ''}${a.rank ? html` <span class="muted">(${a.rank})</span>` : ''}${a.note ? `. ${a.note}` : ''}.`,
          ),
        )}</ul>`;
      case 'teaching': {
        const roleName: Record<string, string> = { instructor: t.instructor, 'co-instructor': t.coInstructor, ta: t.ta, 'guest-lecturer': t.guestLecturer };
        return html`<ul class="cv-rows">${s.entries.map((e) =>
          row(
            compactTerms(e.terms),
            html`<strong>${e.course}</strong>, ${roleName[e.role] ?? e.role}${e.institution ? `, ${e.institution}` : ''}${e.program ? `, ${e.program}` : ''}${e.note ? ` (${e.note})` : ''}${e.instructor ? html`; ${t.instructor}: ${ref(site, e.instructor)}` : ''}.`,
          ),
        )}</ul>`;
      }
      case 'mentoring':
        return html`${s.entries.map(
          (g) => html`<h3 class="group-head">${g.title}</h3><p class="cv-students">${join(
            g.students.map((st) => html`${ref(site, { name: st.name, person: st.person })}${st.start ? ` (${st.start.slice(2, 4)})` : ''}${st.next ? html` <span class="muted">→ ${st.next}</span>` : ''}`),
            ', ',
          )}</p>`,
        )}`;
      case 'talks':
        return html`<ul class="cv-rows">${s.entries.map((e) =>
          row(
            partialDate(site, e.date),
            html`${e.title ? html`<em>${renderInline(e.title, markdownFor(site))}</em>, ` : ''}${e.url ? html`<a href="${e.url}">${e.event}</a>` : e.event}${e.host ? `, ${e.host}` : ''}${e.place ? `, ${e.place}` : ''}${e.virtual ? ` (${t.virtual})` : ''}.`,
          ),
        )}</ul>`;
      case 'service':
        return html`${s.entries.map(
          (sv) => html`${sv.reviewer.length
            ? html`<p><strong>${t.reviewer}</strong></p><ul class="cv-service">${sv.reviewer.map(
                (g) => html`<li><span class="muted">${g.title}:</span> ${join(
                  g.venues.map((v) => html`<span title="${v.name ?? ''}">${v.short ?? v.name}</span>${v.years ? ` (${v.years.replace(/-/g, '–')})` : ''}`),
                  ', ',
                )}</li>`,
              )}</ul>`
            : ''}
${sv.organizing.length ? html`<p><strong>${t.organizing}</strong></p><ul class="cv-rows">${sv.organizing.map((o) => row(dateRange(site, o.start, o.end), html`${o.role}, ${o.url ? html`<a href="${o.url}">${o.event}</a>` : o.event}.`))}</ul>` : ''}
${sv.other.length ? html`<ul>${sv.other.map((x) => html`<li>${x}</li>`)}</ul>` : ''}`,
        )}`;
      case 'markdown':
        return html`${s.entries.map((m) => renderMarkdown(m.numbered.replace(/\[(\d+)\]/g, (_m, n: string) => `[\\[${n}\\]](#pub-${n})`), markdownFor(site, { headingStart: 3 })))}`;
    }
  })();
  const lang = contentLang(site);
  return html`<section class="cv-section" id="cv-${s.id}"><h2>${title}</h2>${lang ? html`<div lang="${lang}">${body}</div>` : body}</section>`;
}

export function cvPage(site: Site, person: Person): Page {
  const t = site.t;
  const doc = cvModel(site.graph, person.id, { name: 'full', language: site.lang });
  const h = doc.header;
  const body = html`${personHeader(site, person, t.cv, 'cv')}
<div class="cv-head">
<p>${h.title ? html`<strong>${h.title}</strong>` : ''}${h.affiliations.length ? html`${h.title ? html`<br>` : ''}${join(h.affiliations.map((a) => html`${a.name}${a.institution ? `, ${a.institution}` : ''}`), html`<br>`)}` : ''}</p>
<p>${h.email ? html`${t.email}: ${emailHtml(site, h.email)}` : ''}${h.homepage ? html`<br>${t.homepage}: <a href="${h.homepage}">${h.homepage.replace(/^https?:\/\//, '').replace(/\/$/, '')}</a>` : ''}</p>
<p class="pub-actions"><a class="action" href="${url(site, paths.cvPdf(person.id))}" hreflang="${site.lang}">${t.cvPdf}</a></p>
</div>
${doc.sections.map((s) => cvSection(site, doc, s, person))}`;
  return {
    path: paths.cv(person.id),
    // The CV repeats what the person's other pages and the papers' pages hold.
    unsearchable: true,
    title: `${t.cv} · ${shortName(site, person)}`,
    body,
    nav: site.owner === person.id ? 'cv' : 'group',
  };
}
