/**
 * The files of a new project, as text, from the answers. Everything the user typed goes through an escaper for the
 * file's language: YAML values through the `yaml` package, BibTeX and Markdown through the small escapers below,
 * JSON through JSON.stringify.
 */
import YAML from 'yaml';
import { BASE_URL_PLACEHOLDER, mainLanguage, type Answers } from './answers.js';

/** Where the JSON Schemas are once vita is installed in the project (package.json "files" ships `schema/`). */
export const schemaDir = (a: Pick<Answers, 'vita'>): string => `node_modules/${a.vita.name}/schema`;
/** Where vita's reference documentation is once vita is installed (vita's package.json "files" ships `docs/`). */
export const referenceDir = (a: Pick<Answers, 'vita'>): string => `node_modules/${a.vita.name}/docs/reference`;

/** The command the GitHub Pages workflow builds with; `${BASE_URL_EXPRESSION}` is the Pages address. */
export const BASE_URL_EXPRESSION = '${{ steps.pages.outputs.base_url }}/';
export const WORKFLOW_BUILD = `npm run build -- --base-url "${BASE_URL_EXPRESSION}"`;

/** Project-relative path -> file text, in the order they are listed to the user. */
export function projectFiles(a: Answers): Record<string, string> {
  return {
    'vita.yaml': vitaYaml(a),
    [`people/${a.id}.yaml`]: personYaml(a),
    [`people/${a.id}/about.md`]: aboutMarkdown(a),
    'publications/papers.bib': papersBib(a),
    [`news/${a.today}-welcome.md`]: welcomeNews(a),
    'README.md': readme(a),
    'package.json': packageJson(a),
    '.gitignore': gitignore(),
    '.vscode/settings.json': vscodeSettings(a),
    '.github/workflows/deploy.yml': deployWorkflow(),
    ...(a.refresh ? { [REFRESH_WORKFLOW]: refreshWorkflow() } : {}),
  };
}

export const REFRESH_WORKFLOW = '.github/workflows/vita-refresh.yml';

// ---------------------------------------------------------------------------------------------------------------------
// Escaping

/** One YAML scalar on one line, quoted when YAML needs it ("null", "#1", "a: b" ...). */
export function yamlScalar(value: string | number | boolean): string {
  const text = YAML.stringify(value, { lineWidth: 0, minContentWidth: 0 }).trimEnd();
  // Answers are single lines, so this does not happen; JSON is valid YAML should it ever.
  return text.includes('\n') ? JSON.stringify(value) : text;
}

/** `key: value`, or a nested mapping for text in several languages. */
function yamlField(key: string, value: string | Record<string, string>, indent = ''): string {
  if (typeof value === 'string') return `${indent}${key}: ${yamlScalar(value)}\n`;
  return `${indent}${key}:\n` + Object.entries(value).map(([k, v]) => `${indent}  ${k}: ${yamlScalar(v)}\n`).join('');
}

/** The first line of a YAML file that tells the editor its schema, relative to the file. */
function schemaLine(a: Answers, file: string, kind: string): string {
  const up = '../'.repeat(file.split('/').length - 1);
  return `# yaml-language-server: $schema=${up || './'}${schemaDir(a)}/${kind}.schema.json\n`;
}

/** Text for BibTeX: braces and backslashes dropped, `~` (a space to LaTeX) made one, LaTeX's specials escaped, a lone "and" protected. */
export function bibtexText(value: string): string {
  return value
    .replace(/[{}\\]/g, '')
    .replace(/~/g, ' ')
    .replace(/([%&#_$])/g, '\\$1')
    .replace(/(^|\s)(and)(?=\s|$)/gi, '$1{$2}');
}

/** Text for Markdown: the characters that would start markup, links, math or HTML are escaped. */
export function markdownText(value: string): string {
  return value.replace(/([\\`*_[\]()<>$~|&#!])/g, '\\$1');
}

// ---------------------------------------------------------------------------------------------------------------------
// The record

/** The name as the schema's localised text: one string, or one per language. */
function nameValue(a: Answers): string | Record<string, string> {
  const others = Object.entries(a.otherNames);
  if (others.length === 0) return a.name;
  return { [mainLanguage(a.name)]: a.name, ...Object.fromEntries(others) };
}

export function vitaYaml(a: Answers): string {
  let out = schemaLine(a, 'vita.yaml', 'config');
  out += `# The site: its title, its address and whose it is. Every field: ${referenceDir(a)}/config.md\n`;
  out += yamlField('title', a.group ?? nameValue(a));
  out += '# Where the site will live. The GitHub Pages workflow (.github/workflows/deploy.yml) passes its own address;\n';
  out += `# write yours here for other hosts${a.baseUrl === BASE_URL_PLACEHOLDER ? ' (this one is a placeholder)' : ''}.\n`;
  out += yamlField('baseUrl', a.baseUrl);
  out += '# The first language is the default. Add another to publish pages in it too: [en, zh].\n';
  out += 'languages: [en]\n';
  if (a.group) {
    out += '# A group site: its people are the files in people/, its lead the person below.\n';
    out += 'group:\n';
    out += yamlField('name', a.group, '  ');
    out += yamlField('lead', a.id, '  ');
    if (a.affiliation) out += yamlField('institution', a.affiliation, '  ');
  } else {
    out += '# A personal site: the person it is about (people/<id>.yaml).\n';
    out += yamlField('owner', a.id);
  }
  return out;
}

export function personYaml(a: Answers): string {
  const file = `people/${a.id}.yaml`;
  let out = schemaLine(a, file, 'person');
  out += `# ${a.group ? 'The lead of the group' : 'You'}: name, contact, career. Every field, with examples: ${referenceDir(a)}/person.md\n`;
  out += '# Lines that start with # are examples: fill them in and remove the #.\n';
  out += yamlField('name', nameValue(a));
  out += '# title: Assistant Professor\n';
  if (a.affiliation) {
    out += 'affiliations:\n';
    out += yamlField('name', a.affiliation, '  - ');
    out += '    # url: https://www.example.edu/\n';
  } else {
    out += '# affiliations:\n#   - name: Department of Mathematics\n#     institution: Example University\n#     url: https://www.example.edu/\n';
  }
  if (a.email) out += yamlField('email', a.email);
  else out += '# email: you@example.edu\n';
  out += [
    '# photo: assets/photo.jpg',
    '# links:',
    '#   scholar: https://scholar.google.com/citations?user=...',
    '#   github: https://github.com/...',
    '#   orcid: https://orcid.org/0000-0000-0000-0000   # vita sync reads your works from it (and from the two below)',
    '#   openalex: https://openalex.org/A0000000000',
    '#   dblp: https://dblp.org/pid/00/0000',
    '# sync:',
    '#   arxiv: Ada Lovelace   # an arXiv name search; vita sync keeps what a co-author or an affiliation confirms',
    '# interests:',
    '#   - Mathematical foundations of machine learning',
    '',
    '# education:',
    '#   - degree: Ph.D.',
    '#     field: Mathematics',
    '#     institution: Example University',
    '#     start: 2015-09',
    '#     end: 2020-07',
    '#     advisors: [Jane Doe]     # a name, or the id of a person in people/',
    '# positions:',
    '#   - title: Assistant Professor',
    '#     organization: Example University',
    '#     start: 2021-09',
    '#     end: present',
    '# teaching:',
    '#   - course: Linear Algebra',
    '#     role: instructor          # instructor, co-instructor, ta or guest-lecturer',
    '#     terms: [Fall 2024, Fall 2025]',
    '# talks:',
    '#   - title: An Example Talk',
    '#     event: Example Seminar',
    '#     place: Example City',
    '#     date: 2025-03-14',
    '# awards:',
    '#   - title: Example Prize',
    '#     date: 2024',
    '',
  ].join('\n');
  if (a.group) {
    out += '# Membership of the group. Add each member as people/<their-id>.yaml with e.g. member: {role: phd, start: 2024}.\n';
    out += 'member:\n  role: pi\n';
  }
  return out;
}

export function aboutMarkdown(a: Answers): string {
  const where = a.affiliation ? ` at ${markdownText(a.affiliation)}` : '';
  return [
    `${markdownText(a.name)} is a researcher${where}.`,
    '',
    'Replace this text with your own: who you are, what you work on, where you studied and worked. It is the',
    '"About" of your homepage, written in Markdown. Other sections go next to this file: research.md (your research,',
    'citing your papers by their BibTeX keys), vision.md, recruiting.md and bio.md.',
    '',
  ].join('\n');
}

/** The example publications: the user is an author of each, so that they show on the new homepage. */
export function papersBib(a: Answers): string {
  const year = Number(a.today.slice(0, 4));
  const me = bibtexText(a.name);
  return [
    '% Example entries: replace them with your own.',
    '% Paste BibTeX as Google Scholar, DBLP or arXiv export it; vita also reads the fields al-folio uses (abbr, selected,',
    `% award, pdf, code, slides ...). Every field: ${referenceDir(a)}/bibtex.md`,
    '% Author roles: "Name*" for equal contribution, "Name\\dag" for the project lead, or equal = {1,2}, lead = {3}.',
    '',
    `@article{example${year - 2}journal,`,
    `  author   = {${me} and Mary Somerville},`,
    '  title    = {An Example Journal Article},',
    '  journal  = {Journal of Examples},',
    '  volume   = {1},',
    '  number   = {1},',
    '  pages    = {1--20},',
    `  year     = {${year - 2}},`,
    '  keywords = {examples},',
    '  note     = {Example},',
    '}',
    '',
    `@inproceedings{example${year - 1}conference,`,
    `  author    = {${me}* and Charles Babbage*},`,
    '  title     = {An Example Conference Paper with Two Equal Contributors},',
    '  booktitle = {Proceedings of the Example Conference},',
    '  abbr      = {EXCONF},',
    `  year      = {${year - 1}},`,
    '  selected  = {true},',
    '  keywords  = {examples},',
    '  note      = {Example},',
    '}',
    '',
    `@misc{example${year}preprint,`,
    `  author   = {Charles Babbage and ${me}},`,
    '  title    = {An Example Preprint},',
    `  year     = {${year}},`,
    '  status   = {preprint},',
    '  abstract = {A preprint is any work not yet published: give its arXiv identifier with `eprint = {2401.01234}` and `archivePrefix = {arXiv}`, or a link with `url`. Abstracts may hold math, as in $O(n \\log n)$.},',
    '  note     = {Example},',
    '}',
    '',
  ].join('\n');
}

export function welcomeNews(a: Answers): string {
  return [
    '---',
    `date: ${a.today}`,
    'title: A new website',
    '---',
    'This website is made with vita from one plain-text record: the pages, the CV and the publication list all come',
    'from the same files, so they always agree.',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------------
// Tooling

export function packageJson(a: Answers): string {
  const pkg = {
    name: a.packageName,
    private: true,
    description: a.group ? `Website and record of ${a.group}, made with vita` : `Website, CV and record of ${a.name}, made with vita`,
    scripts: { dev: 'vita dev', build: 'vita build', check: 'vita check' },
    dependencies: { [a.vita.name]: a.vita.spec },
    engines: { node: '>=20' },
  };
  return JSON.stringify(pkg, null, 2) + '\n';
}

export function gitignore(): string {
  // `.*.vita-staging/`: where a build is made before it replaces _site/ (left behind only by a build that was killed).
  return '_site/\nnode_modules/\n.vita-cache/\n.*.vita-staging/\n';
}

/** Which schema checks which files, for VS Code's YAML extension (redhat.vscode-yaml). */
export const SCHEMA_FILES: Record<string, string[]> = {
  config: ['vita.yaml'],
  person: ['people/*.yaml'],
  publications: ['publications/*.yaml'],
  news: ['news/*.yaml'],
  series: ['seminars/*/series.yaml'],
  // Events are named by their date (2025-07-23-weijie-su.yaml), which keeps series.yaml out.
  event: ['seminars/*/[0-9]*.yaml'],
};

export function vscodeSettings(a: Pick<Answers, 'vita'>): string {
  const schemas = Object.fromEntries(Object.entries(SCHEMA_FILES).map(([kind, globs]) => [`./${schemaDir(a)}/${kind}.schema.json`, globs]));
  return JSON.stringify({ 'yaml.schemas': schemas }, null, 2) + '\n';
}

/** The first steps of both workflows: the repository, and Node with npm's cache. */
const CHECKOUT_AND_NODE = `      - uses: actions/checkout@v6
      - uses: actions/setup-node@v6
        with:
          node-version: 20
          cache: npm
`;

/**
 * GitHub Pages: build on every push to main and deploy `_site` with the official Pages actions. The base URL comes from
 * actions/configure-pages, which knows the repository's Pages address: https://<user>.github.io/<repository> for a
 * project page, https://<user>.github.io for a user page (a repository named <user>.github.io), or a custom domain.
 * `npm ci` installs exactly what package-lock.json says, and setup-node keeps npm's cache between runs.
 */
export function deployWorkflow(): string {
  return `# Builds the website and publishes it on GitHub Pages at every push to main.
# Once, in the repository on GitHub: Settings -> Pages -> Build and deployment -> Source: GitHub Actions.
# Commit package-lock.json (npm install writes it): the build installs exactly what it says.
name: Deploy website

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

# One deployment at a time; a newer push waits for the running one.
concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
${CHECKOUT_AND_NODE}      - id: pages
        uses: actions/configure-pages@v6
      - run: npm ci --no-audit --no-fund
      # base_url is the site's address without the final slash: https://<user>.github.io/<repository> for a project
      # page, https://<user>.github.io for a user page, or your custom domain.
      - run: ${WORKFLOW_BUILD}
      - uses: actions/upload-pages-artifact@v5
        with:
          path: _site

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v5
`;
}

/**
 * The weekly job that keeps the record current: `vita metrics` (citation counts, where this vita has it) and
 * `vita sync --write` (new works), then a pull request with what changed, so that nothing changes unseen. Each step
 * may fail without losing what the other found; the job reports the failure after the pull request is made.
 */
export function refreshWorkflow(): string {
  return `# Keeps the record current: every Monday (and when you run it from the Actions tab) it asks the lists named in
# people/ for new publications (vita sync) and for citation counts (vita metrics), then opens a pull request with
# what changed: nothing changes without you seeing it. It does nothing until a person file names an ORCID
# (links.orcid), an OpenAlex author (links.openalex), a DBLP page (links.dblp) or an arXiv name (sync.arxiv).
# Once, in the repository on GitHub: Settings -> Actions -> General -> Workflow permissions ->
# "Allow GitHub Actions to create and approve pull requests".
# GitHub pauses scheduled workflows of a repository with no commit for 60 days: "Enable workflow" in the Actions tab.
# Optional: a repository variable VITA_MAILTO (your email, for OpenAlex's polite pool; the owner's email otherwise)
# and a secret OPENALEX_API_KEY.
name: Refresh publications and citations

on:
  schedule:
    # Mondays at 05:17 UTC: an odd minute, as GitHub's scheduler is busiest on the hour.
    - cron: '17 5 * * 1'
  workflow_dispatch:

permissions:
  contents: write
  pull-requests: write

concurrency:
  group: vita-refresh
  cancel-in-progress: false

jobs:
  refresh:
    runs-on: ubuntu-latest
    env:
      VITA_MAILTO: \${{ vars.VITA_MAILTO }}
      OPENALEX_API_KEY: \${{ secrets.OPENALEX_API_KEY }}
    steps:
${CHECKOUT_AND_NODE}      - run: npm ci --no-audit --no-fund
      # Citation counts into the project's cache; a vita without the metrics command skips this step.
      - id: metrics
        name: Citation counts (vita metrics)
        continue-on-error: true
        run: |
          if npx vita metrics --help > /dev/null 2>&1; then
            npx vita metrics
          else
            echo "this vita has no metrics command: skipped"
          fi
      # New works into publications/synced.yaml; the report becomes the pull request's description.
      - id: sync
        name: New publications (vita sync)
        continue-on-error: true
        run: |
          set -o pipefail
          npx vita sync --write | tee "$RUNNER_TEMP/sync.txt"
      - name: Describe the pull request
        run: |
          {
            echo "What vita found in the lists named in people/. Check each new work (publications/synced.yaml) and"
            echo "the answers kept in imports/cache/, then merge; close the pull request to discard them."
            echo
            echo '\`\`\`'
            cat "$RUNNER_TEMP/sync.txt" 2> /dev/null || echo "vita sync gave no report"
            echo '\`\`\`'
          } > "$RUNNER_TEMP/pull-request.md"
      # Nothing changed: no pull request. Changed again before you merged: the same pull request is updated.
      - uses: peter-evans/create-pull-request@v7
        with:
          branch: vita-refresh
          delete-branch: true
          commit-message: Refresh publications and citation counts (vita sync, vita metrics)
          title: Refresh publications and citation counts
          body-path: \${{ runner.temp }}/pull-request.md
      - name: Fail if a step failed
        if: steps.metrics.outcome == 'failure' || steps.sync.outcome == 'failure'
        run: |
          echo "vita metrics: \${{ steps.metrics.outcome }}; vita sync: \${{ steps.sync.outcome }} (its report is above)"
          exit 1
`;
}

export function readme(a: Answers): string {
  const who = a.group ? markdownText(a.group) : markdownText(a.name);
  const lines = [
    `# ${who}`,
    '',
    a.group
      ? `This folder is the record of ${who} in plain text: its people, publications, news and seminars. vita makes the website, the CVs and the publication lists from it, so they never disagree.`
      : `This folder is the record of ${who}'s academic life in plain text. vita makes the website, the CVs and the publication lists from it, so they never disagree.`,
    '',
    '## Edit first',
    '',
    `1. \`people/${a.id}.yaml\`: name, title, affiliation, links, education and positions. Lines that start with \`#\` are`,
    '   examples: fill them in and remove the `#`.',
    `2. \`people/${a.id}/about.md\`: the About text of the homepage, in Markdown.`,
    '3. `publications/papers.bib`: the publications. The entries there are examples (`note = {Example}`): delete them and',
    '   paste your own BibTeX from Google Scholar, DBLP or arXiv. Each paper is entered once and shows on every author\'s page.',
    '4. `vita.yaml`: the title of the site and `baseUrl`, the address it will live at.',
    `5. \`news/\`: one Markdown file per news item, named by its date, like \`news/${a.today}-welcome.md\`.`,
  ];
  if (a.group) {
    lines.push('6. Group members: one file each, `people/<their-id>.yaml`, with `member: {role: phd, start: 2024}`.');
  }
  lines.push(
    '',
    'In the Markdown files, cite papers by their BibTeX key, `[@key]` or `[@key1; @key2]`: every page numbers them to match',
    'the list it shows.',
    '',
    '## See it',
    '',
    'With Node.js 20 or newer:',
    '',
    '```sh',
    'npm install',
    'npx vita dev      # a preview of the site that follows your edits',
    'npx vita check    # every problem in the record, with file, line and a hint',
    'npx vita build    # the website, in _site/',
    'npx vita serve    # _site/ served as it will be online, at the address it was built for',
    '```',
    '',
    a.vita.spec.startsWith('file:')
      ? `vita itself is in \`${a.vita.spec.slice('file:'.length)}\`, so that \`npm install\` gives every copy of this folder (and the build on GitHub) the same vita. Commit it, with \`package-lock.json\`. \`npx vita upgrade\` replaces it with the vita you run.`
      : 'Commit `package-lock.json` (written by `npm install`): the build on GitHub installs exactly the versions it names.',
    '',
    'In VS Code, the YAML extension (redhat.vscode-yaml) completes and checks every field as you type once `npm install`',
    `has run. Every field of every file is described in \`${referenceDir(a)}/\`.`,
    '',
    '## Publish',
    '',
    '**GitHub Pages** is set up: push this folder to a GitHub repository, then in its Settings -> Pages choose',
    '"GitHub Actions" as the source. Every push to `main` builds the site and publishes it at',
    '`https://<user>.github.io/<repository>/`, or at `https://<user>.github.io/` for a repository named',
    '`<user>.github.io` (`.github/workflows/deploy.yml`).',
    '',
    '**Anywhere else**: `npx vita build --base-url https://your.address/` makes the site as a plain folder, `_site/`.',
    'GitLab Pages, Netlify, Cloudflare Pages or a university web server (`rsync -a --delete _site/ server:public_html/`) serve it as it is: see',
    `\`${referenceDir(a)}/deploy.md\`.`,
    '',
    ...(a.refresh
      ? [
          '## Keep it current',
          '',
          'Name your ORCID, OpenAlex author, DBLP page or an arXiv name search in your person file (`links.orcid`,',
          '`links.openalex`, `links.dblp`, `sync.arxiv`). Every Monday `.github/workflows/vita-refresh.yml` then asks them for',
          'new papers (`vita sync`) and citation counts (`vita metrics`) and opens a pull request with what changed: check',
          'it and merge. Once, on GitHub: Settings -> Actions -> General -> "Allow GitHub Actions to create and approve pull',
          'requests". `npx vita sync` shows the same proposals on your machine, and writes nothing without `--write`.',
          '',
        ]
      : []),
  );
  return lines.join('\n');
}
