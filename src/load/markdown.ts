/** Markdown files with optional YAML front matter between `---` lines. */
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import { readYaml, type ParsedYaml } from './yaml.js';

export interface FrontMatterFile {
  data: ParsedYaml | undefined;
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
}

export function readFrontMatter(file: string, text: string, diagnostics: Diagnostics): FrontMatterFile {
  const m = /^(?:\uFEFF)?---[ \t]*\r?\n([\s\S]*?)\r?\n?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return { data: undefined, body: text, bodyLine: 1 };
  const data = readYaml(file, m[1]!, diagnostics, 1);
  const bodyLine = m[0].split('\n').length - (m[0].endsWith('\n') ? 1 : 0) + 1;
  return { data, body: text.slice(m[0].length), bodyLine };
}
