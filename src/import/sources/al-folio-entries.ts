/**
 * al-folio's BibTeX as its owners write it, made into what vita reads: `equal = {12}` (positions without a separator),
 * preprints marked only by `journal = {preprint}`, an arXiv booktitle or an arXiv `pdf` link, and talks kept in the
 * bibliography (`talk = {true}`, or a talks.bib) that are talks, not papers.
 */
import { Diagnostics } from '../../diagnostics/diagnostic.js';
import { readBibtex } from '../../load/bibtex/index.js';
import { Publication } from '../../schema/publication.js';
import { Talk } from '../../schema/person.js';
import { formatEntry, setField } from '../bibtex-entries.js';
import { leaveOut, note, type BibField, type ImportBundle, type ImportedPublication, type ImportedTalk } from '../bundle.js';
import { compact, safeUrl } from '../text.js';
import { toValue } from './bibtex.js';

const text = (f: BibField | undefined) => f?.raw.replace(/^[{"]|[}"]$/g, '').replace(/[{}]/g, '').trim() ?? '';
const field = (pub: ImportedPublication, name: string) => pub.bibtex?.fields.find((f) => f.name === name);
const ARXIV_ID = /(\d{4}\.\d{4,5})(v\d+)?/;

/** Mends the entry's fields where al-folio's habits differ from BibTeX's; the entry is read again when changed. */
export function mendEntry(pub: ImportedPublication, bundle: ImportBundle): void {
  const bib = pub.bibtex;
  if (!bib) return;
  let changed = false;
  // equal = {12}: authors 1 and 2 (a number larger than the list is a run of one-digit positions).
  const authors = pub.value.authors.length;
  for (const name of ['equal', 'co_first', 'lead', 'corresponding']) {
    const f = field(pub, name);
    const digits = text(f);
    if (!f || !/^\d{2,}$/.test(digits) || Number(digits) <= authors) continue;
    const positions = [...digits].map(Number);
    if (positions.some((p) => p < 1 || p > authors)) continue;
    setField(bib, name, `{${positions.join(',')}}`);
    // The reader's warning about "author 12" is answered by the repair.
    bundle.notes = bundle.notes.filter((n) => !(n.code === 'load/bibtex-author-position' && n.file === pub.origin.file && n.message.startsWith(`\`${name}\` names author ${digits},`)));
    note(bundle, 'info', pub.origin, 'field-repaired', `\`${bib.key}\`: ${name} = {${digits}} was read as the authors ${positions.join(', ')}`);
    changed = true;
  }
  // A preprint that says so only in its venue, or by an arXiv PDF: the arXiv id, and no venue that is not one.
  const venueField = ['journal', 'booktitle', 'howpublished'].map((n) => field(pub, n)).find((f) => f && text(f));
  const venue = text(venueField);
  const preprintVenue = /^(pre-?print|arxiv\b|corr$)/i.test(venue) || /^arxiv preprint/i.test(venue);
  const arxivFrom = [venue, ...['eprint', 'arxiv', 'pdf', 'url', 'html'].map((n) => text(field(pub, n)))].map((v) => (/arxiv/i.test(v) || /^\d{4}\.\d{4,5}/.test(v) ? ARXIV_ID.exec(v)?.[1] : undefined)).find(Boolean);
  const pdfOnArxiv = /arxiv\.org\/(pdf|abs)\//i.test(text(field(pub, 'pdf')));
  const hasArxiv = !!(pub.value as { arxiv?: string }).arxiv;
  if (arxivFrom && !hasArxiv) {
    setField(bib, 'eprint', `{${arxivFrom}}`);
    setField(bib, 'archiveprefix', '{arXiv}');
    changed = true;
  }
  if ((preprintVenue || (pdfOnArxiv && !venue)) && pub.value.type !== 'preprint') {
    if (venueField && preprintVenue) bib.fields.splice(bib.fields.indexOf(venueField), 1);
    bib.type = 'misc';
    // Without an arXiv id, only its status says a @misc is a preprint.
    if (!arxivFrom && !hasArxiv && !field(pub, 'pubstate')) setField(bib, 'pubstate', '{preprint}');
    note(bundle, 'info', pub.origin, 'preprint', `\`${bib.key}\` is a preprint${arxivFrom ? ` (arXiv ${arxivFrom})` : ''}: ${preprintVenue ? `its venue "${venue}" says so` : 'its PDF is on arXiv and it names no venue'}`);
    changed = true;
  }
  if (changed) reread(pub, bundle);
}

function reread(pub: ImportedPublication, bundle: ImportBundle): void {
  const bib = pub.bibtex!;
  bib.verbatim = undefined;
  const [record] = readBibtex(pub.origin.file, formatEntry(bib), new Diagnostics());
  const parsed = record ? Publication.safeParse(record.value) : undefined;
  if (parsed?.success) {
    pub.value = toValue(parsed.data);
    pub.checked = formatEntry(bib);
  } else note(bundle, 'warning', pub.origin, 'not-carried', `the changes to \`${bib.key}\` could not be made; it is imported as written`);
}

/** `talk = {true}` in any bibliography, or every entry of a talks bibliography (talks.bib, invited_talks.bib). */
export function isTalk(pub: ImportedPublication, file: string): boolean {
  return /^(true|yes|1)$/i.test(text(field(pub, 'talk'))) || /(^|[/_-])talks?\b[^/]*\.bib$/i.test(file) || /(^|[/_-])presentations?\b[^/]*\.bib$/i.test(file);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A talk from a bibliography entry: the event from its venue fields, the place from its address; undefined when it names no event. */
export function talkFromEntry(pub: ImportedPublication, owner: string, bundle: ImportBundle): ImportedTalk | undefined {
  const v = pub.value;
  const raw = ['howpublished', 'booktitle', 'journal', 'organization', 'institution', 'school', 'note'].map((n) => text(field(pub, n))).find(Boolean) ?? '';
  const invited = /\b(invited|keynote|plenary)\b/i.test(raw) || undefined;
  // "Keynote, Workshop on X" or "Invited talk at the X": the event is X.
  const event = raw.replace(/^(?:(?:invited|keynote|plenary|contributed|spotlight)\s*(?:talk|lecture|presentation)?|talk)\s*(?:at|,|:|-)?\s+(?:the\s+(?=[A-Z]))?/i, '').trim() || raw;
  if (!event) {
    leaveOut(bundle, 'talks', 'no event named');
    note(bundle, 'warning', pub.origin, 'skipped-item', `the talk \`${pub.bibtex?.key}\` names no event (howpublished, booktitle); it was not imported`, 'add it to the person file by hand.');
    return undefined;
  }
  const month = text(field(pub, 'month')).toLowerCase();
  const m = /^\d{1,2}$/.test(month) ? Number(month) : MONTHS.indexOf(month.slice(0, 3)) + 1;
  const date = m >= 1 && m <= 12 ? `${v.year}-${String(m).padStart(2, '0')}` : String(v.year);
  const value = compact({
    title: v.title,
    event,
    place: text(field(pub, 'address')) || text(field(pub, 'location')) || undefined,
    date,
    virtual: /\b(virtual|online)\b/i.test(`${raw} ${text(field(pub, 'address'))}`),
    invited,
    url: safeUrl(v.url ?? v.links?.html ?? v.links?.project),
    slides: safeUrl(v.links?.slides),
    video: safeUrl(v.links?.video),
  });
  const parsed = Talk.safeParse(value);
  if (!parsed.success) {
    leaveOut(bundle, 'talks', 'could not be read');
    note(bundle, 'warning', pub.origin, 'skipped-item', `the talk \`${pub.bibtex?.key}\` could not be read as a talk; it was not imported`);
    return undefined;
  }
  return { person: owner, value: value as ImportedTalk['value'], origin: pub.origin };
}
