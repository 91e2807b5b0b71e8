/**
 * What a page read of the record while it was rendered, so that a rebuild renders again only the pages whose
 * reads changed (write/build-cache.ts). Nothing is listed by hand: the graph a build renders from is wrapped
 * (`trackedGraph`), so every look-up of a person, paper, news item ... and every walk over a collection is noted
 * as a named fact ("pub:wu2023", "pubs*" for the list of keys) in the frame of the page being rendered. Memoized
 * fragments replay the reads they made (memo.ts), so a page that reuses another page's rendering still notes them.
 *
 * A fact's value (`factValue`) is a digest of what it names in a graph: a page is clean when every fact it read
 * has the same value in the new graph as in the one it was rendered from.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Graph } from '../../resolve/graph.js';
import type { ImageVariant } from './parts/picture.js';

/** What one rendering read and made besides its markup: facts of the record, project files linked, images shown. */
export class Reads {
  facts = new Set<string>();
  /** The fact noted last: most reads come in runs on one entity (a paper's title, authors, year ...), noted once. */
  last: string | undefined;
  links: Set<string> | undefined;
  images: Map<string, ImageVariant> | undefined;

  addAll(other: Reads): void {
    for (const f of other.facts) this.facts.add(f);
    if (other.links) for (const l of other.links) (this.links ??= new Set()).add(l);
    if (other.images) for (const [k, v] of other.images) (this.images ??= new Map()).set(k, v);
  }

  get empty(): boolean {
    return this.facts.size === 0 && !this.links && !this.images;
  }
}

let current: Reads | undefined;

/** Runs `make` in a frame of its own; its reads are also added to the enclosing frame, if any. */
export function reading<T>(make: () => T): { value: T; reads: Reads } {
  const parent = current;
  const frame = new Reads();
  current = frame;
  let value: T;
  try {
    value = make();
  } finally {
    current = parent;
  }
  if (parent) parent.addAll(frame);
  return { value, reads: frame };
}

/** Adds reads made earlier (a memoized fragment's) to the frame being rendered. */
export function replay(reads: Reads | undefined): void {
  if (reads && current) current.addAll(reads);
}

/** Whether a frame is open (reads are noted only then). */
export function isReading(): boolean {
  return current !== undefined;
}

export function noteFact(name: string): void {
  if (current === undefined || current.last === name) return;
  current.last = name;
  current.facts.add(name);
}

export function noteLink(path: string): void {
  if (current) (current.links ??= new Set()).add(path);
}

export function noteImage(variant: ImageVariant): void {
  if (current) (current.images ??= new Map()).set(variant.path, variant);
}

/** The collections of the graph, each with the prefix of its facts. */
const MAPS = { people: 'person', publications: 'pub', series: 'series', events: 'event' } as const;
const LISTS = { news: 'news', pages: 'page', posts: 'post', projects: 'project' } as const;

/**
 * What is read of a paper to count it (the group page's charts: papers per year by type, who wrote with whom; its
 * members' citation counts), to place it on a year's page, or to pick the selected ones (home pages): reading only
 * these, and looking the paper up, notes "pub-outline:key", whose value is a digest of them alone, so that an edited
 * title or abstract does not make the group page, every year's page of a list or every home page again. Any other
 * property notes "pub:key", whose value covers these too (see `factsToKeep`).
 */
const PAPER_OUTLINE: ReadonlySet<PropertyKey> = new Set(['id', 'year', 'type', 'status', 'people', 'citations', 'selected']);
const OUTLINE = 'pub-outline:';

/**
 * A person's papers, newest first, are a fact of their own ("person-papers:id"), apart from the rest of the person
 * ("person:id"): an edited title can change their order (titles break ties of date), and every page that shows the
 * person's name (each of their papers' pages, their co-authors' lists) would otherwise be made again.
 */
const PERSON_PAPERS: ReadonlySet<PropertyKey> = new Set(['publications']);
const PAPERS = 'person-papers:';

/**
 * What the site's navigation and a person's tabs read of a hand-written page (which pages there are, their labels
 * and order): its "page-outline:id", apart from "page:id", which covers its text too, so that an edited text does
 * not make every page whose menu lists the page again.
 */
const PAGE_OUTLINE: ReadonlySet<PropertyKey> = new Set(['id', 'person', 'title', 'menu', 'order']);
const PAGE_OUTLINE_FACT = 'page-outline:';

/**
 * The outlines: what some pages read alone of an entity (`fact`: its prefix), apart from the entity itself (`of`: its
 * kind), whose fact covers the outline's (`factsToKeep`).
 */
const OUTLINES: readonly { fact: string; of: string; properties: ReadonlySet<PropertyKey> }[] = [
  { fact: OUTLINE, of: 'pub', properties: PAPER_OUTLINE },
  { fact: PAGE_OUTLINE_FACT, of: 'page', properties: PAGE_OUTLINE },
];

/** The outline of entities of a kind ("pub", "page"), as the trackers take it: the fact of one, and its properties. */
function outlineOf(kind: string, id: string): { fact: string; properties: ReadonlySet<PropertyKey> } | undefined {
  const outline = OUTLINES.find((o) => o.of === kind);
  return outline && { fact: `${outline.fact}${id}`, properties: outline.properties };
}

/** A map of the graph that notes each look-up ("pub:key") and each walk over it ("pubs*"). */
class TrackedMap<V> extends Map<string, V> {
  kind = '';
  /** Each key's fact, made once rather than at every look-up (for papers, their outline's: see PAPER_OUTLINE). */
  readonly factOf = new Map<string, string>();
  private fact(key: string): string {
    return this.factOf.get(key) ?? (this.kind === 'pub' ? `${OUTLINE}${key}` : `${this.kind}:${key}`);
  }
  override get(key: string): V | undefined {
    noteFact(this.fact(key));
    return super.get(key);
  }
  override has(key: string): boolean {
    noteFact(this.fact(key));
    return super.has(key);
  }
  override get size(): number {
    noteFact(`${this.kind}*`);
    return super.size;
  }
  override keys(): MapIterator<string> {
    noteFact(`${this.kind}*`);
    return super.keys();
  }
  override values(): MapIterator<V> {
    noteFact(`${this.kind}*`);
    return super.values();
  }
  override entries(): MapIterator<[string, V]> {
    noteFact(`${this.kind}*`);
    return super.entries();
  }
  override [Symbol.iterator](): MapIterator<[string, V]> {
    noteFact(`${this.kind}*`);
    return super.entries();
  }
  override forEach(fn: (value: V, key: string, map: Map<string, V>) => void, thisArg?: unknown): void {
    noteFact(`${this.kind}*`);
    super.forEach(fn, thisArg);
  }
}

/**
 * An entity of the graph whose every property read notes it ("person:lei-wu"); with an outline (a paper's, or a
 * person's papers), a read of one of the outline's properties notes the outline's fact instead.
 */
function trackedEntity<T extends object>(fact: string, entity: T, outline?: { fact: string; properties: ReadonlySet<PropertyKey> }): T {
  return new Proxy(entity, {
    get(target, key, receiver) {
      noteFact(outline?.properties.has(key) ? outline.fact : fact);
      return Reflect.get(target, key, receiver);
    },
    has(target, key) {
      noteFact(fact);
      return Reflect.has(target, key);
    },
    ownKeys(target) {
      noteFact(fact);
      return Reflect.ownKeys(target);
    },
  });
}

/**
 * A list of the graph (`field`: "news", "posts" ...) whose every read notes the list ("news*"); its items note
 * themselves ("news:id"), a page its outline when only that is read (see PAGE_OUTLINE).
 */
function trackedList<T extends object>(field: string, kind: string, items: readonly T[]): T[] {
  const tracked = (item: T) => {
    const id = (item as { id: string }).id;
    return trackedEntity(`${kind}:${id}`, item, outlineOf(kind, id));
  };
  return new Proxy(items.map(tracked), {
    get(target, key, receiver) {
      noteFact(`${field}*`);
      return Reflect.get(target, key, receiver);
    },
  });
}

/** The graph as renderers see it in a build that keeps its reads: the same values, every read noted. */
export function trackedGraph(graph: Graph): Graph {
  const out: Graph = { ...graph };
  for (const [field, kind] of Object.entries(MAPS) as [keyof typeof MAPS, string][]) {
    const map = new TrackedMap<object>();
    for (const [k, v] of graph[field] as Map<string, object>) {
      const fact = `${kind}:${k}`;
      const outline = field === 'people' ? { fact: `${PAPERS}${k}`, properties: PERSON_PAPERS } : outlineOf(kind, k);
      // Looking a paper up notes its outline; a person, the person.
      map.factOf.set(k, field === 'publications' ? outline!.fact : fact);
      Map.prototype.set.call(map, k, trackedEntity(fact, v, outline));
    }
    map.kind = kind;
    (out as unknown as Record<string, unknown>)[field] = map;
  }
  for (const [field, kind] of Object.entries(LISTS) as [keyof typeof LISTS, string][]) {
    (out as unknown as Record<string, unknown>)[field] = trackedList(field, kind, graph[field] as object[]);
  }
  out.files = new Proxy(graph.files, {
    get(target, key, receiver) {
      noteFact('files');
      return Reflect.get(target, key, receiver);
    },
  });
  return out;
}

/** "Now" as pages read it: the year alone (a footer's copyright) is a fact of its own; anything finer is "now". */
export function trackedNow(now: Date): Date {
  return new Proxy(now, {
    get(target, key) {
      noteFact(key === 'getUTCFullYear' || key === 'getFullYear' ? 'now:year' : 'now');
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The set of project files a site links to, each membership test a fact ("has:photos/lei.jpg"). */
export function trackedFiles(files: Set<string>): Set<string> {
  const set = new Set(files);
  set.has = (path: string) => {
    noteFact(`has:${path}`);
    return Set.prototype.has.call(set, path);
  };
  for (const walk of ['values', 'keys', 'entries', 'forEach', Symbol.iterator] as const) {
    const original = Set.prototype[walk] as (...a: unknown[]) => unknown;
    (set as unknown as Record<PropertyKey, unknown>)[walk] = (...a: unknown[]) => {
      noteFact('files');
      return original.apply(set, a);
    };
  }
  return set;
}

/** The slugs of publications, each look-up a fact ("slug:wu2023"). */
export function trackedSlugs(slugs: Map<string, string>): Map<string, string> {
  const map = new Map(slugs);
  map.get = (key: string) => {
    noteFact(`slug:${key}`);
    return Map.prototype.get.call(map, key) as string | undefined;
  };
  map.has = (key: string) => {
    noteFact(`slug:${key}`);
    return Map.prototype.has.call(map, key);
  };
  return map;
}

/**
 * The facts of a rendering worth keeping: a paper's or page's outline goes when the paper or page itself was read,
 * since its value covers its outline's (a page showing 500 papers keeps 500 facts, not 1,000).
 */
export function factsToKeep(reads: Reads): string[] {
  const out: string[] = [];
  for (const f of reads.facts) {
    const outline = OUTLINES.find((o) => f.startsWith(o.fact));
    if (!outline || !reads.facts.has(`${outline.of}:${f.slice(outline.fact.length)}`)) out.push(f);
  }
  return out;
}

const digest = (text: string) => createHash('sha1').update(text).digest('base64').slice(0, 20);

const plain = (_k: string, v: unknown): unknown => (v instanceof Map ? [...v] : v instanceof Set ? [...v] : v);

/**
 * JSON.stringify with maps and sets as lists. The replacer makes it call back for every value, so it runs without
 * one first: a map or set shows there as "{}", and only then is the replacer needed (an empty object or a "{}" in a
 * text take the same way, which gives the same JSON). Measured: a sixth less time on a department's facts.
 */
function stringify(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.includes('{}') ? (JSON.stringify(value, plain) ?? 'undefined') : text;
}

/**
 * JSON of an entity of the graph: maps and sets as lists, functions (a source's `locate`) left out. An entity is
 * mostly a copy of its validated record (`source.value`: resolve/publications.ts copies a paper's fields, then
 * settles its authors and status): of that record only what the entity does not hold itself (the same value, by
 * reference) is written, which halves the text a rebuild digests for 50,000 papers, and leaves out nothing.
 */
function json(value: unknown): string {
  const source = (value as { source?: unknown } | null)?.source as { id?: unknown; file?: unknown; value?: unknown } | undefined;
  if (!source || typeof source !== 'object' || !source.value || typeof source.value !== 'object') return stringify(value);
  const entity = value as Record<string, unknown>;
  const record = source.value as Record<string, unknown>;
  const own: Record<string, unknown> = {};
  for (const key of Object.keys(record)) if (!Object.hasOwn(entity, key) || entity[key] !== record[key]) own[key] = record[key];
  const rest: Record<string, unknown> = {};
  for (const key of Object.keys(entity)) if (key !== 'source') rest[key] = entity[key];
  return stringify([rest, { ...source, value: own }]);
}

/**
 * The values of facts in one graph (the untracked one), each computed once: a digest of what the fact names,
 * "-" for what is not there. `slugs` are the publications' folder names the site uses; `now` the build's time.
 */
export function factValues(graph: Graph, slugs: Map<string, string>, now: Date): (fact: string) => string {
  const known = new Map<string, string>();
  const lists = new Map<string, Map<string, object>>();
  const list = (kind: string): Map<string, object> => {
    let m = lists.get(kind);
    if (!m) {
      const field = Object.entries(LISTS).find(([, k]) => k === kind)![0] as keyof typeof LISTS;
      m = new Map((graph[field] as { id: string }[]).map((item) => [item.id, item]));
      lists.set(kind, m);
    }
    return m;
  };
  let files: Set<string> | undefined;
  const compute = (fact: string): string => {
    if (fact === 'now') return now.toISOString();
    if (fact === 'now:year') return String(now.getUTCFullYear());
    if (fact === 'files') return digest(graph.files.join('\n'));
    const colon = fact.indexOf(':');
    const kind = colon < 0 ? fact : fact.slice(0, colon);
    const name = fact.slice(colon + 1);
    if (kind === 'has') return (files ??= new Set(graph.files)).has(name) ? '1' : '0';
    if (kind === 'file') {
      try {
        const st = statSync(join(graph.root, name));
        return `${st.size}:${st.mtimeMs}`;
      } catch {
        return '-';
      }
    }
    if (kind === 'slug') return slugs.get(name) ?? '-';
    const outline = OUTLINES.find((o) => o.fact === `${kind}:`);
    if (outline) {
      const kept = outline.of === 'pub' ? graph.publications.get(name) : list(outline.of).get(name);
      const entity = kept as Record<PropertyKey, unknown> | undefined;
      return entity === undefined ? '-' : digest(JSON.stringify([...outline.properties].map((k) => entity[k] ?? null)));
    }
    if (`${kind}:` === PAPERS) {
      const person = graph.people.get(name);
      return person === undefined ? '-' : digest(person.publications.join('\n'));
    }
    for (const [field, k] of Object.entries(MAPS)) {
      const map = graph[field as keyof typeof MAPS] as Map<string, object>;
      if (fact === `${k}*`) return digest([...map.keys()].join('\n'));
      if (kind === k) {
        const v = map.get(name);
        if (v === undefined) return '-';
        // A person's papers are "person-papers:id".
        if (kind === 'person') {
          const { publications: _papers, ...person } = v as { publications: unknown };
          return digest(json(person));
        }
        return digest(json(v));
      }
    }
    for (const [field, k] of Object.entries(LISTS)) {
      if (fact === `${field}*`) return digest([...list(k).keys()].join('\n'));
      if (kind === k) {
        const v = list(k).get(name);
        return v === undefined ? '-' : digest(json(v));
      }
    }
    // A fact this version does not know: never equal, so what read it is rendered again.
    return `?${Math.random()}`;
  };
  return (fact) => {
    let v = known.get(fact);
    if (v === undefined) known.set(fact, (v = compute(fact)));
    return v;
  };
}
