/**
 * Calling a theme's component overrides (theme/components.js, see ../components.ts and ../theme.ts): the props
 * each receives, made from the graph, and the call itself, which never lets an override break a page. An
 * override that throws or returns something that is not markup is reported (once per component and problem,
 * naming the page) and vita's own rendering is used in its place.
 *
 * Without a theme none of this runs: each component checks `site.overrides` once.
 */
import vm from 'node:vm';
import type { Diagnostic } from '../../../diagnostics/diagnostic.js';
import type { News, Person, Publication } from '../../../resolve/graph.js';
import { renderInline, renderMarkdown } from '../../markdown.js';
import type { ComponentHelpers, ComponentName, ComponentOverride, ComponentOverrides, ComponentProps, LinkInfo, NewsInfo, PageInfo, PersonInfo } from '../components.js';
import { localText, paths, markdownFor, url, type Site } from '../context.js';
import { html, Html, join, trustedHtml } from '../html.js';
import { inlineOnce, markdownOnce, memo } from '../memo.js';
import { stackPosition, type SiteTheme } from '../theme.js';
import { projectFileUrl } from './files.js';
import { hasCv, personPath, shortName } from './person-name.js';
import { pubSlug } from './publication-slug.js';

/** What one rendering of a site (all its language trees) knows of its theme. */
export interface ThemeState {
  theme: SiteTheme;
  report: (d: Diagnostic) => void;
  /** Problems already reported, by component and code: each once per rendering. */
  reported: Set<string>;
  /** Problems of the components of a page's body, reported with the page once it is known (see `flushThemeProblems`). */
  pending: Problem[];
  /** Components that ran out of time once: never called again in this rendering (each call would wait as long). */
  stopped: Set<ComponentName>;
}

export interface Problem {
  name: ComponentName;
  code: 'theme/component-failed' | 'theme/bad-result' | 'theme/component-timeout';
  /** What happened: the error, or what was returned. */
  detail: unknown;
  /** What it was drawing: "publication wu2023". */
  subject?: string;
}

/** The words of the interface, frozen, so that an override cannot change them for the pages after it. */
function frozenStrings(site: Site): Readonly<Site['t']> {
  return memo(site, 'theme-strings', '', () => deepFreeze(structuredCloneStrings(site.t)));
}

/** A copy of the strings (some are functions, which structuredClone refuses). */
function structuredCloneStrings<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(structuredCloneStrings) as T;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, structuredCloneStrings(v)])) as T;
}

/** Frozen all the way down, so that an override cannot change what the next page is given. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !(value instanceof Html) && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** A link for an override: a path of the site through `url`, a web address or fragment as it is. */
function linkFor(site: Site, path: string, options?: { asset?: boolean; lang?: string }): string {
  if (typeof path !== 'string') return '#';
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//') || path.startsWith('#')) return path;
  return url(site, path, options);
}

/**
 * What an override gets besides its props. A class, so that `default` is a getter of the prototype: an object
 * literal's getter, a new function at each call, gives each literal a hidden class of its own in V8, which kept
 * pages alive through young collections (see RenderedPage).
 */
class Helpers implements ComponentHelpers {
  readonly html = html;
  readonly join = join;
  readonly t: ComponentHelpers['t'];
  readonly lang: string;
  readonly raw = (markup: string): Html => trustedHtml(String(markup));
  readonly url: ComponentHelpers['url'];
  // Private fields: an override sees only the helpers, never the site itself.
  readonly #fallback: () => Html;
  #made: Html | undefined;
  constructor(site: Site, fallback: () => Html) {
    this.t = frozenStrings(site);
    this.lang = site.lang;
    this.url = (path, options) => linkFor(site, path, options);
    this.#fallback = fallback;
  }
  /** vita's own rendering, made when first asked for. */
  get default(): Html {
    return (this.#made ??= this.#fallback());
  }
}

/**
 * The markup of a component: the theme's override when it has one, called with its props and helpers, else (or
 * when the override fails) `fallback()`. `page` is the page's link when known (components of the frame); for
 * components of a page's body the problem waits in `pending` until `flushThemeProblems` names the page.
 */
export function themed<N extends ComponentName>(site: Site, name: N, props: () => ComponentProps[N], fallback: () => Html, where: { page?: string; subject?: string } = {}): Html {
  const override = site.overrides?.[name] as ComponentOverride<N> | undefined;
  if (override === undefined || site.theme?.stopped.has(name)) return fallback();
  const helpers = Object.freeze(new Helpers(site, fallback));
  const fallbackOnce = () => helpers.default;
  let result: unknown;
  try {
    result = callBounded(override, deepFreeze(props()), helpers);
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
      site.theme?.stopped.add(name);
      problem(site, { name, code: 'theme/component-timeout', detail: error, subject: where.subject }, where.page);
      return fallback();
    }
    problem(site, { name, code: 'theme/component-failed', detail: error, subject: where.subject }, where.page);
    return fallbackOnce();
  }
  if (result instanceof Html) return result;
  // A string is text, never markup: `raw` is the one way to put markup of one's own in a page.
  if (typeof result === 'string') return html`${result}`;
  problem(site, { name, code: 'theme/bad-result', detail: result, subject: where.subject }, where.page);
  return fallbackOnce();
}

/** How long one call of a component may take: far more than any needs (they take microseconds), far less than forever. */
export const COMPONENT_TIMEOUT_MS = 2000;

/**
 * Calls a component, stopping it after COMPONENT_TIMEOUT_MS. A synchronous loop cannot be interrupted from its own
 * thread by a timer: the call runs as a script of a `vm` context with a timeout, whose watchdog stops whatever runs,
 * including the theme's functions. (About 30 µs a call: paid only by the components a theme overrides.)
 */
const bounded = { context: undefined as vm.Context | undefined, script: undefined as vm.Script | undefined };
function callBounded(component: (props: never, helpers: never) => unknown, props: unknown, helpers: unknown): unknown {
  bounded.context ??= vm.createContext(Object.create(null) as object);
  bounded.script ??= new vm.Script('component(props, helpers)', { filename: 'vita:theme-call' });
  const context = bounded.context as { component?: unknown; props?: unknown; helpers?: unknown };
  context.component = component;
  context.props = props;
  context.helpers = helpers;
  try {
    return bounded.script.runInContext(bounded.context, { timeout: COMPONENT_TIMEOUT_MS });
  } finally {
    context.component = context.props = context.helpers = undefined;
  }
}

function problem(site: Site, p: Problem, page: string | undefined): void {
  const state = site.theme;
  if (!state) return;
  if (state.reported.has(`${p.name}\u0000${p.code}`)) return;
  if (page === undefined) {
    if (state.pending.length < 100) state.pending.push(p);
    return;
  }
  report(state, p, page);
}

/** Reports the problems the components of a page's body had, now that the page is known. */
export function flushThemeProblems(site: Site, page: string): void {
  const state = site.theme;
  if (!state || state.pending.length === 0) return;
  for (const p of state.pending.splice(0)) report(state, p, page);
}

function report(state: ThemeState, p: Problem, page: string): void {
  const key = `${p.name}\u0000${p.code}`;
  if (state.reported.has(key)) return;
  state.reported.add(key);
  const theme = state.theme;
  const file = theme.componentsFile ?? 'theme/components.js';
  const on = `on ${page}${p.subject ? ` (${p.subject})` : ''}`;
  let d: Diagnostic;
  if (p.code === 'theme/component-timeout') {
    d = {
      file,
      ...theme.locations[p.name],
      severity: 'error',
      code: p.code,
      path: [p.name],
      message: `${p.name} did not return within ${COMPONENT_TIMEOUT_MS / 1000} s ${on}: it was stopped, and vita's own ${p.name} is used on every page`,
      hint: `look for a loop that never ends in ${p.name} (or in a function it calls) in ${file}; a component returns its markup at once.`,
    };
  } else if (p.code === 'theme/component-failed') {
    const error = p.detail instanceof Error ? p.detail : undefined;
    const what = error ? `${error.name}: ${error.message}` : safeString(p.detail);
    const at = (error && theme.moduleUrl ? stackPosition(error.stack, theme.moduleUrl) : undefined) ?? theme.locations[p.name];
    d = {
      file,
      ...at,
      severity: 'error',
      code: p.code,
      path: [p.name],
      message: `${p.name} threw ${on}: ${what}; vita's own ${p.name} is used wherever it fails`,
      hint: `fix the function ${p.name} in ${file}: its props are listed in docs/theming.md (a field that is undefined is missing from the record).`,
    };
  } else {
    d = {
      file,
      ...theme.locations[p.name],
      severity: 'error',
      code: p.code,
      path: [p.name],
      message: `${p.name} returned ${describeResult(p.detail)} ${on}, not markup; vita's own ${p.name} is used instead`,
      hint:
        p.detail instanceof Promise
          ? 'a component must return its markup at once: remove "async" and "await".'
          : 'return h.html`...` (markup, with what you put in it escaped), a string (shown as text), or h.default.',
    };
  }
  state.report(d);
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return 'a value that cannot be shown';
  }
}

function describeResult(value: unknown): string {
  if (value === undefined) return 'nothing (undefined)';
  if (value === null) return 'null';
  if (value instanceof Promise) return 'a Promise';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object that is not made with h.html';
  return `a ${typeof value}`;
}

// --- props

export function pageInfo(site: Site, page: { path: string; title: string; description?: string; nav?: string }): PageInfo {
  return { path: page.path, url: url(site, page.path), title: page.title, description: page.description, lang: site.lang, nav: page.nav };
}

/** A person as overrides see them; made once per site. */
export function personInfo(site: Site, person: Person): PersonInfo {
  return memo(site, 'theme-person', person.id, () => {
    const t = site.t;
    const d = person.data;
    const links: LinkInfo[] = [];
    for (const [kind, href] of Object.entries(d.links ?? {})) if (kind !== 'cv' && href) links.push({ kind, label: t.profiles[kind] ?? kind, url: projectFileUrl(site, href) });
    if (d.links?.cv) links.push({ kind: 'cv', label: t.cv, url: projectFileUrl(site, d.links.cv) });
    else if (hasCv(site, person)) links.push({ kind: 'cv', label: t.cv, url: url(site, paths.cv(person.id)) });
    const info: PersonInfo = {
      id: person.id,
      url: url(site, personPath(site, person.id)),
      name: shortName(site, person),
      names: Object.fromEntries(Object.entries(person.names).filter(([lang]) => lang !== 'default')),
      title: d.title ? localText(site, d.title) : undefined,
      affiliations: (d.affiliations ?? []).map((a) => ({ name: localText(site, a.name), institution: a.institution ? localText(site, a.institution) : undefined, url: a.url })),
      email: d.email,
      office: d.office ? localText(site, d.office) : undefined,
      phone: d.phone,
      // Copies: props are frozen, and the graph's own lists must stay as they are.
      address: [...(d.address ?? [])],
      homepage: d.homepage,
      photo: d.photo ? projectFileUrl(site, d.photo) : undefined,
      links,
    };
    return deepFreeze(info);
  });
}

/** A news item as overrides see it. */
export function newsInfo(site: Site, item: News): NewsInfo {
  const rewrite = (u: string) => projectFileUrl(site, u, 'news');
  const body = item.body?.trim() ? item.body : undefined;
  return {
    id: item.id,
    date: item.date,
    title: item.title,
    titleHtml: item.title ? renderInline(item.title, markdownFor(site, { rewriteUrl: rewrite })) : undefined,
    body,
    bodyHtml: body ? renderMarkdown(body.trim(), markdownFor(site, { rewriteUrl: rewrite, headingStart: 4 })) : undefined,
    lang: item.lang,
    people: item.people.flatMap((id) => {
      const p = site.graph.people.get(id);
      return p ? [{ id, name: shortName(site, p), url: url(site, personPath(site, id)) }] : [];
    }),
    publications: item.publications.flatMap((key) => {
      const p = site.graph.publications.get(key);
      return p ? [{ key, title: p.title, titleHtml: inlineOnce(site, p.title), url: url(site, paths.publication(pubSlug(site, key))), venue: p.venue?.short }] : [];
    }),
  };
}
