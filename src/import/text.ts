/** Small text helpers every source needs: ids from names, dates as people write them, HTML to Markdown. */
import { splitName } from '../resolve/names.js';
import { isPartialDate } from '../schema/common.js';

/** "Théo Dupont" -> "theo-dupont": lower-case letters, digits and hyphens. Empty when nothing Latin is left. */
export function slug(text: string, max = 60): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/[æÆ]/g, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  return cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut;
}

/** A person id from a name: "Wu, Lei" -> "lei-wu", "吴磊" -> "person-" + a short hash. */
export function personId(name: string): string {
  const { given, family } = splitName(name);
  const s = slug([...given, family].join(' '));
  return s || `person-${shortHash(name)}`;
}

export function shortHash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0).toString(36).slice(0, 6);
}

/** Makes `id` unique against `taken` by appending -2, -3 ...; adds the result to `taken`. */
export function uniqueId(id: string, taken: Set<string>): string {
  let out = id;
  for (let n = 2; taken.has(out); n++) out = `${id}-${n}`;
  taken.add(out);
  return out;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * A date as CVs and sites write it, as vita writes it (YYYY, YYYY-MM, YYYY-MM-DD), or "present", or undefined.
 * "2012.9", "2012/09", "Sep 2021", "September 2021", "2021-09-01T00:00:00Z", "12 March 2020", 2021, a Date.
 */
export function parseDate(input: unknown): string | undefined {
  if (input instanceof Date) return Number.isNaN(input.getTime()) ? undefined : input.toISOString().slice(0, 10);
  if (typeof input === 'number') return Number.isInteger(input) && input >= 1000 && input <= 9999 ? String(input) : undefined;
  if (typeof input !== 'string') return undefined;
  const text = input.trim().replace(/\.$/, '');
  if (!text) return undefined;
  if (/^(present|now|current|currently|today|ongoing|to date|至今|现在)$/i.test(text)) return 'present';
  let m = /^(\d{4})(?:[-./](\d{1,2})(?:[-./](\d{1,2}))?)?(?:[T ]\d{1,2}:\d{2}.*)?$/.exec(text);
  if (m) return checked(m[1]!, m[2], m[3]);
  m = /^([A-Za-z]{3,9})\.?,?\s+(\d{1,2}),?\s+(\d{4})$/.exec(text); // March 12, 2020
  if (m && monthOf(m[1]!)) return checked(m[3]!, String(monthOf(m[1]!)), m[2]);
  m = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/.exec(text); // 12 March 2020
  if (m && monthOf(m[2]!)) return checked(m[3]!, String(monthOf(m[2]!)), m[1]);
  m = /^([A-Za-z]{3,9})\.?,?\s+(\d{4})$/.exec(text); // Sep 2021, September 2021
  if (m && monthOf(m[1]!)) return checked(m[2]!, String(monthOf(m[1]!)));
  m = /^(\d{4})\s+([A-Za-z]{3,9})\.?$/.exec(text); // 2021 Sep
  if (m && monthOf(m[2]!)) return checked(m[1]!, String(monthOf(m[2]!)));
  m = /^(\d{1,2})[/.](\d{4})$/.exec(text); // 09/2021
  if (m) return checked(m[2]!, m[1]);
  return undefined;
}

export function monthOf(word: string): number | undefined {
  return MONTHS[word.toLowerCase().slice(0, word.toLowerCase().startsWith('sept') ? 4 : 3)] ?? MONTHS[word.toLowerCase().slice(0, 3)];
}

function checked(year: string, month?: string, day?: string): string | undefined {
  const parts = [year];
  if (month !== undefined) parts.push(pad(Number(month)));
  if (month !== undefined && day !== undefined) parts.push(pad(Number(day)));
  const out = parts.join('-');
  return isPartialDate(out) ? out : year;
}

/** "2012.9 - 2018.7", "2021.12 -", "2019-2022", "Sep 2020 – present", "2017": a start and an end. */
export function parseRange(text: string): { start?: string; end?: string } | undefined {
  const t = text.trim().replace(/[.,;]$/, '').trim();
  const single = parseDate(t);
  if (single) return single === 'present' ? undefined : { start: single };
  const open = /^(.+?)\s*[-–—~]+$/.exec(t);
  if (open) {
    const start = parseDate(open[1]!);
    return start && start !== 'present' ? { start, end: 'present' } : undefined;
  }
  const m = /^(.+?)(?:\s*[–—~]\s*|\s+-+\s*|\s*-+\s+|\s+to\s+|(?<=\d)-(?=\d{4}\b)|(?<=\d)-(?=present|now|current))(.+)$/i.exec(t);
  if (!m) return undefined;
  const start = parseDate(m[1]!);
  const end = parseDate(m[2]!);
  if (!start || start === 'present') return undefined;
  return end ? { start, end } : { start };
}

/** "Fall 2023", "2023 Fall", "Autumn term 2022", {term: Fall, year: 2023}: a term as the schema writes it. */
export function parseTerm(text: string, year?: unknown): string | undefined {
  const season = /\b(spring|summer|fall|autumn|winter)\b/i.exec(text)?.[1];
  const y = /\b(\d{4})\b/.exec(text)?.[1] ?? (year !== undefined && /^\d{4}$/.test(String(year)) ? String(year) : undefined);
  if (!season || !y) return undefined;
  return `${season[0]!.toUpperCase()}${season.slice(1).toLowerCase()} ${y}`;
}

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…', rsquo: '’', lsquo: '‘',
  rdquo: '”', ldquo: '“', eacute: 'é', egrave: 'è', uuml: 'ü', ouml: 'ö', auml: 'ä', ccedil: 'ç', copy: '©', middot: '·',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** HTML as Markdown: links kept as [text](url), emphasis as * and **, paragraphs and breaks as lines, tags dropped. */
export function htmlToMarkdown(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<a\s[^>]*?href\s*=\s*["']([^"']*)["'][^>]*>([\s\S]*?)<\/a>/gi, (_, href: string, text: string) => {
        const t = text.replace(/<[^>]+>/g, '').trim();
        return href && href !== '#' ? `[${t}](${href})` : t;
      })
      .replace(/<\s*(strong|b)\s*>([\s\S]*?)<\/\s*\1\s*>/gi, '**$2**')
      .replace(/<\s*(em|i)\s*>([\s\S]*?)<\/\s*\1\s*>/gi, '*$2*')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/?(p|div|li|ul|ol|h\d)\b[^>]*>/gi, '\n')
      .replace(/<[^>]+>/g, ''),
  )
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .filter((l, i, all) => l !== '' || (i > 0 && all[i - 1] !== ''))
    .join('\n')
    .trim();
}

/** HTML or Markdown as one line of plain text. */
export function plainText(text: string): string {
  return htmlToMarkdown(text)
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[^\\])\*([^*]+)\*/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A link as the schema takes it, or undefined: relative paths are kept (they point into the site). */
export function safeUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  if (!v || v === '#') return undefined;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(v);
  if (scheme && !['http', 'https', 'mailto', 'doi'].includes(scheme[1]!.toLowerCase())) return undefined;
  if (/^www\./i.test(v)) return `https://${v}`;
  return v;
}

/** A string or undefined, trimmed; numbers become strings. */
export function str(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  return v === '' ? undefined : v;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

const DOI = /\b(10\.\d{4,9}\/[^\s"<>]+[^\s"<>.,;)\]])/;
const ARXIV = /(?:arxiv(?:\.org\/(?:abs|pdf)\/|:\s*|\s+preprint\s+arxiv:\s*)|\barxiv\s*)(\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})/i;

export function findDoi(text: string): string | undefined {
  return DOI.exec(text)?.[1];
}

export function findArxiv(text: string): string | undefined {
  return ARXIV.exec(text)?.[1]?.replace(/\.pdf$/, '');
}

/** Drops keys whose value is undefined, empty text or an empty list or object: YAML written from it stays clean. */
export function compact<T extends Record<string, unknown>>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (isRecord(v) && Object.keys(v).length === 0) continue;
    out[k] = v;
  }
  return out as T;
}

const STOP_WORDS = new Set(['a', 'an', 'the', 'on', 'of', 'in', 'for', 'to', 'and', 'with', 'from', 'by', 'at', 'is', 'are', 'via', 'towards', 'toward']);

/** A citation key as Google Scholar makes them: first author family name, year, first significant word ("wu2023theoretical"). */
export function publicationId(firstAuthor: string | undefined, year: number | string, title: string): string {
  const family = firstAuthor ? slug(splitName(firstAuthor).family).replace(/-/g, '') : '';
  const word = slug(title)
    .split('-')
    .find((w) => w.length > 1 && !STOP_WORDS.has(w) && !/^\d+$/.test(w)) ?? '';
  return `${family}${year}${word}` || `paper${year}`;
}

/** Organisations that are universities, institutes or laboratories: positions there are academic. */
export function isAcademic(organization: string): boolean {
  return /universit|institut|college|school|laborator|academ|research cent|\b(?:ETH|EPFL|MIT|CNRS|INRIA|CERN|NIH|NIST)\b|polytechn|hochschule|universidad|université|大学|研究/i.test(organization);
}

const CONFERENCES = /\b(NeurIPS|NIPS|ICML|ICLR|COLT|ALT|AISTATS|UAI|CVPR|ICCV|ECCV|ACL|EMNLP|NAACL|AAAI|IJCAI|KDD|SIGIR|WWW|STOC|FOCS|SODA|ICALP|MSML|ACML|CoRL|RSS|ICRA|IROS|MICCAI|INTERSPEECH|ICASSP)\b/;

/** The kind of publication a venue's name says it is. */
export function typeFromVenue(venue: string | undefined): 'article' | 'conference' | 'workshop' | 'preprint' | 'thesis' | 'book' | 'chapter' {
  if (!venue) return 'article';
  if (/arxiv|preprint|\bcorr\b|biorxiv|medrxiv|ssrn|submitted|under review/i.test(venue)) return 'preprint';
  if (/workshop/i.test(venue)) return 'workshop';
  if (/thesis|dissertation/i.test(venue)) return 'thesis';
  if (/conference|proceedings|symposium|congress|colloquium|meeting|\bin\s+\*?proc/i.test(venue) || CONFERENCES.test(venue)) return 'conference';
  return 'article';
}

/** "Conference on Uncertainty in Artificial Intelligence (UAI)" -> name and short name; "ICML 2023" -> short and year. */
export function venueFrom(text: string): { name?: string; short?: string; year?: number } {
  const t = text.replace(/\s+/g, ' ').trim().replace(/[.,;]$/, '');
  const paren = /^(.*\S)\s*\(\s*([A-Za-z][\w&/\- ]{0,20}?)(?:\s*['’]?(\d{2}|\d{4}))?\s*\)$/.exec(t);
  if (paren && /[A-Z]/.test(paren[2]!) && paren[2]!.length < paren[1]!.length) {
    return { name: paren[1]!, short: paren[2]!.trim(), ...(paren[3]?.length === 4 ? { year: Number(paren[3]) } : {}) };
  }
  const short = /^([A-Z][A-Za-z]*[A-Z][A-Za-z]*)\s*['’]?(\d{4})$/.exec(t);
  if (short) return { short: short[1]!, year: Number(short[2]) };
  if (/^[A-Z][A-Za-z]*[A-Z][A-Za-z-]*$/.test(t) && t.length <= 12) return { short: t };
  return t ? { name: t } : {};
}
