/**
 * The Markdown of abstracts and bios, for outputs that are not web pages: plain text (email, calendar),
 * Typst (poster) and email-safe HTML. Parsed once with markdown-it (HTML off, `$...$` math kept as LaTeX
 * source), then printed by one small function per output.
 *
 * Why not the site's renderer: an email client loads no KaTeX stylesheet and a calendar shows no markup,
 * so math stays as readable LaTeX source ("$L^\infty$"), which is how mathematicians write it in mail.
 */
import MarkdownIt from 'markdown-it';
import { escapeHtml, isSafeHref } from '../site/html.js';
import { escapeText, gluedInline, mathToTypst, typstString, type InlinePiece } from '../typst/escape.js';
import { onDemand } from '../on-demand.js';

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'math'; tex: string }
  | { kind: 'code'; text: string }
  | { kind: 'break' }
  | { kind: 'em' | 'strong'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] };

export interface Block {
  /** A paragraph, a list item (with its nesting depth, 1 for a top-level item), or display math. */
  kind: 'paragraph' | 'item' | 'math';
  depth?: number;
  /** Number of an ordered list item. */
  number?: number;
  inlines: Inline[];
}

interface Token {
  type: string;
  tag: string;
  content: string;
  info: string;
  children: Token[] | null;
  attrGet(name: string): string | number | null;
}

// The math plugin (CommonJS with `exports.default`) is loaded when a text first holds a `$`, the only way math is written.
const katexPlugin = onDemand<{ default: (md: unknown) => void }>('@vscode/markdown-it-katex');

type Parser = { parse(src: string, env: object): Token[] };
const parsers: (Parser | undefined)[] = [];

function md(text: string): Parser {
  const math = text.includes('$');
  let parser = parsers[math ? 1 : 0];
  if (!parser) {
    const it = new MarkdownIt({ html: false, linkify: true, typographer: false });
    if (math) it.use(katexPlugin().default as never);
    parser = parsers[math ? 1 : 0] = it as unknown as Parser;
  }
  return parser;
}

/** Markdown -> blocks of inline runs. Headings become paragraphs; images become their alt text. */
export function proseBlocks(markdown: string): Block[] {
  const text = markdown.replace(/\r\n?/g, '\n');
  const tokens = md(text).parse(text, {});
  const blocks: Block[] = [];
  const lists: { ordered: boolean; next: number }[] = [];
  let item: { depth: number; number?: number; used: boolean } | undefined;
  for (const t of tokens) {
    switch (t.type) {
      case 'bullet_list_open':
        lists.push({ ordered: false, next: 1 });
        break;
      case 'ordered_list_open':
        lists.push({ ordered: true, next: Number(t.attrGet('start') ?? 1) || 1 });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open': {
        const list = lists[lists.length - 1];
        item = { depth: lists.length, number: list?.ordered ? list.next++ : undefined, used: false };
        break;
      }
      case 'inline': {
        const inlines = inlineRuns(t.children ?? []);
        if (inlines.length === 0) break;
        if (item && !item.used) {
          blocks.push({ kind: 'item', depth: item.depth, number: item.number, inlines });
          item.used = true;
        } else blocks.push({ kind: 'paragraph', inlines });
        break;
      }
      case 'math_block':
      case 'math_block_eqno':
        blocks.push({ kind: 'math', inlines: [{ kind: 'math', tex: t.content.trim() }] });
        break;
      case 'code_block':
      case 'fence':
        blocks.push({ kind: 'paragraph', inlines: [{ kind: 'code', text: t.content.replace(/\n$/, '') }] });
        break;
    }
  }
  return blocks;
}

function inlineRuns(tokens: Token[]): Inline[] {
  const root: Inline[] = [];
  const stack: Inline[][] = [root];
  const top = () => stack[stack.length - 1]!;
  for (const t of tokens) {
    switch (t.type) {
      case 'text':
      case 'html_inline':
        if (t.content) top().push({ kind: 'text', text: t.content });
        break;
      case 'softbreak':
        top().push({ kind: 'text', text: ' ' });
        break;
      case 'hardbreak':
        top().push({ kind: 'break' });
        break;
      case 'code_inline':
        top().push({ kind: 'code', text: t.content });
        break;
      case 'math_inline':
      case 'math_inline_double':
        top().push({ kind: 'math', tex: t.content });
        break;
      case 'image':
        if (t.content) top().push({ kind: 'text', text: t.content });
        break;
      case 'em_open':
      case 'strong_open':
      case 'link_open': {
        const children: Inline[] = [];
        const href = String(t.attrGet('href') ?? '');
        top().push(
          t.type === 'link_open'
            ? { kind: 'link', href: isSafeHref(href) ? href : '', children }
            : { kind: t.type === 'em_open' ? 'em' : 'strong', children },
        );
        stack.push(children);
        break;
      }
      case 'em_close':
      case 'strong_close':
      case 'link_close':
        if (stack.length > 1) stack.pop();
        break;
    }
  }
  return root;
}

// ---------------------------------------------------------------------------
// Plain text

function inlinePlain(inlines: Inline[]): string {
  let out = '';
  for (const r of inlines) {
    switch (r.kind) {
      case 'text':
      case 'code':
        out += r.text;
        break;
      case 'math':
        out += `$${r.tex}$`;
        break;
      case 'break':
        out += '\n';
        break;
      case 'em':
      case 'strong':
        out += inlinePlain(r.children);
        break;
      case 'link': {
        const text = inlinePlain(r.children);
        out += r.href && r.href !== text && `mailto:${text}` !== r.href ? `${text} (${r.href})` : text;
        break;
      }
    }
  }
  return out;
}

/** Markdown -> plain text: paragraphs separated by a blank line, "- " list items, math as `$LaTeX$`. */
export function proseToPlain(markdown: string): string {
  const lines: string[] = [];
  let prev: Block | undefined;
  for (const b of proseBlocks(markdown)) {
    const text = inlinePlain(b.inlines).replace(/[ \t]+/g, ' ').trim();
    if (prev && !(prev.kind === 'item' && b.kind === 'item')) lines.push('');
    if (b.kind === 'item') lines.push(`${'  '.repeat((b.depth ?? 1) - 1)}${b.number !== undefined ? `${b.number}.` : '-'} ${text}`);
    else if (b.kind === 'math') lines.push(`$$${text.slice(1, -1)}$$`);
    else lines.push(text);
    prev = b;
  }
  return lines.join('\n');
}

/** The whole text of one line of Markdown (a title), without markup. */
export function inlinePlainText(markdown: string): string {
  return proseBlocks(markdown)
    .map((b) => inlinePlain(b.inlines))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// ---------------------------------------------------------------------------
// HTML for email (no stylesheet, no scripts: math as LaTeX source)

function inlineHtml(inlines: Inline[]): string {
  let out = '';
  for (const r of inlines) {
    switch (r.kind) {
      case 'text':
        out += escapeHtml(r.text);
        break;
      case 'code':
        out += `<code>${escapeHtml(r.text)}</code>`;
        break;
      case 'math':
        out += escapeHtml(`$${r.tex}$`);
        break;
      case 'break':
        out += '<br>';
        break;
      case 'em':
        out += `<em>${inlineHtml(r.children)}</em>`;
        break;
      case 'strong':
        out += `<strong>${inlineHtml(r.children)}</strong>`;
        break;
      case 'link':
        out += r.href ? `<a href="${escapeHtml(r.href)}">${inlineHtml(r.children)}</a>` : inlineHtml(r.children);
        break;
    }
  }
  return out;
}

/** Markdown -> HTML paragraphs and lists for an email body; everything the user wrote is escaped. */
export function proseToHtml(markdown: string, paragraphStyle = ''): string {
  const style = paragraphStyle ? ` style="${escapeHtml(paragraphStyle)}"` : '';
  const out: string[] = [];
  let openDepth = 0;
  let ordered: boolean[] = [];
  const closeTo = (depth: number) => {
    while (openDepth > depth) {
      out.push(ordered.pop() ? '</ol>' : '</ul>');
      openDepth--;
    }
  };
  for (const b of proseBlocks(markdown)) {
    if (b.kind === 'item') {
      const depth = b.depth ?? 1;
      closeTo(depth);
      while (openDepth < depth) {
        const isOrdered = b.number !== undefined;
        out.push(isOrdered ? '<ol>' : '<ul>');
        ordered.push(isOrdered);
        openDepth++;
      }
      out.push(`<li>${inlineHtml(b.inlines)}</li>`);
      continue;
    }
    closeTo(0);
    ordered = [];
    out.push(b.kind === 'math' ? `<p${style}>${escapeHtml(`$$${(b.inlines[0] as { tex: string }).tex}$$`)}</p>` : `<p${style}>${inlineHtml(b.inlines)}</p>`);
  }
  closeTo(0);
  return out.join('\n');
}

// ---------------------------------------------------------------------------
// Typst (poster)

function inlineTypst(inlines: Inline[], validateMath?: (m: string) => boolean): string {
  // Joined at the end so that math stays on one line with the text it touches (gluedInline).
  const pieces: InlinePiece[] = [];
  for (const r of inlines) {
    switch (r.kind) {
      case 'text':
        pieces.push({ text: r.text });
        break;
      case 'code':
        pieces.push({ markup: `#raw(${typstString(r.text)})` });
        break;
      case 'math':
        pieces.push({ math: mathToTypst(r.tex, validateMath) });
        break;
      case 'break':
        pieces.push({ markup: ' \\ ' });
        break;
      case 'em':
        // `;` ends the call: text after it starting with "(" or "[" is text, not more arguments.
        pieces.push({ markup: `#emph[${inlineTypst(r.children, validateMath)}];` });
        break;
      case 'strong':
        pieces.push({ markup: `#strong[${inlineTypst(r.children, validateMath)}];` });
        break;
      case 'link':
        pieces.push({ markup: inlineTypst(r.children, validateMath) });
        break;
    }
  }
  return gluedInline(pieces, escapeText);
}

/** Markdown -> Typst markup, one paragraph per block (joined by blank lines); user text escaped. */
export function proseToTypst(markdown: string, validateMath?: (m: string) => boolean): string {
  return proseBlocks(markdown)
    .map((b) => {
      const body = inlineTypst(b.inlines, validateMath);
      if (b.kind === 'item') return `${'  '.repeat((b.depth ?? 1) - 1)}${b.number !== undefined ? '+' : '-'} ${body}`;
      if (b.kind === 'math') {
        const m = body.startsWith('$') ? `$ ${body.slice(1, -1)} $` : body;
        return m;
      }
      return body;
    })
    .join('\n\n');
}
