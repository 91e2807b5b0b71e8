/**
 * Front matter read as Hugo reads it. Hugo's YAML library accepts a quoted value that runs over several lines with its
 * continuation lines at column 0 (`abstract: "First line` / `second line"`); strict YAML wants them indented more than
 * the key. A site Hugo builds must import: the file is read strictly first, and only when that fails, read again with
 * such continuation lines indented, with a warning that says the file is not strict YAML.
 */
import type { ImportBundle } from './bundle.js';
import { note } from './bundle.js';
import { readText } from './sources/bibtex.js';
import { splitFrontMatter, type FrontMatterDoc } from './sources/common.js';
import { join } from 'node:path';

/** A Markdown file's front matter, read strictly, else leniently (with a warning); undefined when it cannot be read. */
export function readHugoFrontMatter(root: string, rel: string, bundle: ImportBundle): FrontMatterDoc | undefined {
  const text = readText(join(root, rel), rel, bundle, root);
  if (text === undefined) return undefined;
  return hugoFrontMatter(text.replace(/\r\n?/g, '\n'), rel, bundle);
}

export function hugoFrontMatter(text: string, file: string, bundle: Pick<ImportBundle, 'notes'>): FrontMatterDoc {
  if (text.startsWith('+++')) return splitFrontMatter(tomlOnLines(text), file, bundle);
  const strict = { notes: [] as ImportBundle['notes'] };
  const doc = splitFrontMatter(text, file, strict);
  if (!strict.notes.length) return doc;
  const yaml = /^---[ \t]*\n([\s\S]*?)\n?^(?:---|\.\.\.)[ \t]*(?:\n|$)/m.exec(text);
  const repaired = yaml && yaml.index === 0 ? indentQuotedContinuations(yaml[1]!) : undefined;
  if (repaired && repaired.lines.length) {
    const second = { notes: [] as ImportBundle['notes'] };
    const again = splitFrontMatter(`---\n${repaired.text}\n---\n${text.slice(yaml![0].length)}`, file, second);
    if (!second.notes.length) {
      const where = repaired.lines.map((l) => l + 1);
      note(
        bundle,
        'warning',
        { file, line: where[0]! },
        'yaml-lenient',
        `the front matter is not strict YAML: a quoted value continues at the start of line${where.length === 1 ? '' : 's'} ${where.join(', ')}; it was read as Hugo reads it`,
        'indent the continuation lines of a quoted value more than its key (or write it on one line).',
      );
      return again;
    }
  }
  bundle.notes.push(...strict.notes);
  return doc;
}

/**
 * Continuation lines of a quoted scalar that are not indented more than its key, indented (two spaces past the key):
 * the text with the lines changed (0-based, in the front matter), or undefined when there were none.
 */
export function indentQuotedContinuations(yaml: string): { text: string; lines: number[] } | undefined {
  const lines = yaml.split('\n');
  const changed: number[] = [];
  let open: { quote: '"' | "'"; indent: number } | undefined;
  for (const [i, line] of lines.entries()) {
    if (open) {
      const indent = /^ */.exec(line)![0].length;
      if (line.trim() && indent < open.indent) {
        lines[i] = ' '.repeat(open.indent) + line.trimStart();
        changed.push(i + 1);
      }
      open = closes(line, open.quote) ? undefined : open;
      continue;
    }
    // A value that starts with a quote after `key:` or `- `, and does not close on its line.
    const start = /^((?:\s*-\s+)*\s*)(?:[^\s#'"][^:#]*?:\s+)?(["'])/.exec(line);
    if (!start || line.trimStart().startsWith('#')) continue;
    const quote = start[2] as '"' | "'";
    if (!closes(line.slice(start[0].length), quote)) open = { quote, indent: start[1]!.replace(/-/g, ' ').length + 2 };
  }
  // Line numbers of the front matter (1-based, after the opening ---).
  return changed.length ? { text: lines.join('\n'), lines: changed } : undefined;
}

/** The quoted scalar ends on this text: an unescaped closing quote (`\"` escapes in "...", `''` in '...'). */
function closes(text: string, quote: '"' | "'"): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === '"' && c === '\\') {
      i++;
      continue;
    }
    if (c !== quote) continue;
    if (quote === "'" && text[i + 1] === "'") {
      i++;
      continue;
    }
    return true;
  }
  return false;
}

/**
 * TOML front matter with each value on its key's line, as the simple TOML reader takes it: multi-line strings
 * (`abstract = """...."""`, `'''...'''`) as one quoted line, arrays written over several lines joined. Lines are
 * kept (blank lines after), so that the body starts where it did.
 */
export function tomlOnLines(text: string): string {
  const end = /^\+\+\+[ \t]*\n[\s\S]*?\n\+\+\+[ \t]*(?:\n|$)/.exec(text);
  if (!end) return text;
  const keepLines = (joined: string, original: string) => joined + '\n'.repeat(original.split('\n').length - 1);
  const front = end[0]
    .replace(/(=\s*)("""|\'\'\')\n?([\s\S]*?)\2/g, (whole, eq: string, quote: string, body: string) => keepLines(`${eq}${JSON.stringify(quote === '"""' ? body.replace(/\\\n\s*/g, '') : body)}`, whole))
    .replace(/(=\s*)\[((?:"(?:[^"\\]|\\.)*"|'[^']*'|[^\]"'])*)\]/g, (whole, eq: string, inner: string) => (inner.includes('\n') ? keepLines(`${eq}[${inner.replace(/\s*\n\s*/g, ' ').trim().replace(/,\s*$/, '')}]`, whole) : whole));
  return front + text.slice(end[0].length);
}
