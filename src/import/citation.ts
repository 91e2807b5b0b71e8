/**
 * A publication written as one line of text, the way CVs and hand-made pages list them:
 *
 *   Zihao Wang\*, **Lei Wu\***. Theoretical Analysis of ... Networks. In *Advances in Neural ... (NeurIPS)*, 2023.
 *   Vesely, A., Finos, L. & Goeman, J. J. (2023). "Permutation-based ... sum tests." *J. R. Stat. Soc. B* 85(3).
 *
 * Input is Markdown (jemdoc and HTML are converted to it first): `\*` after a name is an equal-contribution mark,
 * bold is the owner's highlight, italics mark the title or the venue. `(α-β)` or "(alphabetical order)" says the authors
 * are in alphabetical order. What cannot be told apart is returned as undefined, never guessed wildly.
 */
import { normalizeName, splitName } from '../resolve/names.js';
import { parseAuthorMarks } from '../schema/author-marks.js';
import type { PublicationType } from '../schema/publication.js';
import { leaveOut, note, type ImportBundle, type ImportedAuthor, type ImportedPublication, type Origin, type PublicationValue } from './bundle.js';
import { compact, decodeEntities, findArxiv, findDoi, publicationId, safeUrl, typeFromVenue, venueFrom } from './text.js';

export interface ParsedCitation {
  authors: ImportedAuthor[];
  title?: string;
  venue?: { name?: string; short?: string; year?: number };
  year?: number;
  type: PublicationType;
  status?: 'accepted' | 'under-review' | 'submitted' | 'in-preparation' | 'preprint';
  alphabetical?: boolean;
  arxiv?: string;
  doi?: string;
  links: { kind: string; url: string }[];
  /** The link on the title, when the title is a link. */
  url?: string;
  award?: string;
}

const LINK_KINDS: [RegExp, string][] = [
  [/^pdf$|^paper$|^full ?text$/i, 'pdf'],
  [/^code$|^github$|^software$/i, 'code'],
  [/^slides?$/i, 'slides'],
  [/^video$|^talk$|^youtube$/i, 'video'],
  [/^poster$/i, 'poster'],
  [/^project( page)?$|^website$|^page$/i, 'project'],
  [/^blog$/i, 'blog'],
  [/^data(set)?$/i, 'data'],
  [/^supp(lement(ary)?)?$/i, 'supplement'],
  [/^html$|^link$|^journal$|^publisher$|^proceedings$/i, 'html'],
];
const TAG_LINK = /^(pdf|paper|arxiv|code|github|slides?|video|poster|project( page)?|website|page|blog|data(set)?|supp(lement(ary)?)?|html|link|journal|publisher|proceedings|openreview|doi|bib(tex)?|abstract|talk|youtube|software|full ?text)$/i;

/** Markers used while parsing: a mark that cannot be confused with text. */
const STAR = '∗';

export function parseCitation(line: string): ParsedCitation | undefined {
  const links: { kind: string; url: string }[] = [];
  let titleUrl: string | undefined;
  let arxiv: string | undefined;
  let doi: string | undefined;
  let alphabetical: boolean | undefined;
  let text = decodeEntities(line)
    .replace(/<\/?(?:i|em|cite)>/gi, '*')
    .replace(/<\/?(?:b|strong)>/gi, '**')
    .replace(/<[^>]+>/g, '')
    .replace(/^\s*(?:[-*+]\s+)?(?:\[\d+\]|\(\d+\)|\d+\.)\s*/, '')
    .replace(/\s*\((?:α\s*[-–]\s*β|alphabetic(?:al)? order|authors in alphabetical order)\)\s*/gi, () => {
      alphabetical = true;
      return ' ';
    })
    .replace(/\\\*/g, STAR)
    .replace(/\\([#_&$])/g, '$1');
  // Links: tag links ([pdf], [code]) are taken out; a link on words keeps the words.
  text = text.replace(/\[([^\]]*)\]\(\s*<?([^)\s>]+)>?\s*\)/g, (_, label: string, url: string) => {
    const clean = label.replace(/[*_[\]]/g, '').trim();
    if (TAG_LINK.test(clean) || clean === '') {
      if (/arxiv/i.test(clean) || /arxiv\.org/.test(url)) arxiv ??= findArxiv(url);
      else if (/^doi$/i.test(clean)) doi ??= findDoi(url);
      else if (!/^(bib(tex)?|abstract|openreview)$/i.test(clean)) links.push({ kind: LINK_KINDS.find(([re]) => re.test(clean))?.[1] ?? 'html', url });
      return '';
    }
    titleUrl ??= url;
    return label;
  });
  text = text.replace(/\[\s*\]|\(\s*\)/g, '').replace(/\s+\|\s*/g, ' ').replace(/\s+/g, ' ').trim();
  // Bold is the owner's highlight: dropped. Italics are kept as spans.
  text = text.replace(/\*\*([^*]+?)\*\*|__([^_]+?)__/g, (_, a: string | undefined, b: string | undefined) => a ?? b ?? '');
  const italics: [number, number][] = [];
  let plain = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if ((c === '*' || (c === '_' && !/\w/.test(text[i - 1] ?? ''))) && text.indexOf(c, i + 1) > i + 1) {
      const end = text.indexOf(c, i + 1);
      const inner = text.slice(i + 1, end);
      // `*` right after a name with no closing italic text is a mark, not emphasis.
      if (c === '*' && (/^\s/.test(inner) || /\w$/.test(text[i - 1] ?? '') && /[,.\s]/.test(inner[0] ?? ''))) {
        plain += STAR;
        continue;
      }
      italics.push([plain.length, plain.length + inner.length]);
      plain += inner;
      i = end;
    } else plain += c === '*' ? STAR : c;
  }
  text = plain;

  arxiv ??= findArxiv(text) ?? (titleUrl && /arxiv\.org\/(?:abs|pdf)\//.test(titleUrl) ? findArxiv(titleUrl) : undefined);
  doi ??= findDoi(text) ?? (titleUrl && /doi\.org\//.test(titleUrl) ? findDoi(titleUrl) : undefined);
  const award = /\((oral|spotlight|best paper[^)]*|outstanding paper[^)]*|top \d+(?:\.\d+)?%[^)]*)\)/i.exec(text)?.[1];

  const apa = /^(.+?)\s*\((\d{4})[a-z]?(?:,[^)]*)?\)\.?\s+(.*)$/.exec(text);
  let authorsText: string | undefined;
  let restStart: number;
  let title: string | undefined;
  let year: number | undefined;
  if (apa && looksLikeAuthors(apa[1]!)) {
    authorsText = apa[1]!;
    year = Number(apa[2]);
    restStart = apa[0].length - apa[3]!.length;
    const after = text.slice(restStart);
    const quoted = /^["“]([^"”]+?)[.,]?["”][.,]?\s*/.exec(after);
    if (quoted) {
      title = quoted[1]!;
      restStart += quoted[0].length;
    } else {
      const italic = italics.find(([s]) => s >= restStart && s <= restStart + 1);
      const end = italic ? italic[1] : sentenceEnd(text, restStart);
      title = text.slice(restStart, end);
      restStart = end;
    }
  } else {
    const split = authorSplit(text);
    if (split === undefined) return undefined;
    authorsText = text.slice(0, split.end);
    restStart = split.next;
    const italic = italics.find(([s]) => s >= restStart && s <= restStart + 1);
    const quoted = /^["“]([^"”]+?)[.,]?["”][.,]?\s*/.exec(text.slice(restStart));
    if (italic) {
      title = text.slice(italic[0], italic[1]);
      restStart = italic[1];
    } else if (quoted) {
      title = quoted[1]!;
      restStart += quoted[0].length;
    } else {
      const end = sentenceEnd(text, restStart);
      title = text.slice(restStart, end);
      restStart = end;
    }
  }
  const authors = splitAuthors(authorsText);
  if (!authors.length) return undefined;
  title = title?.replace(/^["“'\s]+|["”'\s.,]+$/g, '').trim();
  const rest = text.slice(restStart).replace(/^[\s.,;:]+/, '');
  const years = [...rest.matchAll(/\b(19[5-9]\d|20\d\d)\b/g)].map((m) => Number(m[1]));
  year ??= years[years.length - 1] ?? [...text.matchAll(/\b(19[5-9]\d|20\d\d)\b/g)].map((m) => Number(m[1])).pop();
  // The venue: the italic text after the title, or the rest without the year, "In", arXiv ids and notes.
  const venueItalic = italics.find(([s, e]) => s >= restStart && e > s);
  let venueText = venueItalic ? text.slice(venueItalic[0], venueItalic[1]) : rest;
  venueText = venueText
    .replace(/^\s*In:?\s+/i, '')
    .replace(/\barXiv:\s*\S+/gi, '')
    .replace(/\b(?:doi:\s*)?10\.\d{4,9}\/\S+/gi, '')
    .replace(/\((?:oral|spotlight|best paper[^)]*|outstanding paper[^)]*|top \d+(?:\.\d+)?%[^)]*)\)/gi, '')
    .replace(/\(?\b(?:to appear|accepted|in press|forthcoming|under review|submitted|in preparation)\b\)?/gi, '')
    .replace(/\(\s*pp?\.[^)]*\)/gi, '')
    .replace(/,?\s*(?:pp?\.\s*)?\d+\s*[-–]+\s*\d+\s*\.?$/, '')
    .replace(/[,.;\s]*\b(19[5-9]\d|20\d\d)\b[.,;\s]*$/, '')
    .replace(/[\s.,;:]+$/, '')
    .trim();
  if (!venueItalic) venueText = venueText.replace(/[.;]\s.*$/, '').trim();
  const lower = text.toLowerCase();
  const status: ParsedCitation['status'] =
    /\bto appear\b|\baccepted\b|\bin press\b|\bforthcoming\b/.test(lower) ? 'accepted'
    : /\bunder review\b/.test(lower) ? 'under-review'
    : /\bsubmitted\b/.test(lower) ? 'submitted'
    : /\bin preparation\b/.test(lower) ? 'in-preparation'
    : undefined;
  let type = typeFromVenue(venueText || (arxiv ? 'arXiv' : undefined));
  if (!venueText && (status === 'under-review' || status === 'submitted' || status === 'in-preparation')) type = 'preprint';
  const venue = venueText && type !== 'preprint' ? venueFrom(venueText) : undefined;
  return {
    authors,
    title: title || undefined,
    venue,
    year,
    type,
    ...(status ? { status } : {}),
    ...(alphabetical ? { alphabetical } : {}),
    ...(arxiv ? { arxiv } : {}),
    ...(doi ? { doi } : {}),
    links,
    ...(titleUrl ? { url: titleUrl } : {}),
    ...(award ? { award: award.replace(/^\w/, (c) => c.toUpperCase()) } : {}),
  };
}

/** An author line with its marks and highlights taken off, for telling whether it is a list of names. */
export function cleanAuthorLine(line: string): string {
  return line
    .replace(/\((?:α\s*[-–]\s*β|alphabetic(?:al)? order|authors in alphabetical order)\)/gi, '')
    .replace(/<sup>[^<]*<\/sup>/gi, '')
    .replace(/\\([*#])/g, '')
    .replace(/[*_†‡#∗✉]/g, '')
    .replace(/[\s.,;:]+$/, '')
    .trim();
}

/** Words of venues, never of names: "Physical Review Letters" is not three authors. */
const VENUE_WORD = /\b(?:journal|review|letters|proceedings|conference|transactions|annals|advances|symposium|workshop|press|university|society|institute|mathematics|mathematical|statistics|statistical|physics|learning|systems|science|sciences|research|computing|analysis|optimization|bulletin|archive|preprint|arxiv|networks|intelligence|theory|communications|notes|methods|applications|foundations|international|national|annual|meeting|forum|magazine|quarterly|acta|revue|zeitschrift)\b/i;

const TITLE_FIRST = /^\s*(?:(\*{1,2})?\[([^\]]+)\]\(\s*<?([^)\s>]+)>?\s*\)\1?|(\*{1,2})([^*\n]+?)\4)[ \t]*[.,:]?[ \t]*/;

/**
 * An entry written title first, as jemdoc and hand-made pages list them, turned into the usual order
 * (`Authors. *Title*. Venue, Year.`):
 *
 *   [https://doi.org/... Title] \n Authors \n /Venue/, 2024.      (jemdoc: a line each)
 *   - [https://... Title], Author One, Author Two, Venue, 2022      (one line, commas)
 *
 * Undefined when the entry does not start with a title alone (a link on words, or bold or italic words) followed by
 * names.
 */
export function titleFirstCitation(text: string): string | undefined {
  const m = TITLE_FIRST.exec(text);
  if (!m) return undefined;
  const title = (m[2] ?? m[5] ?? '').replace(/^[*_\s]+|[*_\s]+$/g, '').trim();
  const url = m[3];
  // A title in Title Case joined by "and" ("Sharp Minima and Stochastic Gradient Descent") reads like two names: it is
  // taken for a title only when names follow it (a linked name followed by a venue is not a paper).
  const namelike = looksLikeAuthors(cleanAuthorLine(title));
  if (title.length < 8 || TAG_LINK.test(title)) return undefined;
  let after = text.slice(m[0].length);
  const tags: string[] = [];
  after = after.replace(/^(?:[ \t]*\[[^\]]{1,20}\]\([^)\s]+\)[.,]?)+/, (t) => {
    tags.push(t.trim());
    return '';
  });
  let authors: string | undefined;
  let rest: string;
  const lines = after.split('\n').map((l) => l.trim()).filter(Boolean);
  if (after.startsWith('\n') || /^\s*\n/.test(after)) {
    if (!lines[0] || VENUE_WORD.test(lines[0]) || !looksLikeAuthors(cleanAuthorLine(lines[0]))) return undefined;
    authors = lines[0];
    rest = lines.slice(1).join(' ');
  } else {
    // "Title, A. One, B. Two, Venue, 2022": the names are the parts before the first that is not a name.
    const parts = lines.join(' ').split(/\s*,\s*(?![^(]*\))/);
    let n = 0;
    while (n < parts.length - 1) {
      const part = cleanAuthorLine(parts[n]!);
      const words = part.replace(/\s+(?:and|&)\s+.*$/, '').split(/\s+/);
      if (!part || /\d/.test(part) || VENUE_WORD.test(part) || words.length < 2 || words.length > 5 || !looksLikeAuthors(part)) break;
      n++;
    }
    if (n === 0) return undefined;
    authors = parts.slice(0, n).join(', ');
    rest = parts.slice(n).join(', ');
  }
  if (namelike && !/\b(?:19|20)\d\d\b/.test(rest)) return undefined;
  const titled = url ? `[*${title}*](${url})` : `*${title}*`;
  return `${authors.replace(/[\s.,;:]+$/, '')}. ${titled}. ${rest} ${tags.join(' ')}`.trim();
}

/** Where a sentence that starts at `from` ends: at ". ", "? " or "! " not after an initial. */
function sentenceEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if ((c === '.' || c === '?' || c === '!') && (i + 1 === text.length || text[i + 1] === ' ')) {
      if (c === '.' && /(?:^|[\s(])[A-Z]$/.test(text.slice(Math.max(from, i - 2), i))) continue;
      return c === '.' ? i : i + 1;
    }
  }
  return text.length;
}

/** The end of the author list: the first ". " whose prefix reads as names. */
function authorSplit(text: string): { end: number; next: number } | undefined {
  // "M. Brandt, S. Lindqvist. Title": names written initials first, where an initial never ends a name.
  const initialsFirst = /^\s*\p{Lu}\.\s*(?:-?\p{Lu}\.\s*)*\p{Lu}[\p{L}'’-]+/u.test(text);
  for (let i = text.indexOf('.'); i !== -1; i = text.indexOf('.', i + 1)) {
    if (text[i + 1] !== ' ' && i + 1 !== text.length) continue;
    const before = text.slice(0, i);
    // "Emily B. Fox": a period after an initial does not end the list.
    const lastPart = (before.split(/,|\s(?:and|&)\s/).pop() ?? '').trim();
    // "Emily B. Fox. Title": a middle initial, when a name goes on after it; "Weinan E. Title" ends the list.
    const goesOn = /^\s*\p{Lu}[\p{L}'’-]*\s*(?:[,.∗*†#]|\s(?:and|&)\s|$)/u.test(text.slice(i + 1));
    const onlyInitials = /^(\p{Lu}\.?[\s-]*)+$/u.test(lastPart);
    if (/(?:^|[\s(-])\p{Lu}$/u.test(before) && (!onlyInitials || initialsFirst) && goesOn) continue;
    if (looksLikeAuthors(before)) return { end: i, next: i + 2 };
    return undefined;
  }
  return undefined;
}

const PARTICLE = /^(van|von|de|der|den|di|da|del|della|des|du|dos|das|ten|ter|le|la|y|bin|al|el)$/;

/** Names separated by commas, "and" or "&": each one to five capitalised words, initials or CJK. */
export function looksLikeAuthors(text: string): boolean {
  const parts = authorParts(text);
  if (parts.length === 0 || parts.length > 80) return false;
  return parts.every((p) => {
    const name = parseAuthorMarks(p.replace(new RegExp(STAR, 'g'), '*')).name.replace(/[*∗]+$/, '').trim();
    if (!name) return false;
    if (/^et al\.?$|^others$/i.test(name)) return true;
    if (/^[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}·\s]{2,8}$/u.test(name)) return true;
    const words = name.split(/\s+/);
    if (words.length > 5) return false;
    return words.every((w) => /^\p{Lu}/u.test(w) || PARTICLE.test(w) || /^\p{Lu}\.?(-\p{Lu}\.?)?$/u.test(w));
  });
}

function authorParts(text: string): string[] {
  // "Wu, Lei and Ma, Chao" (BibTeX's order): each name between the "and"s is "Family, Given".
  const byAnd = text.split(/\s+and\s+/);
  if (byAnd.length >= 2 && byAnd.every((p) => /^[^,]+,[^,]+$/.test(p.trim()))) {
    return byAnd.map((p) => {
      const [family, given] = p.split(',').map((x) => x.trim()) as [string, string];
      const marks = (/[∗*†#]+$/.exec(family)?.[0] ?? '') + (/[∗*†#]+$/.exec(given)?.[0] ?? '');
      return `${given.replace(/[∗*†#]+$/, '')} ${family.replace(/[∗*†#]+$/, '')}${marks}`;
    });
  }
  const cleaned = text.replace(/\s+(?:and|&)\s+/g, ', ').replace(/,\s*,/g, ',');
  const tokens = cleaned.split(/\s*,\s*/).map((t) => t.trim()).filter(Boolean);
  // "Vesely, A., Finos, L.": family names followed by initials are put back together.
  const initials = (t: string) => /^(\p{Lu}\.\s?(?:-?\p{Lu}\.\s?)*)$/u.test(t.replace(new RegExp(STAR, 'g'), ''));
  if (tokens.length >= 2 && tokens.length % 2 === 0 && tokens.every((t, i) => (i % 2 === 1 ? initials(t) : !initials(t)))) {
    const out: string[] = [];
    for (let i = 0; i < tokens.length; i += 2) {
      const marks = /[∗*†#]+$/.exec(tokens[i + 1]!)?.[0] ?? /[∗*†#]+$/.exec(tokens[i]!)?.[0] ?? '';
      out.push(`${tokens[i + 1]!.replace(/[∗*†#]+$/, '').trim()} ${tokens[i]!.replace(/[∗*†#]+$/, '')}${marks}`);
    }
    return out;
  }
  return tokens;
}

export function splitAuthors(text: string): ImportedAuthor[] {
  const out: ImportedAuthor[] = [];
  for (const part of authorParts(text)) {
    const marked = parseAuthorMarks(part.replace(new RegExp(STAR, 'g'), '*'));
    const name = marked.name.replace(/[*]+$/, '').trim();
    if (!name || /^et al\.?$|^others$/i.test(name)) continue;
    out.push({ name, roles: marked.roles });
  }
  return out;
}

/**
 * A parsed line as a publication of the bundle, or a note saying why it is not one. `section` may say the kind
 * ("Preprints", "Journal papers") where the line does not.
 */
export function citationToPublication(
  line: string,
  origin: Origin,
  bundle: Pick<ImportBundle, 'notes' | 'leftOut'>,
  options: { section?: string; equalMeansAlphabetical?: boolean } = {},
): ImportedPublication | undefined {
  const parsed = parseCitation(titleFirstCitation(line) ?? line);
  const excerpt = line.replace(/\s+/g, ' ').trim().slice(0, 70);
  if (!parsed || !parsed.title) {
    leaveOut(bundle, 'publications', 'could not be read');
    note(bundle, 'warning', origin, 'entry-skipped', `this publication could not be read: "${excerpt}..."`, 'write it as "Authors. Title. Venue, Year." (with a period after the authors and after the title), or add it by hand.');
    return undefined;
  }
  if (!parsed.year) {
    leaveOut(bundle, 'publications', 'no year');
    note(bundle, 'warning', origin, 'entry-skipped', `"${parsed.title}" was not imported: it has no year`, 'add the year to the line and import again.');
    return undefined;
  }
  const section = options.section ?? '';
  let type = parsed.type;
  if (/preprint|working paper|submitted|under review|in preparation/i.test(section) && type === 'article' && !parsed.venue?.name) type = 'preprint';
  else if (/journal/i.test(section) && type === 'conference' && !/proceedings|conference/i.test(parsed.venue?.name ?? '')) type = 'article';
  else if (/conference|proceedings/i.test(section) && type === 'article') type = 'conference';
  else if (/workshop/i.test(section) && (type === 'article' || type === 'conference')) type = 'workshop';
  else if (/thes[ie]s/i.test(section)) type = 'thesis';
  const status = parsed.status ?? (/submitted/i.test(section) ? 'submitted' : /under review/i.test(section) ? 'under-review' : /in preparation/i.test(section) ? 'in-preparation' : undefined);
  const links: Record<string, string> = {};
  for (const l of parsed.links) {
    const url = safeUrl(l.url);
    if (url && !links[l.kind]) links[l.kind] = url;
  }
  const value = compact({
    id: publicationId(parsed.authors[0]?.name, parsed.year, parsed.title),
    type: status && status !== 'accepted' && !parsed.venue?.name ? 'preprint' : type,
    title: parsed.title,
    authors: parsed.authors,
    alphabetical: parsed.alphabetical,
    status: status === 'preprint' ? undefined : status,
    venue: parsed.venue ? compact({ name: parsed.venue.name, short: parsed.venue.short, year: parsed.venue.year !== undefined && parsed.venue.year !== parsed.year ? parsed.venue.year : undefined }) : undefined,
    year: parsed.year,
    award: parsed.award,
    doi: parsed.doi,
    arxiv: parsed.arxiv,
    // The title's link, unless it only leads to the DOI or the arXiv page the record already names.
    url: parsed.url && !(parsed.doi && /doi\.org\//.test(parsed.url)) && !(parsed.arxiv && /arxiv\.org\/abs\//.test(parsed.url)) ? safeUrl(parsed.url) : undefined,
    links: Object.keys(links).length ? links : undefined,
  }) as PublicationValue;
  const families = value.authors.map((a) => normalizeName(splitName(a.name).family));
  const sorted = families.every((f, i) => i === 0 || families[i - 1]!.localeCompare(f) <= 0);
  if (options.equalMeansAlphabetical && value.authors.length > 1 && sorted && value.authors.every((a) => a.roles.includes('equal'))) {
    // "* indicates equal contribution or alphabetical order": every author starred is alphabetical order.
    value.alphabetical = true;
    value.authors = value.authors.map((a) => ({ ...a, roles: a.roles.filter((r) => r !== 'equal') }));
  }
  return { value, origin };
}
