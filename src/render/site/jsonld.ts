/** schema.org structured data: Person on homepages, ScholarlyArticle per publication, Event per seminar. */
import type { Person, Publication, SeminarEvent, Series } from '../../resolve/graph.js';
import { plainText } from '../markdown.js';
import { absoluteUrl, eventSlug, localText, paths, type Site } from './context.js';
import { projectFileUrl } from './parts/files.js';
import { personPath } from './parts/person-name.js';
import { pubSlug } from './parts/publications.js';
import { imageAddress } from './parts/picture.js';
import { previewPath } from '../../load/image.js';

function pageUrl(site: Site, path: string): string | undefined {
  return absoluteUrl(site, path);
}

/** The object without its undefined and empty-list values (a loop: this runs for every author of every paper). */
function clean<T extends Record<string, unknown>>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const key in o) {
    const v = o[key];
    if (v !== undefined && !(Array.isArray(v) && v.length === 0)) out[key] = v;
  }
  return out as T;
}

export function personData(site: Site, person: Person): Record<string, unknown> {
  const d = person.data;
  const sameAs = [d.homepage, ...Object.entries(d.links ?? {}).filter(([k]) => k !== 'cv').map(([, v]) => v)].filter((v): v is string => !!v && /^https?:/.test(v));
  return clean({
    '@context': 'https://schema.org',
    '@type': 'Person',
    name: person.name,
    alternateName: Object.values(person.names).filter((n) => n !== person.name),
    jobTitle: d.title ? localText(site, d.title) : undefined,
    url: pageUrl(site, personPath(site, person.id)),
    image: d.photo ? absoluteOnly(imageAddress(site, d.photo)) : undefined,
    affiliation: (d.affiliations ?? []).map((a) =>
      clean({ '@type': 'Organization', name: [localText(site, a.name), localText(site, a.institution)].filter(Boolean).join(', '), url: a.url }),
    ),
    // The address is public on the page; the email is left out when the page hides it from harvesters.
    email: d.email && site.graph.config.email?.obfuscate === false ? d.email : undefined,
    address: d.address?.length ? d.address.join(', ') : undefined,
    sameAs,
  });
}

export function articleData(site: Site, pub: Publication): Record<string, unknown> {
  const pdf = pub.links?.pdf;
  return clean({
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    headline: plainText(pub.title),
    name: plainText(pub.title),
    author: pub.authors.map((a) =>
      clean({ '@type': 'Person', name: a.name, url: a.person && site.graph.people.has(a.person) ? pageUrl(site, personPath(site, a.person)) : undefined }),
    ),
    datePublished: pub.sortDate,
    isPartOf: pub.venue?.name || pub.venue?.short ? { '@type': pub.type === 'article' ? 'Periodical' : 'PublicationEvent', name: pub.venue?.name ?? pub.venue?.short } : undefined,
    abstract: pub.abstract,
    keywords: pub.topics?.join(', '),
    image: pub.preview ? absoluteOnly(imageAddress(site, previewPath(pub.preview, (p) => site.files.has(p)))) : undefined,
    url: pageUrl(site, paths.publication(pubSlug(site, pub.id))),
    sameAs: [pub.doi ? `https://doi.org/${pub.doi}` : undefined, pub.arxiv ? `https://arxiv.org/abs/${pub.arxiv}` : undefined].filter((v) => v !== undefined),
    identifier: pub.doi ? { '@type': 'PropertyValue', propertyID: 'DOI', value: pub.doi } : undefined,
    encoding: pdf ? { '@type': 'MediaObject', encodingFormat: 'application/pdf', contentUrl: /^https?:/.test(pdf) ? pdf : absoluteUrl(site, projectFileUrl(site, pdf).slice(site.basePath.length), { asset: true }) } : undefined,
  });
}

export function eventData(site: Site, event: SeminarEvent, series: Series): Record<string, unknown> {
  const venue = event.venue;
  const online = venue?.online;
  const physical = venue?.name;
  const location = [
    physical ? clean({ '@type': 'Place', name: physical, address: venue?.address ?? series.host.address }) : undefined,
    online ? { '@type': 'VirtualLocation', url: online } : undefined,
  ].filter((v) => v !== undefined);
  const status = { scheduled: 'EventScheduled', cancelled: 'EventCancelled', postponed: 'EventPostponed' }[event.status] ?? 'EventScheduled';
  return clean({
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: plainText(event.title),
    description: event.abstract,
    // Local time with its offset, so the instant is exact and the wall-clock time the poster shows is kept.
    startDate: withOffset(event.startLocal, event.startUtc),
    endDate: withOffset(event.endLocal, event.endUtc),
    eventStatus: `https://schema.org/${status}`,
    eventAttendanceMode: `https://schema.org/${physical && online ? 'Mixed' : online ? 'Online' : 'Offline'}EventAttendanceMode`,
    location: location.length === 1 ? location[0] : location,
    performer: event.speakers.map((s) => clean({ '@type': 'Person', name: s.name, affiliation: s.affiliation ? { '@type': 'Organization', name: s.affiliation } : undefined, url: s.homepage })),
    organizer: clean({ '@type': 'Organization', name: localText(site, series.host.name), url: series.host.url }),
    superEvent: { '@type': 'EventSeries', name: localText(site, series.name) },
    url: pageUrl(site, paths.event(event.series, eventSlug(event.id))),
    // The same talk's page elsewhere (Indico, researchseminars.org).
    sameAs: absoluteOnly(event.links.page),
  });
}

/** "2025-07-23T10:30" + its UTC instant -> "2025-07-23T10:30:00+08:00". */
export function withOffset(local: string, utc: string): string {
  const [d, t] = local.split('T') as [string, string];
  const [y, mo, da] = d.split('-').map(Number) as [number, number, number];
  const [h, mi] = t.split(':').map(Number) as [number, number];
  const minutes = Math.round((Date.UTC(y, mo - 1, da, h, mi) - Date.parse(utc)) / 60000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${local}:00${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** JSON-LD is read by other sites: an address of this one only when it is absolute. */
function absoluteOnly(address: string | undefined): string | undefined {
  return address && /^https?:\/\//.test(address) ? address : undefined;
}
