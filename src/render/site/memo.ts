/**
 * Memory of work already done for one tree of pages (one `Site`): the same publication item, title or
 * abstract appears on many pages (the group's list, each author's list, their CVs, the paper's own page),
 * and is rendered once, then reused. Everything kept here is a pure function of the graph and the site.
 *
 * Whole list items are many (a paper's item differs on each author's list), so their memory is bounded:
 * pages come in an order where reuse is close together (a person's home, list and CV), and each kind keeps
 * its most recent values in two generations of at most LIMIT entries each. What is rendered from the record's
 * text alone (titles, abstracts with their math, BibTeX) is small and costly to make again: it is kept whole.
 */
import { renderInline, renderMarkdown } from '../markdown.js';
import { markdownFor, type Site } from './context.js';
import { trustedHtml, type Html } from './html.js';
import { reading, replay, type Reads } from './reads.js';

const LIMIT = 4096;

/** A value made once, with what making it read (replayed into each page that reuses it: see reads.ts). */
interface Made<T> {
  value: T;
  reads: Reads | undefined;
}

/** A map that forgets its oldest entries: when the young generation is full it becomes the old one. */
class Generations<T> {
  constructor(private readonly limit: number) {}
  private young = new Map<string, Made<T>>();
  private old = new Map<string, Made<T>>();

  get(key: string, make: () => T): T {
    const hit = this.young.get(key);
    if (hit !== undefined) {
      replay(hit.reads);
      return hit.value;
    }
    let made = this.old.get(key);
    if (made) replay(made.reads);
    else {
      // Its reads are noted even when no page is being rendered (the site being planned): a page that reuses it
      // depends on them all the same.
      const { value, reads } = reading(make);
      made = { value, reads: reads.empty ? undefined : reads };
    }
    if (this.young.size >= this.limit) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, made);
    return made.value;
  }
}

const memory = new WeakMap<object, Map<string, Generations<unknown>>>();

function remember<T>(owner: object, kind: string, key: string, make: () => T, limit = LIMIT): T {
  let kinds = memory.get(owner);
  if (!kinds) memory.set(owner, (kinds = new Map()));
  let values = kinds.get(kind);
  if (!values) kinds.set(kind, (values = new Generations(limit)));
  return (values as Generations<T>).get(key, make);
}

/** The value `make()` returns for this key of this kind, made once per site while it is in memory. */
export function memo<T>(site: Site, kind: string, key: string, make: () => T): T {
  return remember(site, kind, key, make);
}

/** Like `memo`, unbounded, for what does not depend on the page's language: shared by every site of one graph. */
export function memoShared<T>(site: Site, kind: string, key: string, make: () => T): T {
  return remember(site.graph, kind, key, make, Infinity);
}

/**
 * A string made by many concatenations (Markdown's and KaTeX's output) is a tree of pieces in V8 until it is
 * read; kept for the whole build, the tree's nodes were measured at a quarter of the build's memory. Reading a
 * character joins the tree into one string, once, and lets the nodes go.
 */
export function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}

/** A line of Markdown with no options (a title): the same HTML wherever it is shown. */
export function inlineOnce(site: Site, text: string): Html {
  return memoShared(site, 'inline', text, () => trustedHtml(flat(renderInline(text, markdownFor(site)).value)));
}

/** A block of Markdown with no options (an abstract): the same HTML wherever it is shown. */
export function markdownOnce(site: Site, text: string): Html {
  return memoShared(site, 'markdown', text, () => trustedHtml(flat(renderMarkdown(text, markdownFor(site)).value)));
}
