/**
 * A tiny tagged template for HTML: every interpolated value is escaped, unless it is already-safe HTML
 * made by this helper itself or by the Markdown renderer. So nothing the user wrote can become markup.
 *
 * Defence in depth for links: a plain string interpolated right after `href="`, `src="` or similar is
 * checked for its scheme, and an unsafe one (javascript:, data: ...) never reaches the attribute.
 */

/**
 * Markup longer than this many characters is kept in pieces rather than joined: V8 puts a string of more
 * than about 128 KiB in its large-object space, and allocating one there was measured at a millisecond or
 * more per string on the machines we build on (a page of 250,000 characters cost more to join than to make).
 * 16,384 characters keep a piece, even one of two-byte characters grown by one more piece, well below that.
 */
const PIECE = 16_384;

/**
 * Markup at least this long (an abstract with its math, a BibTeX entry: made once, shown on many pages) is
 * carried into a page's pieces as it is, by reference, rather than copied into the piece being filled.
 */
const SHARED = 1024;

/**
 * HTML that is known to be safe: built by `html` or `trustedHtml`. Most fragments are one string; a whole
 * page or a long list is a list of pieces, written out piece by piece and never joined (see PIECE).
 */
export class Html {
  constructor(readonly markup: string | readonly string[]) {}
  /** The markup in pieces of about PIECE characters (one for a fragment). */
  get pieces(): readonly string[] {
    return typeof this.markup === 'string' ? [this.markup] : this.markup;
  }
  /** The markup as one string: for fragments; a whole page is better read through `pieces`. */
  get value(): string {
    return typeof this.markup === 'string' ? this.markup : this.markup.join('');
  }
  toString(): string {
    return this.value;
  }
}

/**
 * Collects markup into pieces of about PIECE characters. Short strings wait in a list and are joined once
 * per piece, so each piece is one flat string and the short ones die young (cheap for the garbage collector).
 */
class Pieces {
  private readonly done: string[] = [];
  private waiting: string[] = [];
  private size = 0;

  text(s: string): void {
    if (s === '') return;
    if (s.length >= SHARED) {
      if (this.size > 0) this.flush();
      this.done.push(s);
      return;
    }
    if (this.size > 0 && this.size + s.length > PIECE) this.flush();
    this.waiting.push(s);
    this.size += s.length;
  }

  private flush(): void {
    this.done.push(this.waiting.length === 1 ? this.waiting[0]! : this.waiting.join(''));
    this.waiting = [];
    this.size = 0;
  }

  child(value: Child, inUrl: boolean): void {
    if (value === null || value === undefined || value === false || value === true) return;
    if (value instanceof Html) {
      if (typeof value.markup === 'string') this.text(value.markup);
      else for (const p of value.markup) this.text(p);
    } else if (Array.isArray(value)) for (const v of value as readonly Child[]) this.child(v, false);
    else {
      const text = String(value);
      this.text(escapeHtml(inUrl ? safeHref(text) : text));
    }
  }

  html(): Html {
    if (this.size > 0) this.flush();
    if (this.done.length <= 1) return new Html(this.done[0] ?? '');
    return new Html(this.done);
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

/** Which holes of a template are URL attributes: worked out once per template (the same array at each call). */
const urlHoles = new WeakMap<TemplateStringsArray, boolean[]>();

/** `html\`<p>${text}</p>\`` with `text` escaped. Arrays are joined; null, undefined and booleans vanish. */
export function html(strings: TemplateStringsArray, ...values: Child[]): Html {
  let inUrl = urlHoles.get(strings);
  if (!inUrl) urlHoles.set(strings, (inUrl = strings.map((s) => URL_ATTRIBUTE.test(s ?? ''))));
  // Most fragments are short: one string, made with `+=`. A list or a long fragment goes to Pieces.
  let out = strings[0] ?? '';
  let long: Pieces | undefined;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    const next = strings[i + 1] ?? '';
    if (long) {
      long.child(value, inUrl[i]!);
      long.text(next);
      continue;
    }
    if (typeof value === 'string') out += escapeHtml(inUrl[i] ? safeHref(value) : value);
    else if (value instanceof Html && typeof value.markup === 'string' && value.markup.length < SHARED && out.length + value.markup.length <= PIECE) out += value.markup;
    else if (value === null || value === undefined || typeof value === 'boolean') {
      // renders as nothing
    } else if (typeof value === 'number') out += String(value);
    else {
      long = new Pieces();
      long.text(out);
      long.child(value, inUrl[i]!);
      long.text(next);
      continue;
    }
    out += next;
  }
  return long ? long.html() : new Html(out);
}

/**
 * Marks a string as safe HTML. Only for output of trusted renderers (Markdown, KaTeX, JSON-LD built here):
 * never for text the user wrote.
 */
export function trustedHtml(markup: string): Html {
  return new Html(markup);
}

/** Items joined by a separator (escaped as usual); items that render to nothing are left out. */
export function join(items: readonly Child[], separator: Child = ''): Html {
  const sep = html`${separator}`;
  const out = new Pieces();
  let first = true;
  for (const item of items) {
    const h = html`${item}`;
    if (h.markup === '') continue;
    if (!first) out.child(sep, false);
    out.child(h, false);
    first = false;
  }
  return out.html();
}

/** Whether the value renders to nothing, so an empty section can be left out. */
export function isEmpty(value: Child): boolean {
  return html`${value}`.pieces.every((p) => p.trim() === '');
}

/** A `<script type="application/ld+json">` block; `<` is escaped so no "</script>" can close it early. */
export function jsonLd(data: unknown): Html {
  let json = JSON.stringify(data);
  if (/[<\u2028\u2029]/.test(json)) json = json.replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return new Html(`<script type="application/ld+json">${json}</script>`);
}
