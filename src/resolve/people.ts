/** Finding people: ids and names written anywhere in the record, linked to the people of the project. */
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type { DataPath } from '../load/record.js';
import type { LocalizedText, PersonRefInput } from '../schema/index.js';
import type { Located } from '../validate/index.js';
import { closest } from '../text/suggest.js';
import type { PersonLink } from './graph.js';
import { latexToUnicode } from '../text/latex.js';
import { NameIndex } from './names.js';

export class PeopleDirectory {
  readonly index: NameIndex;
  constructor(
    readonly names: ReadonlyMap<string, string>,
    allNames: { id: string; names: string[] }[] | NameIndex,
    private readonly diagnostics: Diagnostics,
  ) {
    this.index = allNames instanceof NameIndex ? allNames : new NameIndex(allNames);
  }

  /** The same people, reporting into other diagnostics: each part of the graph keeps its own, to be reused apart. */
  reportingTo(diagnostics: Diagnostics): PeopleDirectory {
    return new PeopleDirectory(this.names, this.index, diagnostics);
  }

  /** The ids of the project's people. */
  ids(): Iterable<string> {
    return this.names.keys();
  }

  has(id: string): boolean {
    return this.names.has(id);
  }

  /** A person reference: an id must exist; a name is linked when it is someone of the project. */
  link(ref: PersonRefInput, at: Located<unknown>, path: DataPath): PersonLink {
    if (typeof ref === 'string') {
      if (this.has(ref)) return { name: this.names.get(ref)!, person: ref };
      if (looksLikeId(ref)) {
        this.unknown(ref, at, path);
        return { name: ref };
      }
      const found = this.index.idOf(ref);
      return found ? { name: latexToUnicode(ref), person: found } : { name: latexToUnicode(ref) };
    }
    if (ref.person) {
      if (!this.has(ref.person)) this.unknown(ref.person, at, [...path, 'person']);
      else return { name: ref.name ?? this.names.get(ref.person)!, person: ref.person, affiliation: ref.affiliation, url: ref.url };
    }
    const name = ref.name ?? ref.person ?? '';
    const found = ref.name ? this.index.idOf(ref.name) : undefined;
    return { name, person: found, affiliation: ref.affiliation, url: ref.url };
  }

  /** An id that must name a person of the project. */
  require(id: string, at: Located<unknown>, path: DataPath): boolean {
    if (this.has(id)) return true;
    this.unknown(id, at, path);
    return false;
  }

  unknown(id: string, at: Located<unknown>, path: DataPath): void {
    const guess = closest(id, this.names.keys());
    this.diagnostics.error(at.file, at.locate(path), 'resolve/unknown-person', `"${id}" is not a person of the project`, {
      path,
      input: id,
      hint: guess ? `did you mean "${guess}" (people/${guess}.yaml)?` : `add people/${id}.yaml, or write the person's name instead of an id.`,
    });
  }
}

/** Ids are lower-case words joined by hyphens; names have spaces or capitals. */
function looksLikeId(s: string): boolean {
  return /^[a-z0-9]+(-[a-z0-9]+)+$/.test(s);
}

/** Text per language, and the one to show by default. */
export function localized(text: LocalizedText, languages: readonly string[]): { all: Record<string, string>; main: string } {
  if (typeof text === 'string') return { all: { [languages[0] ?? 'en']: text }, main: text };
  const main = languages.map((l) => text[l]).find((v) => v !== undefined) ?? Object.values(text)[0] ?? '';
  return { all: { ...text }, main };
}
