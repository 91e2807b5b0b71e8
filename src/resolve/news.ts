/** News, attributed to its people (the owner's or the group lead's by default), with its publications checked. */
import { Diagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ConfigInput, NewsInput } from '../schema/index.js';
import { closest } from '../text/suggest.js';
import type { Located } from '../validate/index.js';
import type { News, Publication } from './graph.js';
import type { PeopleDirectory } from './people.js';
import { compare } from './publications.js';

export interface ResolvedNews {
  /** Newest first. */
  news: News[];
  /** Each person's news ids, newest first; people without any are absent. */
  byPerson: Map<string, string[]>;
  diagnostics: Diagnostic[];
}

export function resolveNews(items: readonly Located<NewsInput>[], config: ConfigInput, directory: PeopleDirectory, publications: ReadonlyMap<string, Publication>): ResolvedNews {
  const diagnostics = new Diagnostics();
  const d = directory.reportingTo(diagnostics);
  const fallback = config.owner ?? config.group?.lead;
  const news: News[] = [];
  for (const n of items) {
    const who = (n.value.people ?? (fallback ? [fallback] : [])).filter((id, i) => d.require(id, n, ['people', i]) || !n.value.people);
    const pubs = (n.value.publications ?? []).filter((key, i) => {
      if (publications.has(key)) return true;
      const guess = closest(key, publications.keys(), 4);
      diagnostics.error(n.file, n.locate(['publications', i]), 'resolve/unknown-publication', `"${key}" is not a publication of the project`, {
        input: key,
        hint: guess ? `did you mean "${guess}"?` : 'use the citation key of a publication in publications/.',
      });
      return false;
    });
    news.push({ ...n.value, id: n.id, file: n.file, people: who.filter((id) => directory.has(id)), publications: pubs });
  }
  news.sort((a, b) => compare(b.date, a.date) || compare(a.id, b.id));
  const byPerson = new Map<string, string[]>();
  for (const item of news) for (const id of item.people) (byPerson.get(id) ?? byPerson.set(id, []).get(id)!).push(item.id);
  return { news, byPerson, diagnostics: diagnostics.list };
}
