/**
 * The online lists a person's record names, for `vita sync`: the ORCID, OpenAlex and DBLP addresses among their
 * `links` (or a bare DBLP pid or OpenAlex id under `sync`), and an arXiv author search under `sync.arxiv`. Asked in order of trust: the person's own ORCID claims first,
 * DBLP's curated page, OpenAlex's computed profile, then the name search.
 */
import type { PersonInput } from '../../schema/index.js';
import { orcidOf, parseOnlineSpec, type OnlineKind, type OnlineQuery } from '../online/spec.js';

export interface PersonSource {
  kind: OnlineKind;
  query: OnlineQuery;
  /** Where the record names it, for messages: "links.orcid". */
  field: string;
  /** As a person would say it: "ORCID 0000-0003-1516-7033". */
  label: string;
}

export interface PersonSources {
  sources: PersonSource[];
  orcid?: string;
  problems: { field: string; message: string; hint: string }[];
}

export function personSources(person: PersonInput): PersonSources {
  const out: PersonSources = { sources: [], problems: [] };
  const links = (person.links ?? {}) as Record<string, string | undefined>;
  if (links.orcid) {
    const orcid = orcidOf(links.orcid);
    if (typeof orcid === 'string') {
      out.orcid = orcid;
      out.sources.push({ kind: 'orcid', query: { kind: 'orcid', by: 'orcid', orcid }, field: 'links.orcid', label: `ORCID ${orcid}` });
    } else out.problems.push({ field: 'links.orcid', message: orcid.error, hint: orcid.hint });
  }
  const named = (field: string, kind: OnlineKind, value: string | undefined, label: (q: OnlineQuery) => string) => {
    if (!value) return;
    const parsed = parseOnlineSpec(value, kind);
    if ('error' in parsed) out.problems.push({ field, message: parsed.error, hint: parsed.hint });
    else out.sources.push({ kind, query: parsed.query, field, label: label(parsed.query) });
  };
  // A bare id under sync: (a link must be an address), else the address in links.
  const sync = person.sync ?? {};
  named(sync.dblp ? 'sync.dblp' : 'links.dblp', 'dblp', sync.dblp ?? links.dblp, (q) => `DBLP ${q.kind === 'dblp' ? q.pid : ''}`);
  named(sync.openalex ? 'sync.openalex' : 'links.openalex', 'openalex', sync.openalex ?? links.openalex, (q) => `OpenAlex ${q.kind === 'openalex' ? (q.by === 'author' ? q.author : q.orcid) : ''}`);
  const arxiv = person.sync?.arxiv?.trim();
  if (arxiv) out.sources.push({ kind: 'arxiv', query: { kind: 'arxiv', by: 'author', name: arxiv }, field: 'sync.arxiv', label: `arXiv author "${arxiv}"` });
  return out;
}
