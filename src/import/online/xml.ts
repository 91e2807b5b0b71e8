/**
 * XML answers (arXiv's Atom, DBLP's person pages) read with fast-xml-parser: namespaces dropped (`arxiv:doi` -> `doi`),
 * values kept as text (an arXiv id is not a number), the named elements always lists. A document that is not XML gives
 * the parser's message with its line, for a diagnostic rather than a crash.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export type XmlNode = Record<string, unknown>;

export function parseXml(text: string, options: { arrays: string[]; raw?: string[] }): { doc: XmlNode } | { error: string } {
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { error: `not well-formed XML (line ${valid.err.line}: ${valid.err.msg})` };
  const arrays = new Set(options.arrays);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    htmlEntities: true,
    // Elements kept as their inner XML, for markup inside titles (DBLP writes <i>, <sub> in them).
    stopNodes: (options.raw ?? []).map((n) => `*.${n}`),
    isArray: (name) => arrays.has(name),
  });
  try {
    return { doc: parser.parse(text) as XmlNode };
  } catch (err) {
    return { error: `not readable as XML (${(err as Error).message.split('\n')[0]})` };
  }
}

/** An element's text, whether the parser gave a string or an object with `#text` (an element with attributes). */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && '#text' in value) return textOf((value as XmlNode)['#text']);
  return undefined;
}

export function attr(value: unknown, name: string): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = (value as XmlNode)[`@${name}`];
  return typeof v === 'string' ? v : undefined;
}

export function asList(value: unknown): unknown[] {
  if (value === undefined || value === null || value === '') return [];
  return Array.isArray(value) ? value : [value];
}
