/**
 * A tiny tagged template for HTML: every interpolated value is escaped, unless it is already-safe HTML
 * made by this helper itself or by the Markdown renderer. So nothing the user wrote can become markup.
 *
 * Defence in depth for links: a plain string interpolated right after `href="`, `src="` or similar is
 * checked for its scheme, and an unsafe one (javascript:, data: ...) never reaches the attribute.
 */

/** HTML that is known to be safe: built by `html` or `trustedHtml`. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Child = Html | string | number | boolean | null | undefined | readonly Child[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const SPECIAL = /[&<>"']/;

export function escapeHtml(text: string): string {
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c]!) : text;
}

/** Attributes whose value is a URL: what is put there is checked as a link, not only escaped. */
const URL_ATTRIBUTE = /\s(?:href|src|action|formaction|poster|cite|srcset|xlink:href)\s*=\s*["']?$/i;

/** The schemes a link on the site may use; anything else is dropped at the output. */
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'webcal', 'tel', 'doi']);

/** Whether a URL is safe to put in an href: a relative path, a fragment, or a known-safe scheme. */
export function isSafeHref(url: string): boolean {
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"), so must we.
  const s = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (s === '') return false;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(s);
  if (!scheme) return true;
  return SAFE_SCHEMES.has(scheme[1]!.toLowerCase());
}

/** The URL itself when safe, otherwise a harmless "#". */
export function safeHref(url: string): string {
  return isSafeHref(url) ? url.trim() : '#';
}

function render(value: Child, inUrl: boolean): string {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return (value as readonly Child[]).map((v) => render(v, false)).join('');
  const text = String(value);
  return escapeHtml(inUrl ? safeHref(text) : text);
}

/** `html\`<p>${text}</p>\`` with `text` escaped. Arrays are joined; null, undefined and booleans vanish. */
/** Which holes of a template are URL attributes: worked out once per template (the same array at each call). */
const urlHoles = new WeakMap<TemplateStringsArray, boolean[]>();

export function html(strings: TemplateStringsArray, ...values: Child[]): Html {
  let inUrl = urlHoles.get(strings);
  if (!inUrl) urlHoles.set(strings, (inUrl = strings.map((s) => URL_ATTRIBUTE.test(s ?? ''))));
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) {
    out += render(values[i], inUrl[i]!);
    out += strings[i + 1] ?? '';
  }
  return new Html(out);
}

/**
 * Marks a string as safe HTML. Only for output of trusted renderers (Markdown, KaTeX, JSON-LD built here):
 * never for text the user wrote.
 */
export function trustedHtml(markup: string): Html {
  return new Html(markup);
}

/** Items joined by a separator (escaped as usual). */
export function join(items: readonly Child[], separator: Child = ''): Html {
  const parts: string[] = [];
  for (const item of items) {
    const s = render(item, false);
    if (s !== '') parts.push(s);
  }
  return new Html(parts.join(render(separator, false)));
}

/** Whether the value renders to nothing, so an empty section can be left out. */
export function isEmpty(value: Child): boolean {
  return render(value, false).trim() === '';
}

/** A `<script type="application/ld+json">` block; `<` is escaped so no "</script>" can close it early. */
export function jsonLd(data: unknown): Html {
  const json = JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return new Html(`<script type="application/ld+json">${json}</script>`);
}
