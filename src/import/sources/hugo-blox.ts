/**
 * A Hugo Blox (Wowchemy, Hugo "Academic") site: content/authors/<id>/_index.md (the people, `superuser: true` or
 * `admin` the owner), content/publication/<slug>/index.md (front matter, with cite.bib beside it), content/event/ (talks).
 * `author_notes` ("Equal contribution", "Corresponding author") become author roles; `publication_types` are read in
 * both the old numeric form ("1" conference, "2" journal, "3" preprint ...) and the CSL form ("paper-conference").
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { normalizeName } from '../../resolve/names.js';
import { parseAuthorMarks, type AuthorRole } from '../../schema/author-marks.js';
import { Publication, type PublicationType } from '../../schema/publication.js';
import { emptyBundle, leaveOut, note, type ImportBundle, type ImportSource, type ImportedAuthor, type ImportedPublication, type Origin, type PublicationValue } from '../bundle.js';
import { newsSlug } from '../merge.js';
import { compact, findArxiv, isRecord, list, parseDate, personId, plainText, publicationId, safeUrl, slug, str, typeFromVenue, venueFrom } from '../text.js';
import { publicationsFromBibtex, readText, toValue } from './bibtex.js';
import { readHugoPages } from '../hugo-pages.js';
import { scriptNames } from '../person-names.js';
import { listFiles, readSimpleToml, readYamlFile, SiteFiles, stripLiquid } from './common.js';
import { readHugoFrontMatter as readFrontMatterFile } from '../lenient-yaml.js';
import { talksFromSectionPages } from '../hugo-talk-lists.js';

export const hugoBloxSource: ImportSource = {
  kind: 'hugo-blox',
  description: 'a Hugo Blox / Wowchemy "Academic" site folder (content/authors/, content/publication/, content/event/)',
  read: (path) => readHugoBlox(path),
};

/** Old numeric publication types and the CSL types of newer versions. */
const TYPES: Record<string, PublicationType> = {
  '0': 'other',
  '1': 'conference',
  '2': 'article',
  '3': 'preprint',
  '4': 'report',
  '5': 'book',
  '6': 'chapter',
  '7': 'thesis',
  '8': 'other',
  'paper-conference': 'conference',
  'article-journal': 'article',
  article: 'preprint',
  manuscript: 'preprint',
  report: 'report',
  book: 'book',
  chapter: 'chapter',
  thesis: 'thesis',
  patent: 'other',
  'under-review': 'preprint',
};

const DEMO_PEOPLE = new Set(['nelson bighetti', 'robert ford']);

interface Author {
  id: string;
  name: string;
}

export function readHugoBlox(root: string): ImportBundle {
  const bundle = emptyBundle('hugo-blox', 'hugo-blox');
  const config = readConfig(root, bundle);
  const baseUrl = safeUrl(str(config.baseURL) ?? str(config.baseurl));
  if (baseUrl && !/example\.com/.test(baseUrl)) bundle.baseUrl = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const files = new SiteFiles(root, bundle, bundle.baseUrl, ['static']);

  // People: content/authors/<id>/_index.md.
  const authors = new Map<string, Author>();
  const authorsDir = 'content/authors';
  for (const id of subfolders(root, authorsDir)) {
    const file = ['_index.md', 'index.md'].map((f) => posix.join(authorsDir, id, f)).find((f) => existsSync(join(root, f)));
    if (!file) continue;
    const doc = readFrontMatterFile(root, file, bundle);
    if (!doc) continue;
    const d = doc.data;
    const written = str(d.title) ?? str(d.name) ?? [str(d.first_name), str(d.last_name)].filter(Boolean).join(' ');
    // "Yui Nakamura (中村結衣)": one person, named in both scripts; the Latin name for ids and papers.
    const names = scriptNames(written);
    const name = names.latin;
    if (!name) continue;
    if (!isPerson(id, name, d)) {
      note(bundle, 'info', { file }, 'not-a-person', `content/authors/${id}/ ("${name}") is not a person (no name of one, nothing a person's page has); it was not imported as one`);
      continue;
    }
    if (DEMO_PEOPLE.has(normalizeName(name))) {
      note(bundle, 'info', { file }, 'demo-content', `"${name}" is Hugo Blox's demo author; left out`);
      continue;
    }
    const origin = { file, line: 1 };
    const personIdValue = personId(name);
    authors.set(id, { id: personIdValue, name });
    const person: Record<string, unknown> = { name: names.value };
    if (str(d.role)) person.title = plainText(str(d.role)!);
    const orgs = list(d.organizations).filter(isRecord).map((o) => compact({ name: str(o.name), url: safeUrl(o.url) })).filter((o) => o.name);
    if (orgs.length) person.affiliations = orgs;
    const email = str(d.email);
    if (email) person.email = email;
    if (str(d.bio)) person.bio = plainText(str(d.bio)!);
    const interests = list(d.interests).map(str).filter((x): x is string => !!x);
    if (interests.length) person.interests = interests;
    const education = isRecord(d.education) ? list(d.education.courses) : list(d.education);
    const edu = education.filter(isRecord).map((c) => compact({ degree: str(c.course) ?? str(c.degree) ?? 'Degree', institution: str(c.institution), end: parseDate(c.year) })).filter((e) => e.institution);
    if (edu.length) person.education = edu;
    const links: Record<string, string> = {};
    for (const s of list(d.social ?? d.profiles)) {
      if (!isRecord(s)) continue;
      const icon = (str(s.icon) ?? str(s.name) ?? '').toLowerCase().replace(/^.*\//, '');
      const written = str(s.link) ?? str(s.url);
      if (!written || written.startsWith('#')) continue;
      const link = /^[a-z][a-z0-9+.-]*:/i.test(written) ? safeUrl(written) : files.link(written, '', origin);
      if (!link) continue;
      if (link.startsWith('mailto:')) {
        if (!person.email) person.email = link.slice(7).replace(/^\/*/, '');
        continue;
      }
      const key = icon === 'cv' || icon.includes('file-pdf') ? 'cv' : icon.includes('scholar') ? 'scholar' : icon.includes('orcid') ? 'orcid' : icon.includes('github') ? 'github' : icon.includes('linkedin') ? 'linkedin' : icon.includes('twitter') || icon === 'x' ? 'twitter' : icon.includes('dblp') ? 'dblp' : slug(icon).replace(/-/g, '') || 'website';
      if (!links[key]) links[key] = link;
    }
    if (Object.keys(links).length) person.links = links;
    const avatar = readdirSafe(join(root, authorsDir, id)).find((f) => /^avatar\.(jpe?g|png|webp)$/i.test(f));
    if (avatar) {
      const photo = files.link(avatar, posix.join(authorsDir, id), origin);
      if (photo) person.photo = photo;
    }
    const sections: Record<string, string> = {};
    const body = files.markdown(stripLiquid(stripShortcodes(doc.body)).text.split('\n').map((l) => l.trim()).join('\n').trim(), posix.join(authorsDir, id), origin, 'people/owner');
    if (body) sections.about = body;
    bundle.people.push({ id: personIdValue, value: person, sections, origin });
    if (d.superuser === true || (id === 'admin' && !bundle.owner)) {
      bundle.owner = personIdValue;
      bundle.title = name;
    }
  }
  const owner = bundle.owner;

  // Publications.
  const ids = new Set<string>();
  for (const dir of ['content/publication', 'content/publications']) {
    for (const page of pages(root, dir)) {
      const pub = readPublicationPage(root, page, bundle, authors, files, ids);
      if (pub) bundle.publications.push(pub);
    }
  }

  // Talks: content/event/ (content/talk/ in older versions).
  for (const dir of ['content/event', 'content/events', 'content/talk']) {
    for (const page of pages(root, dir)) {
      const doc = readFrontMatterFile(root, page.file, bundle);
      if (!doc) continue;
      const d = doc.data;
      const origin = { file: page.file, line: 1 };
      const title = str(d.title);
      const event = str(d.event) ?? str(d.event_name);
      if (/Wowchemy Conference|Hugo Blox Builder Conference|Academic Conference/i.test(event ?? '') || /^Example Talk/i.test(title ?? '')) {
        leaveOut(bundle, 'talks', "the template's demo");
        note(bundle, 'info', origin, 'demo-content', `"${title}" is Hugo Blox's demo talk; left out`);
        continue;
      }
      const date = parseDate(d.date);
      if (!title || !date || date === 'present') {
        leaveOut(bundle, 'talks', title ? 'no date' : 'no title');
        note(bundle, 'info', origin, 'skipped-item', `talk "${title ?? page.file}" has no ${title ? 'date' : 'title'}; it was not imported`);
        continue;
      }
      const speakers = list(d.authors).map(str).filter((x): x is string => !!x);
      const speaker = speakers.length ? (authors.get(speakers[0]!)?.id ?? [...authors.values()].find((a) => normalizeName(a.name) === normalizeName(speakers[0]!))?.id) : owner;
      if (!speaker) {
        leaveOut(bundle, 'talks', 'by someone who is not an author of the site');
        note(bundle, 'info', origin, 'skipped-item', `talk "${title}" is by ${speakers.join(', ')}, who is not an author of the site; it was not imported`);
        continue;
      }
      const address = isRecord(d.address) ? [str(d.address.city), str(d.address.country)].filter(Boolean).join(', ') : undefined;
      const location = str(d.location);
      bundle.talks.push({
        person: speaker,
        value: compact({
          title,
          event: event ?? title,
          place: [location, address].filter(Boolean).join(', ') || undefined,
          date: date.length > 10 ? date.slice(0, 10) : date,
          virtual: /online|virtual|zoom|remote/i.test(`${location ?? ''} ${event ?? ''}`),
          url: safeUrl(d.event_url),
          slides: files.link(d.url_slides, page.dir, origin),
          video: safeUrl(d.url_video),
        }) as never,
        origin,
      });
    }
  }

  // Talks listed by hand in a section page (content/talks/_index.md, or home/talks.md in content/).
  talksFromSectionPages(root, bundle, owner, owner ? bundle.title : undefined);

  // The site's plain pages (content/contact.md ...).
  readHugoPages(root, bundle, files, config);

  // News, when the site keeps them (content/news/).
  for (const page of pages(root, 'content/news')) {
    const doc = readFrontMatterFile(root, page.file, bundle);
    if (!doc) continue;
    const date = parseDate(doc.data.date);
    const title = str(doc.data.title);
    const body = files.markdown(stripShortcodes(doc.body).trim(), page.dir, { file: page.file }, 'news');
    if (!date || date === 'present') continue;
    bundle.news.push({ slug: newsSlug(date.slice(0, 10), title ?? body), value: compact({ date: date.slice(0, 10), title, body: body || undefined, people: owner ? [owner] : undefined }), origin: { file: page.file, line: 1 } });
  }
  const posts = pages(root, 'content/post').length;
  if (posts) note(bundle, 'info', { file: 'content/post' }, 'not-carried', `${posts} blog post${posts === 1 ? ' was' : 's were'} not imported: a vita record has no blog`);
  return bundle;
}

function readPublicationPage(root: string, page: { file: string; dir: string; bundled: boolean }, bundle: ImportBundle, authors: Map<string, Author>, files: SiteFiles, ids: Set<string>): ImportedPublication | undefined {
  const doc = readFrontMatterFile(root, page.file, bundle);
  if (!doc) return undefined;
  const d = doc.data;
  const origin: Origin = { file: page.file, line: 1 };
  const written0 = str(d.title);
  if (/^an example (conference paper|journal article|preprint)/i.test(written0 ?? '')) {
    leaveOut(bundle, 'publications', "the template's demo");
    note(bundle, 'info', origin, 'demo-content', `"${written0}" is Hugo Blox's demo publication; left out`);
    return undefined;
  }
  // cite.bib beside the page is the citation as the author wrote it: the base, which the front matter completes.
  const citePath = posix.join(page.dir, 'cite.bib');
  let base: PublicationValue | undefined;
  let bibtex: string | undefined;
  if (page.bundled && existsSync(join(root, citePath))) {
    const text = readText(join(root, citePath), citePath, bundle, root);
    if (text !== undefined) {
      const [pub] = publicationsFromBibtex(citePath, text, { notes: bundle.notes, leftOut: [] }, { ids: new Set() });
      if (pub) {
        base = pub.value;
        bibtex = text.trim();
      }
    }
  }
  // The front matter first; what it lacks, cite.bib gives (a page whose title or authors are only in cite.bib).
  const title = written0 ?? base?.title;
  if (!title) {
    leaveOut(bundle, 'publications', 'no title');
    note(bundle, 'warning', origin, 'entry-skipped', `${page.file} was not imported: it has no title (neither in its front matter nor in a cite.bib beside it)`, 'add title: to the front matter and import again.');
    return undefined;
  }
  const notes = list(d.author_notes).map((n) => str(n) ?? '');
  // "Alphabetical Ordering" is said of the list, not of one author.
  const alphabetical = notes.some((n) => /alphabetic/i.test(n)) || undefined;
  const written = list(d.authors).map(str).filter((x): x is string => !!x);
  const fmAuthors: ImportedAuthor[] = written.map((raw, i) => {
    const marked = parseAuthorMarks(raw);
    const known = authors.get(marked.name) ?? authors.get(slug(marked.name));
    const roles = new Set<AuthorRole>(marked.roles);
    for (const role of rolesFromNote(notes[i] ?? '')) roles.add(role);
    return { name: known?.name ?? scriptNames(marked.name).latin, roles: (['equal', 'lead', 'corresponding'] as const).filter((r) => roles.has(r)) };
  });
  // Roles the front matter does not give, cite.bib may (`equal = {12}`): the same list, author by author.
  if (base && base.authors.length === fmAuthors.length && fmAuthors.every((a) => !a.roles.length)) fmAuthors.forEach((a, i) => (a.roles = [...base!.authors[i]!.roles]));
  const date = parseDate(d.date) ?? parseDate(d.publishDate);
  const year = base?.year ?? (date && date !== 'present' ? Number(date.slice(0, 4)) : undefined);
  const types = list(d.publication_types).map((t) => String(t).trim());
  const type = types.map((t) => TYPES[t]).find((t) => t !== undefined) ?? base?.type ?? 'article';
  let venueText = plainText((str(d.publication) ?? '').replace(/^\s*In\s+/i, ''));
  // "*Journal of Examples*, 117(538)": the volume and number follow the name.
  const issue = /^(.*?),\s*(\d+)\s*(?:\((\d+)\))?(?:,\s*(\d+\s*[-–]+\s*\d+))?\.?$/.exec(venueText);
  const numbers = issue ? { volume: issue[2], number: issue[3], pages: issue[4]?.replace(/\s*-+\s*/, '–') } : {};
  if (issue) venueText = issue[1]!;
  const shortText = plainText((str(d.publication_short) ?? '').replace(/^\s*In\s+/i, ''));
  const venue = compact({
    ...(base?.venue ?? {}),
    ...(venueText && typeFromVenue(venueText) !== 'preprint' ? { name: base?.venue?.name ?? venueText } : {}),
    ...(base?.venue?.volume ? {} : numbers),
    ...(shortText && shortText !== venueText ? { short: venueFrom(shortText).short ?? shortText } : {}),
  });
  const links: Record<string, string> = { ...(base?.links ?? {}) };
  const addLink = (kind: string, target: unknown) => {
    const link = files.link(target, page.dir, origin);
    if (link && !links[kind]) links[kind] = link;
  };
  addLink('pdf', d.url_pdf);
  addLink('code', d.url_code);
  addLink('data', d.url_dataset);
  addLink('poster', d.url_poster);
  addLink('project', d.url_project);
  addLink('slides', d.url_slides);
  addLink('video', d.url_video);
  addLink('html', d.url_source);
  let arxiv = base?.arxiv;
  for (const l of list(d.links)) {
    if (!isRecord(l)) continue;
    const url = str(l.url);
    const name = (str(l.name) ?? '').toLowerCase();
    if (!url) continue;
    if (/arxiv/.test(name) || /arxiv\.org/.test(url)) arxiv ??= findArxiv(url);
    else if (['pdf', 'code', 'slides', 'video', 'poster', 'blog', 'data'].includes(name)) addLink(name, url);
    else if (/project|website/.test(name)) addLink('project', url);
  }
  const doi = str(d.doi) ?? base?.doi;
  const value = compact({
    ...(base ?? {}),
    id: base?.id ?? publicationId(fmAuthors[0]?.name, year ?? '', title),
    type,
    title: base?.title ?? plainText(title),
    alphabetical: alphabetical ?? base?.alphabetical,
    // The front matter's authors carry the roles (author_notes); the BibTeX's are used when they are all there is.
    authors: fmAuthors.length
      ? fmAuthors
      : (base?.authors ?? []).map((a, i) => {
          const roles = new Set<AuthorRole>([...a.roles, ...rolesFromNote(notes[i] ?? '')]);
          return { ...a, roles: (['equal', 'lead', 'corresponding'] as const).filter((r) => roles.has(r)) };
        }),
    year,
    month: base?.month ?? (date && date.length >= 7 ? Number(date.slice(5, 7)) : undefined),
    date: base?.date ?? (date && date.length >= 10 ? date.slice(0, 10) : undefined),
    venue: Object.keys(venue).length ? venue : undefined,
    doi: doi?.replace(/^https?:\/\/(dx\.)?doi\.org\//, ''),
    arxiv,
    abstract: str(d.abstract) ?? base?.abstract,
    topics: list(d.tags).map(str).filter((x): x is string => !!x).length ? list(d.tags).map(str).filter((x): x is string => !!x) : base?.topics,
    selected: d.featured === true ? true : base?.selected,
    links: Object.keys(links).length ? links : undefined,
    bibtex,
  }) as PublicationValue;
  if (ids.has(value.id)) value.id = `${value.id}-${slug(posix.basename(page.dir)).slice(0, 20)}`;
  ids.add(value.id);
  const parsed = Publication.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    leaveOut(bundle, 'publications', `${issue.path.join('.') || 'the entry'} missing or not valid`);
    note(bundle, 'warning', origin, 'entry-skipped', `"${title}" was not imported: ${issue.path.join('.') || 'the entry'} ${value[issue.path[0] as keyof PublicationValue] === undefined ? 'is missing' : 'is not valid'}`, 'complete the front matter and import again.');
    return undefined;
  }
  return { value: toValue(parsed.data), origin };
}

/** "Equal contribution", "Co-first author", "Corresponding author", "Project lead": roles. */
export function rolesFromNote(text: string): AuthorRole[] {
  const roles: AuthorRole[] = [];
  // "Equal advising" and "co-senior author" are the lead's (the last authors'), not co-first authorship.
  const senior = /advis|senior|supervis|co-?last/i.test(text);
  if (!senior && /equal|co-?first|joint first|contributed equally/i.test(text)) roles.push('equal');
  if (senior || /\blead\b/i.test(text)) roles.push('lead');
  if (/correspond/i.test(text)) roles.push('corresponding');
  return roles;
}

/** Pages of a section: folders with index.md (page bundles) and plain .md files, _index.md excluded. */
function pages(root: string, dir: string): { file: string; dir: string; bundled: boolean }[] {
  const out: { file: string; dir: string; bundled: boolean }[] = [];
  for (const sub of subfolders(root, dir)) {
    const file = ['index.md', 'index.markdown'].map((f) => posix.join(dir, sub, f)).find((f) => existsSync(join(root, f)));
    if (file) out.push({ file, dir: posix.join(dir, sub), bundled: true });
  }
  for (const file of listFiles(root, dir, ['.md', '.markdown'])) {
    if (/\/_index\.md$/.test(file)) continue;
    out.push({ file, dir, bundled: false });
  }
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

function subfolders(root: string, dir: string): string[] {
  const abs = join(root, dir);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) return [];
  return readdirSync(abs, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Hugo shortcodes ({{< figure >}}, {{% callout %}}) have no meaning outside Hugo. */
function stripShortcodes(text: string): string {
  return text.replace(/\{\{[<%][\s\S]*?[>%]\}\}/g, '');
}

function readConfig(root: string, bundle: ImportBundle): Record<string, unknown> {
  for (const file of ['config/_default/hugo.yaml', 'config/_default/config.yaml', 'hugo.yaml', 'config.yaml', 'config/_default/hugo.yml', 'config/_default/config.yml']) {
    const data = readYamlFile(root, file, bundle);
    if (isRecord(data)) return data;
  }
  for (const file of ['config/_default/hugo.toml', 'config/_default/config.toml', 'hugo.toml', 'config.toml']) {
    const text = existsSync(join(root, file)) ? readText(join(root, file), file, bundle, root) : undefined;
    if (text !== undefined) return readSimpleToml(text);
  }
  return {};
}

/** Folders of content/authors/ that are sections or taxonomy pages rather than people ("news", "posts"). */
const NOT_PEOPLE = /^(news|posts?|blog|publications?|talks?|events?|projects?|people|team|members|authors?|home|about|contact|courses?|teaching|updates?|admin-news)$/i;
/** What an author page of a person has and a section page has not. */
const PERSON_FIELDS = ['superuser', 'role', 'organizations', 'social', 'profiles', 'bio', 'interests', 'education', 'email', 'first_name', 'last_name', 'user_groups', 'name'];

/**
 * A folder of content/authors/ is a person unless it says otherwise: `admin` and any page with a person's fields are;
 * a folder named like a section ("news") or titled with the folder's own one word, with none of them, is not.
 */
function isPerson(folder: string, name: string, d: Record<string, unknown>): boolean {
  if (folder === 'admin' || PERSON_FIELDS.some((k) => d[k] !== undefined && d[k] !== null && d[k] !== '')) return true;
  if (NOT_PEOPLE.test(folder) || NOT_PEOPLE.test(name.trim())) return false;
  return !(/^\S+$/.test(name.trim()) && slug(name) === slug(folder));
}
