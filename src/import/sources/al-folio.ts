/**
 * An al-folio site (Jekyll): _config.yml (name, scholar names), _data/socials.yml, _pages/about.md (subtitle, profile,
 * the About text), _bibliography/*.bib, _data/coauthors.yml, _news/*.md, _teachings/*.md, and the CV from
 * _data/cv.yml (al-folio's section list, or RenderCV's format) or assets/json/resume.json (JSON Resume).
 * al-folio ships demo content (Albert Einstein's CV and papers, placeholder news): it is recognised and left out.
 */
import { existsSync } from 'node:fs';
import { basename, join, posix } from 'node:path';
import { Diagnostics } from '../../diagnostics/diagnostic.js';
import { readBibtex } from '../../load/bibtex/index.js';
import { normalizeName, splitName } from '../../resolve/names.js';
import { Publication } from '../../schema/publication.js';
import { formatEntry, setField } from '../bibtex-entries.js';
import { emptyBundle, leaveOut, note, type ImportBundle, type ImportSource, type ImportedPublication, type Origin, type Progress } from '../bundle.js';
import { newsSlug } from '../merge.js';
import { compact, decodeEntities, htmlToMarkdown, isRecord, list, parseDate, parseRange, parseTerm, personId, plainText, safeUrl, str } from '../text.js';
import { publicationsFromBibtex, readText, toValue } from './bibtex.js';
import { listFiles, profileLinks, readFrontMatterFile, readYamlFile, SiteFiles, stripLiquid } from './common.js';
import { parseJson, resumeIntoBundle } from './json-resume.js';
import { isTalk, talkFromEntry } from './al-folio-entries.js';
import { onlyInitials, scriptNames } from '../person-names.js';
import { degreeAndField, renderCvIntoBundle } from './rendercv.js';
import { readAlFolioPages } from './al-folio-pages.js';

export const alFolioSource: ImportSource = {
  kind: 'al-folio',
  description: 'an al-folio site folder (Jekyll: _config.yml, _bibliography/, _news/, _pages/about.md, _data/cv.yml)',
  read: (path, context) => readAlFolio(path, context.progress),
};

/** The names al-folio's demo uses: a site that still has them has not been filled in. */
const DEMO_NAMES = new Set(['you name', 'albert einstein']);
const DEMO_COAUTHORS = new Set(['adams', 'einstein', 'podolsky', 'rosen', 'bach', 'przibram']);
const DEMO_FIRST_NAMES = new Set(['edwin', 'edwin plimpton', 'albert', 'boris', 'nathan', 'johann sebastian', 'carl philipp emanuel', 'karl']);
const DEMO_NEWS = [/a simple inline announcement/i, /a long announcement with details/i, /sed ut perspiciatis/i, /jean shorts raw denim/i, /^announcement/i];

export function readAlFolio(root: string, progress?: Progress): ImportBundle {
  const bundle = emptyBundle('al-folio', 'al-folio');
  const config = readYamlFile(root, existsSync(join(root, '_config.yml')) ? '_config.yml' : '_config.yaml', bundle);
  const cfg = isRecord(config) ? config : {};
  const baseUrl = siteUrl(cfg, bundle);
  if (baseUrl) bundle.baseUrl = baseUrl;
  const files = new SiteFiles(root, bundle, baseUrl);

  // The owner: _config.yml's name, unless it is still the template's.
  // Older sites have one `name:` line (and `title:` was the site's name, often "blank").
  const written = [str(cfg.first_name), str(cfg.middle_name), str(cfg.last_name)].filter(Boolean).join(' ') || plainText(str(cfg.name) ?? '');
  // "Lei Wu (吴磊)": the Latin name for ids and matching, both kept in the person file.
  const fullName = scriptNames(written).latin;
  const demoName = fullName === '' || DEMO_NAMES.has(normalizeName(fullName));
  if (fullName && demoName) note(bundle, 'info', { file: '_config.yml' }, 'demo-content', `_config.yml still has al-folio's placeholder name "${fullName}"; the owner's name is taken from the CV, if any`);
  const person: Record<string, unknown> = demoName ? {} : { name: written };
  const ownerOrigin: Origin = { file: '_config.yml' };

  const socials = readYamlFile(root, '_data/socials.yml', bundle);
  const social = { ...cfg, ...(isRecord(socials) ? socials : {}) };
  const email = deobfuscate(str(social.email));
  if (email && !/example\.com$|^you@/.test(email)) person.email = email;
  const links = profileLinks(social);
  if (links.scholar?.includes('qc6CJjYAAAAJ')) delete links.scholar; // Einstein's profile, the template's default
  if (Object.keys(links).length) person.links = links;
  if (baseUrl) person.homepage = baseUrl;

  const aliases = scholarAliases(cfg, fullName);

  // About page.
  const aboutFile = ['_pages/about.md', '_pages/about.markdown', '_pages/about.html'].find((f) => existsSync(join(root, f)));
  const sections: Record<string, string> = {};
  if (aboutFile) {
    const about = readFrontMatterFile(root, aboutFile, bundle);
    if (about) {
      const subtitle = str(about.data.subtitle) ?? str(about.data.description);
      if (subtitle && !/Affiliations<\/a>\. Address\. Contacts\. Moto\. Etc\./i.test(subtitle) && !/Affiliations.*Address.*Contacts/i.test(plainText(subtitle))) {
        person.title = plainText(subtitle);
        const anchors = [...subtitle.matchAll(/<a\s[^>]*href\s*=\s*["']([^"']+)["'][^>]*>([\s\S]*?)<\/a>/gi)];
        let affiliations = anchors
          .map((m) => ({ name: plainText(m[2]!), url: safeUrl(m[1]!) }))
          .filter((a) => a.name && a.url && a.url !== '#')
          .map((a) => compact(a));
        // "Assistant Professor, <a>Department</a>, University": the role, then where (told once, not twice).
        const role = anchors.length ? plainText(subtitle.slice(0, anchors[0]!.index)).replace(/[\s,;:|@-]+$|\s+at$/i, '').trim() : '';
        if (role && affiliations.length) {
          person.title = role;
          if (anchors.length === 1) affiliations = [compact({ name: plainText(subtitle.slice(anchors[0]!.index)).replace(/^[\s,;:]+|[\s,;:.]+$/g, ''), url: affiliations[0]!.url })];
        }
        if (affiliations.length) person.affiliations = affiliations;
      }
      const profile = isRecord(about.data.profile) ? about.data.profile : {};
      const image = str(profile.image);
      if (image && !/^prof_pic\.(jpg|png)$/.test(image) || (image && !demoName)) {
        const photo = files.link(image, 'assets/img', { file: aboutFile });
        if (photo) person.photo = photo;
      }
      const moreInfo = str(profile.more_info) ?? str(profile.address);
      if (moreInfo && !/your office number|your address street|Your City/i.test(moreInfo)) {
        const lines = htmlToMarkdown(moreInfo).split('\n').map((l) => plainText(l)).filter(Boolean);
        if (lines.length) person.address = lines;
      }
      const { text, removed } = stripLiquid(about.body);
      const { body: ownText, template } = withoutTemplate(text);
      const body = files.markdown(ownText, '', { file: aboutFile, line: about.bodyLine }, 'people/owner');
      if (template && !body) note(bundle, 'info', { file: aboutFile }, 'demo-content', "the About text is al-folio's placeholder; it was left out");
      else if (body) {
        if (template) note(bundle, 'info', { file: aboutFile, line: about.bodyLine }, 'demo-content', `${template} paragraph${template === 1 ? '' : 's'} of al-folio's placeholder text left in the About page ${template === 1 ? 'was' : 'were'} left out; the rest is the biography`);
        sections.about = body;
        if (removed) note(bundle, 'info', { file: aboutFile, line: about.bodyLine }, 'liquid', `${removed} Liquid tag${removed === 1 ? ' was' : 's were'} taken out of the About text (vita does not run Jekyll templates)`);
      }
    }
  }

  // The CV: al-folio's cv.yml, RenderCV's format in cv.yml, or a JSON Resume.
  const cvOrigin = readCv(root, bundle, person, demoName);

  const names = scriptNames(str(person.name) ?? '');
  const name = names.latin || undefined;
  let owner: string | undefined;
  if (name) {
    person.name = names.value;
    owner = personId(name);
    if (aliases.length) person.aliases = aliases.filter((a) => normalizeName(a) !== normalizeName(name));
    if (!(person.aliases as string[] | undefined)?.length) delete person.aliases;
    bundle.people.unshift({ id: owner, value: person, sections, origin: cvOrigin ?? ownerOrigin });
    bundle.owner = owner;
    bundle.title = name;
  } else if (Object.keys(sections).length || Object.keys(person).length > 1) {
    note(bundle, 'warning', ownerOrigin, 'no-name', 'the site does not say whose it is (no first_name/last_name in _config.yml, no name in the CV): the person was not imported', 'set first_name and last_name in _config.yml and import again.');
  }
  // The CV reader may have found a resume's publications under another owner id: they are the owner's.
  if (owner) for (const t of [...bundle.talks, ...bundle.teaching]) t.person = owner;
  else bundle.talks = [];

  // Publications, and the talks kept in the bibliography (`talk = {true}`, a talks.bib).
  const ids = new Set<string>();
  for (const file of listFiles(root, '_bibliography', ['.bib'])) {
    const text = readText(join(root, file), file, bundle, root);
    if (text === undefined) continue;
    const pubs = publicationsFromBibtex(file, text, bundle, { ids, skip: demoPaper, progress });
    for (const pub of pubs) {
      carryLinks(pub, files, bundle);
      if (isTalk(pub, file)) {
        if (!owner) {
          leaveOut(bundle, 'talks', 'the site names no owner');
          continue;
        }
        const talk = talkFromEntry(pub, owner, bundle);
        if (talk) bundle.talks.push(talk);
        continue;
      }
      bundle.publications.push(pub);
    }
  }

  readCoauthors(root, bundle);
  readNews(root, bundle, files, owner);
  readTeachings(root, bundle, owner, name);
  readAlFolioPages(root, bundle, files, cfg, owner, name);
  if (listFiles(root, '_projects', ['.md']).length) note(bundle, 'info', { file: '_projects' }, 'not-carried', 'the projects in _projects/ were not imported: a vita record has no projects', 'describe them in people/<id>/research.md.');
  return bundle;
}

function siteUrl(cfg: Record<string, unknown>, bundle: ImportBundle): string | undefined {
  let url = str(cfg.url);
  if (!url || /alshedivat\.github\.io|example\.com/.test(url)) return undefined;
  // `url: name.github.io` works in Jekyll's links only by luck: the address needs its scheme.
  if (!/^[a-z][a-z0-9+.-]*:/i.test(url) && /^(\/\/)?[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?(\/|$)/i.test(url)) {
    const fixed = `https://${url.replace(/^\/\//, '')}`;
    note(bundle, 'info', { file: '_config.yml' }, 'url-fixed', `the site's url "${url}" has no scheme; it was read as ${fixed}`, 'write `url: https://...` in _config.yml.');
    url = fixed;
  }
  const base = str(cfg.baseurl) ?? '';
  const full = `${url.replace(/\/$/, '')}${base ? `/${base.replace(/^\/|\/$/g, '')}` : ''}/`;
  return safeUrl(full);
}

function deobfuscate(email: string | undefined): string | undefined {
  if (!email) return undefined;
  return email
    .replace(/\s*[[(]\s*at\s*[\])]\s*/gi, '@')
    .replace(/\s*[[(]\s*dot\s*[\])]\s*/gi, '.')
    .replace(/\s+/g, '');
}

/** scholar: last_name: [Wu], first_name: [Lei, L.] -> the spellings of the owner's name on papers. */
function scholarAliases(cfg: Record<string, unknown>, fullName: string): string[] {
  const scholar = isRecord(cfg.scholar) ? cfg.scholar : {};
  const lasts = list(scholar.last_name).map(str).filter((x): x is string => !!x);
  const firsts = list(scholar.first_name).map(str).filter((x): x is string => !!x);
  if (lasts.some((l) => /^einstein$/i.test(l))) return [];
  const out: string[] = [];
  const own = fullName ? normalizeName(fullName) : '';
  for (const last of lasts) {
    for (const first of firsts) {
      const alias = `${first} ${last}`;
      // Initials of the same name are found anyway; a different family name (a maiden name) is worth keeping.
      const n = normalizeName(alias);
      // Initials alone ("A. K. O.-B."), or a family name of initials, would name anyone with those letters.
      if (n === own || onlyInitials(alias) || onlyInitials(last)) continue;
      if (fullName && normalizeName(splitName(fullName).family) === normalizeName(last) && /^[A-Z]\.?(\s*[A-Z]\.?)*$/.test(first)) continue;
      if (!out.some((a) => normalizeName(a) === n)) out.push(alias);
    }
  }
  return out;
}

/** al-folio's demo papers: Einstein and his contemporaries, before 1970. */
function demoPaper(entry: { fields: { name: string; text: string }[] }): string | undefined {
  const author = entry.fields.find((f) => f.name === 'author')?.text ?? '';
  const year = Number(entry.fields.find((f) => f.name === 'year')?.text ?? 0);
  if (/Einstein|Przibram|Podolsky/.test(author) && year > 0 && year < 1970) return "al-folio's demo papers";
  return undefined;
}

/** BibTeX link fields that point into the site (`pdf = {paper.pdf}` is assets/pdf/paper.pdf) are copied and relinked. */
const LINK_FIELDS = ['pdf', 'slides', 'poster', 'supp', 'supplement', 'supplementary', 'html', 'website', 'project', 'blog', 'code', 'video', 'data', 'dataset', 'url', 'preview'];
/** Where al-folio keeps the files of fields whose files are not PDFs. */
const FIELD_FOLDERS: Record<string, string> = { preview: 'assets/img/publication_preview' };

export function carryLinks(pub: ImportedPublication, files: SiteFiles, bundle: ImportBundle, base = 'assets/pdf'): void {
  const bib = pub.bibtex;
  if (!bib) return;
  let changed = false;
  for (const field of [...bib.fields]) {
    if (!LINK_FIELDS.includes(field.name)) continue;
    const target = field.raw.replace(/^[{"]|[}"]$/g, '').replace(/^\\url\{|\}$/g, '').trim();
    if (!target || /^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
    const link = files.link(target, FIELD_FOLDERS[field.name] ?? base, pub.origin);
    if (link === target) continue;
    changed = true;
    if (link) setField(bib, field.name, `{${link}}`);
    else {
      bib.fields.splice(bib.fields.indexOf(field), 1);
      bib.verbatim = undefined;
    }
  }
  if (!changed) return;
  const [record] = readBibtex(pub.origin.file, formatEntry(bib), new Diagnostics());
  const parsed = record ? Publication.safeParse(record.value) : undefined;
  if (parsed?.success) {
    pub.value = toValue(parsed.data);
    pub.checked = formatEntry(bib);
  } else note(bundle, 'warning', pub.origin, 'not-carried', `the links of \`${bib.key}\` could not be carried over`);
}

function readCv(root: string, bundle: ImportBundle, person: Record<string, unknown>, demoName: boolean): Origin | undefined {
  for (const file of ['_data/cv.yml', '_data/cv.yaml']) {
    if (!existsSync(join(root, file))) continue;
    const data = readYamlFile(root, file, bundle);
    if (isRecord(data) && isRecord(data.cv)) {
      if (DEMO_NAMES.has(normalizeName(str(data.cv.name) ?? ''))) {
        note(bundle, 'info', { file }, 'demo-content', `${file} is al-folio's demo CV (Albert Einstein); it was left out`);
        return undefined;
      }
      renderCvIntoBundle(data, { file }, bundle, person);
      return { file };
    }
    if (Array.isArray(data)) {
      // The demo CV is Einstein's: left out whole when it is still his, entry by entry when the owner filled it in
      // and left some of his behind.
      const fullName = data.flatMap((s) => (isRecord(s) ? list(s.contents) : [])).find((c) => isRecord(c) && /full name/i.test(str(c.name) ?? '')) as Record<string, unknown> | undefined;
      if (DEMO_NAMES.has(normalizeName(str(fullName?.value) ?? '')) || (!fullName && JSON.stringify(data).includes('Albert Einstein'))) {
        note(bundle, 'info', { file }, 'demo-content', `${file} is al-folio's demo CV (Albert Einstein); it was left out`);
        return undefined;
      }
      alFolioCv(data, file, bundle, person, /Einstein|Patent Office|Institute for Advanced Study|ETH Z[uü]rich/i.test(JSON.stringify(data)));
      return { file };
    }
  }
  for (const file of ['assets/json/resume.json', '_data/resume.json']) {
    if (!existsSync(join(root, file))) continue;
    const text = readText(join(root, file), file, bundle, root);
    const resume = text === undefined ? undefined : parseJson(text, file, bundle);
    if (!resume) continue;
    const name = isRecord(resume.basics) ? str(resume.basics.name) : undefined;
    if (name && DEMO_NAMES.has(normalizeName(name))) {
      note(bundle, 'info', { file }, 'demo-content', `${file} is al-folio's demo resume (Albert Einstein); it was left out`);
      return undefined;
    }
    if (!person.name && name) person.name = name;
    if (demoName && !name) continue;
    resumeIntoBundle(resume, { file }, bundle, person);
    return { file };
  }
  return undefined;
}

/** al-folio's own cv.yml: a list of sections {title, type: map | time_table | list | nested_list, contents}. */
function alFolioCv(sections: unknown[], file: string, bundle: ImportBundle, person: Record<string, unknown>, demoLeft = false): void {
  const demo: string[] = [];
  const push = (key: string, value: unknown) => {
    const listValue = (person[key] as unknown[] | undefined) ?? [];
    listValue.push(value);
    person[key] = listValue;
  };
  for (const section of sections) {
    if (!isRecord(section)) continue;
    const title = str(section.title) ?? '';
    const contents = list(section.contents);
    const origin = { file };
    if (/general information/i.test(title) || section.type === 'map') {
      for (const item of contents) {
        if (!isRecord(item)) continue;
        const name = str(item.name) ?? '';
        const value = str(item.value);
        if (/full name/i.test(name) && value) {
          if (!person.name) person.name = value;
          else if (normalizeName(String(person.name)) !== normalizeName(value)) note(bundle, 'info', origin, 'not-carried', `the CV's full name "${value}" differs from _config.yml's "${String(person.name)}"; the latter is used`);
        }
        else if (/e-?mail/i.test(name) && value && !person.email) person.email = deobfuscate(value);
        else if (value) note(bundle, 'info', origin, 'not-carried', `"${name}: ${value}" (${title}) was not imported: a vita record has no such field`);
      }
      continue;
    }
    if (/interest/i.test(title)) {
      person.interests = [...((person.interests as string[]) ?? []), ...contents.map((c) => (typeof c === 'string' ? plainText(c) : undefined)).filter((x): x is string => !!x)];
      continue;
    }
    if (/service|review|committee/i.test(title)) {
      const other = contents.flatMap((c) => (typeof c === 'string' ? [plainText(c)] : isRecord(c) ? [str(c.title), ...list(c.items).map(str)].filter((x): x is string => !!x) : []));
      const service = isRecord(person.service) ? person.service : {};
      person.service = { ...service, other: [...((service.other as string[]) ?? []), ...other] };
      continue;
    }
    const kind = /education/i.test(title) ? 'education' : /award|honou?r|scholarship|prize|fellowship|grant/i.test(title) ? 'awards' : /talk|presentation|lecture/i.test(title) ? 'talks' : /experience|employment|position|appointment|work|career/i.test(title) ? 'positions' : undefined;
    if (!kind || section.type !== 'time_table') {
      note(bundle, 'info', origin, 'not-carried', `the CV section "${title}" was not imported: vita does not know where it belongs`, 'add its entries to the person file by hand.');
      continue;
    }
    for (const item of contents) {
      if (!isRecord(item)) continue;
      const range = parseRange(String(item.year ?? ''));
      // Einstein's entries (all before 1960) left in a CV the owner filled in.
      const last = Number(/\d{4}/.exec(String(range?.end && range.end !== 'present' ? range.end : (range?.start ?? '')))?.[0] ?? NaN);
      if (demoLeft && last < 1960) {
        demo.push(str(item.title) ?? str(list(item.items)[0]) ?? '?');
        continue;
      }
      const description = list(item.description).flatMap((d) => (isRecord(d) ? [str(d.title), ...list(d.items).map(str)] : [str(d)])).filter((x): x is string => !!x).map(plainText);
      const items = list(item.items).map(str).filter((x): x is string => !!x).map(plainText);
      const name = str(item.title);
      const institution = str(item.institution);
      if (kind === 'education' && name && institution) {
        push('education', compact({ ...degreeAndField(name, undefined), institution, start: range?.end ? range.start : undefined, end: range?.end ?? range?.start, notes: description }));
      } else if (kind === 'positions' && name && institution) {
        push('positions', compact({ title: name, organization: institution, start: range?.start, end: range?.end, description: description.length ? description.map((d) => `- ${d}`).join('\n') : undefined }));
      } else if (kind === 'awards') {
        for (const award of [...(name ? [name] : []), ...items]) {
          const m = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(award);
          push('awards', compact({ title: m ? m[1]! : award, issuer: m ? m[2] : institution, date: range?.start, dates: range?.end && range.end !== 'present' ? undefined : undefined, note: range?.end ? `${range.start} – ${range.end}` : undefined }));
        }
      } else if (kind === 'talks' && name && range?.start) {
        bundle.talks.push({ person: '', value: { title: name, event: institution ?? name, date: range.start, virtual: false }, origin });
      } else {
        note(bundle, 'info', origin, 'skipped-item', `an entry of "${title}" (${name ?? items[0] ?? '?'}) was not imported: it lacks a title or an institution`);
      }
    }
  }
  if (demo.length) note(bundle, 'info', { file }, 'demo-content', `${demo.length} of al-folio's demo CV entries (${demo.slice(0, 3).join(', ')}${demo.length > 3 ? ' ...' : ''}) ${demo.length === 1 ? 'was' : 'were'} left out; the owner's entries were imported`);
}

/** _data/coauthors.yml: "lastname": [{firstname: [...], url}] -> people with a homepage, so papers link to them. */
function readCoauthors(root: string, bundle: ImportBundle): void {
  const file = '_data/coauthors.yml';
  const data = readYamlFile(root, file, bundle);
  if (!isRecord(data)) return;
  const demo: string[] = [];
  // The spelling of the family name as the papers print it ("coauthors.yml" keys are lower-case).
  const families = new Map<string, string>();
  for (const pub of bundle.publications) for (const a of pub.value.authors) families.set(normalizeName(splitName(a.name).family), splitName(a.name).family);
  const taken = new Set(bundle.people.map((p) => p.id));
  for (const [key, entries] of Object.entries(data)) {
    for (const entry of list(entries)) {
      if (!isRecord(entry)) continue;
      const first = list(entry.firstname).map(str).filter((x): x is string => !!x);
      const full = first.find((f) => !/^[A-Z]\.?(\s*[A-Z]\.?)*$/.test(f)) ?? first[0];
      if (!full) continue;
      // The template's people, one by one: a real co-author who shares a family name with them stays.
      if (DEMO_COAUTHORS.has(key.toLowerCase()) && (DEMO_FIRST_NAMES.has(full.toLowerCase()) || /wikipedia\.org/i.test(str(entry.url) ?? ''))) {
        demo.push(`${full} ${key.charAt(0).toUpperCase()}${key.slice(1)}`);
        continue;
      }
      const family = families.get(normalizeName(key)) ?? key.charAt(0).toUpperCase() + key.slice(1);
      const name = `${full} ${family}`;
      const id = personId(name);
      if (taken.has(id)) continue;
      taken.add(id);
      bundle.people.push({ id, value: compact({ name, homepage: safeUrl(entry.url) }), sections: {}, origin: { file } });
    }
  }
  if (demo.length) note(bundle, 'info', { file }, 'demo-content', `al-folio's demo co-author${demo.length === 1 ? '' : 's'} ${demo.join(', ')} ${demo.length === 1 ? 'was' : 'were'} left out`);
}

/** The template's biography, paragraph by paragraph, and HTML comments (never shown): what remains is the owner's. */
const TEMPLATE_ABOUT = [/Write your biography here/i, /Put your address \/ P\.O\. box/i, /Link to your social media connections/i, /Edit `?_bibliography\/papers\.bib`? and Jekyll will render/i];

function withoutTemplate(text: string): { body: string; template: number } {
  let template = 0;
  const paragraphs = text.replace(/<!--[\s\S]*?-->/g, '').split(/\n\s*\n/);
  const kept = paragraphs.filter((p) => {
    if (!TEMPLATE_ABOUT.some((re) => re.test(p))) return true;
    template++;
    return false;
  });
  return { body: kept.join('\n\n').replace(/\n{3,}/g, '\n\n').trim(), template };
}

function readNews(root: string, bundle: ImportBundle, files: SiteFiles, owner: string | undefined): void {
  let demo = 0;
  const slugs = new Set<string>();
  for (const file of listFiles(root, '_news', ['.md', '.markdown', '.html'], true)) {
    const doc = readFrontMatterFile(root, file, bundle);
    if (!doc) continue;
    const origin = { file, line: 1 };
    if (unpublished(doc.data, bundle, 'news', origin)) continue;
    const date = parseDate(doc.data.date) ?? parseDate(/(\d{4}-\d{2}-\d{2})/.exec(basename(file))?.[1]);
    const { text } = stripLiquid(doc.body);
    const body = files.markdown(decodeEntities(text).trim(), posix.dirname(file), origin, 'news');
    const title = str(doc.data.title);
    if (DEMO_NEWS.some((re) => re.test(title ?? '') || re.test(body.split('\n')[0] ?? ''))) {
      demo++;
      continue;
    }
    if (!date || date === 'present') {
      leaveOut(bundle, 'news', 'no date');
      note(bundle, 'warning', origin, 'skipped-item', 'news item without a date; it was not imported', 'give it `date: YYYY-MM-DD` in the front matter.');
      continue;
    }
    if (!body && !title) continue;
    // The slug from the words a reader sees, never from markup (`<a href=...>`, `**`).
    const words = plainText(title ?? body);
    let s = newsSlug(date, words);
    for (let n = 2; slugs.has(s); n++) s = `${newsSlug(date, words)}-${n}`;
    slugs.add(s);
    bundle.news.push({ slug: s, value: compact({ date, title, people: owner ? [owner] : undefined, body: body || undefined }), origin });
  }
  if (demo) leaveOut(bundle, 'news', "the template's demo", demo);
  if (demo) note(bundle, 'info', { file: '_news' }, 'demo-content', `${demo} of al-folio's demo announcements ${demo === 1 ? 'was' : 'were'} left out`);
}

function readTeachings(root: string, bundle: ImportBundle, owner: string | undefined, ownerName: string | undefined): void {
  for (const file of listFiles(root, '_teachings', ['.md', '.markdown'])) {
    const doc = readFrontMatterFile(root, file, bundle);
    if (!doc) continue;
    const origin = { file, line: 1 };
    if (unpublished(doc.data, bundle, 'teaching', origin)) continue;
    const course = str(doc.data.title);
    const instructor = str(doc.data.instructor)?.replace(/^(Prof\.?|Dr\.?|Professor)\s+/i, '');
    if (instructor === 'Example' || /^(Introduction to Machine Learning|Data Science Fundamentals)$/.test(course ?? '') && /Example/.test(String(doc.data.instructor))) {
      leaveOut(bundle, 'teaching', "the template's demo");
      note(bundle, 'info', origin, 'demo-content', `the course "${course}" is al-folio's demo; it was left out`);
      continue;
    }
    if (!course || !owner) continue;
    const term = parseTerm(String(doc.data.term ?? ''), doc.data.year);
    const other = instructor && ownerName && normalizeName(instructor) !== normalizeName(ownerName) && !normalizeName(ownerName).endsWith(normalizeName(instructor).split(' ').pop() ?? '#');
    bundle.teaching.push({
      person: owner,
      value: compact({ course, role: other ? 'ta' : 'instructor', term, instructor: other ? instructor : undefined, note: str(doc.data.course_id) && undefined }) as never,
      origin,
    });
    if (doc.body.trim()) note(bundle, 'info', origin, 'not-carried', `the course page of "${course}" (syllabus, schedule) was not imported: vita lists courses, it does not host them`, 'link the course page with `url:` in the teaching entry.');
  }
}

/** Jekyll leaves out a page with `published: false`: so does the import, counted and said. */
function unpublished(data: Record<string, unknown>, bundle: ImportBundle, kind: 'news' | 'teaching', origin: Origin): boolean {
  if (data.published !== false && !/^(false|no)$/i.test(String(data.published ?? ''))) return false;
  leaveOut(bundle, kind, 'not published (published: false)');
  note(bundle, 'info', origin, 'unpublished', `${origin.file} has \`published: false\`: the site does not show it, and it was not imported`);
  return true;
}
