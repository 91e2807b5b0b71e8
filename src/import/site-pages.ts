/**
 * A site's own pages (Teaching, Repositories, a page about the lab's equipment) carried into the project as
 * pages/<path>.md: the title, the address the site gave it, its place in the navigation and its text. Jekyll's
 * Liquid is not run: `{{ site.x }}` is filled from the site's configuration where it is plain text, any other tag is
 * taken out and said so; raw HTML is kept for vita's sanitizer; links to the site's files are carried over.
 */
import { posix } from 'node:path';
import { leaveOut, note, type ImportBundle, type Origin } from './bundle.js';
import { stripLiquid, type SiteFiles } from './sources/common.js';
import { slug } from './text.js';

/** vita's own addresses at the top of a site: a page of the source that would take one is moved beside it. */
const VITA_TOP = new Set(['', 'people', 'publications', 'news', 'group', 'seminars', 'search', 'posts', 'projects', 'assets', 'pagefind', 'cv']);
/** What a careful migration would call the page instead, where the word is obvious. */
const MOVED: Record<string, string> = { people: 'team', group: 'team', posts: 'writing', projects: 'research-projects' };

export interface SourcePage {
  file: string;
  /** The line the body starts at. */
  line?: number;
  title: string;
  /** The address as the site states it (`permalink: /teaching/`), if it does. */
  permalink?: string;
  /** In the site's navigation (`nav: true`, `menu: main`). */
  menu?: boolean;
  order?: number;
  description?: string;
  body: string;
  /** The folder of the site its relative links start from (a Hugo page bundle's own folder); the site's root if not given. */
  base?: string;
}

/** "/teaching/" -> "teaching", "/courses/ml.html" -> "courses/ml"; without a permalink, the file's name. */
export function pageAddress(permalink: string | undefined, file: string): string {
  const from = permalink?.trim() ? permalink : posix.basename(file).replace(/\.[^.]+$/, '');
  return from
    .split(/[?#]/)[0]!
    .replace(/\.(html?|md)$/i, '')
    .split('/')
    .map((part) => slug(part.replace(/^:.*$/, ''), 60))
    .filter(Boolean)
    .join('/')
    .replace(/\/index$/, '');
}

/**
 * Adds the page to the bundle, or says why not: a page with no text of its own once the template is taken out (a
 * list the site fills from its data) is not carried. Returns the path it was given, if any.
 */
export function carryPage(bundle: ImportBundle, files: SiteFiles, page: SourcePage, site: Record<string, unknown> = {}): string | undefined {
  const origin: Origin = { file: page.file, ...(page.line ? { line: page.line } : {}) };
  let filled = 0;
  // {{ site.title }}, {{ site.email }}: the configuration's plain values.
  const resolved = page.body.replace(/\{\{-?\s*site\.([\w.]+)\s*-?\}\}/g, (whole, key: string) => {
    const value = key.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), site);
    if (typeof value !== 'string' && typeof value !== 'number') return whole;
    filled++;
    return String(value);
  });
  // al-folio's figure include is an image: kept as one.
  const figures = resolved.replace(/\{%-?\s*include\s+figure\.(?:liquid|html)\s+([^%]*?)-?%\}/g, (_, args: string) => {
    const path = /\bpath\s*=\s*["']([^"']+)["']/.exec(args)?.[1];
    if (!path) return _;
    filled++;
    const alt = /\b(?:alt|title|caption)\s*=\s*["']([^"']*)["']/.exec(args)?.[1] ?? '';
    return `![${alt}](${/^[a-z]+:|^\//i.test(path) ? path : `/${path}`})`;
  });
  const { text, removed } = stripLiquid(figures);
  const body = carryHtmlLinks(files.markdown(text.trim(), page.base ?? '', origin, 'pages'), files, origin, page.base ?? '').trim();
  if (!ownText(body)) {
    leaveOut(bundle, 'pages', 'made by the site from its data (no text of its own)');
    note(bundle, 'info', origin, 'generated-page', `the page "${page.title}" (${page.file}) was not carried: the site makes it from its data${removed ? ` with ${removed} Liquid tag${removed === 1 ? '' : 's'}` : ''}, and it has no text of its own`, 'what it lists is imported where vita keeps it, if vita has a place for it.');
    return undefined;
  }
  let path = pageAddress(page.permalink, page.file);
  const top = path.split('/')[0]!;
  if (VITA_TOP.has(top)) {
    const moved = `${MOVED[top] ?? `${top || 'home'}-page`}${path.slice(top.length)}`;
    note(bundle, 'info', origin, 'page-moved', `the page "${page.title}" is at /${moved}/, not /${path ? `${path}/` : ''}: vita makes that address itself`);
    path = moved;
  }
  const taken = new Set(bundle.pages.map((p) => p.path));
  for (let n = 2, base = path; taken.has(path); n++) path = `${base}-${n}`;
  if (removed) note(bundle, 'warning', origin, 'liquid', `${removed} Liquid tag${removed === 1 ? ' was' : 's were'} taken out of the page "${page.title}" (vita does not run Jekyll templates)${filled ? `; ${filled} (\`{{ site.* }}\` values, figures) ${filled === 1 ? 'was' : 'were'} filled in` : ''}`, `look at pages/${path}.md and write by hand what the tags made.`);
  // Links in the page are written relative to where the page now lives.
  const from = posix.dirname(`pages/${path}.md`);
  const relinked = from === 'pages' ? body : body.replace(/(\]\(|(?:src|href)=")(\.\.\/assets\/)/g, (_, lead: string) => `${lead}${posix.relative(from, 'assets')}/`);
  bundle.pages.push({
    path,
    value: {
      title: page.title,
      ...(page.description ? { description: page.description } : {}),
      ...(page.menu ? { menu: true } : {}),
      ...(page.order !== undefined && Number.isFinite(page.order) ? { order: page.order } : {}),
      body: relinked,
    },
    origin,
  });
  return path;
}

/** Words or a picture beyond headings and empty markup: a page of the site's own. */
function ownText(body: string): boolean {
  if (/<img\s|!\[[^\]]*\]\(/i.test(body)) return true;
  const words = body
    .split('\n')
    .filter((l) => !/^\s{0,3}#/.test(l))
    .join('\n')
    .replace(/<[^>]*>/g, ' ');
  return /\p{L}{2,}/u.test(words);
}

/** `<img src="/assets/img/lab.jpg">`, `<a href="assets/pdf/x.pdf">`: the site's files copied and linked as Markdown's are. */
function carryHtmlLinks(text: string, files: SiteFiles, origin: Origin, base: string): string {
  return text.replace(/\b(src|href)=(["'])([^"']+)\2/gi, (whole, attr: string, quote: string, target: string) => {
    if (/^[a-z][a-z0-9+.-]*:|^#|^\/\//i.test(target)) return whole;
    const link = files.link(target, base, origin);
    if (!link) return whole;
    return `${attr}=${quote}${/^[a-z][a-z0-9+.-]*:/i.test(link) ? link : posix.relative('pages', link)}${quote}`;
  });
}
