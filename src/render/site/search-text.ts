/**
 * The text of a page as a reader searches it: what the page's body shows, without markup, without what is
 * hidden from readers (KaTeX's visual copy of a formula, `aria-hidden`), and without code blocks (a paper's
 * BibTeX repeats its title and authors). Pagefind takes it as a custom record, which it indexes much faster
 * than the page's HTML.
 */

/** Elements whose content is never searched. */
const SKIPPED = new Set(['script', 'style', 'pre', 'svg', 'template', 'annotation', 'noscript', 'button']);
/** Elements with no end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Elements that end a word: their edges become spaces ("<li>a</li><li>b</li>" is "a b", not "ab"). */
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'i', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var']);

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<!--[\s\S]*?-->/g;
const HIDDEN = /\saria-hidden="true"|\sdata-pagefind-ignore|\shidden(?=[\s=>]|$)/;

/** The searchable text of a page's body markup (given in pieces). */
export function searchText(pieces: readonly string[]): string {
  const markup = pieces.length === 1 ? pieces[0]! : pieces.join('');
  const out: string[] = [];
  // While skipping: the element being skipped, and how many of its kind are open inside it.
  let skipping: string | undefined;
  let depth = 0;
  let last = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(markup); m; m = TAG.exec(markup)) {
    if (!skipping && m.index > last) out.push(markup.slice(last, m.index));
    last = TAG.lastIndex;
    const name = m[2]?.toLowerCase();
    if (!name) continue; // a comment
    const closing = m[1] === '/';
    if (skipping) {
      if (name !== skipping) continue;
      if (closing) depth--;
      else if (!m[3]!.endsWith('/')) depth++;
      if (depth === 0) skipping = undefined;
      continue;
    }
    if (!closing && !VOID.has(name) && !m[3]!.endsWith('/') && (SKIPPED.has(name) || HIDDEN.test(m[3]!))) {
      skipping = name;
      depth = 1;
      continue;
    }
    if (!INLINE.has(name)) out.push(' ');
  }
  if (!skipping && last < markup.length) out.push(markup.slice(last));
  return decodeEntities(out.join('')).replace(/\s+/g, ' ').trim();
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…', thinsp: ' ', shy: '' };

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, e: string) => {
    if (e[0] !== '#') return NAMED[e] ?? whole;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
