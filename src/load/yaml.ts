/** YAML files read with their source positions, so every diagnostic can point at a line and column. */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Diagnostics, Span } from '../diagnostics/diagnostic.js';
import type { DataPath } from './record.js';

export interface ParsedYaml {
  value: unknown;
  locate(path: DataPath): Span | undefined;
  /** False when the text could not be read as YAML at all. */
  ok: boolean;
}

/**
 * Parses YAML text. `lineOffset` shifts reported lines, for front matter inside a Markdown file.
 * Syntax errors and duplicate keys go to `diagnostics`; the value is still returned when possible.
 */
export function readYaml(file: string, text: string, diagnostics: Diagnostics, lineOffset = 0): ParsedYaml {
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

  for (const e of doc.errors) {
    const at = position(e.pos[0]);
    if (e.code === 'DUPLICATE_KEY') {
      diagnostics.error(file, at, 'load/duplicate-key', 'the same key is written twice in one mapping', {
        hint: 'YAML keeps only one of them: remove or rename one of the two.',
      });
    } else {
      diagnostics.error(file, at, 'load/yaml-syntax', `YAML syntax error: ${firstLine(e.message)}`, {
        hint: yamlHint(e.code),
      });
    }
  }
  for (const w of doc.warnings) {
    diagnostics.warning(file, position(w.pos[0]), 'load/yaml-warning', firstLine(w.message));
  }

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
  return { value, ok: !fatal, locate };
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
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
}

function yamlHint(code: string): string | undefined {
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'YAML indents with spaces, never tabs.';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'check the indentation of this line against the lines above it.';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'a value that contains ": " must be quoted.';
    case 'UNEXPECTED_TOKEN':
      return 'a value that starts with a special character (@, `, *, &, !, |, >) must be quoted.';
    default:
      return undefined;
  }
}
