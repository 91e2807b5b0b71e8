/**
 * Talks kept in an al-folio bibliography (`talk = {true}`, or a talks.bib): talks, not papers. (The repairs of its
 * BibTeX habits, `equal = {12}` and preprints marked by their venue, are every BibTeX import's: bibtex-repairs.ts.)
 */
import { Talk } from '../../schema/person.js';
import { leaveOut, note, type BibField, type ImportBundle, type ImportedPublication, type ImportedTalk } from '../bundle.js';
import { compact, safeUrl } from '../text.js';

const text = (f: BibField | undefined) => f?.raw.replace(/^[{"]|[}"]$/g, '').replace(/[{}]/g, '').trim() ?? '';
const field = (pub: ImportedPublication, name: string) => pub.bibtex?.fields.find((f) => f.name === name);

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
