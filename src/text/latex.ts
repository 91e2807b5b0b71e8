/**
 * LaTeX as written in BibTeX fields and names, as plain Unicode text. Used by load (BibTeX fields) and resolve (author
 * names written in YAML) alike, so that "Th{\'e}o" reads "Théo" wherever it was written.
 */
import { singleSpaces } from './spaces.js';

/** Accent commands and the combining character each puts on the next letter. */
const ACCENTS: Record<string, string> = {
  "'": '\u0301', '`': '\u0300', '^': '\u0302', '"': '\u0308', '~': '\u0303', '=': '\u0304', '.': '\u0307',
  u: '\u0306', v: '\u030C', H: '\u030B', c: '\u0327', k: '\u0328', r: '\u030A', d: '\u0323', b: '\u0331', t: '\u0361', G: '\u030F',
};
/** Letters with their own command; like any control word they swallow the spaces after them (`\o rjan` is "ørjan"). */
const LETTERS: Record<string, string> = {
  ss: 'ß', o: 'ø', O: 'Ø', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', aa: 'å', AA: 'Å', l: 'ł', L: 'Ł', i: 'ı', j: 'ȷ',
  dh: 'ð', DH: 'Ð', th: 'þ', TH: 'Þ', ng: 'ŋ', NG: 'Ŋ', dj: 'đ', DJ: 'Đ',
};
const SYMBOLS: Record<string, string> = {
  textendash: '–', textemdash: '—', ldots: '…', dots: '…', textellipsis: '…', textquoteleft: '‘', textquoteright: '’',
  textquotedblleft: '“', textquotedblright: '”', guillemotleft: '«', guillemotright: '»', textregistered: '®',
  texttrademark: '™', textcopyright: '©', copyright: '©', S: '§', P: '¶', dag: '†', dagger: '†', ddag: '‡', ddagger: '‡',
  textdagger: '†', textdaggerdbl: '‡', textbullet: '•', textasciitilde: '~', textasciicircum: '^', textbackslash: '\\',
  textunderscore: '_', textbar: '|', textless: '<', textgreater: '>', textdegree: '°', textperiodcentered: '·',
  LaTeX: 'LaTeX', TeX: 'TeX', LaTeXe: 'LaTeX2ε', BibTeX: 'BibTeX', euro: '€', texteuro: '€', pounds: '£', textsterling: '£',
};
/** Formatting commands whose argument is the text: the site styles titles itself. */
const KEEP_ARGUMENT = new Set([
  'emph', 'textit', 'textbf', 'textsc', 'texttt', 'textrm', 'textsf', 'textsl', 'textup', 'textmd', 'textnormal', 'mbox',
  'hbox', 'text', 'mkbibemph', 'mkbibbold', 'NoCaseChange', 'nocase', 'url', 'uline', 'underline', 'textsuperscript',
  'textsubscript', 'MakeUppercase', 'MakeLowercase', 'uppercase', 'lowercase',
]);
/** Font switches and spacing commands that leave nothing in plain text. */
const DROP = new Set([
  'em', 'it', 'bf', 'sc', 'tt', 'rm', 'sf', 'sl', 'up', 'md', 'bfseries', 'itshape', 'scshape', 'slshape', 'upshape',
  'mdseries', 'rmfamily', 'sffamily', 'ttfamily', 'normalfont', 'relax', 'protect', 'unskip', 'nobreak', 'allowbreak',
  'xspace', 'null',
]);
/** Commands whose argument is not text either (sort keys, invisible boxes). */
const DROP_WITH_ARGUMENT = new Set(['noopsort', 'vphantom', 'hphantom', 'phantom', 'label', 'footnote']);

/**
 * LaTeX as plain Unicode text: accents composed (`Th{\'e}o` -> "Théo", `\c c` -> "ç", `\'{\i}` -> "í"), letter commands
 * (`{\o}`, `\ss`) as letters, case-protecting braces removed, `--` as a dash, escapes (`\&`) and formatting commands
 * reduced to their text, spaces collapsed, NFC. Math (`$...$`, `$$...$$`, `\(...\)`) is kept as written, in dollars, for
 * the site's math renderer; an unknown command is kept as written too, rather than lost.
 */
export function latexToUnicode(tex: string): string {
  // Most names and many titles are plain ASCII words with nothing for LaTeX to do: given back as they are.
  if (PLAIN.test(tex)) return tex;
  return singleSpaces(convert(tex).normalize('NFC')).trim();
}

/** Printable ASCII words separated by single spaces, without $ \ { } ~ - ` ' (which LaTeX reads specially). */
const PLAIN = /^[!-#%&(-,.-[\]-_a-z|]+(?: [!-#%&(-,.-[\]-_a-z|]+)*$/;

/** A run of characters that stand for themselves, copied in one piece. */
const ORDINARY = /[^$\\{}~\-`']+/y;

function convert(tex: string): string {
  let out = '';
  let i = 0;
  while (i < tex.length) {
    ORDINARY.lastIndex = i;
    const run = ORDINARY.exec(tex)?.[0];
    if (run) {
      out += run;
      i += run.length;
      continue;
    }
    const c = tex[i]!;
    if (c === '$') {
      const end = mathEnd(tex, i);
      out += tex.slice(i, end);
      i = end;
    } else if (c === '\\') {
      const command = readCommand(tex, i);
      out += command.text;
      i = command.end;
    } else if (c === '{' || c === '}') i++;
    else if (c === '~') {
      out += ' ';
      i++;
    } else if (c === '-' && tex.startsWith('---', i)) {
      out += '—';
      i += 3;
    } else if (c === '-' && tex[i + 1] === '-') {
      out += '–';
      i += 2;
    } else if (c === '`') {
      out += tex[i + 1] === '`' ? '“' : '‘';
      i += tex[i + 1] === '`' ? 2 : 1;
    } else if (c === "'" && tex[i + 1] === "'") {
      out += '”';
      i += 2;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Where the math that starts at `start` ends; an unclosed `$` runs to the end, kept as written. */
function mathEnd(tex: string, start: number): number {
  const close = tex[start + 1] === '$' ? '$$' : '$';
  for (let i = start + close.length; i < tex.length; i++) {
    if (tex[i] === '\\') i++;
    else if (tex.startsWith(close, i)) return i + close.length;
  }
  return tex.length;
}

interface Converted {
  text: string;
  end: number;
}

/** The command at `start` (a backslash) and what it stands for. */
function readCommand(tex: string, start: number): Converted {
  const next = tex[start + 1];
  if (next === undefined) return { text: '\\', end: start + 1 };
  if (ACCENTS[next] && !/[A-Za-z]/.test(next)) return accent(next, readArgument(tex, start + 2));
  // A dollar sign stays escaped: the text is Markdown with `$math$`, where `\$` is a dollar.
  if (next === '$') return { text: '\\$', end: start + 2 };
  if ('&%#_{}'.includes(next)) return { text: next, end: start + 2 };
  if (next === '(' || next === '[') return inlineMath(tex, start);
  if (next === '\\' || /\s/.test(next) || next === ',' || next === ';' || next === ':') return { text: ' ', end: start + 2 };
  if ('-/@!'.includes(next)) return { text: '', end: start + 2 };
  const name = /[A-Za-z]+/y;
  name.lastIndex = start + 1;
  const word = name.exec(tex)?.[0];
  if (!word) return { text: `\\${next}`, end: start + 2 };
  return controlWord(tex, word, start + 1 + word.length);
}

function controlWord(tex: string, word: string, end: number): Converted {
  if (ACCENTS[word]) return accent(word, readArgument(tex, end));
  const letter = LETTERS[word];
  if (letter) return { text: letter, end: skipEmptyGroup(tex, skipSpaces(tex, end)) };
  const symbol = SYMBOLS[word];
  if (symbol) return { text: symbol, end: skipEmptyGroup(tex, end) };
  if (KEEP_ARGUMENT.has(word)) return readArgument(tex, end);
  if (word === 'href') {
    const url = readArgument(tex, end);
    return readArgument(tex, url.end);
  }
  if (word === 'ensuremath') {
    const group = rawGroup(tex, skipSpaces(tex, end));
    return { text: `$${group.text}$`, end: group.end };
  }
  if (word === 'enquote' || word === 'mkbibquote') {
    const quoted = readArgument(tex, end);
    return { text: `“${quoted.text}”`, end: quoted.end };
  }
  if (DROP.has(word)) return { text: '', end: skipSpaces(tex, end) };
  if (DROP_WITH_ARGUMENT.has(word)) return { text: '', end: readArgument(tex, end).end };
  return { text: `\\${word}`, end };
}

/** The argument of a command, converted: a group, a command (`\'\i`) or one character. */
function readArgument(tex: string, from: number): Converted {
  const at = skipSpaces(tex, from);
  const c = tex[at];
  if (c === undefined) return { text: '', end: at };
  if (c === '{') {
    const group = rawGroup(tex, at);
    return { text: convert(group.text), end: group.end };
  }
  if (c === '\\') return readCommand(tex, at);
  const char = String.fromCodePoint(tex.codePointAt(at)!);
  return { text: char, end: at + char.length };
}

/** The text inside the group that opens at `open`, unconverted. */
function rawGroup(tex: string, open: number): Converted {
  if (tex[open] !== '{') return { text: '', end: open };
  let depth = 0;
  for (let i = open; i < tex.length; i++) {
    if (tex[i] === '\\') i++;
    else if (tex[i] === '{') depth++;
    else if (tex[i] === '}' && --depth === 0) return { text: tex.slice(open + 1, i), end: i + 1 };
  }
  return { text: tex.slice(open + 1), end: tex.length };
}

function accent(command: string, argument: Converted): Converted {
  const [first, ...rest] = argument.text;
  if (first === undefined) return { text: '', end: argument.end };
  // An accent on a dotless i or j (`\'{\i}`) is an accent on i or j.
  const base = first === 'ı' ? 'i' : first === 'ȷ' ? 'j' : first;
  return { text: base + ACCENTS[command] + rest.join(''), end: argument.end };
}

/** `\(x\)` and `\[x\]` as `$x$` and `$$x$$`, the one form of math the site reads. */
function inlineMath(tex: string, start: number): Converted {
  const display = tex[start + 1] === '[';
  const close = display ? '\\]' : '\\)';
  const end = tex.indexOf(close, start + 2);
  const body = tex.slice(start + 2, end === -1 ? tex.length : end);
  const dollars = display ? '$$' : '$';
  return { text: `${dollars}${body}${dollars}`, end: end === -1 ? tex.length : end + 2 };
}

function skipSpaces(tex: string, from: number): number {
  let i = from;
  while (i < tex.length && /\s/.test(tex[i]!)) i++;
  return i;
}

function skipEmptyGroup(tex: string, from: number): number {
  return tex.startsWith('{}', from) ? from + 2 : from;
}
