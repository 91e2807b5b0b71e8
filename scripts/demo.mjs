// `npm run demo`: checks the example group's record, builds its website, CVs and a seminar poster, and says where they are.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const example = 'examples/pku-group';
const vita = (...args) => {
  const r = spawnSync(process.execPath, ['dist/cli/main.js', ...args], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

console.log(`vita demo: the example group in ${example}/\n`);
vita('check', example);
console.log('');
vita('build', example);
for (const person of ['lei-wu', 'mingze-wang']) vita('cv', example, '--person', person);
vita('announce', 'scms-colloquium/2025-07-23-weijie-su', example);
console.log(`
The site is in ${example}/_site/ — open ${example}/_site/index.html, or serve it:
  npx vita dev ${example}            (serves on http://127.0.0.1:4321 and reloads on every edit)
CVs:    ${example}/_site/people/lei-wu/cv.pdf, cv.md (and mingze-wang)
Poster: ${example}/_site/announce/2025-07-23-weijie-su-poster.pdf (+ email and .ics)`);
