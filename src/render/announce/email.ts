/**
 * The announcement email of a seminar event: a subject line, a plain-text body and an HTML body, ready to
 * paste into a mail program or a mailing-list form. Times are given in the event's own zone, named, with
 * the UTC offset ("10:30–11:30 (Asia/Shanghai, UTC+08:00)"), so readers elsewhere can convert them.
 *
 * The HTML uses inline styles only (mail programs drop stylesheets) and escapes everything from the
 * record; links go through the same scheme check as the site's. Math stays LaTeX source ("$L^\infty$").
 */
import { strings } from '../../strings/index.js';
import type { Graph } from '../../resolve/graph.js';
import { webcalUrl } from '../calendar/index.js';
import { escapeHtml, isSafeHref } from '../site/html.js';
import { eventFacts, talkLinkWord, type EventFacts, type LinkOptions } from './facts.js';
import { proseToHtml, proseToPlain } from './prose.js';

export interface Email {
  subject: string;
  text: string;
  html: string;
}

/** "[SCMS Colloquium] Weijie Su (University of Pennsylvania): Toward a Mathematical Theory of Deep Learning ...". */
export function emailSubject(f: EventFacts): string {
  const w = strings(f.language).announce;
  const status = f.status === 'cancelled' ? `${w.cancelled}: ` : f.status === 'postponed' ? `${w.postponed}: ` : '';
  const who = f.speakerLine ? `${f.speakerLine}: ` : '';
  return `[${f.seriesShort}] ${status}${who}${f.title}`.replace(/\s+/g, ' ').trim();
}

function timeLine(f: EventFacts): string {
  return f.timed ? `${f.when} (${f.zone}, ${f.offset})` : `${f.when} (${f.zone})`;
}

function statusNote(f: EventFacts): string | undefined {
  if (f.status === 'cancelled') return strings(f.language).announce.cancelledEmail;
  if (f.status === 'postponed') return strings(f.language).announce.postponedEmail;
  return undefined;
}

function hostContacts(f: EventFacts): string[] {
  const w = strings(f.language).announce;
  const out: string[] = [];
  if (f.host.phone) out.push(`${w.tel}: ${f.host.phone}`);
  if (f.host.fax) out.push(`${w.fax}: ${f.host.fax}`);
  if (f.host.email) out.push(`${w.email}: ${f.host.email}`);
  return out;
}

function hostName(f: EventFacts): string {
  return f.host.english && f.host.others.length ? `${f.host.english} (${f.host.others.join(', ')})` : f.host.name;
}

function hostAddress(f: EventFacts): string | undefined {
  const parts = [f.host.address, f.host.postcode].filter((v): v is string => !!v);
  return parts.length ? parts.join(', ') : undefined;
}

/** The plain-text body. */
export function emailText(f: EventFacts): string {
  const w = strings(f.language).announce;
  const lines: string[] = [];
  const note = statusNote(f);
  if (note) lines.push(note, '');
  lines.push(f.seriesName, '', f.title, '');
  const rows: [string, string][] = [];
  if (f.speakerLine) rows.push([f.speakers.length > 1 ? w.speakers : w.speaker, f.speakerLine]);
  rows.push([w.time, timeLine(f)]);
  if (f.location) rows.push([w.venue, f.location]);
  if (f.online) rows.push([w.online, f.online]);
  const width = Math.max(...rows.map(([k]) => k.length)) + 2;
  for (const [k, v] of rows) lines.push(`${(k + ':').padEnd(width)}${v}`);
  if (f.abstract) lines.push('', w.abstract, '', proseToPlain(f.abstract));
  for (const bio of f.bios) lines.push('', f.bios.length > 1 ? w.about(bio.name) : w.aboutSpeaker, '', proseToPlain(bio.text));
  const links: string[] = [];
  if (f.pageUrl) links.push(`${w.eventPage}: ${f.pageUrl}`);
  if (f.calendarUrl) links.push(`${w.addToCalendar}: ${f.calendarUrl}`);
  if (f.seriesCalendarUrl) links.push(`${w.subscribeSeries}: ${webcalUrl(f.seriesCalendarUrl)}`);
  for (const link of f.links) links.push(`${talkLinkWord(w, link.kind)}: ${link.href}`);
  if (links.length) lines.push('', ...links);
  lines.push('', '--', hostName(f));
  const address = hostAddress(f);
  if (address) lines.push(address);
  const contacts = hostContacts(f);
  if (contacts.length) lines.push(contacts.join(' · '));
  if (f.host.url) lines.push(f.host.url);
  return lines.join('\n').replace(/[ \t]+\n/g, '\n') + '\n';
}

function a(href: string, text: string, color: string): string {
  if (!isSafeHref(href)) return escapeHtml(text);
  return `<a href="${escapeHtml(href.trim())}" style="color:${color}">${escapeHtml(text)}</a>`;
}

const ACCENT = '#173f73';
const MUTED = '#555b66';

/** The HTML body: a complete document with inline styles. */
export function emailHtml(f: EventFacts, subject = emailSubject(f)): string {
  const w = strings(f.language).announce;
  const p = 'margin:0 0 12px 0;line-height:1.5';
  const h = `margin:24px 0 8px 0;font-size:16px;color:${ACCENT}`;
  const rows: [string, string][] = [];
  if (f.speakerLine) {
    rows.push([
      f.speakers.length > 1 ? w.speakers : w.speaker,
      f.speakers
        .map((s) => {
          const name = s.homepage ? a(s.homepage, s.name, ACCENT) : escapeHtml(s.name);
          return s.affiliation ? `<strong>${name}</strong> (${escapeHtml(s.affiliation)})` : `<strong>${name}</strong>`;
        })
        .join(` ${strings(f.language).and} `),
    ]);
  }
  rows.push([w.time, escapeHtml(timeLine(f))]);
  if (f.location) rows.push([w.venue, escapeHtml(f.location)]);
  if (f.online) rows.push([w.online, a(f.online, f.online, ACCENT)]);

  const body: string[] = [];
  const note = statusNote(f);
  if (note) body.push(`<p style="${p};padding:8px 12px;background:#fbe9e7;color:#b3261e;font-weight:bold">${escapeHtml(note)}</p>`);
  body.push(`<p style="margin:0 0 4px 0;font-size:13px;letter-spacing:0.08em;text-transform:uppercase;color:${MUTED}">${escapeHtml(f.seriesName)}</p>`);
  body.push(`<h1 style="margin:0 0 16px 0;font-size:22px;line-height:1.3;color:${ACCENT}">${escapeHtml(f.title)}</h1>`);
  body.push(
    `<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:0 0 8px 0">`,
    ...rows.map(
      ([k, v]) =>
        `<tr><td style="padding:3px 16px 3px 0;vertical-align:top;font-weight:bold;color:${MUTED};white-space:nowrap">${escapeHtml(k)}</td><td style="padding:3px 0;vertical-align:top">${v}</td></tr>`,
    ),
    `</table>`,
  );
  if (f.abstract) body.push(`<h2 style="${h}">${escapeHtml(w.abstract)}</h2>`, proseToHtml(f.abstract, p));
  for (const bio of f.bios) {
    body.push(`<h2 style="${h}">${escapeHtml(f.bios.length > 1 ? w.about(bio.name) : w.aboutSpeaker)}</h2>`, proseToHtml(bio.text, p));
  }
  const links: string[] = [];
  if (f.pageUrl) links.push(a(f.pageUrl, w.eventPage, ACCENT));
  if (f.calendarUrl) links.push(a(f.calendarUrl, `${w.addToCalendar} (.ics)`, ACCENT));
  if (f.seriesCalendarUrl) links.push(a(webcalUrl(f.seriesCalendarUrl), w.subscribeSeries, ACCENT));
  for (const link of f.links) links.push(a(link.href, talkLinkWord(w, link.kind), ACCENT));
  if (links.length) body.push(`<p style="${p};margin-top:20px">${links.join(' · ')}</p>`);
  const foot: string[] = [`<strong>${escapeHtml(hostName(f))}</strong>`];
  const address = hostAddress(f);
  if (address) foot.push(escapeHtml(address));
  const contacts = hostContacts(f).map((c) => (c.startsWith(`${w.email}: `) && f.host.email ? `${escapeHtml(w.email)}: ${a(`mailto:${f.host.email}`, f.host.email, MUTED)}` : escapeHtml(c)));
  if (contacts.length) foot.push(contacts.join(' · '));
  if (f.host.url) foot.push(a(f.host.url, f.host.url, MUTED));
  body.push(`<p style="margin:24px 0 0 0;padding-top:12px;border-top:1px solid #d0d5dd;font-size:13px;line-height:1.5;color:${MUTED}">${foot.join('<br>')}</p>`);

  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(f.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title>`,
    '</head>',
    `<body style="margin:0;padding:24px;background:#ffffff;color:#1b1f27;font-family:Georgia,'Times New Roman',serif;font-size:15px">`,
    `<div style="max-width:640px;margin:0 auto">`,
    ...body,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Subject, plain-text and HTML bodies of the announcement of an event. */
export function announcementEmail(graph: Graph, eventId: string, options: LinkOptions = {}): Email {
  const f = eventFacts(graph, eventId, options);
  const subject = emailSubject(f);
  return { subject, text: emailText(f), html: emailHtml(f, subject) };
}
