/**
 * Markdown (the research statement, a bio, any prose section) -> Typst markup, through markdown-it's
 * tokens: paragraphs, nested lists, bold, italics, code, links, tables (with citation numbers in their
 * cells), block quotes, headings and `$math$`. HTML is off (shown as text), as everywhere in vita.
 * `[@key]` citations become this CV's numbers, linked to the publication entry.
 */
import MarkdownIt, { type MarkdownIt as MarkdownItInstance } from 'markdown-it';
import type { Token } from 'markdown-it';
import { isSafeUrl } from '../../../schema/common.js';
import { replaceCitations } from '../../../resolve/citations.js';
import { escapeText, gluedInline, mathToTypst, typstString, type InlinePiece } from '../../typst/escape.js';
import { typstMathCompiles } from '../../typst/compile.js';
import { onDemand } from '../../on-demand.js';

// The math plugin (CommonJS with `exports.default`) is loaded when a text first holds a `$`, the only way math is written.
const katexPlugin = onDemand<{ default: (md: MarkdownItInstance) => void }>('@vscode/markdown-it-katex');

const parsers: (MarkdownItInstance | undefined)[] = [];
function md(text: string): MarkdownItInstance {
  const math = text.includes('$');
  return (parsers[math ? 1 : 0] ??= math ? new MarkdownIt({ html: false, linkify: true, typographer: true }).use(katexPlugin().default) : new MarkdownIt({ html: false, linkify: true, typographer: true }));
}

/** Citation numbers travel through markdown-it between these private-use characters. */
const CITE_OPEN = '\uE000';
const CITE_CLOSE = '\uE001';
const CITE = new RegExp(`${CITE_OPEN}([0-9,]*)${CITE_CLOSE}`, 'g');

export interface ProseOptions {
  /** The CV's number of each publication. */
  numbers: ReadonlyMap<string, number>;
  /** Typst markup of a citation group (numbers sorted); default `[3][5]`, each linked to `<pub-3>`. */
  cite?: (numbers: number[]) => string;
  /** `#` in the prose becomes this Typst heading depth (default 3: under the CV's sections). */
  headingLevel?: number;
}

/**
 * `escapeText`, plus `;` and `(`: right after an embedded expression (`#strong[..]`, a citation link)
 * Typst would swallow a `;` and read `(` as a call.
 */
export function esc(text: string): string {
  return escapeText(text).replace(/[;(]/g, (ch) => '\\' + ch);
}

/** Default citation markup: `[3][5]`, each number a link to the entry labelled `<pub-N>`. */
export function linkedCitation(numbers: number[]): string {
  return numbers.map((n) => `#link(<pub-${n}>)[\\[${n}\\]]`).join('');
}

/** Markdown -> Typst markup. */
export function markdownToTypst(markdown: string, options: ProseOptions): string {
  const withCites = replaceCitations(markdown, options.numbers, (cited) => {
    const nums = cited.map((c) => c.number).filter((n): n is number => n !== undefined);
    return nums.length ? `${CITE_OPEN}${nums.join(',')}${CITE_CLOSE}` : '';
  });
  const tokens = md(withCites).parse(withCites, {});
  const cite = options.cite ?? linkedCitation;
  const ctx: Ctx = { cite, headingLevel: options.headingLevel ?? 3 };
  const { out } = blocks(tokens, 0, tokens.length, ctx);
  return out.join('\n\n');
}

interface Ctx {
  cite: (numbers: number[]) => string;
  headingLevel: number;
}

/** Renders tokens[from, to) as a list of blocks. */
function blocks(tokens: Token[], from: number, to: number, ctx: Ctx): { out: string[] } {
  const out: string[] = [];
  let i = from;
  while (i < to) {
    const t = tokens[i]!;
    switch (t.type) {
      case 'paragraph_open': {
        const close = findClose(tokens, i, 'paragraph_open', 'paragraph_close');
        out.push(inline(tokens[i + 1]?.children ?? [], ctx));
        i = close + 1;
        break;
      }
      case 'heading_open': {
        const level = Math.min(6, Number(t.tag.slice(1)) + ctx.headingLevel - 1);
        out.push(`#heading(level: ${level}, outlined: false)[${inline(tokens[i + 1]?.children ?? [], ctx)}]`);
        i = findClose(tokens, i, 'heading_open', 'heading_close') + 1;
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const open = t.type;
        const closeType = open === 'bullet_list_open' ? 'bullet_list_close' : 'ordered_list_close';
        const close = findClose(tokens, i, open, closeType);
        const items: string[] = [];
        let j = i + 1;
        while (j < close) {
          if (tokens[j]!.type === 'list_item_open') {
            const end = findClose(tokens, j, 'list_item_open', 'list_item_close');
            const inner = blocks(tokens, j + 1, end, ctx).out;
            items.push(`[${inner.join(' #parbreak() ')}]`);
            j = end + 1;
          } else j++;
        }
        const tight = !tokens.slice(i + 1, close).some((x) => x.type === 'paragraph_open' && !x.hidden);
        if (open === 'bullet_list_open') out.push(`#list(tight: ${tight}, ${items.join(', ')})`);
        else {
          const start = Number(t.attrGet('start') ?? 1);
          out.push(`#enum(tight: ${tight}, start: ${Number.isFinite(start) ? start : 1}, ${items.join(', ')})`);
        }
        i = close + 1;
        break;
      }
      case 'blockquote_open': {
        const close = findClose(tokens, i, 'blockquote_open', 'blockquote_close');
        out.push(`#quote(block: true)[${blocks(tokens, i + 1, close, ctx).out.join(' #parbreak() ')}]`);
        i = close + 1;
        break;
      }
      case 'table_open': {
        const close = findClose(tokens, i, 'table_open', 'table_close');
        out.push(table(tokens, i, close, ctx));
        i = close + 1;
        break;
      }
      case 'fence':
      case 'code_block':
        out.push(`#raw(block: true, ${typstString(t.content.replace(/\n$/, ''))})`);
        i++;
        break;
      case 'math_block':
        out.push(displayMath(t.content));
        i++;
        break;
      case 'hr':
        out.push('#line(length: 100%, stroke: 0.4pt + luma(60%))');
        i++;
        break;
      case 'html_block':
        out.push(esc(t.content));
        i++;
        break;
      default:
        i++;
    }
  }
  return { out };
}

function findClose(tokens: Token[], at: number, open: string, close: string): number {
  let depth = 0;
  for (let j = at; j < tokens.length; j++) {
    if (tokens[j]!.type === open) depth++;
    else if (tokens[j]!.type === close && --depth === 0) return j;
  }
  return tokens.length;
}

function displayMath(tex: string): string {
  const m = mathToTypst(tex.trim(), typstMathCompiles);
  // `$x$` -> `$ x $` (display) when the conversion worked; the italic fallback stays as it is.
  return m.startsWith('$') ? `#align(center)[$ ${m.slice(1, -1)} $]` : m;
}

function table(tokens: Token[], from: number, to: number, ctx: Ctx): string {
  const header: string[] = [];
  const body: string[] = [];
  const aligns: string[] = [];
  let inHead = false;
  let col = 0;
  for (let j = from; j < to; j++) {
    const t = tokens[j]!;
    if (t.type === 'thead_open') inHead = true;
    else if (t.type === 'thead_close') inHead = false;
    else if (t.type === 'tr_open') col = 0;
    else if (t.type === 'th_open' || t.type === 'td_open') {
      const style = String(t.attrGet('style') ?? '');
      const align = /right/.test(style) ? 'right' : /center/.test(style) ? 'center' : 'left';
      if (inHead) aligns[col] = align;
      const cell = `[${inline(tokens[j + 1]?.children ?? [], ctx)}]`;
      (inHead ? header : body).push(cell);
      col++;
    }
  }
  const n = Math.max(1, aligns.length);
  const columns = n === 1 ? '(1fr,)' : `(auto, ${Array(n - 1).fill('1fr').join(', ')})`;
  const align = `(${aligns.map((a) => `${a} + top`).join(', ')},)`;
  return [
    `#cv-table(columns: ${columns}, align: ${align},`,
    header.length ? `  table.header(${header.join(', ')}),` : '',
    `  ${body.join(', ')})`,
  ]
    .filter(Boolean)
    .join('\n');
}

/** Inline tokens -> Typst markup. */
function inline(children: Token[], ctx: Ctx): string {
  // The pieces, joined at the end so that math stays on one line with the text it touches (gluedInline).
  const pieces: InlinePiece[] = [];
  const markup = (m: string) => void pieces.push({ markup: m });
  const stack: string[] = [];
  for (const c of children) {
    switch (c.type) {
      case 'text':
        pieces.push({ text: c.content });
        break;
      case 'strong_open':
        markup('#strong[');
        stack.push(']');
        break;
      case 'em_open':
        markup('#emph[');
        stack.push(']');
        break;
      case 's_open':
        markup('#strike[');
        stack.push(']');
        break;
      case 'link_open': {
        const href = c.attrGet('href') ?? '';
        if (isSafeUrl(String(href)) && /^(https?|mailto):/i.test(String(href))) {
          markup(`#link(${typstString(String(href))})[`);
          stack.push(']');
        } else stack.push('');
        break;
      }
      case 'strong_close':
      case 'em_close':
      case 's_close':
      case 'link_close':
        markup(stack.pop() ?? '');
        break;
      case 'code_inline':
        markup(`#raw(${typstString(c.content)})`);
        break;
      case 'math_inline':
      case 'math_block':
        pieces.push({ math: mathToTypst(c.content, typstMathCompiles) });
        break;
      case 'softbreak':
        markup(' ');
        break;
      case 'hardbreak':
        markup(' \\ ');
        break;
      case 'image':
        markup(text(c.content, ctx));
        break;
      case 'html_inline':
        markup(esc(c.content));
        break;
      default:
        if (c.content) markup(text(c.content, ctx));
    }
  }
  return gluedInline(pieces, (s) => text(s, ctx)) + stack.reverse().join('');
}

function text(s: string, ctx: Ctx): string {
  let out = '';
  let last = 0;
  for (const m of s.matchAll(CITE)) {
    out += esc(s.slice(last, m.index));
    const nums = m[1]!.split(',').filter(Boolean).map(Number);
    if (nums.length) out += ctx.cite(nums);
    last = m.index! + m[0].length;
  }
  return out + esc(s.slice(last));
}
