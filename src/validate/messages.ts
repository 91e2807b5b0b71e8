/** Plain wording for schema problems: the one table that turns zod's issues into sentences a researcher can act on. */

/** Custom checks in the schemas carry `vita:<name>` as their message; this is what each means. */
export const CHECK_MESSAGES: Record<string, { what: string; hint: string; aboutParent?: boolean }> = {
  date: { what: 'is not a date', hint: 'write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2018-07.' },
  'date-or-present': { what: 'is not a date', hint: 'write YYYY, YYYY-MM or YYYY-MM-DD, or "present".' },
  datetime: { what: 'is not a date and time', hint: 'write "YYYY-MM-DD HH:MM" in the event\'s time zone, e.g. "2025-07-23 10:30".' },
  url: { what: 'is not a safe link', hint: 'use an http(s):// or mailto: address, or a path inside the project; javascript: and data: links are refused.' },
  'web-address': { what: 'is not a web address a browser can read', hint: 'check for spaces, brackets or a missing part, e.g. "https://example.org/path"; write a space as %20.' },
  id: { what: 'is not a valid id', hint: 'ids use lower-case letters, digits and hyphens, e.g. "lei-wu".' },
  term: { what: 'is not a term', hint: 'write a season and a year, e.g. "Fall 2023" or "Spring 2022".' },
  years: { what: 'is not a year or a range of years', hint: 'write e.g. 2019, "2019-2022" or "2020, 2022".' },
  'review-venue': { what: 'names no venue', hint: 'give the venue\'s short name (venue: NeurIPS), its full name (name: ...), or both.', aboutParent: true },
  'output-folder': { what: 'is not a folder inside the project', hint: 'name a folder inside the project, such as _site; to write the site elsewhere, give --out to vita build (a project must not choose where its build writes).' },
  email: { what: 'is not an email address', hint: 'write the address alone, e.g. leiwu@math.pku.edu.cn.' },
  doi: { what: 'is not a DOI', hint: 'write the DOI alone, e.g. 10.1137/20M1234567 (no https://doi.org/ in front).' },
  'arxiv-author': { what: 'is not a name to search arXiv for', hint: 'write the name alone, without quotes or backslashes, e.g. arxiv: Lei Wu.' },
  arxiv: { what: 'is not an arXiv identifier', hint: 'write the id alone, e.g. 2410.11474 (no https://arxiv.org/abs/ in front).' },
};

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of fields',
  record: 'a mapping of fields',
  null: 'empty',
  undefined: 'nothing',
  date: 'a date',
};

export function describeExpected(expected: string): string {
  return TYPE_NAMES[expected] ?? expected;
}

/** What a YAML value is, in words: "a list", "the number 2018.13". */
export function describeInput(input: unknown): string {
  if (input === null || input === undefined) return 'nothing';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a mapping of fields';
  if (typeof input === 'string') return `the text ${JSON.stringify(shorten(input))}`;
  if (typeof input === 'number') return `the number ${input}`;
  if (typeof input === 'boolean') return `${input}`;
  return typeof input;
}

export function shorten(s: string, max = 60): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

/** "education[1].end": how a data path reads to a person editing YAML. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    else out += (out ? '.' : '') + String(step);
  }
  return out;
}
