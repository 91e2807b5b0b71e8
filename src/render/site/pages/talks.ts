/** A person's talks (/people/<id>/talks/): invited talks from their record and the seminars they gave here. */
import type { Person, Talk } from '../../../resolve/graph.js';
import { renderInline } from '../../markdown.js';
import { eventSlug, paths, url, type Site } from '../context.js';
import { partialDate } from '../format.js';
import { html, join } from '../html.js';
import type { Page } from '../layout.js';
import { shortName } from '../parts/person-name.js';
import { personHeader } from '../parts/person-header.js';

function talkItem(site: Site, talk: Talk) {
  const t = site.t;
  const eventHref = talk.seminar ? url(site, paths.event(talk.seminar.series, eventSlug(talk.seminar.event))) : talk.url;
  const where = join([talk.host, talk.place], ', ');
  return html`<li class="talk">
<time datetime="${talk.date}">${partialDate(site, talk.date)}</time>
<div>
${talk.title ? html`<p class="talk-title">${talk.seminar ? html`<a href="${eventHref}">${renderInline(talk.title)}</a>` : renderInline(talk.title)}</p>` : ''}
<p class="talk-event">${eventHref && !talk.title ? html`<a href="${eventHref}">${talk.event}</a>` : talk.event}${where.value ? html`, ${where}` : ''}${talk.virtual ? html` <span class="tag">${t.virtual}</span>` : ''}${talk.seminar ? html` <span class="tag">${t.seminarTalk}</span>` : ''}</p>
${talk.slides || talk.video ? html`<p class="pub-actions">${talk.slides ? html`<a class="action" href="${talk.slides}">${t.slides}</a>` : ''}${talk.video ? html`<a class="action" href="${talk.video}">${t.video}</a>` : ''}</p>` : ''}
</div>
</li>`;
}

export function talksPage(site: Site, person: Person): Page {
  const t = site.t;
  const years = [...new Set(person.talks.map((x) => x.date.slice(0, 4)))];
  const body = html`${personHeader(site, person, t.talks, 'talks')}
${years.map((y) => html`<section><h2 class="year-head">${y}</h2><ul class="talks">${person.talks.filter((x) => x.date.startsWith(y)).map((x) => talkItem(site, x))}</ul></section>`)}`;
  return { path: paths.talks(person.id), title: `${t.talks} · ${shortName(site, person)}`, body, nav: site.owner === person.id ? 'talks' : 'group' };
}
