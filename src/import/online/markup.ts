/**
 * Titles and abstracts as services send them, as vita writes them: plain text with math in `$...$`. Crossref and
 * OpenAlex pass on publishers' HTML (`<i>`, `<sub>`), JATS (`<jats:p>`, `<jats:title>Abstract</jats:title>`) and
 * MathML; DBLP writes `<i>`, `<sub>`, `<sup>`; entities are everywhere. arXiv writes LaTeX (see latexTitle).
 */
import { XMLParser } from 'fast-xml-parser';
import { latexToUnicode } from '../../text/latex.js';
import { decodeEntities } from '../text.js';

type Node = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: true,
});

/** Markup as text; in an abstract, paragraphs are kept apart by a blank line and a leading "Abstract" heading dropped. */
export function markupText(input: string | undefined, mode: 'title' | 'abstract' = 'title'): string {
  if (!input) return '';
  if (!/[<&]/.test(input)) return tidy(input, mode);
  let nodes: Node[] | undefined;
  try {
    // Void HTML elements written without a slash would make the fragment unbalanced.
    nodes = parser.parse(`<root>${input.replace(/<(br|hr|img)\b([^>]*?)\/?>/gi, '<$1$2/>')}</root>`) as Node[];
  } catch {
    nodes = undefined;
  }
  // Not XML ("a < b", a stray "&"): tags dropped, entities decoded.
  const text = nodes ? walk(children(nodes[0]!), mode) : decodeEntities(input.replace(/<\/?[a-z][^>]*>/gi, ''));
  return tidy(text, mode);
}

function tidy(text: string, mode: 'title' | 'abstract'): string {
  if (mode === 'title') return text.replace(/\s+/g, ' ').trim();
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

function nameOf(node: Node): string {
  return Object.keys(node).find((k) => k !== ':@') ?? '';
}

function children(node: Node): Node[] {
  const v = node[nameOf(node)];
  return Array.isArray(v) ? (v as Node[]) : [];
}

function attrs(node: Node): Record<string, string> {
  return (node[':@'] as Record<string, string> | undefined) ?? {};
}

function walk(nodes: Node[], mode: 'title' | 'abstract'): string {
  let out = '';
  for (const node of nodes) {
    const name = nameOf(node).toLowerCase();
    if (name === '#text') {
      out += String(node['#text']);
      continue;
    }
    const inner = children(node);
    switch (name) {
      case 'math':
        out += ` $${mathTex(node)}$ `;
        break;
      case 'tex-math':
        out += ` ${texMath(textContent(inner))} `;
        break;
      case 'alternatives': {
        const tex = inner.find((n) => nameOf(n).toLowerCase() === 'tex-math');
        const math = inner.find((n) => nameOf(n).toLowerCase() === 'math');
        out += walk(tex ? [tex] : math ? [math] : inner, mode);
        break;
      }
      case 'sub':
      case 'sup':
        out += script(walk(inner, 'title').trim(), name);
        break;
      case 'title':
        // JATS abstracts open with <jats:title>Abstract</jats:title>: a heading, not text.
        if (mode === 'abstract' && /^\s*(abstract|summary)\s*$/i.test(textContent(inner))) break;
        out += `${walk(inner, mode)}\n\n`;
        break;
      case 'p':
      case 'div':
      case 'sec':
        out += mode === 'abstract' ? `\n\n${walk(inner, mode)}\n\n` : ` ${walk(inner, mode)} `;
        break;
      case 'br':
        out += mode === 'abstract' ? '\n' : ' ';
        break;
      case 'script':
      case 'style':
        break;
      default:
        out += walk(inner, mode);
    }
  }
  return out;
}

const SUPERSCRIPT: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '+': '⁺', '-': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', n: 'ⁿ', i: 'ⁱ' };
const SUBSCRIPT: Record<string, string> = { '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉', '+': '₊', '-': '₋', '=': '₌', '(': '₍', ')': '₎' };

/** H<sub>2</sub>O -> H₂O; what Unicode has no sub- or superscript for becomes math: x<sup>a+b</sup> -> x$^{a+b}$. */
function script(text: string, kind: 'sub' | 'sup'): string {
  if (!text) return '';
  const table = kind === 'sub' ? SUBSCRIPT : SUPERSCRIPT;
  if ([...text].every((c) => table[c])) return [...text].map((c) => table[c]).join('');
  return `$${kind === 'sub' ? '_' : '^'}{${text}}$`;
}

function textContent(nodes: Node[]): string {
  return nodes.map((n) => (nameOf(n) === '#text' ? String(n['#text']) : textContent(children(n)))).join('');
}

/**
 * JATS tex-math holds TeX, sometimes a whole \documentclass document around one formula; Springer writes `$$...$$` for
 * formulas inside a sentence, which would be set apart as a display: they are made inline.
 */
function texMath(tex: string): string {
  const body = /\\begin\{document\}([\s\S]*?)\\end\{document\}/.exec(tex)?.[1] ?? tex;
  const t = body
    .trim()
    .replace(/^\$\$([\s\S]*)\$\$$/, '$1')
    .replace(/^\$([\s\S]*)\$$/, '$1')
    .replace(/^\\\(([\s\S]*)\\\)$/, '$1')
    .trim();
  return `$${t}$`;
}

/** MathML as TeX: the annotation in TeX when the publisher gave one, else the elements converted. */
function mathTex(node: Node): string {
  const annotation = findAll(node, 'annotation').find((n) => /tex/i.test(attrs(n).encoding ?? ''));
  if (annotation) return textContent(children(annotation)).trim().replace(/^\$|\$$/g, '');
  return mml(children(node)).replace(/\s+/g, ' ').trim();
}

function findAll(node: Node, name: string): Node[] {
  const out: Node[] = [];
  for (const c of children(node)) {
    if (nameOf(c).toLowerCase() === name) out.push(c);
    out.push(...findAll(c, name));
  }
  return out;
}

function mml(nodes: Node[]): string {
  return nodes.map(mmlNode).join('');
}

function group(tex: string): string {
  const t = tex.trim();
  return [...t].length === 1 ? t : `{${t}}`;
}

function mmlNode(node: Node): string {
  const name = nameOf(node).toLowerCase();
  if (name === '#text') return String(node['#text']).trim();
  const parts = children(node).filter((n) => nameOf(n) !== '#text' || String(n['#text']).trim() !== '');
  const arg = (i: number) => (parts[i] ? mmlNode(parts[i]!) : '');
  switch (name) {
    case 'mi':
    case 'mn':
    case 'mtext':
      return textContent(children(node)).trim();
    case 'mo': {
      const op = textContent(children(node)).trim();
      return OPERATORS[op] ?? op;
    }
    case 'msub':
      return `${group(arg(0))}_${group(arg(1))}`;
    case 'msup':
      return `${group(arg(0))}^${group(arg(1))}`;
    case 'msubsup':
      return `${group(arg(0))}_${group(arg(1))}^${group(arg(2))}`;
    case 'mfrac':
      return `\\frac{${arg(0)}}{${arg(1)}}`;
    case 'msqrt':
      return `\\sqrt{${mml(parts)}}`;
    case 'mroot':
      return `\\sqrt[${arg(1)}]{${arg(0)}}`;
    case 'mover':
      return `\\overset{${arg(1)}}{${arg(0)}}`;
    case 'munder':
      return `\\underset{${arg(1)}}{${arg(0)}}`;
    case 'mfenced': {
      const a = attrs(node);
      return `${a.open ?? '('}${parts.map(mmlNode).join(a.separators ?? ',')}${a.close ?? ')'}`;
    }
    case 'mspace':
      return ' ';
    case 'annotation':
    case 'annotation-xml':
      return '';
    default:
      return mml(parts);
  }
}

const OPERATORS: Record<string, string> = { '∈': '\\in ', '≤': '\\le ', '≥': '\\ge ', '∞': '\\infty ', '×': '\\times ', '→': '\\to ', '∑': '\\sum ', '∫': '\\int ', '·': '\\cdot ', '−': '-' };

/**
 * A title or abstract written in LaTeX (arXiv): accents and escapes as Unicode, math kept in dollars, hard line breaks
 * gone. Characters LaTeX does not treat specially (`&` in "R&D") are left alone.
 */
export function latexTitle(text: string | undefined): string {
  return text ? latexToUnicode(text.replace(/\s+/g, ' ')) : '';
}

export function latexAbstract(text: string | undefined): string {
  if (!text) return '';
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => latexToUnicode(p.replace(/\s+/g, ' ')))
    .filter(Boolean)
    .join('\n\n');
}
