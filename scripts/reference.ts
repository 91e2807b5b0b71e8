/**
 * Writes docs/reference/ from the zod schemas (`npm run reference`): one page per record kind with every field, nested
 * ones too, its type in words, whether it is required, its default, its meaning (the schema's `.describe()` text) and
 * an example (the schema's `.meta({examples})`, else one made here); a page of the shared types; and the BibTeX fields
 * vita reads. A test (test/docs/reference.test.ts) fails when the pages are stale or miss a field.
 *
 * The schemas are read through zod v4's definitions (`schema._zod.def`), the same walk src/schema/json-schema.ts leaves
 * to zod: object shape, optional, default, array element, union options, enum entries, pipe in/out, record.
 */
import { BIBTEX_FIELDS } from '../src/load/bibtex/publication.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import YAML from 'yaml';
import { z } from 'zod';
import { Amount, DateOrPresent, Id, Localized, PartialDate, PersonRef, Url } from '../src/schema/common.js';
import { SCHEMAS, type RecordKind } from '../src/schema/index.js';
import { Term } from '../src/schema/person.js';
import { DateTime, TimeZone } from '../src/schema/seminar.js';

type Schema = z.core.$ZodType;
/** The parts of a zod v4 definition this walk reads. */
interface Def {
  type: string;
  innerType?: Schema;
  defaultValue?: unknown;
  in?: Schema;
  out?: Schema;
  element?: Schema;
  options?: Schema[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  shape?: Record<string, Schema>;
  catchall?: Schema;
  keyType?: Schema;
  valueType?: Schema;
  checks?: { _zod: { def: { check: string; format?: string; minimum?: number; maximum?: number; value?: number; inclusive?: boolean } } }[];
}

const defOf = (s: Schema): Def => s._zod.def as unknown as Def;
const metaOf = (s: Schema): { description?: string; examples?: unknown[] } => (z.globalRegistry.get(s as z.ZodType) ?? {}) as { description?: string; examples?: unknown[] };

// ---------------------------------------------------------------------------------------------------------------------
// The record kinds and the types they share

export const KINDS: { kind: RecordKind; title: string; file: string; files: string; schema: string; modeline?: string; intro: string }[] = [
  {
    kind: 'config',
    file: '`vita.yaml`',
    title: 'vita.yaml: the site',
    files: '`vita.yaml`, at the top of the project folder.',
    schema: 'config.schema.json',
    modeline: './node_modules/vita/schema/config.schema.json',
    intro: 'What the site is, whose it is (`owner` for a person, `group` for a research group) and where the output goes.',
  },
  {
    kind: 'person',
    file: '`people/<id>.yaml`',
    title: 'People',
    files:
      '`people/<id>.yaml`, one file per person; the file name is the id that other records use (`weinan-e`). Long-form sections are Markdown files next to it, `people/<id>/<section>.md`: `about.md`, `research.md` (citing papers as `[@key]`), `vision.md`, `recruiting.md`, `bio.md`.',
    schema: 'person.schema.json',
    modeline: '../node_modules/vita/schema/person.schema.json',
    intro: 'A person of the project: identity, contact, career, and everything their CV lists. The people of a group are the files in `people/`.',
  },
  {
    kind: 'publication',
    file: '`publications/*.yaml`',
    title: 'Publications',
    files:
      '`publications/*.bib` in BibTeX (see [the BibTeX fields vita reads](bibtex.md)), or `publications/*.yaml` holding a list of publications, each written as below. Both may be used at once.',
    schema: 'publications.schema.json',
    modeline: '../node_modules/vita/schema/publications.schema.json',
    intro: 'A publication is entered once, for the whole project, and shows on the pages of each of its authors who is a person of the project.',
  },
  {
    kind: 'news',
    file: '`news/*.md`, `news/*.yaml`',
    title: 'News',
    files:
      '`news/<date>-<words>.md`: the fields below as YAML front matter between two `---` lines, the text as the body of the file. Or `news/<name>.yaml`, with the text in `body`.',
    schema: 'news.schema.json',
    modeline: '../node_modules/vita/schema/news.schema.json',
    intro: 'A dated news item: a headline, with the people and publications it is about.',
  },
  {
    kind: 'series',
    file: '`seminars/<series>/series.yaml`',
    title: 'Seminar series',
    files: '`seminars/<series-id>/series.yaml`; its events are the other files of the folder.',
    schema: 'series.schema.json',
    modeline: '../../node_modules/vita/schema/series.schema.json',
    intro: 'A seminar or colloquium series: who hosts it, where and when its events usually are.',
  },
  {
    kind: 'event',
    file: '`seminars/<series>/*.yaml`, `*.md`',
    title: 'Seminar events',
    files:
      '`seminars/<series-id>/<date>-<speaker>.yaml`, or `.md` with the abstract as the body of the file and the fields as front matter.',
    schema: 'event.schema.json',
    modeline: '../../node_modules/vita/schema/event.schema.json',
    intro: 'One talk of a series: title, speaker, start and end in the series\' time zone, venue, abstract.',
  },
  {
    kind: 'page',
    file: '`pages/<path>.md`, `people/<id>/<name>.md`',
    title: 'Pages',
    files:
      '`pages/<path>.md` becomes the page `/<path>/` (folders nest: `pages/teaching/ml.md` is `/teaching/ml/`, `pages/teaching/index.md` is `/teaching/`). A Markdown file of a person, `people/<id>/<name>.md`, that is not one of their sections (`about`, `bio`, `research`, `vision`, `recruiting`) is a page of theirs at `/people/<id>/<name>/`, a tab beside About, Publications and CV. The fields below are YAML front matter between two `---` lines; the text is the body of the file, with `[@key]` citations (numbered, and listed under the text as References) and `$math$`. A page whose address vita already uses (`pages/publications.md`) is reported by `vita check`.',
    schema: 'page.schema.json',
    intro: 'A page of your own: "Join us", "Software", "Resources", a course. It looks like vita\'s own pages, and may be in the site\'s navigation.',
  },
  {
    kind: 'post',
    file: '`posts/<date>-<slug>.md`, `people/<id>/posts/<date>-<slug>.md`',
    title: 'Posts',
    files:
      '`posts/<YYYY-MM-DD>-<slug>.md` for the site\'s blog, `people/<id>/posts/<YYYY-MM-DD>-<slug>.md` for a person\'s (listed on the blog too, and on a Blog tab of theirs). The date comes from the file name; the post is at `/posts/<year>/<slug>/` (a person\'s at `/people/<id>/posts/<year>/<slug>/`). The fields below are YAML front matter; the text is the body of the file, with `[@key]` citations and `$math$`. The blog lists ten posts a page, newest first, has a page per tag and an Atom feed (`/posts/atom.xml`, when `baseUrl` is set); each post shows its reading time and links the posts before and after it.',
    schema: 'post.schema.json',
    intro: 'A blog post: an essay, a report of a workshop, the story behind a paper.',
  },
  {
    kind: 'project',
    file: '`projects/<slug>.md`',
    title: 'Projects',
    files:
      '`projects/<slug>.md`: a card on `/projects/` (current projects first, then past ones) and a page at `/projects/<slug>/`. The fields below are YAML front matter; the text is the body of the file, with `[@key]` citations and `$math$`. The pages of its people and publications link it.',
    schema: 'project.schema.json',
    intro: 'A research project: a picture, the people and publications of it, links and dates.',
  },
];

interface Shared {
  schema: Schema;
  /** Heading on the types page. */
  name: string;
  anchor: string;
  /** How a field of this type reads in the tables. */
  word: string;
  example: unknown;
  forms: string;
}

/** Types used by many fields: documented once, in types.md, and linked from each field. */
export const SHARED: Shared[] = [
  { schema: PartialDate, name: 'Date', anchor: 'date', word: 'date', example: '2018-07', forms: 'A year (`2018`), a month (`2018-07`) or a day (`2018-07-01`).' },
  { schema: DateOrPresent, name: 'Date or present', anchor: 'date-or-present', word: 'date or `present`', example: 'present', forms: 'A date as above, or `present` for something that has not ended.' },
  {
    schema: Localized,
    name: 'Text in several languages',
    anchor: 'text-in-several-languages',
    word: 'text, or text per language',
    example: { en: 'Lei Wu', zh: '吴磊' },
    forms: 'Plain text (`Lei Wu`), or the same text per language tag (`{en: Lei Wu, zh: 吴磊}`, `{de: ..., fr: ..., pt-BR: ...}`: any BCP 47 tag of `languages` in vita.yaml); each page uses its language (a `zh-Hant` page takes `zh` text when it has no `zh-Hant`), else the site\'s languages in order, else the first one given.',
  },
  { schema: Url, name: 'Web address', anchor: 'web-address', word: 'web address', example: 'https://example.org/', forms: 'An address starting `https://`, `http://`, `mailto:`, `tel:`, `webcal:` or `doi:`, or the path of a file in the project (`assets/cv.pdf`). Other schemes (`javascript:`) are refused.' },
  { schema: Id, name: 'Id', anchor: 'id', word: 'id', example: 'lei-wu', forms: 'Lower-case letters, digits and hyphens: `lei-wu`. A person\'s id is the name of their file in `people/`.' },
  {
    schema: PersonRef,
    name: 'Person',
    anchor: 'person',
    word: 'person',
    example: 'weinan-e',
    forms: 'The id of a person of the project (`weinan-e`), linked wherever it is shown; or the name of someone outside it (`Guang Lin`); or a mapping with the fields below, for someone outside the project with an affiliation or a web page.',
  },
  { schema: Amount, name: 'Amount', anchor: 'amount', word: 'amount of money', example: { value: 300000, currency: 'CNY' }, forms: 'A sum and its currency, as a mapping with the fields below.' },
  { schema: Term, name: 'Term', anchor: 'term', word: 'term', example: 'Fall 2023', forms: 'A season and a year: `Spring 2024`, `Summer 2024`, `Fall 2024` (or `Autumn`), `Winter 2024`.' },
  { schema: DateTime, name: 'Date and time', anchor: 'date-and-time', word: 'date and time', example: '2025-07-23 10:30', forms: '`YYYY-MM-DD HH:MM` (or with `T` between), in the event\'s time zone; a day alone (`YYYY-MM-DD`) for an event without a time.' },
  { schema: TimeZone, name: 'Time zone', anchor: 'time-zone', word: 'time zone', example: 'Asia/Shanghai', forms: 'An IANA time zone name: `Asia/Shanghai`, `Europe/Paris`, `America/New_York`, `UTC`.' },
];

function sharedOf(s: Schema): Shared | undefined {
  const def = s._zod.def;
  return SHARED.find((t) => t.schema._zod.def === def);
}

// ---------------------------------------------------------------------------------------------------------------------
// Meanings and examples that the schemas do not give (yet): the schema's own text always wins.

/** By field name, for fields whose meaning is the same wherever they are. */
const MEANING_BY_NAME: Record<string, string> = {
  $schema: 'The JSON Schema for editors; usually given as a `# yaml-language-server: $schema=...` comment instead.',
  start: 'When it began.',
  end: 'When it ended, or `present`.',
  url: 'Its web page.',
  place: 'City and country: "Beijing, China".',
  institution: 'The university or institute.',
  organization: 'The university, institute or company.',
  department: 'The department, school or laboratory.',
  note: 'A short note shown with the entry.',
  slides: 'The slides: a web address or a file of the project.',
  video: 'A recording.',
  homepage: 'Personal web page.',
  phone: 'Phone number, as it should be shown.',
  email: 'E-mail address; shown obfuscated when `email.obfuscate` is on in vita.yaml.',
  selected: 'Shown among the selected items.',
  issuer: 'Who gave it.',
  funder: 'Who funds it.',
  advisors: 'Advisors: person ids when they are in the project, or names.',
  coadvisors: 'Co-advisors: person ids when they are in the project, or names.',
  role: 'The role held.',
  level: 'The stage of studies.',
  kind: 'What kind of entry it is.',
  course: 'Name of the course.',
  venue: 'Where it took place.',
  series: 'Id of the series (the folder name under `seminars/`).',
  language: 'Language of the talk: `en`, `zh` ...',
  lang: 'Language code of the item, when the site has several languages.',
  short: 'Short name or acronym.',
  description: 'A few sentences about it (Markdown).',
  address: 'Postal address.',
  logo: 'Path of a logo image inside the project.',
  name: 'Name.',
  title: 'Title.',
  abstract: 'Abstract (Markdown with $math$).',
  affiliation: 'Institution they belong to.',
  honorific: '"Prof.", "Dr." as shown before the name.',
  photo: 'Path of a photo inside the project.',
  bio: 'About the person (Markdown).',
  person: 'Id of a person in the project.',
  organizers: 'People who run it: person ids or names.',
  interests: 'Research interests as short phrases.',
  year: 'The year.',
  month: 'The month, 1 to 12.',
  volume: 'Volume.',
  number: 'Issue number.',
  pages: 'Pages: "1--20" or an article number.',
  publisher: 'Publisher.',
  amount: 'The sum, with its currency.',
  notes: 'Notes shown with the entry, one per item.',
};

/** By `kind:path`, where a name means different things in different places. */
export const MEANING_BY_PATH: Record<string, string> = {
  'type:person:url': 'Their web page.',
  'config:title': 'Title of the site: the person\'s or the group\'s name.',
  'config:description': 'One or two sentences for search engines and link previews.',
  'config:group.name': 'Name of the group.',
  'config:group.lead': 'Id of the person who leads the group.',
  'config:group.institution': 'The institution the group belongs to.',
  'config:group.url': 'The group\'s web page, when it is not this site.',
  'config:group.description': 'A few sentences about the group (Markdown).',
  'config:email': 'How e-mail addresses are shown.',
  'config:publications': 'How publication lists are arranged.',
  'config:publications.groupBy': 'How lists are divided: by year, by type, or by status (published, preprints ...).',
  'config:theme': 'Colours and fonts of the site.',
  'config:theme.colors': 'Colours of the light theme by name, as CSS colours: `{accent: "#8c1515"}`.',
  'config:theme.darkColors': 'Colours of the dark theme (the switch or the system), named as in colors: `{accent: "#f28b8b"}`.',
  'config:theme.fonts': 'Fonts by role, as CSS font families: `{body: "Source Serif 4"}`.',
  'person:affiliations': 'Current affiliations, in the order they are shown.',
  'person:affiliations[].url': 'Web page of the unit.',
  'person:office': 'Office, as it should be shown: "Jingyuan 6, Room 205".',
  'person:links': 'Profile links, by service.',
  'person:links.github': 'GitHub profile.',
  'person:links.orcid': 'ORCID record.',
  'person:links.dblp': 'DBLP page.',
  'person:links.openreview': 'OpenReview profile.',
  'person:links.arxiv': 'arXiv author page.',
  'person:links.twitter': 'X (Twitter) profile.',
  'person:links.linkedin': 'LinkedIn profile.',
  'person:themes[].title': 'The theme, in a few words.',
  'person:themes[].question': 'The question it asks.',
  'person:education': 'Degrees and visiting stays, newest first.',
  'person:education[].institution': 'The university.',
  'person:positions': 'Positions held, newest first: academic, industry, internships.',
  'person:positions[].organization': 'The university, institute or company.',
  'person:positions[].kind': 'The kind of position: CVs list academic and industry positions apart.',
  'person:teaching': 'Courses taught or assisted.',
  'person:teaching[].institution': 'Where it was taught.',
  'person:teaching[].url': 'The course\'s web page.',
  'person:talks': 'Talks given. Talks at seminar series of the project are added from the series.',
  'person:talks[].title': 'Title of the talk.',
  'person:talks[].date': 'When it was given.',
  'person:talks[].virtual': 'Given online.',
  'person:talks[].invited': 'An invited talk.',
  'person:talks[].url': 'Web page of the event.',
  'person:mentoring': 'Students and postdocs advised.',
  'person:mentoring[].level': 'Their stage when advised.',
  'person:mentoring[].end': 'When they finished, or `present`.',
  'person:mentoring[].note': 'A note: thesis title, award.',
  'person:service': 'Service to the community.',
  'person:service.reviewer': 'Reviewing for conferences, journals and funders.',
  'person:service.reviewer[].kind': 'What was reviewed for.',
  'person:service.organizing': 'Events organised.',
  'person:service.organizing[].role': 'The role: "Co-organizer", "Program committee".',
  'person:service.organizing[].event': 'The event.',
  'person:service.organizing[].date': 'When it took place (or began).',
  'person:service.organizing[].end': 'When it ended, for an event over several days.',
  'person:service.other': 'Other service, one line each.',
  'person:awards': 'Awards and honours.',
  'person:awards[].title': 'Name of the award.',
  'person:awards[].dates': 'Every year it was given, for an award received several times.',
  'person:awards[].note': 'A note shown with it.',
  'person:awards[].selected': 'Shown on the homepage and the short CV.',
  'person:grants': 'Grants and funding.',
  'person:grants[].role': 'Your role: principal investigator, co-PI or participant.',
  'person:grants[].start': 'When the funding began.',
  'person:grants[].end': 'When it ends.',
  'person:member.role': 'The role in the group.',
  'person:member.start': 'When they joined.',
  'person:member.end': 'When they left, or `present`.',
  'person:member.advisors': 'Their advisors in the group: person ids.',
  'person:cv': 'How the CV is made.',
  'person:cv.sections': 'The sections of the CV, in order (all that have content by default).',
  'publication:type': 'The kind of work.',
  'publication:title': 'Title of the work.',
  'publication:authors': 'Authors, in order, with the marks people write or as mappings.',
  'publication:authors[].name': 'The author\'s name as printed.',
  'publication:authors[].roles': 'Their roles.',
  'publication:venue': 'Where it appeared.',
  'publication:venue.volume': 'Volume.',
  'publication:year': 'Year of publication.',
  'publication:month': 'Month of publication, 1 to 12.',
  'publication:doi': 'Digital Object Identifier, without `https://doi.org/`.',
  'publication:arxiv': 'arXiv identifier, without version or with one: `2106.04560`, `2106.04560v2`.',
  'publication:url': 'The main link to the work, when it has no DOI or arXiv id.',
  'publication:links': 'Further links, by kind.',
  'publication:topics': 'Topics, for filtering the publication list.',
  'publication:note': 'A note shown with the entry.',
  'news:date': 'The date of the news.',
  'news:lang': 'Its language, when the site has several.',
  'series:name': 'Name of the series.',
  'series:host': 'The host: institution or department, with contact details for the poster.',
  'series:host.name': 'Name of the host.',
  'series:host.fax': 'Fax number.',
  'series:host.postcode': 'Postal code.',
  'series:host.email': 'Contact address of the series.',
  'series:host.url': 'Web page of the host.',
  'series:timezone': 'Time zone of its events, unless an event gives its own.',
  'series:description': 'What the series is about (Markdown).',
  'series:url': 'The series\' own web page, when it has one elsewhere.',
  'series:venue.name': 'The room and building.',
  'series:venue.address': 'Street address.',
  'event:title': 'Title of the talk.',
  'event:speakers': 'The speakers, for a talk with several.',
  'event:speaker': 'The speaker: a person id, or a mapping for someone outside the project.',
  'event:speakers[].name': 'Name of a speaker outside the project.',
  'event:speakers[].affiliation': 'The speaker\'s institution.',
  'event:speakers[].homepage': 'The speaker\'s web page.',
  'event:speakers[].photo': 'Path of a photo inside the project.',
  'event:speakers[].bio': 'About the speaker (Markdown).',
  'event:start': 'When it starts.',
  'event:end': 'When it ends; the series\' `duration` after the start by default.',
  'event:venue': 'Where it takes place; the series\' venue by default.',
  'event:venue.name': 'The room and building.',
  'event:venue.address': 'Street address.',
  'event:abstract': 'Abstract (Markdown with $math$); the body of a `.md` event file.',
  'event:status': 'Whether it takes place as announced.',
  'event:slides': 'The slides.',
  'event:video': 'A recording.',
  'event:program[].start': 'When this talk starts.',
  'event:program[].end': 'When it ends.',
  'event:program[].title': 'Title of this talk.',
  'event:program[].speaker': 'Its speaker.',
  'event:date': 'A date for an event known only to the day or month.',
};

/** Example values by `kind:path`, then by field name, for fields whose schema has none. Each must pass its schema. */
export const EXAMPLE_BY_PATH: Record<string, unknown> = {
  'config:title': { en: 'Machine Learning Theory Group', zh: '机器学习理论课题组' },
  'config:description': 'A mathematical understanding of modern machine learning.',
  'config:baseUrl': 'https://leiwu0.github.io/',
  'config:owner': 'lei-wu',
  'config:group.name': 'Machine Learning Theory Group',
  'config:group.lead': 'lei-wu',
  'config:group.institution': 'Peking University',
  'config:group.description': 'We study how representation, optimization and scale determine what models learn.',
  'config:languages': ['en', 'zh'],
  'config:output': '_site',
  'config:theme.colors': { accent: '#8c1515' },
  'config:theme.darkColors': { accent: '#f28b8b' },
  'config:theme.fonts': { body: 'Source Serif 4' },
  'person:name': { en: 'Lei Wu', zh: '吴磊' },
  'person:affiliations[].name': 'School of Mathematical Sciences',
  'person:affiliations[].institution': 'Peking University',
  'person:office': 'Jingyuan 6, Room 205',
  'person:address': ['No. 5 Yiheyuan Road', 'Haidian District, Beijing'],
  'person:interests': ['Mathematical understanding of deep learning'],
  'person:education[].institution': 'Peking University',
  'person:education[].department': 'PACM',
  'person:positions[].organization': 'Peking University',
  'person:positions[].department': 'School of Mathematical Sciences',
  'person:positions[].place': 'Beijing, China',
  'person:positions[].description': 'Worked on efficient training of large language models.',
  'person:teaching[].course': 'Mathematical Foundations of Deep Learning',
  'person:teaching[].institution': 'Peking University',
  'person:teaching[].program': 'PKU Summer School in Applied Mathematics',
  'person:teaching[].place': 'Beijing',
  'person:talks[].title': 'Understanding the implicit regularization of SGD',
  'person:talks[].event': 'One World Seminar on the Mathematics of Machine Learning',
  'person:talks[].host': 'Princeton University',
  'person:talks[].place': 'Princeton, USA',
  'person:mentoring[].person': 'mingze-wang',
  'person:mentoring[].coadvisors': ['weinan-e'],
  'person:mentoring[].note': 'Thesis on the implicit bias of adaptive optimizers',
  'person:service.reviewer[].venue': 'NeurIPS',
  'person:service.organizing[].role': 'Co-organizer',
  'person:service.organizing[].event': 'Workshop on the Theory of Deep Learning',
  'person:service.other': ['Member of the SIAM Activity Group on Data Science'],
  'person:awards[].title': 'NSFC Young Scientists Fund',
  'person:awards[].issuer': 'National Natural Science Foundation of China',
  'person:awards[].dates': [2019, 2021],
  'person:awards[].note': 'Awarded to the best thesis of the year',
  'person:grants[].title': 'Young Scientists Fund',
  'person:grants[].project': 'Analyzing and Improving the Adam Optimizer for Foundation Model Training',
  'person:grants[].funder': 'National Natural Science Foundation of China',
  'person:grants[].number': '12288101',
  'person:member.advisors': ['lei-wu'],
  'person:links.scholar': 'https://scholar.google.com/citations?user=EXAMPLE',
  'person:links.github': 'https://github.com/leiwu0',
  'person:links.orcid': 'https://orcid.org/0000-0002-1825-0097',
  'person:links.dblp': 'https://dblp.org/pid/00/0000.html',
  'person:links.openalex': 'https://openalex.org/A5100393210',
  'person:sync.arxiv': 'Lei Wu',
  'person:sync.dblp': '42/1719-2',
  'person:sync.openalex': 'A5100393210',
  'person:sync.exclude': ['10.1109/tgrs.2021.3051234', '2402.01234'],
  'person:links.openreview': 'https://openreview.net/profile?id=~Lei_Wu1',
  'person:links.arxiv': 'https://arxiv.org/a/wu_l_1',
  'person:links.twitter': 'https://x.com/example',
  'person:links.linkedin': 'https://www.linkedin.com/in/example',
  'person:links.cv': 'assets/cv.pdf',
  'person:education[].notes': ['Ranked 1st of 120', 'GPA 3.9/4.0'],
  'person:member.next': 'Postdoc at Princeton University',
  'config:staleAfterYears': 3,
  'person:cv.sections': ['education', 'positions', 'publications', 'talks'],
  'person:themes[].title': 'Learning dynamics',
  'person:themes[].question': 'how do optimization algorithms such as SGD and Adam behave?',
  'publication:id': 'song2021score',
  'publication:title': 'Score-Based Generative Modeling through Stochastic Differential Equations',
  'publication:authors': ['Yang Song*', 'Jascha Sohl-Dickstein', 'Ben Poole†'],
  'publication:authors[].name': 'Yang Song',
  'publication:authors[].person': 'yang-song',
  'publication:authors[].roles': ['equal'],
  'publication:year': 2021,
  'publication:month': 5,
  'publication:venue.year': 2021,
  'publication:venue.volume': '34',
  'publication:venue.number': '2',
  'publication:venue.pages': '1--20',
  'publication:venue.publisher': 'PMLR',
  'publication:doi': '10.1137/20M1367854',
  'publication:arxiv': '2011.13456',
  'publication:openreview': 'PxTIG12RRHS',
  'publication:url': 'https://proceedings.mlr.press/v139/example.html',
  'publication:links': { pdf: 'https://arxiv.org/pdf/2011.13456', code: 'https://github.com/yang-song/score_sde' },
  'publication:abstract': 'We show that $\\eta < 2/\\lambda$ ...',
  'publication:topics': ['generative models', 'diffusion'],
  'publication:note': 'Outstanding Paper Award',
  'publication:bibtex': '@article{song2021score, ...}',
  'news:title': 'Our paper on sharpness disparity is accepted at ICML 2025',
  'news:people': ['mingze-wang', 'lei-wu'],
  'news:publications': ['wang2025sharpness'],
  'news:lang': 'en',
  'news:body': 'Congratulations to Mingze!',
  'series:name': { en: 'SCMS Colloquium', zh: '数学科学学院学术报告' },
  'series:short': 'SCMS Colloquium',
  'series:host.name': 'School of Mathematical Sciences, Peking University',
  'series:host.address': 'No. 5 Yiheyuan Road, Haidian District, Beijing',
  'series:host.phone': '+86 10 6275 1801',
  'series:host.fax': '+86 10 6275 1801',
  'series:host.postcode': '100871',
  'series:host.email': 'colloquium@math.pku.edu.cn',
  'series:logo': 'assets/scms-logo.png',
  'series:description': 'Talks on all areas of mathematics, for a general mathematical audience.',
  'series:venue.name': 'Rm 102, SCMS',
  'series:venue.address': 'Science Building No. 1, Peking University',
  'series:venue.online': 'https://meeting.example.org/j/123456',
  'series:duration': 90,
  'series:organizers': ['lei-wu'],
  'event:series': 'scms-colloquium',
  'event:links.page': 'https://indico.example.org/event/42/',
  'event:links.paper': 'https://arxiv.org/abs/2501.01234',
  'event:title': 'A Statistical Theory of Language Model Alignment',
  'event:speakers': ['lei-wu', { name: 'Weijie Su', affiliation: 'University of Pennsylvania' }],
  'event:speaker': { name: 'Weijie Su', affiliation: 'University of Pennsylvania', homepage: 'https://www.example.edu/~suw/' },
  'event:speakers[].person': 'weijie-su',
  'event:speakers[].name': 'Weijie Su',
  'event:speakers[].honorific': 'Prof.',
  'event:speakers[].affiliation': 'University of Pennsylvania',
  'event:speakers[].photo': 'assets/weijie-su.jpg',
  'event:speakers[].bio': 'Weijie Su is an Associate Professor at the Wharton School.',
  'event:venue.name': 'Rm 102, SCMS',
  'event:venue.address': 'Science Building No. 1, Peking University',
  'event:venue.online': 'https://meeting.example.org/j/123456',
  'event:abstract': 'We study alignment as a statistical problem, with $\\hat\\theta$ ...',
  'event:end': '2025-07-23 11:30',
  'event:program[].end': '2025-07-23 11:30',
  'event:bio': 'Weijie Su is an Associate Professor at the Wharton School.',
  'event:language': 'en',
  'event:sequence': 1,
  'event:program[].title': 'Opening remarks',
  'event:program[].speaker': 'lei-wu',
};

const EXAMPLE_BY_NAME: Record<string, unknown> = {
  institution: 'Peking University',
  department: 'Department of Mathematics',
  place: 'Beijing, China',
  email: 'leiwu@math.pku.edu.cn',
  phone: '+86 10 6275 1801',
  photo: 'assets/photo.jpg',
  description: 'A few sentences about it.',
  note: 'Summer School',
  address: 'No. 5 Yiheyuan Road, Haidian District, Beijing',
  affiliation: 'Peking University',
  bio: 'Lei Wu is an Assistant Professor at Peking University.',
  virtual: true,
  invited: true,
  selected: true,
  slides: 'assets/slides/talk.pdf',
  video: 'https://www.youtube.com/watch?v=example',
  homepage: 'https://leiwu0.github.io/',
  url: 'https://www.example.org/',
  value: 300000,
  currency: 'CNY',
  title: 'Assistant Professor',
  name: 'Guang Lin',
  honorific: 'Dr.',
  person: 'weinan-e',
  organizers: ['lei-wu'],
  aliases: ['L. Wu', 'Wu Lei'],
  short: 'ICML',
  obfuscate: true,
};

// ---------------------------------------------------------------------------------------------------------------------
// The walk

export interface Row {
  /** Dotted path, `[]` for list items: `education[].advisors`. */
  path: string;
  key: string;
  /** Type in words (Markdown). */
  type: string;
  required: boolean;
  default?: unknown;
  hasDefault: boolean;
  meaning?: string;
  /** Example values, each valid alone (a date may be `2018` or `2018-07`); none for mappings, which have sections. */
  examples: unknown[];
  /** The field's schema, optional wrapper included: what its examples must pass. */
  schema: Schema;
}

export interface Section {
  /** Path of the object ('' for the record itself). */
  path: string;
  anchor: string;
  description?: string;
  rows: Row[];
  /** For objects that take fields of any name (profile links). */
  catchall?: string;
}

interface Unwrapped {
  core: Schema;
  optional: boolean;
  hasDefault: boolean;
  default?: unknown;
  /** Descriptions from the outside in. */
  descriptions: { text: string; on: Schema }[];
  examples?: unknown[];
}

/** Strips optional, default, pipe (to its input) and the like, collecting what they say on the way. */
export function unwrap(schema: Schema): Unwrapped {
  const out: Unwrapped = { core: schema, optional: false, hasDefault: false, descriptions: [] };
  for (let s: Schema | undefined = schema; s; ) {
    const meta = metaOf(s);
    if (meta.description) out.descriptions.push({ text: meta.description, on: s });
    if (meta.examples && !out.examples) out.examples = meta.examples;
    out.core = s;
    const def = defOf(s);
    if (sharedOf(s)) break;
    switch (def.type) {
      case 'optional':
        out.optional = true;
        s = def.innerType;
        break;
      case 'default':
      case 'prefault':
        out.hasDefault = true;
        out.default = def.defaultValue;
        s = def.innerType;
        break;
      case 'nullable':
      case 'readonly':
      case 'catch':
      case 'nonoptional':
        s = def.innerType;
        break;
      case 'pipe':
        // The input side is what people write; a transform's output is vita's business.
        s = defOf(def.in!).type === 'transform' ? def.out : def.in;
        break;
      default:
        s = undefined;
    }
  }
  return out;
}

/** The walk of one record kind (or of a shared type's mapping form) into sections of rows. */
export class Walker {
  readonly sections: Section[] = [];
  /** Object definitions already given a section: the same object elsewhere links to it. */
  private readonly seen = new Map<unknown, Section>();

  constructor(
    readonly kind: string,
    /** Where shared types are documented, relative to the page: '' on the types page itself. */
    private readonly typesPage = 'types.md',
  ) {}

  object(schema: Schema, path: string, description?: string): Section {
    const def = defOf(schema);
    const known = this.seen.get(def);
    if (known) return known;
    const section: Section = { path, anchor: anchorFor(path), description, rows: [] };
    this.seen.set(def, section);
    this.sections.push(section);
    for (const [key, field] of Object.entries(def.shape ?? {})) section.rows.push(this.row(field, path ? `${path}.${key}` : key, key));
    if (def.catchall && defOf(def.catchall).type !== 'never') {
      section.catchall = `Any other name is a field too, of type ${this.words(def.catchall, `${path}.*`)}: name the service as you like (\`mastodon\`, \`zhihu\`).`;
    }
    return section;
  }

  private row(schema: Schema, path: string, key: string): Row {
    const u = unwrap(schema);
    const shared = sharedOf(u.core);
    const genericText = shared ? metaOf(shared.schema).description : undefined;
    const own = u.descriptions.find((d) => d.text !== genericText)?.text;
    const meaning = own ?? MEANING_BY_PATH[`${this.kind}:${path}`] ?? MEANING_BY_NAME[key];
    const type = this.words(u.core, path);
    const examples = this.examples(schema, u, path, key, own);
    return {
      path,
      key,
      type,
      required: !u.optional && !u.hasDefault,
      hasDefault: u.hasDefault,
      default: u.default,
      meaning,
      examples,
      schema,
    };
  }

  /** The type in words; objects met on the way get sections of their own. */
  words(schema: Schema, path: string): string {
    const u = unwrap(schema);
    const s = u.core;
    const shared = sharedOf(s);
    if (shared) return `[${shared.word}](${this.typesPage}#${shared.anchor})`;
    const def = defOf(s);
    switch (def.type) {
      case 'string': {
        const formats = (def.checks ?? []).map((c) => c._zod.def.format);
        if (formats.includes('email')) return 'e-mail address';
        return 'text';
      }
      case 'number': {
        const checks = (def.checks ?? []).map((c) => c._zod.def);
        const int = checks.some((c) => c.format === 'safeint' || c.format === 'int32');
        const min = checks.find((c) => c.check === 'greater_than');
        const max = checks.find((c) => c.check === 'less_than');
        let word = int ? 'whole number' : 'number';
        if (min?.value === 0 && !min.inclusive) word = `positive ${word}`;
        else if (min?.value === 0) word = `${word}, 0 or more`;
        if (min && max) word = `${word} from ${min.value} to ${max.value}`;
        return word;
      }
      case 'boolean':
        return '`true` or `false`';
      case 'enum':
        return `one of ${Object.values(def.entries ?? {}).map((v) => `\`${v}\``).join(', ')}`;
      case 'literal':
        return (def.values ?? []).map((v) => `\`${String(v)}\``).join(' or ');
      case 'array': {
        const min = (def.checks ?? []).map((c) => c._zod.def).find((c) => c.check === 'min_length');
        const element = this.words(def.element!, `${path}[]`);
        return `list of ${element}${min?.minimum ? ` (at least ${min.minimum})` : ''}`;
      }
      case 'object': {
        const section = this.object(s, path, u.descriptions[0]?.text);
        return `mapping: see [\`${section.path}\`](#${section.anchor})`;
      }
      case 'union':
        return (def.options ?? []).map((o) => this.words(o, path)).join(', or ');
      case 'record': {
        const key = unwrap(def.keyType!).core;
        const keys = defOf(key).type === 'enum' ? `one of ${Object.values(defOf(key).entries ?? {}).map((v) => `\`${v}\``).join(', ')}` : 'a name';
        return `mapping from ${keys} to ${this.words(def.valueType!, `${path}.*`)}`;
      }
      case 'any':
      case 'unknown':
        return 'anything';
      default:
        return def.type;
    }
  }

  /** Examples for the field: the schema's own, else from the tables above, its description, or its type. */
  private examples(schema: Schema, u: Unwrapped, path: string, key: string, own: string | undefined): unknown[] {
    if (u.examples?.length) return u.examples;
    const modeline = KINDS.find((k) => k.kind === this.kind)?.modeline;
    if (key === '$schema' && modeline) return [modeline];
    const byPath = EXAMPLE_BY_PATH[`${this.kind}:${path}`];
    if (byPath !== undefined) return [byPath];
    const def = defOf(u.core);
    const fits = (v: unknown) => (schema as z.ZodType).safeParse(v).success;
    // A description that quotes values ('"Ph.D.", "B.S."') quotes examples of a text field.
    const quoted = own ? [...own.matchAll(/"([^"]+)"/g)].map((m) => m[1]!) : [];
    if (quoted.length) {
      if (def.type === 'array' && fits(quoted)) return [quoted];
      if (fits(quoted[0])) return [quoted[0]];
    }
    if (EXAMPLE_BY_NAME[key] !== undefined && fits(EXAMPLE_BY_NAME[key])) return [EXAMPLE_BY_NAME[key]];
    // A field with a default needs no example; a mapping has its own section.
    if (u.hasDefault) return [];
    const made = this.typeExample(u.core);
    return made === undefined ? [] : [made];
  }

  private typeExample(schema: Schema): unknown {
    const u = unwrap(schema);
    const shared = sharedOf(u.core);
    if (shared) return shared.example;
    if (u.hasDefault) return u.default;
    const def = defOf(u.core);
    switch (def.type) {
      case 'enum':
        return Object.values(def.entries ?? {})[0];
      case 'boolean':
        return true;
      case 'array': {
        const element = this.typeExample(def.element!);
        return element === undefined || (typeof element === 'object' && !Array.isArray(element)) ? undefined : [element];
      }
      case 'union':
        for (const o of def.options ?? []) {
          const e = this.typeExample(o);
          if (e !== undefined) return e;
        }
        return undefined;
      default:
        return undefined;
    }
  }
}

function anchorFor(path: string): string {
  return path === '' ? 'fields' : path.replace(/\[\]/g, '').replace(/[^A-Za-z0-9]+/g, '-').toLowerCase();
}

// ---------------------------------------------------------------------------------------------------------------------
// Markdown

const GENERATED = '<!-- Generated from the schemas in src/schema/ by scripts/reference.ts (npm run reference); do not edit by hand. -->';

/** A value as it is written in YAML, on one line: `[en, zh]`, `{en: Lei Wu, zh: 吴磊}`. */
export function flow(value: unknown): string {
  // A year reads better as people write it, `2018`, than as the string YAML would quote.
  if (typeof value === 'string' && /^\d{4}$/.test(value)) return value;
  const doc = new YAML.Document(value);
  if (YAML.isCollection(doc.contents)) doc.contents.flow = true;
  return doc.toString({ flowCollectionPadding: false, lineWidth: 0 }).trimEnd();
}

function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

function code(text: string): string {
  const ticks = text.includes('`') ? '``' : '`';
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${text}${pad}${ticks}`;
}

function table(section: Section): string[] {
  const lines = ['| Field | Type | Required | Default | Meaning | Example |', '| --- | --- | --- | --- | --- | --- |'];
  for (const r of section.rows) {
    lines.push(
      `| ${cell(code(r.path))} | ${cell(r.type)} | ${r.required ? 'yes' : ''} | ${r.hasDefault ? cell(code(flow(r.default))) : ''} | ${cell(r.meaning ?? '')} | ${r.examples.map((e) => cell(code(flow(e)))).join(', ')} |`,
    );
  }
  return lines;
}

function sectionMarkdown(section: Section, heading: string): string[] {
  const lines = [`<a id="${section.anchor}"></a>`, '', heading, ''];
  if (section.description) lines.push(section.description, '');
  lines.push(...table(section), '');
  if (section.catchall) lines.push(section.catchall, '');
  return lines;
}

/** The smallest valid file of a kind: its required fields, with their examples. */
export function minimalExample(walker: Walker): Record<string, unknown> {
  const build = (section: Section): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const row of section.rows) {
      if (!row.required) continue;
      const nested = walker.sections.find((s) => s.path === row.path);
      out[row.key] = row.examples.length ? row.examples[0] : nested ? build(nested) : undefined;
    }
    return out;
  };
  return build(walker.sections[0]!);
}

export function walkKind(kind: RecordKind): Walker {
  const walker = new Walker(kind);
  walker.object(SCHEMAS[kind], '');
  return walker;
}

export function kindMarkdown(kind: RecordKind): string {
  const info = KINDS.find((k) => k.kind === kind)!;
  const walker = walkKind(kind);
  const example = minimalExample(walker);
  const lines = [`# ${info.title}`, '', GENERATED, '', info.intro, '', `**Where:** ${info.files}`, ''];
  lines.push(
    `**Editor support:** the JSON Schema is \`schema/${info.schema}\` in the vita package.` +
      (info.modeline ? ` Name it on the first line of the file: \`# yaml-language-server: $schema=${info.modeline}\` (the path is relative to the file; \`vita new\` writes it).` : ''),
    '',
  );
  lines.push('The smallest valid entry:', '', '```yaml', YAML.stringify(kind === 'publication' ? [example] : example, { lineWidth: 0 }).trimEnd(), '```', '');
  lines.push('Types in words link to [the shared types](types.md): dates, text in several languages, people, web addresses.', '');
  for (const section of walker.sections) {
    const heading = section.path === '' ? '## Fields' : `## \`${section.path}\``;
    lines.push(...sectionMarkdown(section, heading));
  }
  return lines.join('\n');
}

export function typesMarkdown(): string {
  const lines = ['# Shared types', '', GENERATED, '', 'Types that many fields use, documented once.', ''];
  for (const t of SHARED) {
    const meta = metaOf(t.schema);
    lines.push(`<a id="${t.anchor}"></a>`, '', `## ${t.name}`, '');
    if (meta.description) lines.push(meta.description, '');
    lines.push(t.forms, '');
    const examples = meta.examples ?? [t.example];
    lines.push(`Example${examples.length > 1 ? 's' : ''}: ${examples.map((e) => code(flow(e))).join(', ')}`, '');
    // The mapping form of a type (a person outside the project, an amount) has fields of its own.
    const def = defOf(t.schema);
    const object = def.type === 'object' ? t.schema : def.type === 'union' ? def.options?.find((o) => defOf(o).type === 'object') : undefined;
    if (object) {
      const walker = new Walker(`type:${t.anchor}`, '');
      const section = walker.object(object, '');
      lines.push(...table(section), '');
    }
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------------
// BibTeX

/** The BibTeX reader's field tables, from the reader itself. */
export const BIBTEX = BIBTEX_FIELDS;

/** What vita makes of each field it reads: [fields, publication field, how]. Every used field is in one row. */
export const BIBTEX_ROWS: [fields: string[], target: string, how: string][] = [
  [['author'], 'authors', 'Names joined with `and`, as `First Last` or `Last, First`; LaTeX accents are decoded (`Th{\\\'e}o` is Théo). Marks after a name give the author\'s roles (see below). A final `and others` sets `etal`.'],
  [['title', 'subtitle'], 'title', 'LaTeX becomes text, `$math$` is kept; a `subtitle` is added after a colon.'],
  [['year'], 'year', 'Four digits.'],
  [['date'], 'date, year, month', 'biblatex\'s `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; gives the year and month when those fields are absent.'],
  [['month'], 'month', '`jan`, `January`, `1` or `01`.'],
  [['journal', 'journaltitle'], 'venue.name', 'The journal of an article. "arXiv preprint arXiv:..." (Google Scholar) and "CoRR" (DBLP) instead make the entry a preprint with that arXiv id.'],
  [['booktitle', 'eventtitle'], 'venue.name', 'The proceedings or event of a conference paper; "Workshop" in it makes the entry a workshop paper.'],
  [['school', 'institution'], 'venue.name', 'Of a thesis or a report.'],
  [['howpublished'], 'venue.name, url', 'The venue of other works; `\\url{...}` in it is taken as the `url`.'],
  [['publisher'], 'venue.publisher', ''],
  [['volume'], 'venue.volume', 'DBLP\'s `abs/2011.13456` of an arXiv entry is not taken as a volume.'],
  [['number', 'issue'], 'venue.number', ''],
  [['pages'], 'venue.pages', ''],
  [['abbr'], 'venue.short, venue.year', 'The badge (al-folio): `ICML`. A year in it (`ICML 2024`) is the venue\'s year, which `vita check` compares with the entry\'s year.'],
  [['selected'], 'selected', '`true` or `yes`: shown among selected publications.'],
  [['award', 'award_name'], 'award', '"Spotlight", "Oral", "Top 5.1%".'],
  [['pdf', 'code', 'slides', 'video', 'poster', 'html', 'website', 'project', 'blog', 'supp', 'supplement', 'supplementary', 'data', 'dataset'], 'links', 'Links by kind; the table below gives which field is which kind. A web address or a file of the project.'],
  [['arxiv', 'eprint', 'archiveprefix', 'eprinttype'], 'arxiv', '`arxiv = {2011.13456}`, or arXiv\'s own export: `eprint = {2011.13456}` with `archivePrefix = {arXiv}`. An arXiv address in `url` or `journal` is found too.'],
  [['doi'], 'doi', 'A `https://doi.org/` or `doi:` prefix is removed.'],
  [['url'], 'url, openreview', 'The main link; an OpenReview address gives the `openreview` id.'],
  [['openreview'], 'openreview', 'The forum id, or an OpenReview address.'],
  [['abstract'], 'abstract', 'Markdown with `$math$`; raw HTML in it is kept, sanitized.'],
  [['preview'], 'preview', 'A thumbnail image, as al-folio writes it: `preview = {figure.png}` names a file of `assets/img/publication_preview/`; a path inside the project works too. Resized for the site.'],
  [['keywords', 'topics'], 'topics', 'Split at commas and semicolons.'],
  [['status', 'pubstate'], 'status', 'See the accepted values below. Without it, a preprint is `preprint` and anything else `published`.'],
  [['note'], 'note', ''],
  [['equal', 'co_first', 'lead', 'project_lead', 'corresponding'], 'authors[].roles', 'Author positions, counted from 1: `equal = {1,2}`, `lead = {3}`, `corresponding = {4}`; for those who keep names free of marks.'],
  [['alphabetical'], 'alphabetical', '`true`: the authors are in alphabetical order, by the convention of the field.'],
  [['pubtype'], 'type', 'Overrides the type the entry type gives; see the values below.'],
  [['type'], 'type', 'A `type` that says "workshop" makes the entry a workshop paper.'],
];

export function bibtexMarkdown(): string {
  const lines = [
    '# BibTeX fields',
    '',
    '<!-- Generated by scripts/reference.ts (npm run reference) from the field tables of the BibTeX reader in src/load/bibtex/; do not edit by hand. -->',
    '',
    'Publications in `publications/*.bib` are read as Google Scholar, DBLP and arXiv export them, with the fields',
    'that al-folio users already write. Each entry becomes one [publication](publication.md); the citation key is its `id`.',
    'Fields vita does not read are kept out of the way; a field that looks like a misspelt one it reads (`jounral`) is',
    'reported with "did you mean".',
    '',
    '## Fields',
    '',
    '| BibTeX field | Publication field | How it is read |',
    '| --- | --- | --- |',
  ];
  for (const [fields, target, how] of BIBTEX_ROWS) {
    lines.push(`| ${fields.map((f) => code(f)).join(', ')} | ${target.split(', ').map((t) => code(t)).join(', ')} | ${cell(how)} |`);
  }
  lines.push('', '## Links', '', '| BibTeX field | Link kind (`links.<kind>`) |', '| --- | --- |');
  for (const [kind, fields] of BIBTEX.linkFields) lines.push(`| ${fields.map((f) => code(f)).join(', ')} | ${code(kind)} |`);
  lines.push('', '## Entry types', '', 'The entry type gives the publication\'s `type`:', '', '| Entry type | `type` |', '| --- | --- |');
  const byType = new Map<string, string[]>();
  for (const [entry, type] of Object.entries(BIBTEX.entryTypes)) byType.set(type, [...(byType.get(type) ?? []), entry]);
  for (const [type, entries] of byType) lines.push(`| ${entries.map((e) => code(`@${e}`)).join(', ')} | ${code(type)} |`);
  lines.push(
    '| `@misc`, `@unpublished`, `@online`, `@electronic`, `@preprint` | `preprint` when it has an arXiv id or a status that is not yet published; else `other` |',
    '| any other | `other` |',
    '',
    '`pubtype = {...}` overrides it with one of:',
    '',
    '| `pubtype` | `type` |',
    '| --- | --- |',
  );
  for (const [written, type] of Object.entries(BIBTEX.pubtypes)) lines.push(`| ${code(written)} | ${code(type)} |`);
  lines.push('', '## Status', '', 'Case and spaces do not matter: `In Preparation` is `in-preparation`.', '', '| `status` or `pubstate` | status |', '| --- | --- |');
  for (const [written, status] of Object.entries(BIBTEX.statuses)) lines.push(`| ${code(written)} | ${code(status)} |`);
  lines.push(
    '',
    '## Author roles',
    '',
    'Roles are data, not typography: write the marks you already use after a name, and every output shows them with a',
    'legend that names only the marks it uses.',
    '',
    '| Role | Marks after a name | Positional field |',
    '| --- | --- | --- |',
  );
  const marks: Record<string, string> = {
    equal: '`*`, `#`, `∗`, `＊`, `\\ast` (equal contribution, co-first)',
    lead: '`†`, `‡`, `\\dag`, `\\dagger`, `\\ddag`, `\\textdagger` (project lead)',
    corresponding: '`✉`, `📧`, `\\Letter`, `\\envelope` (corresponding author)',
  };
  for (const [role, text] of Object.entries(marks)) {
    const fields = BIBTEX.roleFields.filter(([, r]) => r === role).map(([f]) => code(f));
    lines.push(`| ${code(role)} | ${text} | ${fields.join(', ')} |`);
  }
  lines.push(
    '',
    'Marks may be bare (`Song*`), in math (`Song$^{*}$`, `Wang$^\\dagger$`), in `\\textsuperscript{...}`, or in brackets;',
    'several in a row are all read (`Wang*\\dag`). `alphabetical = {true}` marks alphabetical author order.',
    '',
    '## Fields vita ignores',
    '',
    'These are written by reference managers and site generators; vita has no use for them and says nothing about them:',
    '',
    BIBTEX.ignoredFields.map((f) => code(f)).join(', ') + '.',
    '',
  );
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------------
// Index

export function indexMarkdown(): string {
  const lines = [
    '# vita reference',
    '',
    GENERATED,
    '',
    'Every file of a vita project, every field, its type, whether it is required, its default, what it means, and an',
    'example. The same schemas check the record (`vita check`) and give editors completion and hover text (the JSON',
    'Schemas in `schema/`), so this reference cannot disagree with them.',
    '',
    '| File | Page |',
    '| --- | --- |',
  ];
  for (const k of KINDS) lines.push(`| ${k.file} | [${k.title}](${k.kind}.md) |`);
  lines.push(
    '| `publications/*.bib` | [BibTeX fields](bibtex.md) |',
    '',
    'Also: [shared types](types.md) (dates, text in several languages, people, web addresses) and',
    '[publishing the site](deploy.md) (GitHub Pages, GitLab Pages, Netlify, Cloudflare Pages, a university web server).',
    '',
    '## Conventions',
    '',
    '- **Dates** are `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or `present` for an open end.',
    '- **Text in several languages** is written `{en: ..., zh: ...}`; plain text is fine for one language.',
    '- **People** are referred to by their id (the name of their file in `people/`, `weinan-e`) or, for someone outside',
    '  the project, by name (`Guang Lin`).',
    '- **Markdown** is accepted where a field says so, with `$math$`; long text goes in `.md` files.',
    '- **Citations** in Markdown are written `[@key]` or `[@a; @b]`, with the keys of publications.',
    '- Unknown fields are errors, with a "did you mean" for near misses: a typo is never silently ignored.',
    '',
  );
  return lines.join('\n');
}

/** Every generated page: file name in docs/reference/ -> Markdown. */
export function referenceFiles(): Record<string, string> {
  const files: Record<string, string> = { 'README.md': indexMarkdown() };
  for (const k of KINDS) files[`${k.kind}.md`] = kindMarkdown(k.kind);
  files['types.md'] = typesMarkdown();
  files['bibtex.md'] = bibtexMarkdown();
  return files;
}

/** Pages of docs/reference/ written by hand, which the generator leaves alone. */
export const HAND_WRITTEN = ['deploy.md'];

/** Rows whose meaning comes from the tables here rather than from the schema: candidates for `.describe()`. */
export function meaningsNotInSchemas(): string[] {
  const out: string[] = [];
  for (const k of KINDS) {
    for (const section of walkKind(k.kind).sections) {
      for (const row of section.rows) {
        if (!unwrap(row.schema).descriptions.some((d) => d.text === row.meaning)) out.push(`${k.kind}\t${row.path}\t${row.meaning ?? ''}`);
      }
    }
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv.includes('--missing')) {
  // `npx tsx scripts/reference.ts --missing`: the fields to give a .describe() text in src/schema/, with the text used now.
  console.log(meaningsNotInSchemas().join('\n'));
} else if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = new URL('../docs/reference/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  const files = referenceFiles();
  for (const [name, text] of Object.entries(files)) writeFileSync(new URL(name, dir), text);
  console.log(`wrote ${Object.keys(files).length} pages to docs/reference/`);
}
