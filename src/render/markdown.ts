/**
 * Markdown for everything the user writes in prose (about.md, abstracts, news): markdown-it with the owner's raw
 * HTML kept and sanitized (./sanitize.ts), KaTeX typesetting `$...$` and `$$...$$` at build time (HTML and
 * MathML, so no math runtime runs in the browser), links checked for unsafe schemes, and what people write on
 * other academic sites: emoji shortcodes, footnotes, definition lists and kramdown attributes (`{: .class}`).
 */
import MarkdownIt from 'markdown-it';
import type katex from 'katex';
import { createRequire } from 'node:module';
import { Html, isSafeHref, trustedHtml } from './site/html.js';
import { onDemand } from './on-demand.js';
import { sanitizeHtml } from './sanitize.js';

type Md = ReturnType<typeof MarkdownIt>;
type Token = ReturnType<Md['parse']>[number];
// KaTeX and its markdown-it plugin are loaded when a text first holds a `$` (see ./on-demand.ts). The plugin is
// CommonJS with `exports.default`.
const katexModule = onDemand<typeof katex>('katex');
const katexPluginModule = onDemand<{ default: (md: Md, options: object) => void }>('@vscode/markdown-it-katex');

export interface MarkdownOptions {
  /** Turns a link or image target into the URL to print (project files -> site URLs). Unsafe ones are dropped before. */
  rewriteUrl?: (url: string) => string;
  /** Headings in the prose start at this level (h3 under a page's h2 sections). */
  headingStart?: number;
  /** Headings keep their level but go no higher than this (a post's "## Section" stays h2; its "# Part" is h2 too, under the page's h1). */
  minHeading?: number;
  /** Links to other sites open in a new tab (`site.externalLinksNewTab` in vita.yaml). */
  newTab?: boolean;
}

interface Env {
  [key: string | symbol]: unknown;
  rewriteUrl?: (url: string) => string;
  headingStart?: number;
  minHeading?: number;
  newTab?: boolean;
}

/**
 * While a text with raw HTML is rendered, typeset math waits here and a mark stands in its place: KaTeX's markup
 * (inline styles, MathML) is vita's own and would not survive the sanitizer, so it is put back after it.
 */
let mathSlots: string[] | undefined;
const SLOT = /\uE000(\d+)\uE001/g;

/**
 * KaTeX with a memory of the formulas it typeset: the same few ($L^p$, $\mathbb{R}^d$) come back in title after
 * title and abstract after abstract, and typesetting one costs more than the rest of its paragraph. Bounded, so
 * a record of many distinct formulas does not keep them all.
 */
const typeset = new Map<string, string>();
const TYPESET_LIMIT = 20_000;
const cachedKatex = {
  renderToString(latex: string, options: katex.KatexOptions): string {
    const key = (options.displayMode ? 'D' : 'I') + latex;
    let out = typeset.get(key);
    if (out === undefined) {
      out = katexModule().renderToString(latex, options);
      out.charCodeAt(0); // one flat string, not the tree of its concatenations (see site/memo.ts)
      if (typeset.size >= TYPESET_LIMIT) typeset.clear();
      typeset.set(key, out);
    }
    if (mathSlots) return `\uE000${mathSlots.push(out) - 1}\uE001`;
    return out;
  },
};

function createRenderer(extended: boolean, html: boolean, math: boolean): Md {
  const md = new MarkdownIt({ html, linkify: true, typographer: true });
  // Math is only ever written between dollars: a text without one renders the same without the plugin.
  if (math) {
    md.use(katexPluginModule().default, {
      katex: cachedKatex,
      output: 'htmlAndMathml',
      throwOnError: false,
      // Never let \href or \url in math produce a link, nor \htmlClass & co. produce markup.
      trust: false,
      strict: 'ignore',
    } as object);
  }
  if (extended) {
    // Loaded when a text first needs them (their CommonJS builds, synchronously): emoji's table alone takes a
    // noticeable part of a small site's start-up, and most records never write a shortcode.
    const require = createRequire(import.meta.url);
    const emojiPlugin = (require('markdown-it-emoji') as typeof import('markdown-it-emoji')).full;
    const footnotePlugin = require('markdown-it-footnote') as typeof import('markdown-it-footnote');
    const deflistPlugin = require('markdown-it-deflist') as typeof import('markdown-it-deflist').default;
    const attrsPlugin = require('markdown-it-attrs') as typeof import('markdown-it-attrs');
    // `:tada:` and friends, but not the ASCII smileys (":)" or "8)" are ordinary text in an abstract).
    md.use(emojiPlugin, { shortcuts: {} });
    md.use(footnotePlugin);
    md.use(deflistPlugin);
    // Only kramdown's `{: ...}` form (what al-folio and academicpages pages hold), never a bare `{...}`, which
    // ends many a sentence about sets. Attributes outside the allowlist are dropped: none can hold code.
    md.use(attrsPlugin, { leftDelimiter: '{:', rightDelimiter: '}', allowedAttributes: ['id', 'class', 'target', 'rel', 'title', 'lang', 'dir', 'width', 'height'] });
  }
  md.core.ruler.push('vita_math_nowrap', keepMathWithItsWord);
  // markdown-it lets `data:image/...` through; a site built from a text record needs none of it.
  md.validateLink = (url: string) => isSafeHref(url);
  md.core.ruler.push('vita_links_and_headings', (state) => {
    const env = state.env as Env;
    const rewrite = (token: { attrGet(n: string): string | number | null; attrSet(n: string, v: string): void }, attr: string) => {
      const got = token.attrGet(attr);
      if (got === null) return;
      const value = String(got);
      token.attrSet(attr, isSafeHref(value) ? (env.rewriteUrl ? env.rewriteUrl(value) : value) : '#');
    };
    state.tokens.forEach((token, i) => {
      // A wide table scrolls sideways on a phone (vita.css): focusable, so that it can be scrolled from the keyboard.
      if (token.type === 'table_open') token.attrSet('tabindex', '0');
      // A table's empty corner cell is no header of anything: an empty <th> is announced as a nameless column.
      if (token.type === 'th_open' && state.tokens[i + 1]?.type === 'inline' && state.tokens[i + 1]!.content.trim() === '' && state.tokens[i + 2]?.type === 'th_close') {
        token.tag = 'td';
        state.tokens[i + 2]!.tag = 'td';
      }
      if ((token.type === 'heading_open' || token.type === 'heading_close') && (env.headingStart || env.minHeading)) {
        // "#" in the prose becomes the level the page wants; the page's own headings stay above it.
        const level = Math.max(env.minHeading ?? 1, Math.min(6, Number(token.tag.slice(1)) + (env.headingStart ?? 1) - 1));
        token.tag = `h${level}`;
      }
      for (const child of token.children ?? []) {
        if (child.type === 'link_open') {
          rewrite(child, 'href');
          const href = String(child.attrGet('href') ?? '');
          if (env.newTab && /^https?:\/\//i.test(href)) child.attrSet('target', '_blank');
          const target = child.attrGet('target');
          if (target !== null && target !== '_blank') child.attrs = (child.attrs ?? []).filter(([n]) => n !== 'target');
          // A page opened in a new tab gets no handle on this one.
          if (target === '_blank') child.attrSet('rel', 'noopener noreferrer');
        }
        if (child.type === 'image') rewrite(child, 'src');
      }
    });
  });
  return md;
}

type TokenClass = new (type: string, tag: string, nesting: -1 | 0 | 1) => Token;

/**
 * Inline math and the text touching it ("$n$-gram", "($x$).", "$L^2$-norm") as one unbreakable piece. KaTeX's
 * output is an inline box, and browsers may break a line on either side of one, giving "n | -gram"; a span with
 * `white-space: nowrap` (inline, so it holds in feeds and emails too) keeps them on one line.
 */
/** Marks the HTML tokens vita adds itself, which are not the owner's raw HTML (see `holdsHtml`). */
const VITA_MARKUP = { vita: true };

function keepMathWithItsWord(state: { tokens: Token[]; Token: TokenClass }): void {
  const open = () => Object.assign(new state.Token('html_inline', '', 0), { content: '<span style="white-space:nowrap">', meta: VITA_MARKUP });
  const close = () => Object.assign(new state.Token('html_inline', '', 0), { content: '</span>', meta: VITA_MARKUP });
  const text = (content: string) => Object.assign(new state.Token('text', '', 0), { content });
  for (const block of state.tokens) {
    const children = block.children;
    if (!children?.some((t) => t.type === 'math_inline')) continue;
    const out: Token[] = [];
    for (let i = 0; i < children.length; i++) {
      const token = children[i]!;
      if (token.type !== 'math_inline') {
        out.push(token);
        continue;
      }
      // The word before: the end of the text just before, up to a space (a text token already placed).
      const before = out.at(-1)?.type === 'text' ? /\S+$/.exec(out.at(-1)!.content)?.[0] : undefined;
      // The word after: the start of the text just after, up to a space.
      const next = children[i + 1];
      const after = next?.type === 'text' ? /^\S+/.exec(next.content)?.[0] : undefined;
      if (before === undefined && after === undefined) {
        out.push(token);
        continue;
      }
      if (before !== undefined) {
        const previous = out.at(-1)!;
        previous.content = previous.content.slice(0, -before.length);
        if (previous.content === '') out.pop();
      }
      out.push(open());
      if (before !== undefined) out.push(text(before));
      out.push(token);
      if (after !== undefined) {
        out.push(text(after));
        next!.content = next!.content.slice(after.length);
        // Math right after (as in "$a$-$b$") joins this piece: the text left is empty.
        if (next!.content === '') i++;
      }
      out.push(close());
    }
    block.children = out;
  }
}

/**
 * What only the extensions read: an emoji shortcode, a kramdown attribute list, a footnote, a definition. Text
 * without any (most abstracts) is rendered without them: they cost as much again as the rest of markdown-it.
 */
const EXTENDED = /:[a-z0-9_+-]+:|\{:|\[\^|\n[ \t]{0,3}[:~][ \t]/i;

/** Renderers by extended, html and math (a bit each), made when first needed. */
const renderers: (Md | undefined)[] = [];
function md(text: string, html: boolean): Md {
  const extended = EXTENDED.test(text);
  const math = text.includes('$');
  return (renderers[(extended ? 4 : 0) + (html ? 2 : 0) + (math ? 1 : 0)] ??= createRenderer(extended, html, math));
}

/** A block of Markdown as safe HTML. */
export function renderMarkdown(text: string, options: MarkdownOptions = {}): Html {
  const env: Env = { rewriteUrl: options.rewriteUrl, headingStart: options.headingStart, minHeading: options.minHeading, newTab: options.newTab };
  return trustedHtml(render(text, env, options));
}

/**
 * One line of Markdown (a title, a news headline) as safe inline HTML: `The $L^\infty$ Learnability`. Raw HTML in
 * it is shown as text: a title is also printed as plain text (<title>, meta tags, feeds, BibTeX), where a tag
 * would show anyway.
 */
export function renderInline(text: string, options: MarkdownOptions = {}): Html {
  const env: Env = { rewriteUrl: options.rewriteUrl, newTab: options.newTab };
  return trustedHtml(md(text, false).renderInline(text, env));
}

/**
 * markdown-it's own output is safe: a text whose tokens hold no raw HTML is printed as made (the 50,000
 * abstracts of a department take this path, `$p<1$` included). One with raw HTML is parsed again without its
 * links rewritten and goes through the sanitizer, which rewrites every link once, math set aside.
 */
function render(text: string, env: Env, options: MarkdownOptions): string {
  const renderer = md(text, true);
  if (!text.includes('<')) return renderer.render(text, env);
  let tokens = renderer.parse(text, env);
  if (!tokens.some(holdsHtml)) return renderer.renderer.render(tokens, renderer.options, env);
  // Every link is rewritten once, by the sanitizer: those of the Markdown and those of the raw HTML alike.
  const plainEnv: Env = { headingStart: env.headingStart, minHeading: env.minHeading, newTab: env.newTab };
  const source = text.replace(/[\uE000\uE001]/g, '');
  tokens = renderer.parse(source, plainEnv);
  const slots: string[] = [];
  mathSlots = slots;
  let out: string;
  try {
    out = renderer.renderer.render(tokens, renderer.options, plainEnv);
  } finally {
    mathSlots = undefined;
  }
  const clean = sanitizeHtml(out, { rewriteUrl: options.rewriteUrl, newTab: options.newTab });
  return slots.length ? clean.replace(SLOT, (_m, i: string) => slots[Number(i)] ?? '') : clean;
}

function holdsHtml(token: Token): boolean {
  if (token.meta === VITA_MARKUP) return false;
  return token.type === 'html_block' || token.type === 'html_inline' || (token.children !== null && token.children.some(holdsHtml));
}

/** Whether rendered HTML holds typeset math, so the page loads KaTeX's stylesheet. */
export function containsMath(markup: string): boolean {
  return markup.includes('class="katex');
}

/** The last few plain texts made: a page asks for its title's several times (<title>, meta tags, JSON-LD). */
const plain = new Map<string, string>();

/** Plain text of a line of Markdown with math kept as its TeX source: for <title>, meta tags and feeds. */
export function plainText(text: string): string {
  let out = plain.get(text);
  if (out === undefined) {
    if (plain.size >= 8) plain.clear();
    plain.set(text, (out = toPlainText(text)));
  }
  return out;
}

/** What toPlainText would change: a link or emphasis mark, whitespace other than single spaces, or spaces at an end. */
const NOT_PLAIN = /[[*_`]|\s\s|[^\S ]|^\s|\s$/;

function toPlainText(text: string): string {
  // Most titles and abstracts are plain already: one test instead of four passes (a site has tens of thousands).
  if (!NOT_PLAIN.test(text)) return text;
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_|`)(\S(?:.*?\S)?)\1/g, '$2')
    .replace(/\s+/g, ' ')
    .trim();
}
