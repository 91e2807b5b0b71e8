/**
 * Turning user text into Typst source.
 *
 * - `escapeText`: plain text -> Typst markup that renders literally.
 * - `typstString`: plain text -> a Typst string literal (for code arguments such as
 *   `#set document(title: ...)` or `#link("...")`).
 * - `texToTypstMath`: a LaTeX math snippet (without the `$`) -> Typst math, via the
 *   `tex2typst` library, or undefined when it cannot be converted safely.
 * - `inlineToTypst`: text with inline `$...$` LaTeX math -> Typst markup: the text is
 *   escaped, the math converted, and math that cannot be converted is shown as its
 *   literal LaTeX source in italics.
 */
import { onDemand, REQUIRES_ES_MODULES } from "../on-demand.js";

// Loaded when a CV or announcement first holds math (see ../on-demand.ts).
const tex2typstModule = onDemand<typeof import("tex2typst")>("tex2typst", REQUIRES_ES_MODULES ? undefined : await import("tex2typst"));

/**
 * Characters escaped with a backslash in markup. Typst accepts `\` before any
 * character, so this list errs on the side of escaping:
 * `\ # $ * _ ` < > @ [ ] ~ / " '` are markup syntax (code, math, strong, emph,
 * raw, labels, references, content blocks, non-breaking space, comments and URLs,
 * smart quotes); `= - + . :` start headings / lists / term lists or make
 * `--`, `---`, `...`, `-?` shorthands; `{ }` are escaped for good measure.
 */
const MARKUP_SPECIAL = /[\\#$*_`<>@[\]~/"'=\-+.:{}]/g;

/** Escapes plain text so that Typst markup renders it literally. Line breaks are kept as spaces. */
export function escapeText(text: string): string {
  return normalizeSpace(text).replace(MARKUP_SPECIAL, (c) => "\\" + c);
}

/**
 * Line breaks and tabs become spaces (a blank line in markup would start a new
 * paragraph); other control characters are dropped.
 */
function normalizeSpace(text: string): string {
  return text.replace(/\r\n?|\n|\t/g, " ").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
}

/** A Typst string literal, quotes included: `hi "x"` -> `"hi \"x\""`. */
export function typstString(text: string): string {
  let out = '"';
  for (const ch of text) {
    switch (ch) {
      case "\\":
        out += "\\\\";
        break;
      case '"':
        out += '\\"';
        break;
      case "\n":
        out += "\\n";
        break;
      case "\r":
        out += "\\r";
        break;
      case "\t":
        out += "\\t";
        break;
      default: {
        const cp = ch.codePointAt(0)!;
        out += cp < 0x20 || cp === 0x7f ? `\\u{${cp.toString(16)}}` : ch;
      }
    }
  }
  return out + '"';
}

/**
 * Checks that a Typst math string cannot escape math mode or run code: no
 * unescaped `#` (code), `$` (end of math), `//` or `/*` (comments), `@`/`<`
 * label syntax is harmless but `#` is not; and string literals are balanced.
 */
function isSafeTypstMath(math: string): boolean {
  let inString = false;
  for (let i = 0; i < math.length; i++) {
    const c = math[i]!;
    if (c === "\\") {
      i++; // escaped char, in or out of strings
      continue;
    }
    if (c === '"') {
      inString = !inString;
      continue;
    }
    if (inString) continue;
    if (c === "#" || c === "$") return false;
    if (c === "/" && (math[i + 1] === "/" || math[i + 1] === "*")) return false;
    if (c === "*" && math[i + 1] === "/") return false;
  }
  return !inString;
}

/**
 * LaTeX macros tex2typst does not know (e.g. `\foo`) pass through as bare words
 * (`foo`), which Typst then rejects as unknown variables. We refuse a conversion
 * when the TeX source uses a command tex2typst's strict mode rejects, unless the
 * command is a math operator name Typst also has.
 */
const TYPST_OPERATORS = new Set(
  (
    "arccos arcsin arctan arg cos cosh cot coth csc csch ctg deg det dim exp gcd lcm hom id im inf ker lg " +
    "lim liminf limsup ln log max min mod Pr sec sech sin sinc sinh sup tan tanh tg tr"
  ).split(" "),
);

function texCommandsAreKnown(tex: string): boolean {
  for (const m of tex.matchAll(/\\([a-zA-Z]+)/g)) {
    const name = m[1]!;
    if (TYPST_OPERATORS.has(name)) continue;
    try {
      tex2typstModule().tex2typst(`\\${name}`, { nonStrict: false });
    } catch (e) {
      // Strict mode rejects unknown commands, but also commands that need an
      // argument; only the former is a problem.
      if (e instanceof Error && /unknown/i.test(e.message)) return false;
    }
  }
  return true;
}

/**
 * Converts LaTeX math (the inside of `$...$`) to Typst math (the inside of
 * `$...$`). Returns undefined when tex2typst fails or its result could break
 * out of math mode. A successful result can still, rarely, be invalid Typst;
 * pass `validate` (e.g. `typstMathCompiles` from compile.ts) to be sure.
 */
export function texToTypstMath(tex: string, validate?: (typstMath: string) => boolean): string | undefined {
  const src = tex.trim();
  if (src === "") return undefined;
  // tex2typst copies \text{...} into a Typst string without escaping quotes.
  if (src.includes('"')) return undefined;
  if (!texCommandsAreKnown(src)) return undefined;
  let out: string;
  try {
    out = tex2typstModule().tex2typst(src).trim();
  } catch {
    return undefined;
  }
  if (out === "" || !isSafeTypstMath(out)) return undefined;
  if (validate && !validate(out)) return undefined;
  return out;
}

/** Typst markup for one inline LaTeX formula: converted math, or the LaTeX source in italics. */
export function mathToTypst(tex: string, validate?: (typstMath: string) => boolean): string {
  const math = texToTypstMath(tex, validate);
  if (math !== undefined) return `$${math}$`;
  // `;` ends the call: text after it starting with `(` or `[` is not read as more arguments.
  return `#emph[${escapeText("$" + tex + "$")}];`;
}

/** A piece of a line of text with math: plain text (rendered by the caller), converted or not math, or other markup. */
export type InlinePiece = { text: string } | { math: string } | { markup: string };

/** The characters that stay with math they touch: up to a space, and never a bracket or `@` (a citation's). */
const GLUED_BEFORE = /[^\s[\]@]+$/u;
const GLUED_AFTER = /^[^\s[\]@]+/u;

/**
 * Pieces of inline text joined, with math kept on one line with the text it touches ("$n$-gram", "($x$)."):
 * Typst may break a line on either side of inline math, giving "n | -gram". The math and the rest of the word it
 * sits in go in one `box`, which a line never breaks, rather than next to a word joiner (U+2060), which forbade
 * the break too but stayed in the PDF's text, so that copying or searching "n-gram" failed. `render` turns plain
 * text into markup. A box ends with `;`, which ends it as code: text after it starting with `(` or `[` is text.
 */
export function gluedInline(pieces: InlinePiece[], render: (text: string) => string): string {
  // How much of each text piece is taken by the math before it (from its start) and after it (to its end).
  const from = pieces.map(() => 0);
  const to = pieces.map((p) => ("text" in p ? p.text.length : 0));
  const boxes = new Map<number, { before: string; after: string }>();
  for (const [k, p] of pieces.entries()) {
    // Math that could not be converted is printed as its source, text that breaks as text does.
    if (!("math" in p) || !p.math.startsWith("$")) continue;
    const prev = pieces[k - 1];
    const next = pieces[k + 1];
    let before = "";
    let after = "";
    if (prev && "text" in prev) {
      before = GLUED_BEFORE.exec(prev.text.slice(from[k - 1], to[k - 1]))?.[0] ?? "";
      to[k - 1]! -= before.length;
    }
    if (next && "text" in next) {
      after = GLUED_AFTER.exec(next.text)?.[0] ?? "";
      from[k + 1] = after.length;
    }
    if (before || after) boxes.set(k, { before, after });
  }
  let out = "";
  for (const [k, p] of pieces.entries()) {
    if ("text" in p) out += from[k]! < to[k]! ? render(p.text.slice(from[k], to[k])) : "";
    else if ("markup" in p) out += p.markup;
    else {
      const box = boxes.get(k);
      out += box ? `#box[${box.before ? render(box.before) : ""}${p.math}${box.after ? render(box.after) : ""}];` : p.math;
    }
  }
  return out;
}

export interface InlineOptions {
  /** Extra check of converted math, e.g. `typstMathCompiles` from compile.ts. */
  validateMath?: (typstMath: string) => boolean;
}

/**
 * Text with inline LaTeX math (`$...$`, also `$$...$$` and `\(...\)`) -> Typst
 * markup. `\$` is a literal dollar; a `$` without a closing partner is literal.
 */
export function inlineToTypst(text: string, options: InlineOptions = {}): string {
  const pieces: InlinePiece[] = [];
  let plain = "";
  let i = 0;
  const flush = () => {
    if (plain) pieces.push({ text: plain });
    plain = "";
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === "\\" && text[i + 1] === "$") {
      plain += "$";
      i += 2;
      continue;
    }
    if (c === "\\" && text[i + 1] === "(") {
      const end = text.indexOf("\\)", i + 2);
      if (end !== -1) {
        flush();
        pieces.push({ math: mathToTypst(text.slice(i + 2, end), options.validateMath) });
        i = end + 2;
        continue;
      }
    }
    if (c === "$") {
      const delim = text[i + 1] === "$" ? "$$" : "$";
      const start = i + delim.length;
      const end = findClosingDollar(text, start, delim);
      if (end !== -1 && end > start) {
        flush();
        pieces.push({ math: mathToTypst(text.slice(start, end), options.validateMath) });
        i = end + delim.length;
        continue;
      }
    }
    plain += c;
    i++;
  }
  flush();
  return gluedInline(pieces, escapeText);
}

function findClosingDollar(text: string, from: number, delim: string): number {
  for (let j = from; j < text.length; j++) {
    if (text[j] === "\\") {
      j++;
      continue;
    }
    if (text.startsWith(delim, j)) return j;
  }
  return -1;
}
