/**
 * The owner's raw HTML in Markdown, kept as its author meant and unable to run code: the rendered block is parsed
 * as a browser would (parse5, through hast-util-from-html), passed through an allowlist (GitHub's schema from
 * hast-util-sanitize, widened for what academics paste: classes, ids, <details>, <figure>, <iframe> from a few
 * video hosts) and printed again. Only text holding a "<" comes here (see ../render/markdown.ts).
 */
import type { Schema } from 'hast-util-sanitize';
import type { Element, Nodes, Root } from 'hast';
import { isSafeHref } from './site/html.js';
import { onDemand, REQUIRES_ES_MODULES } from './on-demand.js';

// Loaded when a text first holds raw HTML (see ./on-demand.ts): most records never do.
type FromHtml = typeof import('hast-util-from-html');
type Sanitize = typeof import('hast-util-sanitize');
type ToHtml = typeof import('hast-util-to-html');
const fromHtmlModule = onDemand<FromHtml>('hast-util-from-html', REQUIRES_ES_MODULES ? undefined : await import('hast-util-from-html'));
const sanitizeModule = onDemand<Sanitize>('hast-util-sanitize', REQUIRES_ES_MODULES ? undefined : await import('hast-util-sanitize'));
const toHtmlModule = onDemand<ToHtml>('hast-util-to-html', REQUIRES_ES_MODULES ? undefined : await import('hast-util-to-html'));

/** Hosts whose players may be embedded with <iframe>: video sites academics link talks from. */
export const VIDEO_HOSTS: readonly string[] = [
  'www.youtube.com',
  'youtube.com',
  'www.youtube-nocookie.com',
  'player.vimeo.com',
  'player.bilibili.com',
];

const common = ['className', 'id', 'title', 'lang', 'dir', 'width', 'height', 'ariaHidden', 'role'];

let schema: Schema | undefined;

/** The allowlist: GitHub's, widened (made with the sanitizer, when first needed). */
function allowed(): Schema {
  if (schema) return schema;
  const { defaultSchema } = sanitizeModule();
  const attrs = defaultSchema.attributes ?? {};
  return (schema = {
    ...defaultSchema,
    // Footnotes link to ids vita makes ("fn1"), and authors link to their own anchors: ids are kept as written.
    clobber: ['name'],
    tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'mark', 'abbr', 'small', 'cite', 'u', 'center', 'iframe', 'caption', 'colgroup', 'col', 'video', 'audio', 'track'],
    attributes: {
      ...attrs,
      a: [...(attrs.a ?? []).filter((a) => !Array.isArray(a) || a[0] !== 'className'), 'target', 'rel'],
      code: ['className'],
      h2: ['className'],
      li: ['className'],
      ol: [...(attrs.ol ?? []).filter((a) => !Array.isArray(a)), 'start', 'reversed', 'type'],
      ul: [...(attrs.ul ?? []).filter((a) => !Array.isArray(a))],
      section: ['dataFootnotes', 'className'],
      img: [...(attrs.img ?? []), 'loading', 'decoding', 'srcSet', 'sizes'],
      source: ['srcSet', 'type', 'media', 'sizes', 'src'],
      details: ['open'],
      // Inline math kept on one line with the word it touches (see markdown.ts): vita's own, the one style of a span kept.
      span: [['style', 'white-space:nowrap']],
      // markdown-it aligns table columns with an inline style: only that one is kept.
      th: [['style', 'text-align:left', 'text-align:right', 'text-align:center'], 'colSpan', 'rowSpan', 'scope'],
      td: [['style', 'text-align:left', 'text-align:right', 'text-align:center'], 'colSpan', 'rowSpan'],
      iframe: ['src', 'allow', 'allowFullScreen', 'frameBorder', 'loading', 'referrerPolicy'],
      video: ['src', 'controls', 'poster', 'preload', 'muted', 'loop', 'playsInline'],
      audio: ['src', 'controls', 'preload'],
      track: ['src', 'kind', 'srcLang', 'label', 'default'],
      '*': [...(attrs['*'] ?? []), ...common],
    },
    protocols: { ...defaultSchema.protocols, poster: ['http', 'https'], srcSet: ['http', 'https'] },
    strip: ['script', 'style', 'template', 'noscript', 'textarea', 'title', 'xmp', 'plaintext', 'noembed', 'noframes'],
  });
}

export interface SanitizeOptions {
  /** Turns a project path in `href` or `src` into its URL in the site, as Markdown links are. */
  rewriteUrl?: (url: string) => string;
  /** External links open in a new tab. */
  newTab?: boolean;
}

/** HTML rendered from the owner's Markdown, with everything that could run code removed. */
export function sanitizeHtml(html: string, options: SanitizeOptions = {}): string {
  const tree = fromHtmlModule().fromHtml(html, { fragment: true });
  const clean = sanitizeModule().sanitize(tree, allowed()) as Root;
  fix(clean, options);
  return toHtmlModule().toHtml(clean, { allowDangerousCharacters: false });
}

/** What the schema cannot say: iframes from the video hosts only, safe link targets, project paths rewritten. */
function fix(node: Nodes, options: SanitizeOptions): void {
  if (!('children' in node)) return;
  node.children = node.children.filter((child) => child.type !== 'element' || keep(child, options));
  for (const child of node.children) fix(child, options);
}

function keep(el: Element, options: SanitizeOptions): boolean {
  const p = el.properties;
  if (el.tagName === 'iframe') {
    if (typeof p.src !== 'string' || !isVideoPlayer(p.src)) return false;
    p.referrerPolicy = 'strict-origin-when-cross-origin';
    p.loading = 'lazy';
    p.sandbox = ['allow-scripts', 'allow-same-origin', 'allow-presentation', 'allow-popups'];
    return true;
  }
  for (const name of ['href', 'src', 'poster'] as const) {
    const value = p[name];
    if (typeof value !== 'string') continue;
    if (!isSafeHref(value)) delete p[name];
    else if (options.rewriteUrl) p[name] = options.rewriteUrl(value);
  }
  if (el.tagName === 'a') {
    const external = typeof p.href === 'string' && /^https?:\/\//i.test(p.href);
    if (p.target !== undefined && p.target !== '_blank') delete p.target;
    if (options.newTab && external) p.target = '_blank';
    // A new tab never gets a handle on this page.
    if (p.target === '_blank') p.rel = ['noopener', 'noreferrer'];
  }
  return true;
}

/** Whether a URL is the embeddable player of one of the video hosts (https only). */
export function isVideoPlayer(src: string): boolean {
  let u: URL;
  try {
    u = new URL(src.startsWith('//') ? `https:${src}` : src);
  } catch {
    return false;
  }
  return u.protocol === 'https:' && VIDEO_HOSTS.includes(u.hostname.toLowerCase());
}
