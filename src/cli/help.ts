/** The text of `vita --help`: kept next to the commands it describes. */
import { readFileSync } from 'node:fs';

export const VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export const HELP = `vita ${VERSION}: one plain-text record of an academic life, published everywhere.

Usage: vita <command> [project] [options]

Commands:
  check [project]      Read the record and report every problem at once
                       (file:line:col, with a hint), then the consistency
                       findings: duplicate papers, venue year vs year,
                       unknown citations and people, stale entries, dead links.
      --format json    Diagnostics as JSON, for editors and CI.

Options:
  -h, --help           Show this help.
  -v, --version        Show the version.

The project defaults to the current folder. Exit status: 0 when there are no
errors (warnings allowed), 1 when there are errors, 2 for a usage mistake.
`;
