/**
 * A project whose publications are one large .bib file (40,000 entries by default), for measuring what reading and
 * building it costs: `node --import tsx bench/large-bib.ts <folder> [entries]`, then
 * `/usr/bin/time -v node dist/cli/main.js build <folder> --no-search` for the peak memory (maximum resident set size).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TOPICS = ['Sharpness', 'Implicit Bias', 'Scaling Laws', 'Kernel Methods', 'Transformers', 'Optimization', 'Generalization'];
const VENUES = ['International Conference on Machine Learning', 'Advances in Neural Information Processing Systems', 'Journal of Machine Learning Research'];

/** The text of a .bib file of `entries` entries, of a few authors each, some of them people of the project. */
export function largeBib(entries: number): string {
  const parts: string[] = [];
  for (let i = 0; i < entries; i++) {
    const kind = i % 3 === 2 ? 'article' : 'inproceedings';
    const venue = kind === 'article' ? `  journal   = {${VENUES[2]}},` : `  booktitle = {Proceedings of the ${VENUES[i % 2]}},`;
    parts.push(
      `@${kind}{paper${i},\n` +
        `  title     = {${TOPICS[i % TOPICS.length]} in Deep Learning, Part ${i}},\n` +
        `  author    = {Wu, Lei and Wang, Mingze and Author${i % 5000}, Some and E, Weinan},\n` +
        `${venue}\n` +
        `  year      = {${1990 + (i % 35)}},\n` +
        `  pages     = {${i}--${i + 12}},\n` +
        `  doi       = {10.1000/bench.${i}},\n` +
        `  abstract  = {We study $\\eta$-stable minima of stochastic gradient descent in setting number ${i}, and show that the sharpness is bounded by $2/\\eta$ along the whole trajectory.},\n` +
        `}\n\n`,
    );
  }
  return parts.join('');
}

export function writeLargeBibProject(folder: string, entries: number): void {
  mkdirSync(join(folder, 'people'), { recursive: true });
  mkdirSync(join(folder, 'publications'), { recursive: true });
  writeFileSync(join(folder, 'vita.yaml'), 'title: A large bibliography\ngroup:\n  name: Machine Learning Theory\n  lead: lei-wu\n');
  writeFileSync(join(folder, 'people', 'lei-wu.yaml'), 'name: Lei Wu\n');
  writeFileSync(join(folder, 'people', 'mingze-wang.yaml'), 'name: Mingze Wang\n');
  writeFileSync(join(folder, 'people', 'weinan-e.yaml'), 'name: Weinan E\n');
  writeFileSync(join(folder, 'publications', 'all.bib'), largeBib(entries));
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!)) {
  const [folder, entries = '40000'] = process.argv.slice(2);
  if (!folder) {
    console.error('usage: node --import tsx bench/large-bib.ts <folder> [entries]');
    process.exit(2);
  }
  writeLargeBibProject(folder, Number(entries));
  console.log(`wrote ${folder} (${entries} entries)`);
}
