/** YAML files read with their source positions, so every diagnostic can point at a line and column. */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Node } from 'yaml';
import type { Diagnostics, Span } from '../diagnostics/diagnostic.js';
import type { DataPath } from './record.js';
import type { PlaceChild, PlaceNode, YamlPlaces } from './stored.js';

export interface ParsedYaml {
  value: unknown;
  locate(path: DataPath): Span | undefined;
  /** False when the text could not be read as YAML at all. */
  ok: boolean;
  /** What `locate` reads, as plain data that can be kept (see `locateIn`); made when asked for. */
  places?(): YamlPlaces;
}

/**
 * Parses YAML text. `lineOffset` shifts reported lines, for front matter inside a Markdown file.
 * Syntax errors and duplicate keys go to `diagnostics`; the value is still returned when possible.
 */
export function readYaml(file: string, text: string, diagnostics: Diagnostics, lineOffset = 0): ParsedYaml {
  const deep = tooDeep(text, MAX_DEPTH);
  if (deep !== undefined) {
    // The parser recurses once per level: read this deep, it would fail with "Maximum call stack size exceeded".
    const before = text.slice(0, deep);
    const line = before.split('\n').length;
    diagnostics.error(file, { line: line + lineOffset, column: deep - before.lastIndexOf('\n') }, 'load/yaml-too-deep', `the YAML is nested more than ${MAX_DEPTH} levels deep here`, {
      hint: 'a record needs a few levels (a list of mappings of lists); check for brackets that are never closed, or indentation that keeps growing.',
    });
    return { value: null, ok: false, locate: () => undefined };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true });
  const position = (offset: number): Span => {
    const p = lines.linePos(offset);
    return { line: p.line + lineOffset, column: p.col };
  };
  const span = (range: [number, number, number] | undefined | null): Span | undefined => {
    if (!range) return undefined;
    const start = position(range[0]);
    const end = position(range[1]);
    return { ...start, endLine: end.line, endColumn: end.column };
  };

  const reported = new Set<number>();
  for (const e of doc.errors) {
    if (e.code === 'DUPLICATE_KEY') {
      const dup = duplicateKey(doc, e.pos[0]);
      const first = dup?.first !== undefined ? position(dup.first) : undefined;
      diagnostics.error(file, position(e.pos[0]), 'load/duplicate-key', dup ? `the field "${dup.key}" is written twice` : 'the same field is written twice in one mapping', {
        hint: `${first ? `the first is on line ${first.line}; ` : ''}YAML keeps only one of them (the last): remove or merge the other.`,
        ...(dup ? { input: dup.key } : {}),
      });
      continue;
    }
    const problem = explainSyntaxError(text, e.code, e.message, e.pos);
    const at = position(problem.at);
    // One syntax error usually sets off more on the same line; the first says what is wrong.
    if (reported.has(at.line)) continue;
    reported.add(at.line);
    diagnostics.error(file, at, 'load/yaml-syntax', problem.message, problem.hint ? { hint: problem.hint } : {});
  }
  for (const w of doc.warnings) {
    const tag = w.code === 'TAG_RESOLVE_FAILED' ? /!\S*/.exec(text.slice(w.pos[0]))?.[0] : undefined;
    diagnostics.warning(
      file,
      position(w.pos[0]),
      'load/yaml-warning',
      tag ? `"${tag}" is read as a YAML tag, which vita does not know, and left out of the value` : firstLine(w.message),
      tag ? { hint: `if "${tag}" is part of the text, put the whole value in quotes.` } : {},
    );
  }

  commentsInValues(doc, text, (at, value, comment) =>
    diagnostics.warning(file, position(at), 'load/comment-in-value', `"#${comment}" is read as a YAML comment, so this value is only "${value}"`, {
      hint: `if "#${comment}" belongs to the value, put the whole value in quotes: "${value} #${comment}".`,
    }),
  );

  const fatal = doc.errors.some((e) => e.code !== 'DUPLICATE_KEY');
  let value: unknown = null;
  if (!fatal) {
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (err) {
      diagnostics.error(file, { line: 1 + lineOffset, column: 1 }, 'load/yaml-syntax', `YAML could not be read: ${(err as Error).message}`);
      return { value: null, ok: false, locate: () => undefined };
    }
  }

  const locate = (path: DataPath): Span | undefined => {
    // Walk down as far as the path is written; a missing key reports its parent mapping.
    let node: unknown = doc.contents;
    let best: Span | undefined = span((doc.contents as Node | null)?.range);
    for (const step of path) {
      const next = child(node, step);
      if (!next) break;
      best = span(next.key?.range ?? next.node?.range) ?? best;
      if (!next.node) break;
      node = next.node;
    }
    return best ?? { line: 1 + lineOffset, column: 1 };
  };
  // The same walk, made once for every path: each node's fields as `child` finds them.
  const placeOf = (node: unknown): PlaceNode => {
    if (isMap(node)) {
      const keys = new Map<string, PlaceChild>();
      for (const item of node.items) {
        if (!isPair(item) || !isScalar(item.key)) continue;
        const name = String(item.key.value);
        if (keys.has(name)) continue;
        const value = (item.value as Node | null) ?? undefined;
        keys.set(name, { span: span(item.key.range ?? value?.range), node: value ? placeOf(value) : undefined });
      }
      return { keys };
    }
    if (isSeq(node)) return { items: node.items.map((item) => (item ? { span: span((item as Node).range), node: placeOf(item) } : null)) };
    return {};
  };
  const places = (): YamlPlaces => {
    const contents = doc.contents as Node | null;
    return { root: span(contents?.range), tree: contents ? placeOf(contents) : undefined, lineOffset };
  };
  return { value, ok: !fatal, locate, places };
}

/** `locate` of a document from its places (see `places`): the same span for every path. */
export function locateIn(places: YamlPlaces, path: DataPath): Span {
  let node = places.tree;
  let best = places.root;
  for (const step of path) {
    const next = node?.keys ? node.keys.get(String(step)) : node?.items && typeof step === 'number' ? node.items[step] : undefined;
    if (!next) break;
    best = next.span ?? best;
    if (!next.node) break;
    node = next.node;
  }
  return best ? { ...best } : { line: 1 + places.lineOffset, column: 1 };
}

/** Levels of nesting a record may have: far more than any record needs, far less than exhausts the stack. */
const MAX_DEPTH = 100;

/**
 * The offset where `text` first goes deeper than `limit` levels, counting block levels (indentation that grows) and
 * flow levels ("[" and "{" that open a value); undefined when it never does. Quoted text and comments are skipped.
 */
export function tooDeep(text: string, limit: number): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let end = text.indexOf('\n', lineStart);
    if (end < 0) end = text.length;
    const line = text.slice(lineStart, end);
    const indent = /^[ -]*/.exec(line)![0].length;
    if (flow === 0 && line.trim() !== '' && !line.trimStart().startsWith('#')) {
      while (indents.length && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      if (indents.length > limit) return lineStart + indent;
    }
    let quote = '';
    // The last character written before this one that is not a space, and where it is (-1: none yet).
    let last = -1;
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (quote) {
        if (c === quote) quote = '';
        continue;
      }
      const p = last < 0 ? '' : line[last]!;
      const opensValue = flow > 0 || last < 0 || p === ':' || p === '[' || p === '{' || p === ',' || (p === '-' && (last === 0 || line[last - 1] === ' '));
      if (c !== ' ' && c !== '\t') last = i;
      if ((c === '"' || c === "'") && opensValue) quote = c;
      else if (c === '#' && (i === 0 || line[i - 1] === ' ')) break;
      else if ((c === '[' || c === '{') && opensValue) {
        if (++flow + indents.length > limit) return lineStart + i;
      } else if ((c === ']' || c === '}') && flow > 0) flow--;
    }
    lineStart = end + 1;
  }
  return undefined;
}

/** For a key step, both the key's range (what the user sees as "the field") and its value node. */
function child(node: unknown, step: string | number): { key?: Node; node?: Node } | undefined {
  if (isMap(node)) {
    for (const item of node.items) {
      if (isPair(item) && isScalar(item.key) && String(item.key.value) === String(step)) {
        return { key: item.key as Node, node: (item.value as Node | null) ?? undefined };
      }
    }
    return undefined;
  }
  if (isSeq(node) && typeof step === 'number') {
    const item = node.items[step];
    return item ? { node: item as Node } : undefined;
  }
  return undefined;
}

function firstLine(message: string): string {
  const line = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
  // The parser quotes the text it stopped at, which can be a whole paragraph.
  return line.length > 100 ? `${line.slice(0, 99)}…` : line;
}

/** The key of the duplicate at `offset`, and the offset of its first occurrence in the same mapping. */
/**
 * Plain values cut short by a comment: in YAML " #" starts a comment, so `address: Building #6` is "Building".
 * Only a "#" followed at once by a letter or digit is reported ("#6", "#ICML"): a comment written on purpose
 * reads "# ...".
 */
function commentsInValues(doc: ReturnType<typeof parseDocument>, text: string, report: (offset: number, value: string, comment: string) => void): void {
  visit(doc, {
    Scalar(_key, node) {
      if (node.type !== 'PLAIN' || !node.range || typeof node.source !== 'string') return;
      const end = node.range[1];
      // What a comment needs first, looked at before cutting out the rest of the line: most values end their line.
      const next = text[end];
      if (next !== ' ' && next !== '\t') return;
      const lineEnd = text.indexOf('\n', end);
      const rest = /^[ \t]+#([^\s#][^\r\n]*)/.exec(text.slice(end, lineEnd < 0 ? undefined : lineEnd));
      if (rest && /^[\p{L}\p{N}]/u.test(rest[1]!)) report(end + rest[0].indexOf('#'), node.source, rest[1]!.trimEnd());
    },
  });
}

function duplicateKey(doc: ReturnType<typeof parseDocument>, offset: number): { key: string; first?: number } | undefined {
  let found: { key: string; first?: number } | undefined;
  visit(doc, {
    Map(_, map) {
      const at = map.items.findIndex((p) => isScalar(p.key) && p.key.range?.[0] === offset);
      if (at < 0) return undefined;
      const key = String((map.items[at]!.key as { value: unknown }).value);
      const first = map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
      found = { key, first: (first?.key as Node | undefined)?.range?.[0] };
      return visit.BREAK;
    },
  });
  return found;
}

/**
 * A YAML syntax error in plain words, at the place the writer has to change: the parser reports where it got lost
 * (the start of a value that swallowed the next line, the line after an unclosed bracket), not where the mistake is.
 */
export function explainSyntaxError(text: string, code: string, message: string, pos: [number, number]): { at: number; message: string; hint?: string } {
  let at = pos[0];
  // An error about indentation points at the start of the line: show the first character that is written.
  while (text[at] === ' ' && (at === 0 || /^ *$/.test(text.slice(text.lastIndexOf('\n', at - 1) + 1, at)))) at++;
  const lineEnd = (offset: number) => {
    const end = text.indexOf('\n', offset);
    return end === -1 ? text.length : end;
  };
  const lineStart = (offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
  const indentOf = (start: number) => /^[ ]*/.exec(text.slice(start))![0].length;
  switch (code) {
    case 'TAB_AS_INDENT':
      return { at, message: 'this line is indented with a tab', hint: 'YAML indents with spaces, never tabs: replace the tab with spaces.' };
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      const rest = text.slice(at, lineEnd(at));
      if (/:(\s|$)/.test(rest)) {
        // `bio: Research interests: deep learning` - a second ": " inside a plain value.
        const start = lineStart(at);
        const key = text.slice(start, at).trim();
        return {
          at,
          message: 'the value contains ": ", which YAML reads as the start of another field',
          hint: `put the whole value in quotes: ${key} "${rest.trim().replace(/"/g, '\\"')}".`,
        };
      }
      // A line indented deeper than the field above it is read as the rest of that field's value.
      for (let next = lineEnd(at) + 1; next < text.length; next = lineEnd(next) + 1) {
        const line = text.slice(next, lineEnd(next));
        if (line.trim() === '') continue;
        if (/:(\s|$)/.test(line)) {
          const indent = indentOf(next);
          const above = /^[ ]*(?:-[ ]+)*/.exec(text.slice(lineStart(at)))![0].length;
          return {
            at: next + indent,
            message: `this line is indented more than the line above it, so YAML reads it as part of the value above`,
            hint: `indent "${line.trim().split(':')[0]}:" by ${above} space${above === 1 ? '' : 's'}, like the field above it.`,
          };
        }
        break;
      }
      if (rest.trim().startsWith('-')) {
        return { at, message: 'a list item ("- ...") is written where a field was expected', hint: 'indent the list under its field, or write "field:" before it.' };
      }
      return { at, message: 'a field name must be written on one line', hint: 'check the indentation of this line against the lines above it.' };
    }
    case 'BAD_INDENT':
    case 'MISSING_CHAR': {
      const bracket = /^(Flow sequence|Flow mapping)/.exec(message);
      if (bracket) {
        const [open, close] = bracket[1] === 'Flow sequence' ? ['[', ']'] : ['{', '}'];
        const opened = unclosed(text, at, open, close);
        return {
          at: opened ?? at,
          message: `the ${open === '[' ? 'list' : 'mapping'} opened with "${open}" is not closed`,
          hint: `add "${close}" at the end of the ${open === '[' ? 'list' : 'mapping'}, on the same line.`,
        };
      }
      if (/closing "?quote|Missing closing/i.test(message)) {
        const quote = message.includes("'") ? "'" : '"';
        const opened = text.lastIndexOf(quote, at - 1);
        return { at: opened >= 0 ? opened : at, message: 'the quoted value is never closed', hint: `add the closing ${quote} at the end of the value.` };
      }
      if (/without - indicator/.test(message)) {
        return { at, message: 'this line is indented less than the fields above it, but more than the list they belong to', hint: 'give it the same indentation as the other fields of its list item.' };
      }
      if (/same column/.test(message)) {
        return { at, message: 'this line is not indented like the other fields of its block', hint: 'fields of one block start at the same column: check the spaces at the start of this line.' };
      }
      if (/followed by map values/.test(message)) {
        return { at, message: 'a field name is not followed by ":"', hint: 'write "field: value"; a line that is a list item starts with "- ".' };
      }
      return { at, message: `the YAML cannot be read here (${firstLine(message)})`, hint: 'check the indentation of this line against the lines above it.' };
    }
    case 'BAD_SCALAR_START':
    case 'UNEXPECTED_TOKEN': {
      const c = text[at];
      if (c && '@`%'.includes(c)) return { at, message: `a value cannot start with "${c}" unless it is quoted`, hint: 'put the value in quotes.' };
      if (/^Unexpected scalar/.test(message)) {
        return { at, message: 'this text belongs to no field', hint: 'write "field:" before it, or indent it under its field; a long text starts with "field: >-" or "field: |".' };
      }
      return { at, message: `the YAML cannot be read here (${firstLine(message)})`, hint: 'a value that starts with a special character (@, `, *, &, !, |, >, %) must be quoted.' };
    }
    case 'BAD_ALIAS':
    case 'ALIAS_PROPS':
      return { at, message: `a value that starts with "*" is read as a reference to an anchor`, hint: 'put the value in quotes.' };
    case 'MULTIPLE_DOCS':
      return { at, message: 'the file holds more than one YAML document (a second "---")', hint: 'a record file holds one document: remove the "---" line, or split the file.' };
    default:
      return { at, message: `YAML syntax error: ${firstLine(message)}` };
  }
}

/** The offset of the last `open` before `offset` that is not closed before it. */
function unclosed(text: string, offset: number, open: string, close: string): number | undefined {
  let depth = 0;
  for (let i = Math.min(offset, text.length) - 1; i >= 0; i--) {
    if (text[i] === close) depth++;
    else if (text[i] === open) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return undefined;
}
