/** The text of `vita --help` and of each command's --help: kept next to the commands it describes. */
import { SOURCE_KINDS } from '../import/bundle.js';
import { PACKAGE_NAME, VERSION } from './version.js';

export { VERSION };

const CHECK = `Usage: vita check [project] [--format text|json]

Reads the record and reports every problem at once (file:line:col, with a
hint), then the consistency findings: duplicate papers, venue year vs year,
unknown citations and people, stale entries, dead links, members whose stage
ended long ago with no end date, files vita does nothing with, languages it
has no words for, theme colours that are not colours; and the theme's
problems (theme/components.js), if the project has one.
  --format json        Diagnostics as JSON, for editors and CI.
Exit status: 0 with no errors (warnings allowed), 1 with errors.
`;

const BUILD = `Usage: vita build [project] [--out folder] [--base-url url] [--no-search] [--no-pdf] [--no-cache] [--force]

Checks the record, then writes the website into the output folder (vita.yaml's
\`output\`, _site by default): every person's pages, publications with one page
each, research, CV (with its PDF), news, talks, teaching, group, seminars with
calendar feeds, your own pages (pages/, people/<id>/<name>.md), the blog
(posts/, with tags and a feed), projects (projects/), Atom feeds, sitemap and a
search index. Only files whose bytes
changed are written; files of an earlier build that are gone are removed.
The site is made beside the output folder and moved into place when it is
complete: a failed build leaves the previous site as it was. vita writes into
a non-empty folder only if it built it (it holds .vita-manifest.json), and never
replaces a file it did not write. vita.yaml's \`output\` must be a folder inside
the project; --out may name any folder. Symbolic links that lead out of the
project are never followed (each is named in a warning). Building runs the
project's theme/components.js: build only projects you trust.
A long publication list (over vita.yaml's publications.pageSize, 1000) gets a
page per year. Charts are drawn as SVG at build time: papers per year by type on
a person's publication list and the group page, the group's co-author network,
and citations per year where metrics are known. Photos and publication previews are resized into AVIF, WebP and
JPEG/PNG copies at a few widths (kept in .vita-cache/images/, so an unchanged
image is resized once). The project's theme/ folder, if any, restyles the site
(theme/style.css) and overrides page components (theme/components.js; see
docs/theming.md); a broken component is replaced by vita's own and the build
exits with status 1. CV PDFs are typeset on a thread per four CVs, up to one
per core, and kept in .vita-cache/cv/ (ignored by git). What each page, feed,
CV and search record read of the record is kept in .vita-cache/build/: a
rebuild renders only the pages and CVs whose data changed (all of them after
an edit of vita.yaml or theme/, or a new vita).
A site of more than 5,000 search records gets its search index in shards of
about 5,000 (pagefind/, pagefind-1/ ...), each made by Pagefind in turn, so the
memory it needs stays small; the search page merges them, and a rebuild indexes
again only the shards whose records changed.
Deleting .vita-cache/ is always safe: the next build takes longer, nothing
else. While it works, vita build shows each phase with its counts and the time
left on a terminal, or a line per phase with its time.
  -o, --out <folder>   Write there instead.
  --base-url <url>     Where the site will live, e.g. https://you.github.io/repo/
                       (overrides vita.yaml's baseUrl).
  --no-search          Skip the search index (faster).
  --no-pdf             Skip the CV PDFs (faster).
  --no-cache           Render and typeset everything, neither reading nor
                       writing .vita-cache/ for pages and CV PDFs.
  --force              Write into a non-empty folder vita did not build, and
                       replace files there that vita did not write.
`;

const DEV = `Usage: vita dev [project] [--port n] [--host address]

Serves the website from memory at http://127.0.0.1:4321/, watches the project
and rebuilds on every edit (only what the edit touched: a changed publication
shows in well under a second even in a department of 50,000); open pages reload
when they changed. Every way of saving is seen: in place, by an editor's
rename, by git checkout, a folder deleted and made again. Errors in the record,
and any failure of a rebuild, show in the terminal and over the page, and the
server keeps running. Edits of theme/ are picked up too; CV PDFs are typeset
and images resized when first asked for.
  --port <n>           Port (default 4321; 0 picks a free one).
  --host <address>     Address to listen on (default 127.0.0.1, this machine
                       only; 0.0.0.0 shows the site to your network).
`;

const SERVE = `Usage: vita serve [folder] [--port n] [--host address] [--base-url url]

Serves a built site (default: the project's output folder, _site) as a web
server would, at the path it was built for: a site built for
https://you.github.io/repo/ is served at http://127.0.0.1:4321/repo/, so its
styles and links work as they will online (opening index.html from the disk
does not). For looking at a build; vita dev previews while you edit.
  --port <n>           Port (default 4321; 0 picks a free one).
  --host <address>     Address to listen on (default 127.0.0.1).
  --base-url <url>     The path to serve the site at, when it is not the one
                       its home page names.
`;

const UPGRADE = `Usage: vita upgrade [project] [--vita spec] [--no-install]

Makes the project depend on the vita you are running. A project that carries
its vita in .vita/ gets this one packed in its place (the old tarball is
removed); one that names a published version gets this version's range. Then
npm install updates package-lock.json and node_modules/.
  --vita <spec>        Depend on this instead: a version (0.2.0), a tarball
                       made by npm pack, or a git URL.
  --no-install         Change package.json (and .vita/) only.
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
  --lang <tag>         The CV's language (headings, dates): en, zh, de, fr, es,
                       ja, ko ... (default: the project's first language).
Chinese, Japanese and Korean text needs a CJK font (Debian: fonts-noto-cjk);
vita names the characters it would lose when none is found. A PDF lists at
most the 5,000 most recent publications (and says so); the Markdown CV all. With
\`cv: { metrics: true }\` in the person's record, the CV prints their citations,
h-index and i10-index and each paper's count, dated (see vita metrics).
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
Hugo Blox (Wowchemy) or jemdoc site; or a seminar: its calendar feed (.ics,
kind ics), its site's talk pages (Hugo content/talks/, Jekyll _talks/, kind
seminar-site) or a data file listing talks (_data/talks.yml, kind
seminar-data), each into a series and its events, with each talk's page,
slides, video and paper as its links (web addresses only). The kind is detected;
--kind forces it. Only new files are written; what is already in the project
(same DOI, arXiv id, or title and first author; for a talk, its day and title
or speakers) is recognised, and differences are reported, never overwritten.
Template demo content is skipped with a note. Hugo front matter is read as
leniently as Hugo reads it (with a warning where it is not strict YAML). A
site's own pages (al-folio's _pages/, academicpages' and Hugo's pages of prose)
become pages/<path>.md at the address the site gave them.

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

const SYNC = `Usage: vita sync [project] [--write] [--offline] [--person id]
                 [--mailto email] [--format text|json]

Asks the online lists the owner (or the group's lead and current members)
names for their works: the ORCID (links.orcid), OpenAlex author
(links.openalex) and DBLP person (links.dblp) addresses, and an arXiv author
search (sync.arxiv: "Lei Wu"); sync.dblp and sync.openalex take bare ids
(42/1719-2, A5100393210). Each work is proposed as new (not in the record),
already in the record (same DOI, arXiv id, or title: the same merge as vita
import, with what the source would add), or skipped as not theirs: a
namesake's, when the author named like the person carries another ORCID, works
elsewhere, and has no co-author in the record (with why). An arXiv name search
keeps only what a co-author or an affiliation confirms. A dry run by default:
nothing is written.
  --write              Add the new works to publications/synced.yaml (a file
                       vita made and only ever adds to; never one of yours),
                       with the answers in imports/cache/, all or nothing.
                       What was written must check, or it is taken back.
                       A preprint of the record published since: its
                       published version goes into imports/sync/published.yaml,
                       to copy into your entry.
  --offline            Use only imports/cache/; never ask the network.
  -p, --person <id>    Only this person's lists (anyone in people/).
  --mailto <email>     Your email for the polite pools of OpenAlex (default:
                       $VITA_MAILTO, then the owner's email).
  --format json        The report as JSON, for scripts and CI.
Works sync.exclude lists (DOIs, arXiv ids, titles) are never proposed again.
Exit status: 0 when every list was read, 1 on errors, 2 for a usage mistake.
`;

const METRICS = `Usage: vita metrics [project] [--offline] [--dry-run] [--mailto email]

Counts the citations of every publication with a DOI, an arXiv id or a title
OpenAlex matches with confidence (same title, year and first author), from
OpenAlex, with Crossref's count as a cross-check (and as the count when
OpenAlex has none). Each count is kept with its source and the day it was
taken in metrics/citations.yaml: commit it with the record. Builds read that
file and never go online; the site shows each paper's count ("Cited by 12"),
each person's citations, h-index and i10-index, and a "most cited" order.
\`cv: { metrics: true }\` in a person's record prints them on their CVs.
A paper found under two ids (its preprint and its published version) is
counted once: the larger count, never the sum. Prints the counts that
changed and each person's totals. vita.yaml's metrics.crossCheck
([semanticscholar, inspire]) adds those services' counts as cross-checks.
  --offline            Ask nothing: say what metrics/citations.yaml holds.
  --dry-run            Print what would change; write nothing.
  --mailto <email>     Your email for the polite pools of OpenAlex and Crossref
                       (default: $VITA_MAILTO, then the owner's email).
                       OpenAlex's API key is read from $OPENALEX_API_KEY.
`;

const ANNOUNCE = `Usage: vita announce <event> [project] [--out folder] [--base-url url] [--lang tag]

Makes the announcement of a seminar event: an A4 poster (PDF), an email (plain
text and HTML, ready to paste) and a calendar entry (.ics), into
<output>/announce/; prints the email's subject. <event> is <series>/<event>,
or the event's name when only one series has it. The talk's links (links:
page, slides, video, paper) are listed in the email and the .ics; its page
elsewhere is the .ics entry's URL.
  -o, --out <folder>   Write them there instead.
  --base-url <url>     Site address for the links in the email and the .ics.
  --lang <tag>         Language of the labels and dates: en, zh, de, fr, es, ja,
                       ko ... (default: the project's first language).
`;

export const NEW_HELP = `Usage: vita new [folder] [options]

Makes a new project for a person or a group: vita.yaml, your person file, an
About page, example publications, a first news item, package.json, editor
settings, a GitHub Pages workflow and a weekly one that keeps publications and
citation counts current through pull requests. In a terminal it asks for what
the options leave open; the folder must be new or empty.

Options:
  --name "Ada Lovelace"    Your name (the one answer without a default).
  --name-zh 吴磊           Your name in another script; any language code
                           works: --name-ja, --name-ko ...
  --id ada-lovelace        Your id, for file names (default: from the name).
  --affiliation "..."      Department and institution.
  --email you@example.edu  Your e-mail address.
  --group "Name"           Make a group site, with you as its lead.
  --base-url https://...   Where the site will live (default: a placeholder).
  --no-refresh             Leave out .github/workflows/vita-refresh.yml, the
                           weekly job that runs vita metrics and vita sync
                           and proposes what changed as a pull request (added
                           by default; --refresh adds it without asking).
  --vita <spec>            The vita the project depends on: a version (0.2.0),
                           a tarball made by npm pack, or a git URL. Default:
                           this vita's version when it came from the npm
                           registry; else this vita, packed into the project
                           as .vita/<name>-<version>.tgz, so that npm install
                           works in every copy of it and in CI.
  -y, --yes                Ask nothing: take the defaults for what is not given.
  -h, --help               Show this help.

The folder defaults to your id (or the group's). Exit status: 0 when the
project was made, 1 when it was not, 2 for a usage mistake.
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

export const COMMAND_HELP: Record<string, string> = { check: CHECK, build: BUILD, dev: DEV, serve: SERVE, cv: CV, export: EXPORT, import: IMPORT, sync: SYNC, metrics: METRICS, announce: ANNOUNCE, new: NEW_HELP, upgrade: UPGRADE };

export const HELP = `vita ${VERSION} (${PACKAGE_NAME}): one plain-text record of an academic life, published everywhere.

Usage: vita <command> [project] [options]

Commands:
  new [folder]         Make a new project for a person or a group: asks for
                       your name, affiliation and email in a terminal, or takes
                       --name, --name-zh, --affiliation, --email, --group;
                       --yes asks nothing.
  check [project]      Read the record and report every problem at once, with
                       file:line:col and a hint. --format json for editors/CI.
  build [project]      Write the website (pages, feeds, calendars, search, CV
                       PDFs). --out, --base-url, --no-search, --no-pdf,
                       --no-cache.
  dev [project]        Serve the site on 127.0.0.1:4321, rebuild on every edit,
                       reload the browser; errors shown over the page.
  serve [folder]       Serve a built site (_site) at the path it was built for.
  cv [project]         A person's CV as PDF and Markdown. --person, --variant
                       full|short|custom, --theme classic|compact.
  export <format>      jsonresume: a person's CV as JSON Resume.
  import <source>      A .bib file, JSON Resume, RenderCV YAML, Markdown CV, or
                       an al-folio, academicpages, Hugo Blox or jemdoc site,
                       a seminar's .ics feed, talk pages or list of talks,
                       or arxiv:, openalex:, crossref:, dblp:, orcid: online,
                       into a project; new files only, differences reported.
  sync [project]       Ask the ORCID, OpenAlex, DBLP and arXiv lists named in
                       people/ for works the record lacks: new, already there,
                       or a namesake's. A dry run; --write adds the new ones.
  metrics [project]    Citation counts from OpenAlex (and Crossref) into
                       metrics/citations.yaml, for the site and CVs. --offline.
  announce <event>     Poster PDF, email and .ics for a seminar event.
  upgrade [project]    Make the project depend on this vita (.vita/ or range).

Options:
  -h, --help           Show this help, or a command's: vita build --help.
  -v, --version        Show the version.

The project defaults to the current folder. Exit status: 0 when there are no
errors (warnings allowed), 1 when there are errors, 2 for a usage mistake.
Each command keeps its code compiled by V8 in vita's own folder
(dist/.compile-cache/), which makes the next run start faster;
VITA_COMPILE_CACHE=<folder> keeps it elsewhere, VITA_COMPILE_CACHE=off not at all.
`;
