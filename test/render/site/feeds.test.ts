// Atom feeds: what the record says is text in a feed reader, as it is on the page, never markup.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { openProject } from '../../../src/index.js';
import { renderSite } from '../../../src/render/site/index.js';

const dir = mkdtempSync(join(tmpdir(), 'vita-feeds-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('Atom feeds', () => {
  it('a news title with markup is text to feed readers', () => {
    const project = join(dir, 'project');
    cpSync('test/fixtures/frozen-project/2026-11-26-person', project, { recursive: true });
    const title = 'Talk on <img src=x onerror=alert(1)> & <b>bold</b> claims';
    writeFileSync(join(project, 'news/2026-11-26-welcome.md'), `---\ndate: 2026-11-26\ntitle: "${title}"\n---\nText.\n`);
    const { graph, diagnostics } = openProject(project);
    assert.equal(diagnostics.errorCount, 0);
    const feed = renderSite(graph).find((f) => f.path === 'news/atom.xml')!.content as string;
    const entry = new XMLParser({ ignoreAttributes: false }).parse(feed).feed.entry;
    const sent = entry.title;
    assert.equal(sent['@_type'] ?? 'text', sent['@_type'] === 'html' ? 'html' : 'text');
    // What a reader shows: for type="html", the text is HTML to decode; decoded, it must be the title as written.
    const shown = sent['@_type'] === 'html' ? decodeHtml(String(sent['#text'])) : String(sent['#text']);
    assert.equal(shown, title);
    assert.ok(!String(sent['#text']).includes('<img'), 'no markup is sent as html');
  });
});

/** What an HTML reader makes of text without tags: its character references decoded. Tags would be markup. */
function decodeHtml(html: string): string {
  assert.ok(!/<[a-z]/i.test(html), `markup in ${html}`);
  return html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}
