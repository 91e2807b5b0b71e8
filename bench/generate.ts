/** Generates a department-sized vita project (people, publications, news, seminars) for benchmarks. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DepartmentSize {
  people: number;
  publications: number;
  news: number;
  events: number;
}

/**
 * How the publications are written. `short` (the default): 20 .bib files of short entries, a one-line abstract with
 * math. `long`: the shape of the shared comparison's department (a group's export from a reference manager): .bib
 * files of 2,500 entries each, with month, pages, publisher, DOI, keywords and an abstract of ten sentences or so
 * (about 1,000 characters, a few words in emphasis).
 */
export type EntryShape = 'short' | 'long';

/** Entries per .bib file in the `long` shape. */
export const LONG_PER_FILE = 2500;

const GIVEN = ['Lei', 'Mingze', 'Wei', 'Chao', 'Jing', 'Anna', 'Théo', 'Sofia', 'Hiroshi', 'Priya', 'Lucas', 'Yuki', 'Omar', 'Elena', 'Jun', 'Marta'];
const FAMILY = ['Wu', 'Wang', 'Ma', 'Su', 'Zhang', 'Müller', 'Dupont', 'Rossi', 'Tanaka', 'Sharma', 'Silva', 'Kim', 'Haddad', 'Novak', 'Chen', 'García'];
const WORDS = ['scaling', 'laws', 'implicit', 'bias', 'gradient', 'descent', 'transformers', 'kernel', 'approximation', 'stability', 'sharpness', 'noise', 'geometry', 'optimization', 'generalization', 'networks', 'learning', 'dynamics', 'spectral', 'convergence'];

/** A small deterministic generator, so every run builds the same department. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function generateDepartment(dir: string, size: DepartmentSize, shape: EntryShape = 'short'): void {
  const rnd = random(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  for (const sub of ['people', 'publications', 'news', 'seminars/dept-colloquium']) mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, 'vita.yaml'), `title: Department of Mathematics\nbaseUrl: https://example.org/\ngroup:\n  name: Department of Mathematics\n  lead: p0\nlanguages: [en]\n`.replace('p0', 'person-0'));

  const names: string[] = [];
  for (let i = 0; i < size.people; i++) {
    const name = `${pick(GIVEN)} ${String.fromCharCode(65 + (i % 26))}. ${pick(FAMILY)}${i}`;
    names.push(name);
    writeFileSync(
      join(dir, 'people', `person-${i}.yaml`),
      `name: "${name}"\ntitle: Professor\nemail: person${i}@example.org\neducation:\n  - degree: Ph.D.\n    institution: University ${i % 50}\n    start: ${1990 + (i % 20)}-09\n    end: ${1995 + (i % 20)}-07\nmember:\n  role: ${i % 5 === 0 ? 'faculty' : 'phd'}\n  start: ${2000 + (i % 20)}\n`,
    );
  }

  const chunks: string[] = [];
  for (let i = 0; i < size.publications; i++) {
    const authors = Array.from({ length: 1 + Math.floor(rnd() * 5) }, () => (rnd() < 0.6 ? pick(names) : `${pick(GIVEN)} ${pick(FAMILY)}`));
    const title = Array.from({ length: 6 + Math.floor(rnd() * 6) }, () => pick(WORDS)).join(' ');
    const year = 1995 + Math.floor(rnd() * 31);
    const head = `@inproceedings{pub${i},\n  title = {${title[0]!.toUpperCase()}${title.slice(1)} ${i}},\n  author = {${authors.join(' and ')}},\n  booktitle = {International Conference on Learning ${i % 7}},\n  abbr = {ICL},\n  year = {${year}},\n`;
    if (shape === 'short') chunks.push(`${head}  abstract = {We study $L^${i % 9}$ ${title}.},\n}\n`);
    else {
      const sentences = Array.from({ length: 8 + Math.floor(rnd() * 5) }, () => {
        const words = Array.from({ length: 10 + Math.floor(rnd() * 10) }, () => (rnd() < 0.02 ? `*${pick(WORDS)}*` : pick(WORDS)));
        return `${words[0]![0]!.toUpperCase()}${words.join(' ').slice(1)}.`;
      });
      const month = ['jan', 'mar', 'jun', 'sep', 'nov'][i % 5];
      chunks.push(`${head}  month = ${month},\n  pages = {${1 + (i % 400)}--${20 + (i % 400)}},\n  publisher = {Springer},\n  doi = {10.5555/pub-${i}.${year}},\n  keywords = {${pick(WORDS)}, ${pick(WORDS)}},\n  abstract = {${sentences.join(' ')}},\n}\n`);
    }
  }
  // Several files, as a real department keeps one per group.
  const perFile = shape === 'long' ? LONG_PER_FILE : Math.ceil(chunks.length / 20);
  for (let f = 0; f * perFile < chunks.length; f++) writeFileSync(join(dir, 'publications', `group-${f}.bib`), chunks.slice(f * perFile, (f + 1) * perFile).join('\n'));

  for (let i = 0; i < size.news; i++) {
    writeFileSync(join(dir, 'news', `n${i}.md`), `---\ndate: ${2000 + (i % 26)}-${String(1 + (i % 12)).padStart(2, '0')}\npeople: [person-${i % size.people}]\npublications: [pub${i % size.publications}]\n---\nA paper on ${pick(WORDS)} was accepted.\n`);
  }
  writeFileSync(join(dir, 'seminars/dept-colloquium/series.yaml'), `name: Department Colloquium\nhost:\n  name: Department of Mathematics\ntimezone: Europe/Paris\nvenue:\n  name: Room 1\n`);
  for (let i = 0; i < size.events; i++) {
    const day = new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10);
    writeFileSync(join(dir, 'seminars/dept-colloquium', `e${i}.yaml`), `title: Talk ${i} on ${pick(WORDS)}\nspeaker: person-${i % size.people}\nstart: "${day} 14:00"\nabstract: We discuss $x^${i % 5}$.\n`);
  }
}
