/** What the site and CV readers share: YAML and front matter read leniently, files listed, local links carried over. */
import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { extname, join, posix, relative, resolve, sep } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { ImportBundle, ImportedPerson, Origin } from '../bundle.js';
import { note } from '../bundle.js';
import { isRecord, safeUrl } from '../text.js';
import { OutsideError, realInside } from '../../load/inside.js';
import { noteLink, readText } from './bibtex.js';
import { decodePath } from '../../text/uri.js';

/** A YAML text as data; syntax errors noted with their line. `lineOffset` for front matter inside a file. */
export function parseYaml(text: string, origin: Origin, bundle: Pick<ImportBundle, 'notes'>, lineOffset = 0, customTags?: Parameters<typeof parseDocument>[1]): unknown {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false, strict: false, ...(customTags ?? {}) });
  const fatal = doc.errors.filter((e) => e.code !== 'DUPLICATE_KEY');
  if (fatal.length) {
    const e = fatal[0]!;
    note(bundle, 'warning', { file: origin.file, line: lines.linePos(e.pos[0]).line + lineOffset }, 'yaml-syntax', `the YAML could not be read: ${e.message.split('\n')[0]}`, 'what the file holds was not imported; fix it and import again.');
    return undefined;
  }
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    note(bundle, 'warning', origin, 'yaml-syntax', `the YAML could not be read (${(err as Error).message})`);
    return undefined;
  }
}

export function readYamlFile(root: string, rel: string, bundle: ImportBundle): unknown {
  const path = join(root, rel);
  if (!existsSync(path) && !isLink(path)) return undefined;
  const text = readText(path, rel, bundle, root);
  return text === undefined ? undefined : parseYaml(text, { file: rel }, bundle);
}

export interface FrontMatterDoc {
  data: Record<string, unknown>;
  body: string;
  /** Line where the body starts. */
  bodyLine: number;
}

/** A Markdown file with YAML front matter (`---`) or TOML front matter (`+++`, read as far as simple keys go). */
export function readFrontMatterFile(root: string, rel: string, bundle: ImportBundle): FrontMatterDoc | undefined {
  const text = readText(join(root, rel), rel, bundle, root);
  if (text === undefined) return undefined;
  return splitFrontMatter(text, rel, bundle);
}

export function splitFrontMatter(text: string, file: string, bundle: Pick<ImportBundle, 'notes'>): FrontMatterDoc {
  const yaml = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m.exec(text);
  if (yaml && yaml.index === 0) {
    const data = parseYaml(yaml[1]!, { file }, bundle, 1);
    const bodyLine = yaml[0].split('\n').length;
    return { data: isRecord(data) ? data : {}, body: text.slice(yaml[0].length), bodyLine };
  }
  const toml = /^\+\+\+[ \t]*\r?\n([\s\S]*?)\r?\n?^\+\+\+[ \t]*(?:\r?\n|$)/m.exec(text);
  if (toml && toml.index === 0) {
    return { data: readSimpleToml(toml[1]!), body: text.slice(toml[0].length), bodyLine: toml[0].split('\n').length };
  }
  return { data: {}, body: text, bodyLine: 1 };
}

/** TOML front matter as Hugo sites write it: `key = "value"`, `key = ["a", "b"]`, numbers, booleans, [tables]. */
export function readSimpleToml(text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let table: Record<string, unknown> = out;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const header = /^\[+\s*([^\]]+?)\s*\]+$/.exec(line);
    if (header) {
      table = {};
      out[header[1]!] = table;
      continue;
    }
    const m = /^([A-Za-z0-9_.-]+)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    table[m[1]!] = tomlValue(m[2]!.trim());
  }
  return out;
}

function tomlValue(v: string): unknown {
  if (v.startsWith('[')) {
    const inner = v.replace(/^\[|\]$/g, '');
    return [...inner.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|([^,\s]+)/g)].map((m) => (m[1] !== undefined ? JSON.parse(`"${m[1]}"`) : (m[2] ?? tomlValue(m[3]!))));
  }
  if (/^"(.*)"$/.test(v)) return JSON.parse(v) as string;
  if (/^'(.*)'$/.test(v)) return v.slice(1, -1);
  if (v === 'true' || v === 'false') return v === 'true';
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  return v;
}

/** Files under `dir` (relative to `root`) ending in one of `exts`, sorted; hidden files and folders skipped. */
export function listFiles(root: string, dir: string, exts: string[], deep = false): string[] {
  const abs = join(root, dir);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) return [];
  const out: string[] = [];
  for (const entry of readdirSync(abs, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const rel = posix.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (deep) out.push(...listFiles(root, rel, exts, true));
    } else if (exts.includes(extname(entry.name).toLowerCase())) out.push(rel);
  }
  return out.sort();
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Jekyll's Liquid in Markdown: `{{ site.baseurl }}` dropped, `{% ... %}` tags removed (and counted). */
export function stripLiquid(text: string): { text: string; removed: number } {
  let removed = 0;
  const out = text
    // A comment block is not shown, and neither is what it holds (often the template's leftover instructions).
    .replace(/\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}/g, () => {
      removed++;
      return '';
    })
    .replace(/\{\{\s*(?:site\.baseurl|site\.url|['"]\/?['"]\s*\|\s*relative_url)\s*\}\}/g, '')
    .replace(/\{\{\s*['"]([^'"]+)['"]\s*\|\s*(?:relative_url|absolute_url)\s*\}\}/g, '$1')
    .replace(/\{%-?\s*(?:raw|endraw)\s*-?%\}/g, '')
    .replace(/\{%-?[\s\S]*?-?%\}|\{\{-?[\s\S]*?-?\}\}/g, () => {
      removed++;
      return '';
    });
  return { text: out.replace(/\n{3,}/g, '\n\n'), removed };
}

/**
 * Local links of a site, carried into the project: a file of the site (a PDF, a photo) is copied under assets/ and
 * linked there; a page of the site becomes an absolute link on the old site when its address is known; web links stay.
 */
export class SiteFiles {
  constructor(
    private readonly root: string,
    private readonly bundle: ImportBundle,
    private readonly baseUrl?: string,
    /** Folders whose contents a site serves at its root (Hugo's static/). */
    private readonly servedFrom: string[] = [],
  ) {}

  /** `target` as written in the source; `base` is the site folder it is relative to (for "paper.pdf" in assets/pdf/). */
  link(target: unknown, base = '', origin?: Origin): string | undefined {
    if (typeof target !== 'string') return undefined;
    const t = target.trim().replace(/^\{\{\s*site\.baseurl\s*\}\}/, '');
    if (!t || t === '#') return undefined;
    if (/^[a-z][a-z0-9+.-]*:/i.test(t) || t.startsWith('//')) {
      const safe = safeUrl(t.startsWith('//') ? `https:${t}` : t);
      if (!safe && origin) note(this.bundle, 'info', origin, 'unsafe-link', `the link "${t}" was left out (vita keeps http, https, mailto and doi links)`);
      return safe;
    }
    let path = t.split(/[?#]/)[0]!;
    path = decodePath(path);
    const found = this.find(path, base);
    if (found) {
      this.bundle.files[found.projectPath] = found.abs;
      return found.projectPath;
    }
    if (this.baseUrl && path.startsWith('/')) return `${this.baseUrl.replace(/\/$/, '')}${path}`;
    if (origin) note(this.bundle, 'info', origin, 'dead-link', `the link "${t}" points to a file the source does not have; it was left out`);
    return undefined;
  }

  /** A file of the site: where it is, and where the project keeps it (under assets/). */
  find(target: string, base = ''): { abs: string; projectPath: string } | undefined {
    const path = target.replace(/^\{\{\s*site\.baseurl\s*\}\}/, '');
    const fromRoot = path.replace(/^\/+/, '');
    const candidates = path.startsWith('/') ? [fromRoot, ...this.servedFrom.map((d) => posix.join(d, fromRoot))] : [posix.normalize(posix.join(base, path)), fromRoot, ...this.servedFrom.map((d) => posix.join(d, fromRoot))];
    for (const rel of candidates) {
      const abs = resolve(this.root, rel);
      if (!abs.startsWith(resolve(this.root) + sep)) continue;
      // The file itself, never through a symbolic link out of the source (a cloned site's cv.pdf -> ~/.ssh/id_rsa).
      let real: string;
      try {
        real = realInside(this.root, abs);
        if (!statSync(real).isFile()) continue;
      } catch (err) {
        if (err instanceof OutsideError) noteLink(this.bundle, relative(this.root, abs).split(sep).join('/'), err);
        continue;
      }
      const inside = relative(this.root, abs).split(sep).join('/');
      const served = this.servedFrom.find((d) => inside.startsWith(`${d}/`));
      return { abs: real, projectPath: `assets/${(served ? inside.slice(served.length + 1) : inside).replace(/^(?:assets|content)\//, '')}` };
    }
    return undefined;
  }

  /**
   * Markdown with its local links carried over (links that lead nowhere become their text). `from` is the project
   * folder the Markdown will be written in (people/<id>, news): links are made relative to it.
   */
  markdown(text: string, base: string, origin: Origin, from: string): string {
    return text.replace(/(!?)\[([^\]]*)\]\(\s*<?([^)\s>]+)>?((?:\s+"[^"]*")?)\s*\)/g, (whole, bang: string, label: string, target: string, title: string) => {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) return whole;
      const link = this.link(target, base, origin);
      if (link && /^[a-z][a-z0-9+.-]*:/i.test(link)) return `${bang}[${label}](${link}${title})`;
      if (link) return `${bang}[${label}](${posix.relative(from, link)}${title})`;
      return bang ? '' : label;
    });
  }
}

/** Profile links from site configurations (usernames) as URLs. */
export function profileLinks(data: Record<string, unknown>): Record<string, string> {
  const links: Record<string, string> = {};
  const get = (...keys: string[]) => keys.map((k) => data[k]).find((v) => typeof v === 'string' && v.trim() !== '' || typeof v === 'number') as string | number | undefined;
  const set = (name: string, url: string | undefined) => {
    const safe = safeUrl(url);
    if (safe && !links[name]) links[name] = safe;
  };
  const scholar = get('scholar_userid', 'googlescholar', 'google_scholar', 'scholar');
  if (scholar !== undefined) set('scholar', /^https?:/.test(String(scholar)) ? String(scholar) : `https://scholar.google.com/citations?user=${scholar}`);
  const github = get('github_username', 'github');
  if (github !== undefined) set('github', /^https?:/.test(String(github)) ? String(github) : `https://github.com/${github}`);
  const orcid = get('orcid_id', 'orcid');
  if (orcid !== undefined) set('orcid', /^https?:/.test(String(orcid)) ? String(orcid) : `https://orcid.org/${orcid}`);
  const dblp = get('dblp_url', 'dblp');
  if (dblp !== undefined) set('dblp', String(dblp));
  const openreview = get('openreview_id', 'openreview');
  if (openreview !== undefined) set('openreview', /^https?:/.test(String(openreview)) ? String(openreview) : `https://openreview.net/profile?id=${openreview}`);
  const linkedin = get('linkedin_username', 'linkedin');
  if (linkedin !== undefined) set('linkedin', /^https?:/.test(String(linkedin)) ? String(linkedin) : `https://www.linkedin.com/in/${linkedin}`);
  const twitter = get('x_username', 'twitter_username', 'twitter');
  if (twitter !== undefined) set('twitter', /^https?:/.test(String(twitter)) ? String(twitter) : `https://x.com/${twitter}`);
  const arxiv = get('arxiv_id');
  if (arxiv !== undefined) set('arxiv', `https://arxiv.org/a/${arxiv}`);
  const semantic = get('semanticscholar_id');
  if (semantic !== undefined) set('semanticscholar', `https://www.semanticscholar.org/author/${semantic}`);
  const rg = get('research_gate_profile', 'researchgate');
  if (rg !== undefined) set('researchgate', /^https?:/.test(String(rg)) ? String(rg) : `https://www.researchgate.net/profile/${rg}`);
  const cv = get('cv_pdf');
  if (cv !== undefined && /^https?:/.test(String(cv))) set('cv', String(cv));
  return links;
}

/** A person with a name and an id, for the people a site mentions. */
export function newPerson(id: string, value: Record<string, unknown>, origin: Origin): ImportedPerson {
  return { id, value, sections: {}, origin };
}

/**
 * Local links in what a page-based source produced (publication links, the About text), carried into the project:
 * files copied under assets/, links that lead nowhere dropped with a note.
 */
export function relinkBundle(bundle: ImportBundle, files: SiteFiles): void {
  for (const pub of bundle.publications) {
    if (pub.bibtex) continue;
    const v = pub.value;
    if (v.links) {
      const links: Record<string, string> = {};
      for (const [kind, target] of Object.entries(v.links)) {
        const link = target && /^[a-z][a-z0-9+.-]*:/i.test(target) ? target : files.link(target, '', pub.origin);
        if (link) links[kind] = link;
      }
      v.links = Object.keys(links).length ? links : undefined;
      if (!v.links) delete v.links;
    }
    if (v.url && !/^[a-z][a-z0-9+.-]*:/i.test(v.url)) {
      const link = files.link(v.url, '', pub.origin);
      if (link) v.url = link;
      else delete v.url;
    }
  }
  for (const person of bundle.people) {
    for (const [section, text] of Object.entries(person.sections)) person.sections[section] = files.markdown(text, '', person.origin, 'people/owner');
  }
  for (const item of bundle.news) if (item.value.body) item.value.body = files.markdown(item.value.body, '', item.origin, 'news');
}
