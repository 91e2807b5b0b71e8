/**
 * `vita metrics`: counts the citations of every publication of the record that has a DOI, an arXiv id or a title
 * OpenAlex matches with confidence, and keeps them with their source and date in metrics/citations.yaml, committed
 * with the record; builds read that file and never go online. Offline, it only says what the file holds.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Diagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { CONFIG_FILE, loadProject } from '../load/project.js';
import { METRICS_FILE } from '../load/metrics.js';
import { personMetrics } from '../resolve/metrics.js';
import { resolveProject } from '../resolve/index.js';
import type { PersonMetrics } from '../resolve/graph.js';
import { validateProject, type CitationCount } from '../validate/index.js';
import { SILENT_PROGRESS, type Progress, type ResponseCache } from './bundle.js';
import { countCitations, crossCheckCount, type CrossCheckKind, type PaperQuery } from './online/citations.js';
import { HttpClient, type HttpSettings } from './online/http.js';
import { contactEmail } from './project-state.js';

/** The first line of the file: what says vita wrote it (vita replaces no file it did not write). */
const HEADER = '# Citation counts, written by `vita metrics`';

export interface MetricsOptions {
  offline?: boolean;
  dryRun?: boolean;
  mailto?: string;
  http?: Omit<HttpSettings, 'offline' | 'mailto'>;
  progress?: Progress;
  /** The day counts are taken (YYYY-MM-DD); today in UTC by default. */
  today?: string;
}

export interface MetricsChange {
  id: string;
  before?: number;
  after?: number;
}

export interface MetricsResult {
  ok: boolean;
  file: string;
  /** Publications of the record, and those with a count. */
  publications: number;
  counted: number;
  /** Counts by source, for the summary. */
  sources: Record<string, number>;
  changes: MetricsChange[];
  /** Publications nothing was found for. */
  unmatched: string[];
  people: { id: string; name: string; metrics: PersonMetrics }[];
  notes: Diagnostic[];
  wrote: boolean;
  offline: boolean;
  requests: number;
}

export async function updateMetrics(rootPath: string, options: MetricsOptions = {}): Promise<MetricsResult> {
  const root = resolve(rootPath);
  const result: MetricsResult = { ok: true, file: METRICS_FILE, publications: 0, counted: 0, sources: {}, changes: [], unmatched: [], people: [], notes: [], wrote: false, offline: options.offline === true, requests: 0 };
  const fail = (message: string, hint?: string) => {
    result.ok = false;
    result.notes.push({ file: '', severity: 'error', code: 'metrics', message, hint });
    return result;
  };
  const diagnostics = new Diagnostics();
  const loaded = loadProject(root, diagnostics);
  if (!loaded.files.includes(CONFIG_FILE)) return fail(`"${rootPath}" is not a vita project (it has no vita.yaml)`, 'run vita metrics in the project folder, or give its path: vita metrics my-site');
  const valid = validateProject(loaded, diagnostics);
  // What is said of the counts file itself (an entry without a date ...) is worth repeating here.
  result.notes.push(...diagnostics.list.filter((d) => d.file === METRICS_FILE));
  const before = valid.metrics?.citations ?? new Map<string, CitationCount>();
  const publications = [...valid.publications].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  result.publications = publications.length;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const after = new Map<string, CitationCount>();
  const works = new Map<string, string[]>();

  if (options.offline) {
    for (const p of publications) {
      const held = before.get(p.id);
      if (held) after.set(p.id, held);
      else result.unmatched.push(p.id);
    }
  } else {
    const memory = new Map<string, string>();
    // Counts change: answers are kept for this run only, not in imports/cache/ like an import's.
    const cache: ResponseCache = { get: (k) => memory.get(k), put: (k, v) => void memory.set(k, v) };
    const settings: HttpSettings = {
      ...options.http,
      mailto: contactEmail(options.mailto, valid.config?.value, valid.people),
      openalexKey: options.http?.openalexKey ?? (process.env.OPENALEX_API_KEY || undefined),
    };
    const openalex = new HttpClient('openalex', cache, settings);
    const crossref = new HttpClient('crossref', cache, settings);
    const checks = [...new Set(valid.config?.value.metrics?.crossCheck ?? [])].map((kind) => ({ kind, client: new HttpClient<CrossCheckKind>(kind, cache, settings) }));
    const progress = options.progress ?? SILENT_PROGRESS;
    progress.start('Citations', publications.length);
    for (const [n, p] of publications.entries()) {
      const v = p.value;
      const query: PaperQuery = { id: p.id, title: v.title, year: v.year, authors: v.authors.map((a) => a.name), doi: v.doi, arxiv: v.arxiv };
      const found = await countCitations(query, openalex, crossref);
      progress.tick(n + 1);
      for (const problem of found.problems) result.notes.push({ file: p.file, line: p.locate([])?.line, severity: 'warning', code: 'metrics', message: `${p.id}: ${problem}` });
      const held = before.get(p.id);
      const extra: Partial<Pick<CitationCount, 'semanticScholar' | 'inspire'>> = {};
      if (found.work || found.crossref !== undefined) {
        for (const { kind, client } of checks) {
          const other = await crossCheckCount(kind, query, client);
          if (other.problem) result.notes.push({ file: p.file, line: p.locate([])?.line, severity: 'warning', code: 'metrics', message: `${p.id}: ${other.problem}` });
          if (other.count !== undefined) extra[kind === 'semanticscholar' ? 'semanticScholar' : 'inspire'] = other.count;
        }
      }
      if (found.work) {
        after.set(p.id, { count: found.work.count, source: 'OpenAlex', asOf: today, url: found.work.url, ...(found.crossref !== undefined ? { crossref: found.crossref } : {}), ...extra, perYear: found.work.perYear });
        works.set(p.id, found.works.map((w) => w.url));
      } else if (found.crossref !== undefined && v.doi) {
        after.set(p.id, { count: found.crossref, source: 'Crossref', asOf: today, url: `https://doi.org/${v.doi}`, ...extra, perYear: [] });
      } else if (held) {
        // Not reached, or not found this time: the last count stays, with its own date.
        after.set(p.id, held);
        if (!found.failed) result.unmatched.push(p.id);
      } else result.unmatched.push(p.id);
    }
    progress.done();
    result.requests = openalex.counts.fetched + crossref.counts.fetched + checks.reduce((n, c) => n + c.client.counts.fetched, 0);
    oneWorkOnce(after, works);
  }

  for (const [id, c] of after) {
    result.counted++;
    result.sources[c.source] = (result.sources[c.source] ?? 0) + 1;
    const old = before.get(id);
    if (!old || old.count !== c.count) result.changes.push({ id, before: old?.count, after: c.count });
  }
  for (const [id, old] of before) if (!after.has(id)) result.changes.push({ id, before: old.count });
  result.changes.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const graph = resolveProject(valid, new Diagnostics());
  for (const person of graph.people.values()) {
    const metrics = personMetrics(person.publications, after);
    if (metrics) result.people.push({ id: person.id, name: person.name, metrics });
  }

  if (!options.offline && !options.dryRun) {
    const text = metricsFileText(after);
    const path = join(root, METRICS_FILE);
    const old = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (old !== undefined && !old.startsWith(HEADER)) return fail(`${METRICS_FILE} was not written by vita, so vita does not replace it`, `move it away (or start it with the line "${HEADER}") and run vita metrics again.`);
    if (old !== text) {
      mkdirSync(dirname(path), { recursive: true });
      const temporary = `${path}.tmp-${process.pid}`;
      writeFileSync(temporary, text);
      renameSync(temporary, path);
      result.wrote = true;
    }
  }
  return result;
}

/**
 * Entries of the record that OpenAlex counts as one work (a preprint and its published version, written twice) get
 * the same work address, the most cited one's: a person's totals then count that work once (resolve/metrics.ts).
 */
function oneWorkOnce(counts: Map<string, CitationCount>, works: Map<string, string[]>): void {
  const owner = new Map<string, string>();
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let p = parent.get(id) ?? id;
    while (p !== (parent.get(p) ?? p)) p = parent.get(p)!;
    return p;
  };
  for (const [id, urls] of works) {
    for (const url of urls) {
      const other = owner.get(url);
      if (other === undefined) owner.set(url, id);
      else if (find(other) !== find(id)) parent.set(find(id), find(other));
    }
  }
  const groups = new Map<string, string[]>();
  for (const id of works.keys()) groups.set(find(id), [...(groups.get(find(id)) ?? []), id]);
  for (const ids of groups.values()) {
    if (ids.length < 2) continue;
    const top = ids.map((id) => counts.get(id)!).sort((a, b) => b.count - a.count)[0]!;
    for (const id of ids) counts.get(id)!.url = top.url;
  }
}

/** Keys that YAML reads as they are written; others are quoted. */
function yamlKey(key: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9_.+/-]*$/.test(key) && !/^(?:true|false|null|yes|no|on|off|~|[\d.e+-]+)$/i.test(key) ? key : JSON.stringify(key);
}

function yamlText(value: string): string {
  return /^[A-Za-z][A-Za-z0-9 .-]*$/.test(value) || /^https?:\/\/[A-Za-z0-9._~/?=&%+-]+$/.test(value) ? value : JSON.stringify(value);
}

/**
 * The file, the same bytes for the same counts: publications by id (code-point order), fields in one order, the
 * citations per year on one line. A diff then shows exactly which counts moved.
 */
export function metricsFileText(counts: ReadonlyMap<string, CitationCount>): string {
  const lines = [
    HEADER,
    '# (see "Citation metrics" in vita\'s README). Builds read this file and never go online; commit it with the record.',
    '# One entry per publication id: count, the service that counted (source), the day it counted (asOf, YYYY-MM-DD),',
    "# the work's page there (url), Crossref's count as a cross-check (crossref; semanticScholar and inspire too when",
    '# vita.yaml asks for them: metrics.crossCheck) and the citations per year (perYear).',
  ];
  const ids = [...counts.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (ids.length === 0) return [...lines, 'publications: {}', ''].join('\n');
  lines.push('publications:');
  for (const id of ids) {
    const c = counts.get(id)!;
    lines.push(`  ${yamlKey(id)}:`, `    count: ${c.count}`, `    source: ${yamlText(c.source)}`, `    asOf: ${c.asOf}`);
    if (c.url) lines.push(`    url: ${yamlText(c.url)}`);
    if (c.crossref !== undefined) lines.push(`    crossref: ${c.crossref}`);
    if (c.semanticScholar !== undefined) lines.push(`    semanticScholar: ${c.semanticScholar}`);
    if (c.inspire !== undefined) lines.push(`    inspire: ${c.inspire}`);
    if (c.perYear.length) lines.push(`    perYear: { ${c.perYear.map((y) => `${y.year}: ${y.count}`).join(', ')} }`);
  }
  return lines.join('\n') + '\n';
}
