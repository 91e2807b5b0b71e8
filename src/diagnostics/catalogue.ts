/**
 * Every diagnostic code vita emits, with what it means and how to fix it. Codes are permanent: editors, CI scripts and
 * the documentation (docs/diagnostics.md, generated from this table by scripts/diagnostics-doc.ts) refer to them.
 * A test fails when the source emits a code that is not here, or when a code here is no longer emitted.
 */
import type { Severity } from './diagnostic.js';

export interface CatalogueEntry {
  /** A few words, as a heading. */
  title: string;
  severity: Severity;
  /** One or two sentences: what it means and how to fix it. */
  description: string;
}

export const STAGES = {
  load: 'Reading files: the project folder, YAML, Markdown front matter and BibTeX.',
  validate: 'Checking each record against its schema: field names, types, dates, links, identifiers.',
  resolve: 'Linking records together: people, citations, publications, seminar series and their events.',
  check: 'Consistency findings: what is valid alone but wrong together.',
  theme: 'The project\'s theme: theme/components.js (or .mjs), whose functions override page components (see docs/theming.md), and theme/style.css. A problem in a theme never stops a build: vita\'s own component is used instead (and `vita build` exits with status 1 after an error, so that CI notices).',
} as const;

export const CATALOGUE: Record<string, CatalogueEntry> = {
  // --- load
  'load/no-project': {
    title: 'No project folder',
    severity: 'error',
    description: 'The path given to vita does not exist or is a file. Give the folder that holds vita.yaml.',
  },
  'load/no-config': {
    title: 'No vita.yaml',
    severity: 'error',
    description: 'The project folder has no vita.yaml. Create one with at least a `title:` line.',
  },
  'load/link-outside': {
    title: 'Symbolic link out of the project',
    severity: 'warning',
    description: 'A file of the project is a symbolic link to a file outside it (or to nothing). vita never follows such a link: the file is not read, and not published (a cloned project could otherwise publish `~/.ssh/id_rsa`). Copy the file into the project if it belongs to the record; links that stay inside the project are followed.',
  },
  'load/unreadable': {
    title: 'File cannot be read',
    severity: 'error',
    description: 'The file exists but could not be opened (the message gives the system error, e.g. EACCES). Check its permissions.',
  },
  'load/not-text': {
    title: 'Binary file',
    severity: 'error',
    description: 'A file where vita expects a record (YAML, Markdown or BibTeX) holds binary data. Move images and PDFs to assets/ and keep records as UTF-8 text.',
  },
  'load/not-utf8': {
    title: 'Not UTF-8',
    severity: 'error',
    description: 'The file is not valid UTF-8 text, usually because it was saved in a legacy encoding such as Latin-1 or GBK. Save it again as UTF-8.',
  },
  'load/empty-file': {
    title: 'Empty file',
    severity: 'error',
    description: 'A record file (a person, a news item, a seminar series or event, vita.yaml, a .bib file) is empty. Write at least its required fields (BibTeX entries in a .bib file), or delete the file.',
  },
  'load/bad-file-name': {
    title: 'File name is not an id',
    severity: 'error',
    description: 'The name of a person, news or event file, or of a seminar series folder, becomes the record\'s id and its page\'s address, so it may hold only lower-case letters, digits and hyphens (invisible characters such as a right-to-left override are shown as <U+202E>). Rename the file or folder as the hint says.',
  },
  'load/yaml-too-deep': {
    title: 'YAML nested too deeply',
    severity: 'error',
    description: 'The YAML goes more than 100 levels deep (brackets inside brackets, or indentation that keeps growing), far more than any record needs; it is not read. Usually a bracket is never closed.',
  },
  'load/yaml-syntax': {
    title: 'YAML syntax error',
    severity: 'error',
    description: 'The YAML cannot be read at this line: a tab used for indentation, a line indented too far or not far enough, an unquoted value containing ": ", an unclosed bracket or quote. The record is skipped until the line is fixed; the hint says what to change.',
  },
  'load/yaml-warning': {
    title: 'YAML warning',
    severity: 'warning',
    description: 'The YAML can be read but something in it is probably not meant, such as an unknown `!tag`. Quote the value if it is plain text.',
  },
  'load/comment-in-value': {
    title: 'Value cut short by a comment',
    severity: 'warning',
    description: 'In YAML, " #" starts a comment, so `address: Building #6, Room 101` reads as "Building" and the rest is lost without a word. vita warns when the "#" is followed at once by a letter or digit, as in text. Put the whole value in quotes: `address: "Building #6, Room 101"`.',
  },
  'load/duplicate-key': {
    title: 'Key written twice',
    severity: 'error',
    description: 'The same field is written twice in one YAML mapping, or the same citation key twice in one BibTeX file. Only one of them is kept: remove or rename the other.',
  },
  'load/bibtex-syntax': {
    title: 'BibTeX syntax error',
    severity: 'error',
    description: 'A BibTeX entry cannot be read: an unclosed brace, a missing citation key or comma, an undefined @string, or a file that holds no entry at all. The entry is skipped; the other entries of the file are still read.',
  },
  'load/bibtex-duplicate-field': {
    title: 'BibTeX field written twice',
    severity: 'warning',
    description: 'An entry has the same field twice; the first one is used. Remove the one that is wrong.',
  },
  'load/bibtex-unknown-field': {
    title: 'Misspelt BibTeX field',
    severity: 'warning',
    description: 'A field of an entry is close to a field vita reads (`jounral` for `journal`) and is probably misspelt, so its value is ignored. Correct the name; other custom fields are left alone.',
  },
  'load/bibtex-author-position': {
    title: 'Author position out of range',
    severity: 'warning',
    description: '`equal`, `lead` or `corresponding` names an author position the entry does not have, or something that is not a position. List 1-based positions of the author list, e.g. `equal = {1,2}`.',
  },
  'load/bibtex-author-separator': {
    title: 'Authors not separated by one "and"',
    severity: 'warning',
    description: 'An author name has several commas, so it is probably several authors separated by commas; or an `and` has no name on one side of it (`{Wu, Lei and and E, Weinan}`, an `and` at the start or the end). BibTeX puts one `and` between two names.',
  },

  // --- validate
  'validate/language': {
    title: 'Not a language tag',
    severity: 'error',
    description: 'An entry of `languages:` in vita.yaml is not a BCP 47 language tag, so no pages are made for it. Write a tag such as en, zh, de, pt-BR or zh-Hant.',
  },
  'validate/language-without-words': {
    title: 'Language vita has no words for',
    severity: 'warning',
    description: 'vita has no catalogue of its interface words (menus, headings, dates) for a language of `languages:`. Its pages are made, with your text in that language where you wrote it, and vita\'s own words in English. vita speaks English, Chinese, German, French, Spanish, Japanese and Korean.',
  },
  'validate/base-url-scheme': {
    title: 'Site address without https://',
    severity: 'warning',
    description: 'vita.yaml\'s `baseUrl` has no scheme ("leiwu.github.io/"), so it reads as a path: absolute links, feeds and the sitemap would point nowhere. Write it with https://.',
  },
  'validate/colour': {
    title: 'Not a colour',
    severity: 'warning',
    description: 'A value of `theme.colors` or `theme.darkColors` in vita.yaml is not a CSS colour, so browsers ignore it and the page keeps vita\'s colour. Write #RRGGBB, a colour name, or a function such as rgb(), hsl() or oklch().',
  },
  'validate/wrong-type': {
    title: 'Wrong kind of value',
    severity: 'error',
    description: 'A field holds the wrong kind of value: text where a list is expected, a list where a mapping of fields is, a file that is not a mapping. Write the value in the form the message names.',
  },
  'validate/unknown-field': {
    title: 'Unknown field',
    severity: 'error',
    description: 'A field name the schema does not know, usually a misspelling (`adress`). Use the name the hint suggests, or remove the field.',
  },
  'validate/missing-field': {
    title: 'Missing required field',
    severity: 'error',
    description: 'A field every record of this kind needs is not written (a publication without `title`, an event without `start`). Add it.',
  },
  'validate/not-allowed': {
    title: 'Value not among the allowed ones',
    severity: 'error',
    description: 'A field that takes one of a fixed set of values (a role, a kind, a status) has another. Write one of the values the message lists.',
  },
  'validate/invalid': {
    title: 'Invalid value',
    severity: 'error',
    description: 'A value is not written in the form its field takes (a language code in upper case, a citation key with spaces). The hint gives the form the field expects.',
  },
  'validate/out-of-range': {
    title: 'Value out of range',
    severity: 'error',
    description: 'A number is too small or too large (a month of 13, a three-digit year), a list is empty where at least one item is needed, or a text is empty. Correct the value.',
  },
  'validate/duplicate-id': {
    title: 'Id used twice',
    severity: 'error',
    description: 'Two publications share a citation key (across files: within one BibTeX file it is `load/duplicate-key`), or two events of one series share a file name. Give one of them another id.',
  },
  'validate/metrics-undated': {
    title: 'Citation count without a date',
    severity: 'warning',
    description: 'An entry of metrics/citations.yaml has no `asOf` date, or one that is not a day (YYYY-MM-DD). A count is never shown without the day it was taken, so the entry is left out. Run `vita metrics` again, or add `asOf: YYYY-MM-DD`.',
  },
  'validate/metrics-entry': {
    title: 'Citation count that cannot be read',
    severity: 'warning',
    description: 'An entry of metrics/citations.yaml is not a whole number of citations with its source (or the file is not a mapping `publications:` of them); it is left out, or the part that is wrong (a bad address, a bad year) is. Run `vita metrics` to write the file again.',
  },
  'validate/date': {
    title: 'Not a date',
    severity: 'error',
    description: 'A date is not written YYYY, YYYY-MM or YYYY-MM-DD, or names a month or day that does not exist (2018-13). Write it with hyphens, e.g. 2018-07.',
  },
  'validate/date-or-present': {
    title: 'Not a date or "present"',
    severity: 'error',
    description: 'An end date is not written YYYY, YYYY-MM, YYYY-MM-DD or "present" (`end: 2018.13` is a number to YAML). Write it with hyphens, or "present" for an open end.',
  },
  'validate/datetime': {
    title: 'Not a date and time',
    severity: 'error',
    description: 'An event time is not written "YYYY-MM-DD HH:MM". Write it in that form, in the time zone of the event, on a 24-hour clock.',
  },
  'validate/url': {
    title: 'Unsafe or empty link',
    severity: 'error',
    description: 'A link is empty or uses a scheme vita refuses (javascript:, data: ...). Use an http(s):// or mailto: address, or a path inside the project.',
  },
  'validate/web-address': {
    title: 'Web address cannot be read',
    severity: 'error',
    description: 'An http(s) or webcal address that no browser can read: a space in the host, an unclosed bracket, a missing host. Correct it; a space in a path is written %20.',
  },
  'validate/id': {
    title: 'Not an id',
    severity: 'error',
    description: 'A field that refers to a person or series by id holds something else, often a name ("Lei Wu" for `lei-wu`). Ids are lower-case letters, digits and hyphens: the file name without .yaml.',
  },
  'validate/term': {
    title: 'Not a teaching term',
    severity: 'error',
    description: 'A teaching term is not a season and a year. Write e.g. "Fall 2023" or "Spring 2022".',
  },
  'validate/years': {
    title: 'Not a year or range of years',
    severity: 'error',
    description: 'A reviewing record\'s `years` is not a year, a range or a list of them. Write e.g. 2019, "2019-2022" or "2020, 2022".',
  },
  'validate/output-folder': {
    title: 'Output folder outside the project',
    severity: 'error',
    description: 'vita.yaml\'s `output:` names a folder outside the project (`..`, an absolute path): a project must not choose where its build writes. Name a folder inside it, such as `_site`; `vita build --out <folder>` writes elsewhere.',
  },
  'validate/review-venue': {
    title: 'Review without a venue',
    severity: 'error',
    description: 'A reviewer entry names neither a venue nor its full name. Give `venue:` (short name), `name:` (full name), or both.',
  },
  'validate/doi': {
    title: 'Not a DOI',
    severity: 'error',
    description: 'A `doi` is not a bare DOI (10.xxxx/...), often because it is written as a link. Write the DOI alone, without https://doi.org/.',
  },
  'validate/arxiv': {
    title: 'Not an arXiv identifier',
    severity: 'error',
    description: 'An `arxiv` field is not a bare arXiv id, often because it carries "arXiv:" or a link. Write the id alone, e.g. 2410.11474.',
  },
  'validate/arxiv-author': {
    title: 'Not a name to search arXiv for',
    severity: 'error',
    description: 'A person\'s `sync.arxiv` holds quotes or backslashes. Write the name alone, as arXiv writes it: `arxiv: Lei Wu`.',
  },
  'validate/email': {
    title: 'Not an email address',
    severity: 'error',
    description: 'An email field does not hold an email address ("name at example.org" is not one). Write the address itself, e.g. name@example.org.',
  },

  // --- resolve
  'resolve/metrics-unknown-publication': {
    title: 'Citation count of a publication the record lacks',
    severity: 'warning',
    description: 'metrics/citations.yaml has a count for a publication id the record does not have (it was renamed or removed). The count is not shown; run `vita metrics` again, which counts the publications the record has and drops the others.',
  },
  'resolve/unknown-person': {
    title: 'Unknown person',
    severity: 'error',
    description: 'A person id (an advisor, a news item\'s people, a speaker, the owner, a folder people/<id>/) matches no people/<id>.yaml. Correct the id, add the person, or write the name of someone outside the project instead of an id.',
  },
  'resolve/unknown-citation': {
    title: 'Citation of an unknown publication',
    severity: 'error',
    description: 'A `[@key]` citation in prose matches no publication. Correct the key or add the publication to publications/.',
  },
  'resolve/unknown-publication': {
    title: 'Unknown publication',
    severity: 'error',
    description: 'A news item, post or project lists a publication key the project does not have. Use the citation key of a publication in publications/.',
  },
  'resolve/unknown-series': {
    title: 'Unknown seminar series',
    severity: 'error',
    description: 'An event names a series the project does not have. Correct `series:`, or add seminars/<series>/series.yaml.',
  },
  'resolve/unknown-timezone': {
    title: 'Unknown time zone',
    severity: 'error',
    description: 'A `timezone` is not an IANA time zone name, so the event times cannot be placed. Use a name such as "Asia/Shanghai" or "Europe/Paris".',
  },
  'resolve/end-before-start': {
    title: 'Event ends before it starts',
    severity: 'error',
    description: 'An event\'s `end` is not after its `start`. Check the date and the time of day; times are on a 24-hour clock.',
  },
  'resolve/room-clash': {
    title: 'Two events in one room at once',
    severity: 'warning',
    description: 'Two scheduled events share a room at overlapping times, which is almost always a wrong date, time or room. Change one of them.',
  },
  'resolve/ambiguous-time': {
    title: 'Time skipped or repeated by a clock change',
    severity: 'warning',
    description: 'An event time falls in the hour a daylight-saving change skips or repeats in its time zone, so it names no instant or two. Write the time a clock there will show, or give a fixed-offset `timezone` for the second of two.',
  },
  'resolve/event-link-twice': {
    title: 'Event link given twice',
    severity: 'warning',
    description: 'An event gives its slides or video both in the older place (`slides:`, `video:`) and in `links`, and the two differ. `links` is shown; remove the other, or move it into `links`.',
  },
  'resolve/timezone-mismatch': {
    title: 'Event time zone differs from its room\'s',
    severity: 'warning',
    description: 'An event held in its series\' room gives its own `timezone`, at a different offset, so its times are read in another zone than the room\'s. Write the times in the series\' zone and remove `timezone`, or give the event its own `venue`.',
  },
  'resolve/program-outside-event': {
    title: 'Program item outside the event',
    severity: 'warning',
    description: 'A talk of a workshop `program` starts before the event starts or ends after it ends. Check the item\'s date and time, and the event\'s `start` and `end`.',
  },

  // --- check
  'check/duplicate-publication': {
    title: 'Same paper entered twice',
    severity: 'warning',
    description: 'Two publications have the same DOI, the same arXiv id, or the same title and first author. Keep one entry: a preprint and its published version are one paper.',
  },
  'check/venue-year': {
    title: 'Venue year contradicts the year',
    severity: 'warning',
    description: 'The venue names a year ("ICML 2024") other than the publication\'s year. One of the two is wrong: a paper appears in the year of its venue.',
  },
  'check/stale-status': {
    title: 'Old pending publication',
    severity: 'warning',
    description: 'A publication has been "in preparation", "submitted" or "under review" for longer than `staleAfterYears` (two years by default). Update its status or remove it.',
  },
  'check/page-path-taken': {
    title: 'Page path already taken',
    severity: 'error',
    description: 'A page, post or project would be published at the address of another page: pages/publications.md at /publications/, which vita makes itself, or two posts with one name in one year. The other page keeps the address; rename the file (or move it into a folder).',
  },
  'check/output-collision': {
    title: 'Two files of the site would share a path',
    severity: 'error',
    description: 'Two records would be published at the same path of the site, or one where the other needs a folder (a citation key `index.html` beside the list `publications/index.html`; two paths that differ only in case, which are one file on macOS and Windows). Every record that takes part is reported; rename one of them. Nothing is written until they differ.',
  },
  'check/dead-link': {
    title: 'Link to a missing file',
    severity: 'error',
    description: 'A photo, link or Markdown link points to a file inside the project that does not exist. Add the file or correct the path, which is relative to the project folder.',
  },
  'check/unknown-file': {
    title: 'File vita does nothing with',
    severity: 'warning',
    description: 'A file of the project is not a record (its folder and name are not where any kind of record lives), not under assets/, not a theme file, and no record links to it: vita neither reads it nor publishes it. The message says which; move a record where its kind lives (docs/reference), link or move a file to publish it, or delete it.',
  },
  'check/overdue-member': {
    title: 'Member or mentee who has probably left',
    severity: 'warning',
    description: 'A group member or mentee has a start but no end, and their stage would normally have ended long ago (undergraduate 5 years, master 4, PhD or graduate 7, postdoc 6, intern 2, visitor 3). The group page lists them with the former members until an `end:` (and `next:`) is added; add it; for someone still there past the usual time (a PhD student who started as a master student), write the start of their present stage.',
  },
  'check/not-an-image': {
    title: 'Image that cannot be shown',
    severity: 'error',
    description: 'A photo or a publication\'s preview is a file of the project, but not an image vita can read (JPEG, PNG, GIF, WebP or SVG): it is damaged, empty, or of another kind. Replace the file, or convert it to one of these formats.',
  },
  // --- theme
  'theme/import-failed': {
    title: 'Theme module cannot be imported',
    severity: 'error',
    description: 'theme/components.js (or .mjs) has a syntax error, throws while it is imported, or is read as CommonJS. The site is made with vita\'s own components until it is fixed. Fix the line named; for "Unexpected token \'export\'", rename the file to components.mjs or add `"type": "module"` to package.json.',
  },
  'theme/unknown-component': {
    title: 'Not a component',
    severity: 'warning',
    description: 'theme/components.js exports a name that is not one of vita\'s components (a typo, or a helper of your own), or a default export. It is not used. Rename it to the component meant (the message suggests one), or stop exporting it; docs/theming.md lists the components.',
  },
  'theme/not-a-function': {
    title: 'Component is not a function',
    severity: 'error',
    description: 'theme/components.js exports a component\'s name as something other than a plain function (a string, an object, an async function). vita\'s own component is used. Export a function `(props, h) => h.html`...`` that returns its markup at once.',
  },
  'theme/component-failed': {
    title: 'Component threw',
    severity: 'error',
    description: 'An override in theme/components.js threw an error while a page was made (the message names the page and what it was drawing, often a field that is missing for that record). vita\'s own component is used wherever it fails; the problem is reported once per component. Fix the function, for instance by checking that the field is there.',
  },
  'theme/component-timeout': {
    title: 'Component that never returns',
    severity: 'error',
    description: 'A component of theme/components.js ran for more than 2 seconds on a page (a loop that never ends): it was stopped, and vita\'s own component is used on every page of that build. The message names the page; fix the loop.',
  },
  'theme/import-timeout': {
    title: 'Theme module that never finishes importing',
    severity: 'error',
    description: 'theme/components.js (or .mjs) runs for more than 5 seconds when it is imported (a loop at its top level, outside any function, that never ends), waits on a top-level `await` that never ends, or uses more than 512 MB of memory doing so. It was stopped, and the site is made with vita\'s own components. The module is tried on a thread of its own first, so what it runs at the top level runs twice: keep it free of effects. Fix the loop.',
  },
  'theme/bad-result': {
    title: 'Component returned no markup',
    severity: 'error',
    description: 'An override in theme/components.js returned something other than markup made with `h.html` or a string: nothing (a missing `return`), a Promise (an async function), a number or an object. vita\'s own component is used instead. Return `h.html`...``, a string (shown as text) or `h.default`.',
  },
  'theme/duplicate-module': {
    title: 'Two theme modules',
    severity: 'warning',
    description: 'The theme folder has both components.js and components.mjs; only components.js is used. Delete or rename the other one.',
  },
};

/** docs/diagnostics.md: the catalogue as a page, grouped by stage. */
export function diagnosticsMarkdown(): string {
  const lines = [
    '# Diagnostics',
    '',
    '<!-- Generated from src/diagnostics/catalogue.ts by scripts/diagnostics-doc.ts; do not edit by hand. -->',
    '',
    'Every problem `vita check` reports carries a permanent code, `stage/name`. Errors make `vita check` exit with',
    'status 1; warnings alone leave it at 0.',
    '',
  ];
  for (const [stage, about] of Object.entries(STAGES)) {
    const codes = Object.keys(CATALOGUE).filter((code) => code.startsWith(`${stage}/`)).sort();
    if (codes.length === 0) continue;
    lines.push(`## ${stage}`, '', about, '', '| code | severity | what it means and how to fix it |', '| --- | --- | --- |');
    for (const code of codes) {
      const entry = CATALOGUE[code]!;
      lines.push(`| \`${code}\` | ${entry.severity} | **${entry.title}.** ${entry.description.replace(/\|/g, '\\|')} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
