/**
 * An academicpages site (Jekyll, Minimal Mistakes): _config.yml (author: name, bio, links), _pages/about.md,
 * _publications/*.md (title, venue, date, paperurl, citation, or authors/bibtex in some forks), _talks/*.md and
 * _teaching/*.md. Authors are read from `authors`, from an inline `bibtex`, or from the `citation` line. The template's
 * demo pages ("Paper Title Number 1", "Talk 1 on Relevant Topic in Your Field") are recognised and left out.
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { normalizeName } from '../../resolve/names.js';
import { Publication } from '../../schema/publication.js';
import { parseCitation, splitAuthors } from '../citation.js';
import { emptyBundle, leaveOut, note, type ImportBundle, type ImportSource, type ImportedAuthor, type ImportedPublication, type Origin, type PublicationValue } from '../bundle.js';
import { compact, decodeEntities, isRecord, parseDate, parseTerm, personId, plainText, publicationId, safeUrl, str, typeFromVenue, venueFrom } from '../text.js';
import { publicationsFromBibtex, readText, toValue } from './bibtex.js';
import { listFiles, profileLinks, readFrontMatterFile, readYamlFile, SiteFiles, stripLiquid } from './common.js';
import { bareMarks, isBibtexNames, isOwnerName, markedAuthors, marksFromLegend, type MarkMeaning } from '../marked-authors.js';
import { readPageLists, siteLegend } from '../academicpages-pages.js';
import { scriptNames } from '../person-names.js';
import { carryPage } from '../site-pages.js';

export const academicPagesSource: ImportSource = {
  kind: 'academicpages',
  description: 'an academicpages site folder (_publications/, _talks/, _teaching/, _config.yml)',
  read: (path) => readAcademicPages(path),
};

const DEMO = /^(paper title number \d|talk \d on relevant topic|tutorial \d on relevant topic|conference proceeding talk \d|teaching experience \d|portfolio item number \d)/i;
const DEMO_NAMES = new Set(['your name', 'your sidebar name']);

export function readAcademicPages(root: string): ImportBundle {
  const bundle = emptyBundle('academicpages', 'academicpages');
  const config = readYamlFile(root, existsSync(join(root, '_config.yml')) ? '_config.yml' : '_config.yaml', bundle);
  const cfg = isRecord(config) ? config : {};
  const author = isRecord(cfg.author) ? cfg.author : {};
  const url = str(cfg.url);
  const baseUrl = url && !/academicpages\.github\.io|example\.com/.test(url) ? safeUrl(`${url.replace(/\/$/, '')}${str(cfg.baseurl) ? `/${str(cfg.baseurl)!.replace(/^\/|\/$/g, '')}` : ''}/`) : undefined;
  if (baseUrl) bundle.baseUrl = baseUrl;
  const files = new SiteFiles(root, bundle, baseUrl);

  // "Lei Wu (吴磊)": one person named in both scripts; the Latin name for ids, citations and matching.
  const names = scriptNames(str(author.name) ?? str(cfg.name) ?? '');
  const name = names.latin || undefined;
  let owner: string | undefined;
  if (name && !DEMO_NAMES.has(normalizeName(name))) {
    const person: Record<string, unknown> = { name: names.value };
    if (str(author.bio)) person.bio = plainText(str(author.bio)!);
    if (str(author.employer)) person.affiliations = [{ name: plainText(str(author.employer)!) }];
    if (str(author.location)) person.address = [str(author.location)];
    if (str(author.email)) person.email = str(author.email);
    const links = profileLinks({ ...author, scholar: author.googlescholar });
    if (Object.keys(links).length) person.links = links;
    const avatar = str(author.avatar);
    if (avatar && !/^profile\.png$/.test(avatar)) {
      const photo = files.link(avatar, 'images', { file: '_config.yml' });
      if (photo) person.photo = photo;
    }
    if (baseUrl) person.homepage = baseUrl;
    const sections: Record<string, string> = {};
    const aboutFile = ['_pages/about.md', '_pages/about.markdown'].find((f) => existsSync(join(root, f)));
    if (aboutFile) {
      const about = readFrontMatterFile(root, aboutFile, bundle);
      const body = about ? files.markdown(stripLiquid(about.body).text.trim(), '', { file: aboutFile }, 'people/owner') : '';
      if (/powered by the \[?Academic Pages/i.test(body)) note(bundle, 'info', { file: aboutFile }, 'demo-content', "the About page is academicpages' placeholder; it was left out");
      else if (body) sections.about = body;
    }
    owner = personId(name);
    bundle.people.push({ id: owner, value: person, sections, origin: { file: '_config.yml' } });
    bundle.owner = owner;
    bundle.title = name;
  } else note(bundle, 'warning', { file: '_config.yml' }, 'no-name', "the site's author name is missing or still the template's: the person was not imported", 'set author: name: in _config.yml and import again.');

  const ids = new Set<string>();
  let demo = 0;
  // What the marks of author lists mean, where the publications page says it.
  const legend = siteLegend(root);
  for (const file of listFiles(root, '_publications', ['.md', '.markdown', '.html'], true)) {
    const doc = readFrontMatterFile(root, file, bundle);
    if (!doc) continue;
    if (DEMO.test(str(doc.data.title) ?? '')) {
      demo++;
      leaveOut(bundle, 'publications', "the template's demo");
      continue;
    }
    const pub = publication(file, doc.data, doc.body, bundle, files, owner ? name : undefined, owner, ids, legend);
    if (pub) bundle.publications.push(pub);
  }
  for (const file of listFiles(root, '_talks', ['.md', '.markdown', '.html'], true)) {
    const doc = readFrontMatterFile(root, file, bundle);
    if (!doc) continue;
    const origin = { file, line: 1 };
    const title = str(doc.data.title);
    if (DEMO.test(title ?? '')) {
      demo++;
      leaveOut(bundle, 'talks', "the template's demo");
      continue;
    }
    const date = parseDate(doc.data.date);
    if (!title || !date || date === 'present' || !owner) {
      leaveOut(bundle, 'talks', !owner ? 'no speaker (the site has no author name)' : title ? 'no date' : 'no title');
      if (owner) note(bundle, 'info', origin, 'skipped-item', `talk "${title ?? file}" has no ${title ? 'date' : 'title'}; it was not imported`);
      continue;
    }
    const venue = str(doc.data.venue);
    const location = str(doc.data.location);
    bundle.talks.push({
      person: owner,
      value: compact({
        title: plainText(title),
        event: plainText(venue ?? title),
        place: location,
        date,
        virtual: /virtual|online|zoom/i.test(`${venue ?? ''} ${location ?? ''}`),
        url: safeUrl(doc.data.talkurl ?? doc.data.url),
        slides: files.link(doc.data.slidesurl, 'files', origin),
      }) as never,
      origin,
    });
  }
  for (const file of listFiles(root, '_teaching', ['.md', '.markdown', '.html'], true)) {
    const doc = readFrontMatterFile(root, file, bundle);
    if (!doc) continue;
    const origin = { file, line: 1 };
    const course = str(doc.data.title);
    if (DEMO.test(course ?? '')) {
      demo++;
      leaveOut(bundle, 'teaching', "the template's demo");
      continue;
    }
    if (!course || !owner) {
      leaveOut(bundle, 'teaching', !owner ? 'nobody to give it to (the site has no author name)' : 'no title');
      note(bundle, 'info', origin, 'skipped-item', `teaching "${course ?? file}" was not imported: ${!owner ? 'the site has no author name' : 'it has no title'}`);
      continue;
    }
    const term = parseTerm(basename(file).replace(/[-_]/g, ' ')) ?? parseTerm(String(doc.data.term ?? ''), doc.data.year) ?? termFromDate(parseDate(doc.data.date));
    bundle.teaching.push({
      person: owner,
      value: compact({ course: plainText(course), role: /\bTA\b|teaching assistant/i.test(`${doc.data.type ?? ''} ${course}`) ? 'ta' : 'instructor', term, institution: str(doc.data.venue), place: str(doc.data.location), note: str(doc.data.type) }) as never,
      origin,
    });
  }
  // Hand-written pages (_pages/talks.md, students.md ...): their lists.
  readPageLists(root, bundle, owner, owner ? name : undefined, (text) => readCitation(text, legend).authors, (page) =>
    carryPage(bundle, files, { file: page.file, line: page.bodyLine, title: page.title, permalink: str(page.data.permalink), menu: true, description: str(page.data.excerpt) ?? str(page.data.description), body: page.raw }, cfg),
  );
  if (demo) note(bundle, 'info', { file: '' }, 'demo-content', `${demo} of the academicpages template's demo pages ${demo === 1 ? 'was' : 'were'} left out`);
  const posts = listFiles(root, '_posts', ['.md', '.markdown', '.html']).length;
  if (posts) note(bundle, 'info', { file: '_posts' }, 'not-carried', `${posts} blog post${posts === 1 ? ' was' : 's were'} not imported: a vita record has no blog`);
  return bundle;
}

const CATEGORIES: Record<string, PublicationValue['type']> = {
  manuscripts: 'article',
  journal: 'article',
  journals: 'article',
  conferences: 'conference',
  conference: 'conference',
  books: 'book',
  preprints: 'preprint',
  workshops: 'workshop',
  theses: 'thesis',
};

function publication(file: string, d: Record<string, unknown>, body: string, bundle: ImportBundle, files: SiteFiles, owner: string | undefined, ownerId: string | undefined, ids: Set<string>, legend: MarkMeaning): ImportedPublication | undefined {
  const origin: Origin = { file, line: 1 };
  const title = plainText(str(d.title) ?? '');
  let base: PublicationValue | undefined;
  let bibtex: string | undefined;
  // An inline `bibtex: |` (some forks), or a local bibtexurl, is the citation as written: the base.
  const bibText = str(d.bibtex) ?? localText(str(d.bibtexurl), files);
  if (bibText && /@\w+\s*\{/.test(bibText)) {
    const [pub] = publicationsFromBibtex(file, bibText, { notes: [], leftOut: [] }, { ids: new Set() });
    if (pub) {
      base = pub.value;
      bibtex = bibText.trim();
    }
  }
  const citation = str(d.citation);
  const cited = citation ? readCitation(citation, legend) : undefined;
  const parsed = cited?.parsed;
  const written = d.authors ?? d.author ?? d.Author;
  const found = Array.isArray(written)
    ? written.map((a) => markedAuthors(String(a), legend)[0] ?? { name: plainText(String(a)), roles: [] })
    : typeof written === 'string'
      ? /[*#†‡✉]|<sup>/i.test(written) || isBibtexNames(written) ? markedAuthors(written, legend) : splitAuthors(decodeEntities(written).replace(/<[^>]+>/g, ''))
      : (base?.authors ?? cited?.authors ?? []);
  // The site's owner, however abbreviated ("Petrova, E."), is linked to the owner's record.
  const authors = found.map((a) => (owner && ownerId && !a.person && isOwnerName(a.name, owner) ? { ...a, person: ownerId } : a));
  const date = parseDate(d.date);
  const year = base?.year ?? (date && date !== 'present' ? Number(date.slice(0, 4)) : parsed?.year);
  const venueText = str(d.venue) ? plainText(str(d.venue)!) : undefined;
  const category = str(d.category)?.toLowerCase();
  const type = (category ? CATEGORIES[category] : undefined) ?? base?.type ?? typeFromVenue(venueText ?? parsed?.venue?.name);
  const links: Record<string, string> = { ...(base?.links ?? {}) };
  const paper = str(d.paperurl);
  // An arXiv page is the arXiv id, not a PDF.
  if (paper && !/academicpages\.github\.io|arxiv\.org\/abs\//.test(paper)) {
    const link = files.link(paper, 'files', origin);
    if (link && !links.pdf) links.pdf = link;
  }
  const slides = str(d.slidesurl);
  if (slides && !/academicpages\.github\.io/.test(slides)) {
    const link = files.link(slides, 'files', origin);
    if (link && !links.slides) links.slides = link;
  }
  const code = safeUrl(d.codeurl ?? d.github ?? d.code);
  if (code && !links.code) links.code = code;
  const abstract = cleanBody(body);
  const venue = base?.venue ?? (venueText && type !== 'preprint' ? compact({ ...venueFrom(venueText), year: undefined, ...(cited?.numbers ?? {}) }) : parsed?.venue ? { ...parsed.venue, ...(cited?.numbers ?? {}) } : undefined);
  const value = compact({
    ...(base ?? {}),
    id: base?.id ?? publicationId(authors[0]?.name ?? owner, year ?? '', title),
    type,
    title: base?.title ?? title,
    authors: authors.length ? authors : owner ? [{ name: owner, roles: [] }] : [],
    etal: authors.length ? base?.etal : owner ? true : undefined,
    year,
    date: base?.date ?? (date && date.length >= 10 && date !== 'present' ? date : undefined),
    venue: venue && Object.keys(venue).length ? venue : undefined,
    doi: base?.doi ?? parsed?.doi,
    arxiv: base?.arxiv ?? parsed?.arxiv ?? (paper ? /arxiv\.org\/(?:abs|pdf)\/(\d{4}\.\d{4,5})/.exec(paper)?.[1] : undefined),
    abstract: base?.abstract ?? (abstract || undefined),
    links: Object.keys(links).length ? links : undefined,
    bibtex,
  }) as PublicationValue;
  if (ids.has(value.id)) value.id = `${value.id}-${ids.size + 1}`;
  ids.add(value.id);
  const checked = Publication.safeParse(value);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    leaveOut(bundle, 'publications', `${String(issue.path[0] ?? 'the entry')} missing or not valid`);
    note(bundle, 'warning', origin, 'entry-skipped', `"${title || file}" was not imported: ${String(issue.path[0] ?? 'the entry')} is ${value[issue.path[0] as keyof PublicationValue] === undefined ? 'missing' : 'not valid'}`, 'add it to the front matter (authors, date) and import again.');
    return undefined;
  }
  const pub: ImportedPublication = { value: toValue(checked.data), origin };
  if (!authors.length) {
    pub.authorsUnknown = true;
    note(bundle, 'info', origin, 'no-authors', `"${title}" names no authors (no authors field, no citation): the owner is written as its author, with "et al."`);
  }
  return pub;
}

/** The body of an old academicpages publication: the abstract, without the download link and the citation. */
function cleanBody(body: string): string {
  return stripLiquid(body)
    .text.split('\n')
    .filter((l) => !/^\s*(\[?download paper here|recommended citation|\*\*recommended citation|abstract\s*$|-{3,}\s*$|={3,}\s*$)/i.test(l))
    .join('\n')
    .trim();
}

/** A .bib file of the site, read rather than copied: it becomes part of the publication. */
function localText(url: string | undefined, files: SiteFiles): string | undefined {
  if (!url || /^[a-z]+:/i.test(url)) return undefined;
  const found = files.find(url, 'files');
  return found ? readText(found.abs, found.projectPath, { ...emptyBundle('academicpages', ''), notes: [] }) : undefined;
}

function termFromDate(date: string | undefined): string | undefined {
  if (!date || date === 'present' || date.length < 7) return undefined;
  const month = Number(date.slice(5, 7));
  const season = month <= 5 ? 'Spring' : month <= 7 ? 'Summer' : 'Fall';
  return `${season} ${date.slice(0, 4)}`;
}

/**
 * A `citation:` line: the authors read with their marks and the punctuation around them ("Osei, K.<sup>#</sup>,
 * Moreau, J.* (2023). Title. Venue."), the rest (title, venue, year, DOI) by the citation reader on the line unmarked.
 */
export function readCitation(citation: string, legend: MarkMeaning = new Map()): { parsed?: ReturnType<typeof parseCitation>; authors?: ImportedAuthor[]; numbers?: { volume?: string; number?: string; pages?: string } } {
  const text = decodeEntities(citation).replace(/\s+/g, ' ').trim();
  const unmarked = (t: string) => bareMarks(t).replace(/[⁎#†‡✉]/g, '').replace(/\s+([,.])/g, '$1').replace(/([,.])\1+/g, '$1');
  // APA: "Last, F., Last2, F. (2022). Title. Venue.": the authors' marks are read here, the rest by the citation reader
  // with one plain author in front, so that no mark misleads it. Any other form ('F. Last, F. Last2. "Title." Venue,
  // 2022.') is the citation reader's, the authors then taken from before the title it found.
  const apa = /^(.*?)\s*\(\s*((?:19|20)\d\d)[a-z]?\s*\)\.?\s*/.exec(text);
  let authorText = apa?.[1];
  const rest = (t: string) => bareMarks(t).replace(/⁎/g, '*');
  const parsed = apa ? parseCitation(`Author, A. (${apa[2]}). ${rest(text.slice(apa[0].length))}`) : parseCitation(unmarked(text));
  if (!authorText && parsed?.title) {
    const marked = bareMarks(text);
    const at = marked.indexOf(parsed.title.slice(0, 20));
    if (at > 0) authorText = marked.slice(0, at).replace(/[\s"“«(]+$/, '');
  }
  const authors = authorText ? markedAuthors(authorText, legend) : undefined;
  // "Genome Research, 31(2), 200-210.": the volume, number and pages that end the line (not a year alone).
  const end = /,\s*(\d{1,4})\s*(?:\((\d+(?:[-–]\d+)?)\))?(?:\s*[,:]\s*(\d+\s*[-–]+\s*\d+|[A-Za-z]?\d+))?\s*\.?\s*$/.exec(plainText(bareMarks(text)));
  const numbers = end && !(end[2] === undefined && end[3] === undefined && /^(?:19|20)\d\d$/.test(end[1]!)) ? compact({ volume: end[1], number: end[2], pages: end[3]?.replace(/\s*[-–]+\s*/, '–') }) : undefined;
  if (parsed?.venue?.name && numbers) parsed.venue = { ...parsed.venue, name: parsed.venue.name.replace(/,\s*\d+\s*(?:\([^)]*\))?(?:\s*[,:]\s*[\w–-]+)?\.?$/, '') };
  // The names read with their marks, when each is a name (a word of two letters or more); else the citation reader's.
  const names = authors?.length && authors.every((a) => /\p{L}{2,}/u.test(a.name));
  return { parsed, numbers, authors: names ? authors : apa ? parseCitation(unmarked(text))?.authors : parsed?.authors };
}
