/** The frame around every page: head (meta, theme without a flash, stylesheets), header, navigation, footer. */
import { containsMath } from '../markdown.js';
import { hasFeeds } from './feeds.js';
import { absoluteUrl, localText, pageFile, paths, url, type Site } from './context.js';
import { html, jsonLd, trustedHtml, type Html } from './html.js';
import { memo } from './memo.js';
import { catalogueFor } from './i18n.js';
import { treeLanguages } from '../../strings/index.js';
import { hasResearch, hasTalks, hasTeaching, hasCv } from './parts/person-name.js';
import { menuLabel, menuPages, personPages } from './parts/writing.js';
import { groupSections } from './parts/sections.js';
import { pageNavKey } from './pages/page.js';
import { flushThemeProblems, pageInfo, themed } from './parts/themed.js';
import { THEME_STYLE } from './theme.js';
import { imageAddress } from './parts/picture.js';

export interface Page {
  /** Path inside the site: "people/lei-wu/" (a folder) or "404.html". */
  path: string;
  /** Plain-text title for <title> and Open Graph. */
  title: string;
  description?: string;
  body: Html;
  /** Extra head elements: citation_* meta tags, feeds. */
  head?: Html;
  /** Structured data, written as JSON-LD. */
  data?: unknown[];
  ogType?: 'website' | 'profile' | 'article';
  /** Path of an image inside the site, for og:image. */
  image?: string;
  /** Which navigation item is current. */
  nav?: string;
  /** Pages that should not be indexed nor listed in the sitemap (404). */
  noindex?: boolean;
  /** Pages left out of the search index: the search page, 404, and lists that repeat what other pages hold. */
  unsearchable?: boolean;
  /** The full width of the window rather than a column of text (a page's `layout: wide`, the grid of projects). */
  wide?: boolean;
}

/** The inline script that sets the theme before the first paint, so a dark reader never sees a white flash. */
export const THEME_BOOT = "(function(){try{var t=localStorage.getItem('vita-theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}})();";

/** The site's name in the header: the group's name, or the owner's. */
export function siteName(site: Site): string {
  const c = site.graph.config;
  if (c.group) return localText(site, c.group.name);
  if (c.owner) {
    const p = site.graph.people.get(c.owner);
    if (p) return p.names[site.lang] ?? p.name;
  }
  return localText(site, c.title);
}

interface NavItem {
  key: string;
  label: string;
  path: string;
}

function navItems(site: Site): NavItem[] {
  const t = site.t;
  const g = site.graph;
  const items: NavItem[] = [{ key: 'home', label: t.home, path: paths.home() }];
  const owner = g.config.owner ? g.people.get(g.config.owner) : undefined;
  if (owner) {
    items.push({ key: 'publications', label: t.publications, path: paths.personPublications(owner.id) });
    if (hasResearch(owner)) items.push({ key: 'research', label: t.research, path: paths.research(owner.id) });
    if (hasCv(site, owner)) items.push({ key: 'cv', label: t.cv, path: paths.cv(owner.id) });
    if (hasTalks(owner)) items.push({ key: 'talks', label: t.talks, path: paths.talks(owner.id) });
    if (hasTeaching(owner)) items.push({ key: 'teaching', label: t.teaching, path: paths.teaching(owner.id) });
    for (const page of personPages(site, owner.id)) items.push({ key: pageNavKey(page), label: menuLabel(site, page), path: paths.page(page.id) });
  } else {
    const has = groupSections(g);
    if (has.group) items.push({ key: 'group', label: t.group, path: paths.group() });
    if (has.publications) items.push({ key: 'publications', label: t.publications, path: paths.publications() });
  }
  if (g.projects.length) items.push({ key: 'projects', label: t.projects, path: paths.projects() });
  if (g.posts.length) items.push({ key: 'blog', label: t.blog, path: paths.posts() });
  if (g.news.length) items.push({ key: 'news', label: t.news, path: paths.news() });
  if (g.series.size) items.push({ key: 'seminars', label: t.seminars, path: paths.seminars() });
  for (const page of menuPages(site)) items.push({ key: pageNavKey(page), label: menuLabel(site, page), path: paths.page(page.id) });
  return items;
}

/**
 * Languages with a tree of pages: every configured language that is a BCP 47 tag (one without a catalogue
 * shows English words around its content; `vita check` says so).
 */
export function siteLanguages(site: Site): string[] {
  return treeLanguages(site.languages);
}

/** A language's own name for itself ("Deutsch", "日本語"), from its catalogue or else from Intl. */
export function languageName(lang: string): string {
  const own = catalogueFor(lang);
  if (own) return own.languageName;
  try {
    const name = new Intl.DisplayNames([lang], { type: 'language' }).of(lang);
    if (name) return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
  } catch {
    // not a tag Intl knows: the tag itself
  }
  return lang;
}

/**
 * The language switch: with one other language a link to it; with more, a small menu (a disclosure that
 * works without JavaScript) naming every language in its own words, the current one marked.
 */
function languageSwitch(site: Site, langs: readonly string[], langUrl: (l: string) => string): Html {
  const others = langs.filter((l) => l !== site.lang);
  if (others.length === 0) return html``;
  if (others.length === 1) {
    const l = others[0]!;
    return html`<a class="tool lang" href="${langUrl(l)}" hreflang="${l}" lang="${l}">${languageName(l)}</a>`;
  }
  return html`<details class="lang-menu"><summary class="tool lang" aria-label="${site.t.language}: ${languageName(site.lang)}" title="${site.t.language}"><svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18"><circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-width="2"/><path d="M3 12h18M12 3c3 3.5 3 14.5 0 18M12 3c-3 3.5-3 14.5 0 18" fill="none" stroke="currentColor" stroke-width="1.6"/></svg><span>${languageName(site.lang)}</span></summary>
<ul>${langs.map((l) => html`<li><a href="${langUrl(l)}" hreflang="${l}" lang="${l}"${l === site.lang ? html` aria-current="page"` : ''}>${languageName(l)}</a></li>`)}</ul></details>`;
}

/**
 * The `<style>` that applies vita.yaml's theme over the stylesheet's custom properties: `colors` to the light
 * theme, `darkColors` to the dark one (chosen with the switch or by the system; vita's own dark colours stay
 * otherwise, so a dark accent chosen for light pages never lands on a dark background), `fonts` to both.
 */
function themeOverrides(site: Site): Html | undefined {
  const theme = site.graph.config.theme;
  const colour = ([name, value]: [string, string]) => [name.startsWith('--') ? name : `--${name}`, value] as const;
  const font = ([name, value]: [string, string]) => [name.startsWith('--') ? name : name.startsWith('font-') ? `--${name}` : `--font-${name}`, fontFamilies(value)] as const;
  const light = declarations([...Object.entries(theme?.colors ?? {}).map(colour), ...Object.entries(theme?.fonts ?? {}).map(font)]);
  const dark = declarations(Object.entries(theme?.darkColors ?? {}).map(colour));
  const rules = [
    light ? `:root{${light}}` : '',
    // As specific as vita.css's own dark rules, and after them.
    dark ? `:root[data-theme=dark]{${dark}}@media (prefers-color-scheme:dark){:root:not([data-theme=light]){${dark}}}` : '',
  ].join('');
  return rules ? trustedHtml(`<style>${rules}</style>`) : undefined;
}

/** `--name:value;...`, leaving out what could close the style element or open a new rule. */
function declarations(named: (readonly [string, string])[]): string {
  const decls: string[] = [];
  for (const [prop, value] of named) if (/^--[A-Za-z0-9-]+$/.test(prop) && !/[<>{};]/.test(value)) decls.push(`${prop}:${value}`);
  return decls.join(';');
}

const GENERIC_FONTS = new Set(['serif', 'sans-serif', 'monospace', 'cursive', 'fantasy', 'system-ui', 'ui-serif', 'ui-sans-serif', 'ui-monospace', 'ui-rounded', 'math', 'emoji', 'fangsong', 'inherit', 'initial', 'unset']);

/**
 * A list of font families as CSS reads it: a name that is not a run of identifiers (`Source Serif 4`, where a
 * word starts with a digit) is quoted, so that it is one family, as meant. A value written as CSS is kept.
 */
function fontFamilies(value: string): string {
  if (/["'()\\]/.test(value)) return value;
  const parts = value.split(',').map((f) => f.trim());
  const identifiers = (f: string) => f.split(/\s+/).every((w) => /^-?[A-Za-z_\u0080-\uFFFF][\w\u0080-\uFFFF-]*$/.test(w));
  if (parts.every((f) => f === '' || GENERIC_FONTS.has(f.toLowerCase()) || identifiers(f))) return value;
  return parts
    .filter(Boolean)
    .map((f) => (GENERIC_FONTS.has(f.toLowerCase()) || identifiers(f) ? f : `"${f}"`))
    .join(', ');
}

/**
 * The link to the project's theme/style.css, when it has one: after vita's stylesheet, so that any rule can be
 * overridden. The file is copied into the site as any linked file of the project is; its version (from loadTheme)
 * makes browsers fetch it again when it changes.
 */
function themeStylesheet(site: Site): Html | undefined {
  if (!site.files.has(THEME_STYLE)) return undefined;
  const version = site.theme?.theme.style?.version;
  return html`<link rel="stylesheet" href="${url(site, THEME_STYLE, { asset: true }) + (version ? `?v=${version}` : '')}">`;
}

/** The part of every page's head that is the same on all pages (given whether the page has math). */
function siteHead(site: Site, math: boolean, feed: string | undefined): Html {
  return html`<meta name="color-scheme" content="light dark">
<link rel="icon" href="${url(site, 'assets/favicon.svg', { asset: true })}" type="image/svg+xml">
<script>${trustedHtml(THEME_BOOT)}</script>
<link rel="stylesheet" href="${url(site, 'assets/vita.css', { asset: true })}">
${math ? html`<link rel="stylesheet" href="${url(site, 'assets/katex/katex.min.css', { asset: true })}">` : ''}
${themeOverrides(site)}
${themeStylesheet(site)}
${feed ? html`<link rel="alternate" type="application/atom+xml" title="${site.t.news}" href="${url(site, feed)}">` : ''}
<script src="${url(site, 'assets/vita.js', { asset: true })}" defer></script>`;
}

/** A page as written: its markup in pieces (see Html), and whether it typesets math. */
export interface PageMarkup {
  path: string;
  html: Html;
  math: boolean;
}

export function renderPage(site: Site, page: Page): PageMarkup {
  const t = site.t;
  // The theme's components in the page's body have been drawn: their problems, if any, are this page's.
  const pageUrl = site.theme ? url(site, page.path) : undefined;
  if (pageUrl !== undefined) flushThemeProblems(site, pageUrl);
  const at = { page: pageUrl };
  const info = () => pageInfo(site, page);
  const name = siteName(site);
  const fullTitle = page.path === '' ? name : `${page.title} · ${name}`;
  const canonical = absoluteUrl(site, page.path);
  const math = page.body.pieces.some(containsMath) || (page.head ? page.head.pieces.some(containsMath) : false);
  const langs = siteLanguages(site);
  const image = page.image ? imageAddress(site, page.image) : undefined;
  const feed = hasFeeds(site) ? paths.newsFeed() : undefined;

  const head = html`<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
${page.description ? html`<meta name="description" content="${page.description}">` : ''}
${page.noindex ? html`<meta name="robots" content="noindex">` : ''}
${canonical && !page.noindex ? html`<link rel="canonical" href="${canonical}">` : ''}
${langs.length > 1 && !page.noindex ? html`${langs.map((l) => html`<link rel="alternate" hreflang="${l}" href="${absoluteUrl(site, page.path, { lang: l }) ?? url(site, page.path, { lang: l })}">`)}<link rel="alternate" hreflang="x-default" href="${absoluteUrl(site, page.path, { lang: site.mainLang }) ?? url(site, page.path, { lang: site.mainLang })}">` : ''}
<meta property="og:title" content="${page.title}">
<meta property="og:type" content="${page.ogType ?? 'website'}">
<meta property="og:site_name" content="${name}">
${canonical ? html`<meta property="og:url" content="${canonical}">` : ''}
${page.description ? html`<meta property="og:description" content="${page.description}">` : ''}
${image ? html`<meta property="og:image" content="${image}">` : ''}
${memo(site, 'head', math ? 'math' : '', () => siteHead(site, math, feed))}
${page.head ?? ''}
${(page.data ?? []).map((d) => jsonLd(d))}${site.overrides?.head ? html`
${themed(site, 'head', () => ({ page: info() }), () => html``, at)}` : ''}`;

  const nav = navItems(site);
  const otherLangs = langs.length > 1 ? langs.filter((l) => l !== site.lang) : [];
  const langUrl = (l: string) => url(site, page.noindex ? '' : page.path, { lang: l });
  const defaultHeader = () => html`<header class="site-header">
<div class="bar">
<a class="brand" href="${url(site, '')}">${name}</a>
<nav class="site-nav" aria-label="${t.mainNav}"><ul>
${nav.map((n) => html`<li><a href="${url(site, n.path)}"${n.key === page.nav ? html` aria-current="page"` : ''}>${n.label}</a></li>`)}
</ul></nav>
<div class="tools">
<a class="tool" href="${url(site, paths.search())}" aria-label="${t.searchSite}" title="${t.searchSite}"><svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18"><circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" stroke-width="2"/><path d="M15.5 15.5 21 21" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg></a>
${languageSwitch(site, langs, langUrl)}
<button class="tool theme-toggle" type="button" hidden aria-label="${t.themeToggle}" title="${t.themeToggle}"><svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18"><path d="M12 3a9 9 0 1 0 0 18z" fill="currentColor"/><circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-width="2"/></svg></button>
</div>
</div>
</header>`;
  const headerProps = () => ({
    page: info(),
    siteName: name,
    homeUrl: url(site, ''),
    nav: nav.map((n) => ({ key: n.key, label: n.label, url: url(site, n.path), current: n.key === page.nav })),
    searchUrl: url(site, paths.search()),
    languages: otherLangs.map((l) => ({ lang: l, label: languageName(l), url: langUrl(l) })),
  });
  // Without a language switch or a theme's header, the header is the same on every page but for the current
  // navigation item: made once per item. The same holds for the footer, made once per site.
  const header =
    otherLangs.length === 0 && site.overrides?.header === undefined
      ? memo(site, 'header', page.nav ?? '', defaultHeader)
      : themed(site, 'header', headerProps, defaultHeader, at);

  const defaultFooter = () => html`<footer class="site-footer">
<p>© ${name}${feed ? html` · <a href="${url(site, feed)}">${t.feed}</a>` : ''} · <span class="muted">${t.builtWith}</span></p>
</footer>`;
  const footer =
    site.overrides?.footer === undefined
      ? memo(site, 'footer', '', defaultFooter)
      : themed(site, 'footer', () => ({ page: info(), siteName: name, feedUrl: feed ? url(site, feed) : undefined, year: site.now.getUTCFullYear() }), defaultFooter, at);

  const doc = html`<!doctype html>
<html lang="${site.lang}">
<head>
${trustedHtml(tidy(head.value))}
</head>
<body>
<a class="skip" href="#main">${t.skip}</a>
${header}
<main id="main"${page.wide ? html` class="wide"` : ''}${page.unsearchable ? '' : html` data-pagefind-body`}>
${page.unsearchable ? '' : html`<span data-pagefind-meta="title" hidden>${page.title}</span>`}
${page.body}
</main>
${footer}${site.overrides?.pageEnd ? html`
${themed(site, 'pageEnd', () => ({ page: info() }), () => html``, at)}` : ''}
</body>
</html>
`;
  return { path: pageOutputPath(site, page.path), html: doc, math };
}

/** The output file of a page at a path: "people/lei-wu/" -> "people/lei-wu/index.html", "404.html" as it is (per language). */
export function pageOutputPath(site: Site, path: string): string {
  return path.endsWith('.html') ? (site.lang === site.mainLang ? path : `${site.lang}/${path}`) : pageFile(site, path);
}

/** Drop the blank lines that empty optional parts leave in the head. */
function tidy(markup: string): string {
  return markup.replace(/\n\s*\n+/g, '\n');
}
