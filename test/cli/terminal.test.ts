// Nothing from a record reaches the terminal as a control character: escape sequences, carriage returns and
// bidirectional overrides in names and titles are removed from everything vita prints.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printable, terminalText } from '../../src/text/printable.js';

const dir = mkdtempSync(join(tmpdir(), 'vita-terminal-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Escape sequences that set the window title, clear the screen, colour; a bell, a carriage return, an RTL override. */
const NASTY = '\x1b]0;pwned\x07\x1b[2J\x1b[31mred\rOver\u202Eevil\x9b';
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

/** A YAML double-quoted string holding every character of `text`, controls escaped. */
const quoted = (text: string) => `"${[...text].map((c) => (/[\x00-\x1f\x7f-\x9f\u202a-\u202e"\\]/.test(c) ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c)).join('')}"`;

const vita = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8' });

describe('control characters from a record', () => {
  it('printable removes them, keeping tab and newline; terminalText keeps vita\'s own colours only', () => {
    assert.equal(printable(`a${NASTY}\tb\nc`), 'a]0;pwned[2J[31mredOverevil\tb\nc');
    assert.equal(terminalText(`\x1b[31merror\x1b[0m ${NASTY}\r\n`), '\x1b[31merror\x1b[0m ]0;pwned[2J\x1b[31mred\rOverevil\r\n');
  });

  it('vita check prints no control character from names, titles or values', () => {
    const project = join(dir, 'check');
    cpSync('test/fixtures/frozen-project/2026-11-26-person', project, { recursive: true });
    const config = readFileSync(join(project, 'vita.yaml'), 'utf8').replace(/  en: Ada Lovelace/, `  en: ${quoted(`Ada${NASTY}`)}`);
    writeFileSync(join(project, 'vita.yaml'), config);
    const person = readFileSync(join(project, 'people/ada-lovelace.yaml'), 'utf8').replace(/  en: Ada Lovelace/, `  en: ${quoted(`Ada${NASTY}`)}`);
    writeFileSync(join(project, 'people/ada-lovelace.yaml'), person);
    // A warning quoting a file name: a link out of the project, to a file whose name is an escape sequence.
    writeFileSync(join(dir, `x${NASTY.replace(/\x9b/, '')}`), 'x');
    symlinkSync(join(dir, `x${NASTY.replace(/\x9b/, '')}`), join(project, `assets-x${NASTY.replace(/\x9b/, '')}`));
    const r = vita('check', project);
    assert.ok(r.stdout.includes('Adapwned') || r.stdout.includes('Ada]0;pwned'), r.stdout + r.stderr);
    assert.match(r.stdout, /load\/link-outside/);
    assert.ok(!CONTROL.test(r.stdout.replace(/\n/g, '')), JSON.stringify(r.stdout));
    assert.ok(!CONTROL.test(r.stderr.replace(/\n/g, '')), JSON.stringify(r.stderr));
  });

  it('vita build prints no control character from a file name it names', () => {
    const project = join(dir, 'build');
    cpSync('test/fixtures/frozen-project/2026-11-26-person', project, { recursive: true });
    symlinkSync(join(dir, 'nowhere'), join(project, 'news', `2026-11-27-x\x1b[2J\u202Ey.md`));
    const r = vita('build', project, '--out', join(dir, 'site'), '--no-search');
    assert.ok(r.stderr.includes('2026-11-27-x'), r.stderr);
    assert.ok(!CONTROL.test(r.stderr.replace(/\n/g, '')), JSON.stringify(r.stderr));
  });
});
