/**
 * From what the user gave as flags to complete answers: the missing ones are asked in a terminal, or take their
 * defaults (`--yes`, or no terminal). The name is the one answer without a default.
 */
import {
  BASE_URL_PLACEHOLDER,
  FALLBACK_ID,
  checkId,
  cleanLine,
  idFromNames,
  isEmail,
  isLanguageCode,
  isWebAddress,
  mainLanguage,
  type Answers,
} from './answers.js';
import type { Prompter } from './prompt.js';
import { guessLanguage, slugify } from './slug.js';

/** Answers given as flags, as typed. */
export interface Given {
  folder?: string;
  name?: string;
  /** `--name-zh 吴磊` and the like: language code -> name. */
  otherNames: Record<string, string>;
  id?: string;
  affiliation?: string;
  email?: string;
  /** `--group "Name"`: a group site. */
  group?: string;
  baseUrl?: string;
  /** `--refresh` / `--no-refresh`: the weekly workflow that keeps publications and citation counts current. */
  refresh?: boolean;
}

/** A mistake in the flags: reported with a hint, exit status 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

export interface Collected {
  /** The folder to create, as the user gave it or as defaulted from the name. */
  folder: string;
  answers: Omit<Answers, 'packageName' | 'today' | 'vita'>;
}

/** Checks the flags before anything is asked, so that a typo in a script fails at once. */
export function checkGiven(given: Given): void {
  if (given.name !== undefined && cleanLine(given.name) === undefined) throw new UsageError('--name is empty', 'write your name: --name "Ada Lovelace".');
  for (const [lang, name] of Object.entries(given.otherNames)) {
    if (!isLanguageCode(lang)) throw new UsageError(`--name-${lang}: "${lang}" is not a language code`, 'use a code like zh, ja, ko or zh-Hant: --name-zh 吴磊.');
    if (cleanLine(name) === undefined) throw new UsageError(`--name-${lang} is empty`);
  }
  if (given.id !== undefined) {
    const problem = checkId(given.id);
    if (problem) throw new UsageError(`--id: ${problem}`);
  }
  const email = cleanLine(given.email);
  if (email !== undefined && !isEmail(email)) throw new UsageError(`--email: "${email}" is not an e-mail address`, 'write it as name@example.edu, or leave it out.');
  const url = cleanLine(given.baseUrl);
  if (url !== undefined && !isWebAddress(url)) throw new UsageError(`--base-url: "${url}" is not a web address`, 'write it as https://example.github.io/site/, or leave it out.');
  if (given.group !== undefined && cleanLine(given.group) === undefined) throw new UsageError('--group is empty', 'give the group\'s name: --group "Machine Learning Theory Group".');
}

/**
 * Completes the answers. With a prompter, what the flags left open is asked; without one, defaults are taken, and a
 * missing name is a UsageError. `checkFolder` rejects a folder the user is asked for (it returns why).
 */
export async function collectAnswers(given: Given, prompter: Prompter | undefined, checkFolder?: (folder: string) => string | undefined): Promise<Collected> {
  checkGiven(given);
  const ask = prompter?.ask.bind(prompter);

  let name = cleanLine(given.name);
  if (name === undefined) {
    if (!ask) throw new UsageError('a name is needed', 'give it with --name "Ada Lovelace" (with --yes, or without a terminal, nothing is asked).');
    name = cleanLine(await ask('Your name', { required: true }))!;
  }

  const otherNames: Record<string, string> = {};
  for (const [lang, other] of Object.entries(given.otherNames)) {
    if (lang === mainLanguage(name)) {
      throw new UsageError(`--name-${lang}: "${name}" is already the ${lang} name`, `give the name in ${lang} with --name, and the one in another script with --name-<language>.`);
    }
    otherNames[lang] = cleanLine(other)!;
  }
  if (ask && Object.keys(given.otherNames).length === 0) {
    const example = mainLanguage(name) === 'en' ? ', e.g. 吴磊' : ', e.g. Lei Wu';
    const other = cleanLine(await ask(`Your name in another script (optional${example})`, { default: '' }));
    if (other !== undefined) {
      const guess = guessLanguage(other) ?? (mainLanguage(name) === 'en' ? 'zh' : 'en');
      const lang = await ask('  Its language code', {
        default: guess,
        check: (v) =>
          !isLanguageCode(v) ? `"${v}" is not a language code: zh, ja, ko, en ...`
          : v === mainLanguage(name) ? `"${name}" is already the ${v} name; give the language of "${other}"`
          : undefined,
      });
      otherNames[lang] = other;
    }
  }

  let id = given.id ?? idFromNames(name, otherNames);
  if (id === undefined) {
    id = ask ? await ask('An id for file names and links, in Latin letters (your name, e.g. "lei-wu")', { default: FALLBACK_ID, check: checkId }) : FALLBACK_ID;
  }

  const affiliation = cleanLine(given.affiliation) ?? (ask && given.affiliation === undefined ? cleanLine(await ask('Affiliation (optional, e.g. "School of Mathematical Sciences, Peking University")', { default: '' })) : undefined);

  let email = cleanLine(given.email);
  if (email === undefined && ask && given.email === undefined) {
    email = cleanLine(await ask('Email (optional)', { default: '', check: (v) => (isEmail(v) ? undefined : `"${v}" is not an e-mail address`) }));
  }

  let group = cleanLine(given.group);
  if (group === undefined && ask) {
    const kind = await ask('Is the site for a person or a group? (person/group)', {
      default: 'person',
      check: (v) => (/^(p|person|g|group)$/i.test(v) ? undefined : 'answer "person" or "group"'),
    });
    if (/^g/i.test(kind)) group = cleanLine(await ask('Name of the group', { default: `${name}'s group` }));
  }

  // On by default: it does nothing until a person file names an ORCID, OpenAlex, DBLP or arXiv list, and then only
  // proposes, through a pull request.
  let refresh = given.refresh ?? true;
  if (given.refresh === undefined && ask) {
    const answer = await ask('Keep the publications current: a weekly GitHub Actions job that proposes new papers and citation counts as a pull request? (yes/no)', {
      default: 'yes',
      check: (v) => (/^(y|yes|n|no)$/i.test(v) ? undefined : 'answer "yes" or "no"'),
    });
    refresh = /^y/i.test(answer);
  }

  const suggested = (group !== undefined ? slugify(group) : undefined) ?? id;
  const folder = given.folder ?? (ask ? await ask('Folder for the project', { default: suggested, check: checkFolder }) : suggested);

  return {
    folder,
    answers: { name, otherNames, id, affiliation, email, group, baseUrl: cleanLine(given.baseUrl) ?? BASE_URL_PLACEHOLDER, refresh },
  };
}
