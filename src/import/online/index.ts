/**
 * The online sources of `vita import`: arXiv, OpenAlex, Crossref, DBLP and ORCID. Each reads a source named on the
 * command line (spec.ts), fetches through the cached HTTP client (http.ts), and turns the service's answers into the
 * same bundle the file sources make, so that merging, writing and reporting are shared.
 */
import { emptyBundle, note, type ImportBundle, type ImportSource, type SourceContext } from '../bundle.js';
import { CACHE_FOLDER } from '../cache.js';
import { personId, slug } from '../text.js';
import { readArxiv } from './arxiv.js';
import { readCrossref } from './crossref.js';
import { readDblp } from './dblp.js';
import { HttpClient } from './http.js';
import { OnlineIo, type ServiceResult } from './io.js';
import { readOpenalex } from './openalex.js';
import { readOrcid } from './orcid.js';
import { addDrafts } from './records.js';
import { parseOnlineSpec, type OnlineKind, type OnlineQuery } from './spec.js';

export { onlineKindOf, ONLINE_KINDS, type OnlineKind } from './spec.js';
export type { HttpSettings } from './http.js';
export { HttpClient } from './http.js';
export { OnlineIo, type ServiceResult } from './io.js';

const NAMES: Record<OnlineKind, string> = { arxiv: 'arXiv', openalex: 'OpenAlex', crossref: 'Crossref', dblp: 'DBLP', orcid: 'ORCID' };

const DESCRIPTIONS: Record<OnlineKind, string> = {
  arxiv: 'arXiv papers by id (arxiv:2011.13456,...) or by author (arxiv:author:"Lei Wu")',
  openalex: "an author's works in OpenAlex (openalex:orcid:<ORCID> or openalex:<author id>)",
  crossref: 'works by DOI from Crossref (crossref:10.1137/...,..., or crossref:@dois.txt)',
  dblp: "a DBLP person's publications (dblp:pid/123/4567)",
  orcid: 'the public works of an ORCID record (orcid:0000-0002-1825-0097)',
};

/** The drafts a service gives for a query (`vita sync` judges them before they become a bundle). */
export function readService(kind: OnlineKind, query: OnlineQuery, io: OnlineIo): Promise<ServiceResult> {
  switch (query.kind) {
    case 'arxiv':
      return readArxiv(query, io);
    case 'openalex':
      return readOpenalex(query, io);
    case 'crossref':
      return readCrossref(query, io);
    case 'dblp':
      return readDblp(query, io);
    case 'orcid':
      return readOrcid(query, io);
  }
  throw new Error(`no reader for ${kind}`);
}

async function readOnline(kind: OnlineKind, spec: string, context: SourceContext): Promise<ImportBundle> {
  const bundle = emptyBundle(kind, kind);
  const parsed = parseOnlineSpec(spec, kind);
  if ('error' in parsed) {
    note(bundle, 'error', { file: spec }, 'bad-source', parsed.error, parsed.hint);
    return bundle;
  }
  const client = new HttpClient(kind, context.cache, context.online);
  const io = new OnlineIo(client, context.progress, bundle);
  const result = await readService(kind, parsed.query, io);
  bundle.label = slug(result.label) || kind;
  bundle.title = result.title;
  addDrafts(bundle, result.drafts, new Set());
  if (result.person) {
    const id = personId(result.person.name);
    const value: Record<string, unknown> = { name: result.person.name };
    if (result.person.homepage) value.homepage = result.person.homepage;
    if (Object.keys(result.person.links).length) value.links = result.person.links;
    bundle.people.push({ id, value, sections: {}, origin: { file: spec } });
    bundle.owner = id;
    bundle.title = result.person.name;
  }
  const { cached, fetched } = client.counts;
  if (cached + fetched > 0) {
    const parts = [fetched && `${fetched} fetched from ${NAMES[kind]} and kept in ${CACHE_FOLDER}/${kind}/`, cached && `${cached} read from ${CACHE_FOLDER}/${kind}/ (no request made)`].filter(Boolean);
    note(bundle, 'info', { file: spec }, 'online-cache', `${cached + fetched} answer${cached + fetched === 1 ? '' : 's'}: ${parts.join('; ')}`, fetched ? 'commit the cache with the record: importing again then needs no network and gives the same result.' : undefined);
  }
  if (!bundle.notes.some((d) => d.severity === 'error') && bundle.publications.length === 0) {
    note(bundle, 'warning', { file: spec }, 'nothing-found', `${NAMES[kind]} has no publications for ${spec}`);
  }
  return bundle;
}

export const ONLINE_SOURCES: readonly ImportSource[] = (Object.keys(NAMES) as OnlineKind[]).map((kind) => ({
  kind,
  description: DESCRIPTIONS[kind],
  online: true,
  read: (spec: string, context: SourceContext) => readOnline(kind, spec, context),
}));
