/** The legend of the author marks a list uses, in a language: the site's lists and the CVs say it alike. */
import type { Publication } from '../resolve/graph.js';
import { legend, marksUsed } from '../resolve/publications.js';
import { strings } from '../strings/index.js';

/** "* indicates equal contribution; † means project lead." in `lang`; undefined when the list uses no mark. */
export function legendIn(lang: string, pubs: readonly Publication[], mark: '*' | 'α-β'): string | undefined {
  // English is the resolver's own sentence (the same words as the catalogue's, kept in one place there).
  if (!lang || strings(lang) === strings('en')) return legend(pubs, mark);
  const used = marksUsed(pubs);
  const l = strings(lang).legend;
  const parts: string[] = [];
  if (used.equal && used.alphabetical && mark === '*') parts.push(l.equalOrAlphabetical);
  else {
    if (used.equal) parts.push(l.equal);
    if (used.alphabetical) parts.push(mark === '*' ? l.alphabeticalStar : l.alphabetical);
  }
  if (used.lead) parts.push(l.lead);
  if (used.corresponding) parts.push(l.corresponding);
  return parts.length ? parts.join(l.join) + l.end : undefined;
}
