/**
 * Seminar series (/seminars/<series>/: upcoming and past talks) and their events
 * (/seminars/<series>/<event>/: everything on the poster, with an .ics to add it to a calendar).
 */
import type { SeminarEvent, Series, Speaker } from '../../../resolve/graph.js';
import { plainText, renderInline, renderMarkdown } from '../../markdown.js';
import { contentLang, eventSlug, localLang, localText, paths, markdownFor, url, type Site } from '../context.js';
import { eventTime, longDate, obfuscateEmail } from '../format.js';
import { html, isSafeHref, join, type Html } from '../html.js';
import { eventData } from '../jsonld.js';
import type { Page } from '../layout.js';
import { projectFileUrl } from '../parts/files.js';
import { personPath } from '../parts/person-name.js';

export function eventsOf(site: Site, series: Series): SeminarEvent[] {
  return series.events.map((id) => site.graph.events.get(id)).filter((e) => e !== undefined);
}

/** Upcoming: not yet over at the time of the build. */
export function isUpcoming(site: Site, event: SeminarEvent): boolean {
  return Date.parse(event.endUtc) >= site.now.getTime();
}

function speakerName(site: Site, s: Speaker): Html {
  const name = html`${s.honorific ? `${s.honorific} ` : ''}${s.name}`;
  if (s.person && site.graph.people.has(s.person)) return html`<a href="${url(site, personPath(site, s.person))}">${name}</a>`;
  return s.homepage ? html`<a href="${s.homepage}">${name}</a>` : name;
}

function speakerAffiliation(site: Site, s: Speaker): string | undefined {
  if (s.affiliation) return s.affiliation;
  const p = s.person ? site.graph.people.get(s.person) : undefined;
  const a = p?.data.affiliations?.[0];
  return a ? [localText(site, a.name), localText(site, a.institution)].filter(Boolean).join(', ') : undefined;
}

function statusBadge(site: Site, e: SeminarEvent): Html {
  if (e.status === 'cancelled') return html` <span class="status-badge">${site.t.cancelled}</span>`;
  if (e.status === 'postponed') return html` <span class="status-badge">${site.t.postponed}</span>`;
  return html``;
}

/** A talk's own links (its page elsewhere, slides, video, paper), a file of the project at its copy in the site. */
export function eventLinks(site: Site, e: SeminarEvent): { kind: 'page' | 'slides' | 'video' | 'paper'; label: string; href: string }[] {
  const t = site.t;
  const label = { page: t.talkPage, slides: t.slides, video: t.video, paper: t.paper };
  const out: { kind: 'page' | 'slides' | 'video' | 'paper'; label: string; href: string }[] = [];
  for (const kind of ['page', 'slides', 'video', 'paper'] as const) {
    const target = e.links[kind];
    // The schema refused unsafe links already; one that is unsafe anyway is left out rather than shown dead.
    if (target && isSafeHref(target)) out.push({ kind, label: label[kind], href: projectFileUrl(site, target) });
  }
  return out;
}

function seriesName(site: Site, series: Series): Html {
  return html`<span lang="${localLang(site, series.name)}">${localText(site, series.name)}</span>`;
}

/** One line per event in a list: date, title, speaker. */
export function eventItem(site: Site, e: SeminarEvent, options: { showSeries?: boolean } = {}): Html {
  const series = site.graph.series.get(e.series);
  const links = eventLinks(site, e);
  return html`<li class="event${e.status !== 'scheduled' ? ' muted-event' : ''}">
<time datetime="${e.startLocal}">${longDate(site, e.startLocal)}</time>
<div>
<p class="event-title"><a href="${url(site, paths.event(e.series, eventSlug(e.id)))}">${renderInline(e.title, markdownFor(site))}</a>${statusBadge(site, e)}</p>
<p class="muted">${join(e.speakers.map((s) => html`${speakerName(site, s)}${speakerAffiliation(site, s) ? `, ${speakerAffiliation(site, s)}` : ''}`), '; ')}${options.showSeries && series ? html` · ${seriesName(site, series)}` : ''}</p>
${links.length ? html`<p class="pub-links event-links">${join(links.map((l) => html`<a href="${l.href}" class="link-${l.kind}">${l.label}</a>`), ' ')}</p>` : ''}
</div>
</li>`;
}

export function seminarsIndexPage(site: Site): Page {
  const t = site.t;
  const all = [...site.graph.series.values()];
  const upcoming = [...site.graph.events.values()].filter((e) => isUpcoming(site, e)).sort((a, b) => a.startUtc.localeCompare(b.startUtc));
  const body = html`<header class="page-head"><h1>${t.seminars}</h1></header>
<section><h2>${t.upcoming}</h2>${upcoming.length ? html`<ul class="events">${upcoming.map((e) => eventItem(site, e, { showSeries: true }))}</ul>` : html`<p class="muted">${t.noUpcoming}</p>`}</section>
<section><h2>${t.series}</h2><ul class="series-list">${all.map(
    (s) => html`<li><a href="${url(site, paths.series(s.id))}">${seriesName(site, s)}</a> <span class="muted">· ${localText(site, s.host.name)} · ${s.events.length}</span></li>`,
  )}</ul></section>`;
  return { path: paths.seminars(), title: t.seminars, body, nav: 'seminars' };
}

function hostBlock(site: Site, series: Series): Html {
  const t = site.t;
  const h = series.host;
  const names = typeof h.name === 'string' ? [[site.mainLang, h.name] as const] : Object.entries(h.name);
  const email = h.email ? (site.graph.config.email?.obfuscate === false ? html`<a href="${`mailto:${h.email}`}">${h.email}</a>` : html`${obfuscateEmail(h.email, site.t.emailAt, site.t.emailDot)}`) : '';
  return html`<section class="host"><h2>${t.host}</h2>
<address>
${series.logo ? html`<img class="host-logo" src="${projectFileUrl(site, series.logo)}" alt="" height="48">` : ''}
<p>${names.map(([lang, n], i) => html`${i ? html`<br>` : ''}<span lang="${lang}">${h.url && i === 0 ? html`<a href="${h.url}">${n}</a>` : n}</span>`)}</p>
<p>${join(
    [
      h.address ? html`${h.address}${h.postcode ? `, ${h.postcode}` : ''}` : '',
      h.phone ? html`Tel: ${h.phone}` : '',
      h.fax ? html`Fax: ${h.fax}` : '',
      email ? html`${t.email}: ${email}` : '',
    ],
    html`<br>`,
  )}</p>
</address>
</section>`;
}

export function seriesPage(site: Site, series: Series): Page {
  const t = site.t;
  const events = eventsOf(site, series);
  const upcoming = events.filter((e) => isUpcoming(site, e));
  const past = events.filter((e) => !isUpcoming(site, e)).reverse();
  const organizers = (series.organizers ?? []).map((o) =>
    typeof o === 'string'
      ? site.graph.people.has(o)
        ? html`<a href="${url(site, personPath(site, o))}">${site.graph.people.get(o)!.name}</a>`
        : html`${o}`
      : html`${o.name ?? o.person ?? ''}`,
  );
  const body = html`<header class="page-head">
<p class="kicker">${t.seminars}</p>
<h1>${seriesName(site, series)}</h1>
${typeof series.name !== 'string' ? html`<p class="subtitle">${Object.entries(series.name).filter(([l]) => l !== localLang(site, series.name)).map(([l, n]) => html`<span lang="${l}">${n}</span> `)}</p>` : ''}
</header>
${series.description ? renderMarkdown(series.description, markdownFor(site)) : ''}
<dl class="facts">
${series.venue ? html`<div><dt>${t.place}</dt><dd>${series.venue.name}${series.venue.online ? html` · <a href="${series.venue.online}">${t.online}</a>` : ''}</dd></div>` : ''}
${organizers.length ? html`<div><dt>${t.organizers}</dt><dd>${join(organizers, ', ')}</dd></div>` : ''}
</dl>
<p class="pub-actions"><a class="action" href="${url(site, paths.seriesCalendar(series.id), { asset: true })}">${t.subscribe}</a></p>
<section><h2>${t.upcoming}</h2>${upcoming.length ? html`<ul class="events">${upcoming.map((e) => eventItem(site, e))}</ul>` : html`<p class="muted">${t.noUpcoming}</p>`}</section>
${past.length ? html`<section><h2>${t.past}</h2><ul class="events">${past.map((e) => eventItem(site, e))}</ul></section>` : ''}
${hostBlock(site, series)}`;
  return { path: paths.series(series.id), title: localText(site, series.name), body, nav: 'seminars', description: series.description ? plainText(series.description).slice(0, 200) : undefined };
}

export function eventPage(site: Site, event: SeminarEvent): Page {
  const t = site.t;
  const series = site.graph.series.get(event.series)!;
  const venue = event.venue;
  const lang = contentLang(site);
  const bios = [event.bio, ...event.speakers.map((s) => s.bio)].filter((b): b is string => !!b);
  const body = html`<article class="event-page">
<header class="page-head">
<p class="kicker"><a href="${url(site, paths.series(series.id))}">${seriesName(site, series)}</a></p>
<h1${contentLang(site) ? html` lang="${contentLang(site)}"` : ''}>${renderInline(event.title, markdownFor(site))}${statusBadge(site, event)}</h1>
</header>
<dl class="facts event-facts">
<div><dt>${event.speakers.length > 1 ? t.speakers : t.speaker}</dt><dd>${join(
    event.speakers.map((s) => {
      const aff = speakerAffiliation(site, s);
      const home = s.homepage ?? (s.person ? site.graph.people.get(s.person)?.data.homepage : undefined);
      // The speaker's own homepage too, as the poster gives it, even when their name links to their page here.
      const showHome = home && !(s.homepage && !(s.person && site.graph.people.has(s.person)));
      return html`${speakerName(site, s)}${aff ? html`<br><span class="muted">${aff}</span>` : ''}${showHome ? html`<br><a class="muted" href="${home}">${home!.replace(/^https?:\/\//, '').replace(/\/$/, '')}</a>` : ''}`;
    }),
    html`<br>`,
  )}</dd></div>
<div><dt>${t.time}</dt><dd><time datetime="${event.startUtc}">${eventTime(site, event)}</time></dd></div>
${venue?.name || venue?.online ? html`<div><dt>${t.place}</dt><dd>${venue?.name ?? ''}${venue?.address ? html`<br>${venue.address}` : ''}${venue?.online ? html`${venue?.name ? html`<br>` : ''}<a href="${venue.online}">${t.online}</a>` : ''}</dd></div>` : ''}
</dl>
<p class="pub-actions">
<a class="action" href="${url(site, paths.eventCalendar(series.id, eventSlug(event.id)), { asset: true })}">${t.addToCalendar}</a>
<a class="action" href="${url(site, paths.seriesCalendar(series.id), { asset: true })}">${t.subscribe}</a>
${join(eventLinks(site, event).map((l) => html`<a class="action link-${l.kind}" href="${l.href}">${l.label}</a>`), '\n')}
</p>
${event.abstract ? html`<section class="abstract"><h2>${t.abstract}</h2><div${lang ? html` lang="${lang}"` : ''}>${renderMarkdown(event.abstract, markdownFor(site))}</div></section>` : ''}
${bios.length ? html`<section class="bio"><h2>${t.bio}</h2><div${lang ? html` lang="${lang}"` : ''}>${bios.map((b) => renderMarkdown(b, markdownFor(site)))}</div></section>` : ''}
${hostBlock(site, series)}
<p class="see-also"><a href="${url(site, paths.series(series.id))}">${t.allEvents}</a></p>
</article>`;
  return {
    path: paths.event(series.id, eventSlug(event.id)),
    title: `${plainText(event.title)} · ${localText(site, series.name)}`,
    description: event.abstract ? plainText(event.abstract).slice(0, 300) : undefined,
    body,
    data: [eventData(site, event, series)],
    ogType: 'article',
    nav: 'seminars',
  };
}
