// `npm run demo`: checks the example group's record, builds its website, CVs and a seminar poster, and says where they
// are. It runs the compiled vita (dist/), which `npm run demo` compiles first only when src/ changed.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const example = 'examples/pku-group';
const vita = (what, ...args) => {
  if (what) console.log(`\n— ${what}`);
  const r = spawnSync(process.execPath, ['dist/cli/main.js', ...args], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

console.log(`vita demo: the example group in ${example}/`);
vita('checking the record (vita check)', 'check', example);
vita('building the website, with its CV PDFs and search index (vita build; 10-30 s)', 'build', example);
for (const person of ['lei-wu', 'mingze-wang']) vita(`typesetting the CV of ${person} (vita cv)`, 'cv', example, '--person', person);
vita('making the poster, email and calendar entry of a colloquium talk (vita announce)', 'announce', 'scms-colloquium/2025-07-23-weijie-su', example);
console.log(`
The site is in ${example}/_site/. It is built for its address, https://example.org/pku-ml/, so its pages
link to /pku-ml/...: opened from the disk they find no stylesheet. See it served at that path:
  node dist/cli/main.js serve ${example}    (http://127.0.0.1:4321/pku-ml/)
or as a live preview that reloads on every edit of the record:
  node dist/cli/main.js dev ${example}      (http://127.0.0.1:4321/)
CVs:    ${example}/_site/people/lei-wu/cv.pdf, cv.md (and mingze-wang)
Poster: ${example}/_site/announce/2025-07-23-weijie-su-poster.pdf (+ email and .ics)`);
