/** The text of `vita --help` and of each command's --help: kept next to the commands it describes. */
import { readFileSync } from 'node:fs';
import { NEW_HELP } from './new.js';
import { SOURCE_KINDS } from '../import/bundle.js';

export const VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const CHECK = `Usage: vita check [project] [--format text|json]

Reads the record and reports every problem at once (file:line:col, with a
hint), then the consistency findings: duplicate papers, venue year vs year,
unknown citations and people, stale entries, dead links; and the theme's
problems (theme/components.js), if the project has one.
  --format json        Diagnostics as JSON, for editors and CI.
Exit status: 0 with no errors (warnings allowed), 1 with errors.
`;

const BUILD = `Usage: vita build [project] [--out folder] [--base-url url] [--no-search]

Checks the record, then writes the website into the output folder (vita.yaml's
\`output\`, _site by default): every person's pages, publications with one page
each, research, CV (with its PDF), news, talks, teaching, group, seminars with
calendar feeds, Atom feeds, sitemap and a search index. Only files whose bytes
changed are written; files of an earlier build that are gone are removed.
A long publication list (over vita.yaml's publications.pageSize, 1000) gets a
page per year. The project's theme/ folder, if any, restyles the site
(theme/style.css) and overrides page components (theme/components.js; see
docs/theming.md); a broken component is replaced by vita's own and the build
exits with status 1.
  -o, --out <folder>   Write there instead.
  --base-url <url>     Where the site will live, e.g. https://you.github.io/repo/
                       (overrides vita.yaml's baseUrl).
  --no-search          Skip the search index (faster).
`;

const DEV = `Usage: vita dev [project] [--port n] [--host address]

Serves the website from memory at http://127.0.0.1:4321/, watches the project
and rebuilds on every edit (only what the edit touched: a changed publication
shows in well under a second even in a department of 50,000); open pages reload
when they changed. Errors in the record show in the terminal and over the page,
and the server keeps running. Edits of theme/ are picked up too; CV PDFs are
typeset when first asked for.
  --port <n>           Port (default 4321; 0 picks a free one).
  --host <address>     Address to listen on (default 127.0.0.1, this machine
                       only; 0.0.0.0 shows the site to your network).
`;

const CV = `Usage: vita cv [project] [options]

Writes a person's CV as a typeset PDF and as Markdown, from the same record as
the website (by default into the site's output, people/<id>/cv.pdf and cv.md).
  -p, --person <id>    Whose CV (default: the owner, or the group's lead).
  --variant <name>     full (default), short (selected publications, two pages),
                       custom (the person's cv.sections), or a list of
                       sections: "education,publications,awards".
  --theme <name>       classic (default) or compact.
  --format <f>         pdf, md or all (default).
  -o, --out <folder>   Write <id>-cv[-variant].pdf/.md there.
  --accent <#RRGGBB>   Accent colour.   --font <families>   Body fonts.
  --paper <size>       a4 (default) or us-letter.
Chinese, Japanese and Korean text needs a CJK font (Debian: fonts-noto-cjk);
vita names the characters it would lose when none is found.
`;

const EXPORT = `Usage: vita export <format> [project] [--person id] [--out file]

Formats:
  jsonresume           A person's CV as JSON Resume (jsonresume.org), with
                       authors of publications kept in x-authors.
  -p, --person <id>    Whose (default: the owner, or the group's lead).
  -o, --out <file>     Write there instead of standard output.
`;

const IMPORT = `Usage: vita import <source> [--into project] [--kind kind] [--dry-run]
                   [--offline] [--mailto email]

Brings an existing record into a vita project (a new one, or merged into one):
a BibTeX file (Google Scholar, DBLP, arXiv, al-folio), a JSON Resume, a
RenderCV YAML, a Markdown CV, or the folder of an al-folio, academicpages,
Hugo Blox (Wowchemy) or jemdoc site. The kind is detected; --kind forces it.
Only new files are written; what is already in the project (same DOI, arXiv
id, or title and first author) is recognised, and differences are reported,
never overwritten. Template demo content is skipped with a note.

Online sources (a path that exists is always read as a file or folder):
  arxiv:2011.13456,1904.04326      arXiv papers by id (or arxiv:@ids.txt)
  arxiv:author:"Lei Wu"            arXiv papers by author name
  openalex:orcid:<ORCID>           an author's works in OpenAlex; or
  openalex:A5023888391             by OpenAlex author id
  crossref:10.1137/19M1234567,...  works by DOI (or crossref:@dois.txt, or
                                   crossref:orcid:<ORCID>)
  dblp:pid/123/4567                a DBLP person's publications (or the
                                   https://dblp.org/pid/... address)
  orcid:0000-0002-1825-0097        the public works of an ORCID record
Every answer is kept in the project under imports/cache/<service>/: commit it,
and importing again needs no network and gives the same result. A preprint and
its published version become one publication.
  --into <project>     The project (default: the current folder).
  --kind <kind>        ${wrap(SOURCE_KINDS.join(', '), 23)}
                       (with a service, its prefix may be left out:
                       vita import --kind arxiv 2011.13456).
  --dry-run            Print what would change; write nothing (not even the
                       cache).
  --offline            Online sources: use only imports/cache/; say what is
                       missing rather than fetch it.
  --mailto <email>     Online sources: your email for the polite pools of
                       Crossref and OpenAlex (default: $VITA_MAILTO, then the
                       owner's email in the project). OpenAlex's API key is
                       read from $OPENALEX_API_KEY.
`;

const ANNOUNCE = `Usage: vita announce <event> [project] [--out folder] [--base-url url]

Makes the announcement of a seminar event: an A4 poster (PDF), an email (plain
text and HTML, ready to paste) and a calendar entry (.ics), into
<output>/announce/; prints the email's subject. <event> is <series>/<event>,
or the event's name when only one series has it.
  -o, --out <folder>   Write them there instead.
  --base-url <url>     Site address for the links in the email and the .ics.
`;

/** Words filled to 80 columns, continued lines indented by `indent`. */
function wrap(text: string, indent: number): string {
  const lines: string[] = [''];
  for (const word of text.split(' ')) {
    const line = lines[lines.length - 1]!;
    if (line && indent + line.length + 1 + word.length > 80) lines.push(word);
    else lines[lines.length - 1] = line ? `${line} ${word}` : word;
  }
  return lines.join(`\n${' '.repeat(indent)}`);
}

export const COMMAND_HELP: Record<string, string> = { check: CHECK, build: BUILD, dev: DEV, cv: CV, export: EXPORT, import: IMPORT, announce: ANNOUNCE, new: NEW_HELP };

export const HELP = `vita ${VERSION}: one plain-text record of an academic life, published everywhere.

Usage: vita <command> [project] [options]

Commands:
  new [folder]         Make a new project for a person or a group: asks for
                       your name, affiliation and email in a terminal, or takes
                       --name, --name-zh, --affiliation, --email, --group;
                       --yes asks nothing.
  check [project]      Read the record and report every problem at once, with
                       file:line:col and a hint. --format json for editors/CI.
  build [project]      Write the website (pages, feeds, calendars, search, CV
                       PDFs). --out, --base-url, --no-search.
  dev [project]        Serve the site on 127.0.0.1:4321, rebuild on every edit,
                       reload the browser; errors shown over the page.
  cv [project]         A person's CV as PDF and Markdown. --person, --variant
                       full|short|custom, --theme classic|compact.
  export <format>      jsonresume: a person's CV as JSON Resume.
  import <source>      A .bib file, JSON Resume, RenderCV YAML, Markdown CV, or
                       an al-folio, academicpages, Hugo Blox or jemdoc site,
                       or arxiv:, openalex:, crossref:, dblp:, orcid: online,
                       into a project; new files only, differences reported.
  announce <event>     Poster PDF, email and .ics for a seminar event.

Options:
  -h, --help           Show this help, or a command's: vita build --help.
  -v, --version        Show the version.

The project defaults to the current folder. Exit status: 0 when there are no
errors (warnings allowed), 1 when there are errors, 2 for a usage mistake.
`;
