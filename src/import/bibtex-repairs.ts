/**
 * BibTeX as people keep it by hand (al-folio's bibliographies, a Hugo page's cite.bib, a plain .bib), made into what
 * vita reads: `equal = {12}` (positions without a separator), preprints marked only by `journal = {preprint}`, an arXiv
 * booktitle or an arXiv `pdf` link, given their arXiv id. Every BibTeX import goes through here, once per entry.
 */
import { Diagnostics } from '../diagnostics/diagnostic.js';
import { readBibtex } from '../load/bibtex/index.js';
import { Publication } from '../schema/publication.js';
import { formatEntry, setField, toValue } from './bibtex-entries.js';
import { note, type BibField, type ImportBundle, type ImportedPublication } from './bundle.js';

const text = (f: BibField | undefined) => f?.raw.replace(/^[{"]|[}"]$/g, '').replace(/[{}]/g, '').trim() ?? '';
const field = (pub: ImportedPublication, name: string) => pub.bibtex?.fields.find((f) => f.name === name);
const ARXIV_ID = /(\d{4}\.\d{4,5})(v\d+)?/;

/** Mends the entry's fields where al-folio's habits differ from BibTeX's; the entry is read again when changed. */
export function mendEntry(pub: ImportedPublication, bundle: Pick<ImportBundle, 'notes'>): void {
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
    // In place: the caller may share this list with its own bundle.
    for (let i = bundle.notes.length - 1; i >= 0; i--) {
      const n = bundle.notes[i]!;
      if (n.code === 'load/bibtex-author-position' && n.file === pub.origin.file && n.message.startsWith(`\`${name}\` names author ${digits},`)) bundle.notes.splice(i, 1);
    }
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

function reread(pub: ImportedPublication, bundle: Pick<ImportBundle, 'notes'>): void {
  const bib = pub.bibtex!;
  bib.verbatim = undefined;
  const [record] = readBibtex(pub.origin.file, formatEntry(bib), new Diagnostics());
  const parsed = record ? Publication.safeParse(record.value) : undefined;
  if (parsed?.success) {
    pub.value = toValue(parsed.data);
    pub.checked = formatEntry(bib);
  } else note(bundle, 'warning', pub.origin, 'not-carried', `the changes to \`${bib.key}\` could not be made; it is imported as written`);
}
