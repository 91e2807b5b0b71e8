// Images: photos and previews shown as <picture> with srcset, resized by the write stage, cached, and checked.
import { describe, it, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { openProject } from '../../src/index.js';
import { imageOf, readImage } from '../../src/load/image.js';
import { variantWidths } from '../../src/render/site/parts/picture.js';
import { buildSite } from '../../src/write/build.js';

const dir = mkdtempSync(join(tmpdir(), 'vita-images-'));
const project = join(dir, 'project');
const out = join(dir, 'site');
const cache = join(project, '.vita-cache', 'images');
cpSync('examples/pku-group', project, { recursive: true, filter: (src) => !src.includes('_site') && !src.includes('.vita-cache') });
after(() => rmSync(dir, { recursive: true, force: true }));

/** Every srcset (and src) of the <picture>s of a page, as site paths. */
function pictureFiles(html: string): string[] {
  const urls: string[] = [];
  for (const m of html.matchAll(/<picture>([\s\S]*?)<\/picture>/g)) {
    for (const set of m[1]!.matchAll(/\ssrcset="([^"]*)"/g)) for (const part of set[1]!.split(',')) urls.push(part.trim().split(/\s+/)[0]!);
    for (const src of m[1]!.matchAll(/\ssrc="([^"]*)"/g)) urls.push(src[1]!);
  }
  return urls.map((u) => decodeURI(u.replace(/^\/pku-ml\//, '')));
}

describe('images of the site', () => {
  let first: Awaited<ReturnType<typeof buildSite>>;
  before(async () => {
    first = await buildSite(project, out, {});
  });

  it('shows a person\'s photo as a <picture> of AVIF, WebP and JPEG copies, with srcset, sizes and its box', () => {
    const home = readFileSync(join(out, 'people/lei-wu/index.html'), 'utf8');
    const pic = /<picture>[\s\S]*?<\/picture>/.exec(home)![0];
    assert.match(pic, /<source type="image\/avif" srcset="[^"]+-152\.avif 152w, [^"]+-304\.avif 304w, [^"]+-456\.avif 456w" sizes="\(max-width: 40rem\) 104px, 152px">/);
    assert.match(pic, /<source type="image\/webp" srcset="[^"]+ 152w, [^"]+ 304w, [^"]+ 456w"/);
    assert.match(pic, /<img class="photo" src="\/pku-ml\/img\/lei-wu-[0-9a-f]{16}-304\.jpg" srcset="[^"]+\.jpg 152w, [^"]+\.jpg 304w, [^"]+\.jpg 456w" sizes="[^"]+" alt="Lei Wu" width="152" height="190"/);
    assert.ok(!pic.includes('loading="lazy"'), 'the photo at the top of the page loads at once');
    const group = readFileSync(join(out, 'group/index.html'), 'utf8');
    assert.ok((group.match(/<img class="card-photo"[^>]*loading="lazy"/g) ?? []).length >= 2, 'cards\' photos load lazily');
    assert.match(group, /<img class="card-photo" [^>]*width="64" height="80"/);
  });

  it('writes every copy the pages name, at its width and in its format', async () => {
    for (const page of ['people/lei-wu/index.html', 'group/index.html', 'publications/wang2025sharpness/index.html', 'people/mingze-wang/publications/index.html']) {
      const files = pictureFiles(readFileSync(join(out, page), 'utf8'));
      assert.ok(files.length >= 5, `${page} shows pictures`);
      for (const f of files) assert.ok(existsSync(join(out, f)), `${page}: ${f} is on disk`);
    }
    const avif = readdirSync(join(out, 'img')).find((f) => /^lei-wu-.*-304\.avif$/.test(f))!;
    const meta = await sharp(join(out, 'img', avif)).metadata();
    assert.equal(meta.width, 304);
    assert.equal(meta.height, 380);
    assert.equal(meta.format, 'heif');
    assert.equal((await sharp(join(out, 'img', avif.replace('.avif', '.webp'))).metadata()).format, 'webp');
    assert.ok(first.images.made > 0 && first.images.reused === 0, JSON.stringify(first.images));
    assert.equal(readdirSync(cache).length, first.images.made, 'each copy kept in .vita-cache/images');
  });

  it('never enlarges: a 480 px photo shown at 152 px gets 152, 304 and 456; a small one only its own width', () => {
    assert.deepEqual(variantWidths(480, 152), [152, 304, 456]);
    assert.deepEqual(variantWidths(200, 152), [152, 200]);
    assert.deepEqual(variantWidths(100, 152), [100]);
  });

  it('shows a publication\'s preview (al-folio\'s `preview = {file.png}`) on lists and on its page', () => {
    const pub = readFileSync(join(out, 'publications/wang2025sharpness/index.html'), 'utf8');
    assert.match(pub, /<figure class="pub-preview-figure"><picture><source type="image\/avif" srcset="\/pku-ml\/img\/sharpness-[0-9a-f]{16}-480\.avif 480w/);
    assert.match(pub, /<img class="pub-figure" src="[^"]+\.png"/, 'a PNG drawing keeps PNG as its fallback');
    const list = readFileSync(join(out, 'people/mingze-wang/publications/index.html'), 'utf8');
    assert.match(list, /<div class="pub-preview"><picture>[\s\S]*?<img class="pub-thumb"[^>]*width="144" height="90" loading="lazy"/);
  });

  it('resizes nothing again when nothing changed, and a changed photo gets new names', async () => {
    const again = await buildSite(project, out, {});
    assert.deepEqual(again.images, { made: 0, reused: first.images.made });
    assert.ok(!again.write!.changed.some((p) => p.startsWith('img/')), 'the same bytes: nothing rewritten');
    await sharp({ create: { width: 300, height: 400, channels: 3, background: '#336699' } }).jpeg().toFile(join(project, 'assets/photos/lei-wu.jpg'));
    const edited = await buildSite(project, out, {});
    // On the homepage at 152 and 300 (its own width: never enlarged), on cards at 64, 128, 192; 3 formats each.
    assert.equal(edited.images.made, 15, 'only the new photo\'s copies are made, the others come from the cache');
    const home = readFileSync(join(out, 'people/lei-wu/index.html'), 'utf8');
    for (const f of pictureFiles(home)) assert.ok(existsSync(join(out, f)), f);
    assert.match(home, /width="152" height="203"/, 'the new photo\'s proportions');
    assert.ok(!readdirSync(join(out, 'img')).some((f) => f.startsWith('lei-wu-64a080bf')), 'the old copies are removed from the site');
    assert.ok(!readdirSync(cache).some((f) => f.includes('lei-wu-64a080bf')), '... and from the cache');
    assert.equal(readdirSync(cache).length, readdirSync(join(out, 'img')).length, 'the cache holds what the site shows, no more');
  });
});

describe('images vita cannot show', () => {
  it('reports a photo that is not an image, and a missing preview, each at its line', () => {
    const bad = join(dir, 'bad');
    cpSync('examples/pku-group', bad, { recursive: true, filter: (src) => !src.includes('_site') && !src.includes('.vita-cache') });
    writeFileSync(join(bad, 'assets/photos/mingze-wang.jpg'), 'not a JPEG at all');
    const bib = join(bad, 'publications/conferences.bib');
    writeFileSync(bib, readFileSync(bib, 'utf8').replace('preview   = {sharpness.png}', 'preview   = {missing.png}'));
    const list = openProject(bad).diagnostics.list;
    const photo = list.find((d) => d.code === 'check/not-an-image')!;
    assert.ok(photo, JSON.stringify(list.map((d) => d.code)));
    assert.equal(photo.file, 'people/mingze-wang.yaml');
    assert.equal(photo.line, 4);
    assert.match(photo.message, /not a JPEG, PNG, GIF, WebP or SVG image/);
    const preview = list.find((d) => d.code === 'check/dead-link' && d.input === 'missing.png')!;
    assert.ok(preview, 'the missing preview is reported');
    assert.equal(preview.file, 'publications/conferences.bib');
    assert.equal(readFileSync(bib, 'utf8').split('\n')[preview.line! - 1]!.trim(), 'preview   = {missing.png},');
  });

  it('reads the size of JPEG, PNG, GIF, WebP and SVG images from their headers, a turned phone photo as shown', async () => {
    const base = sharp({ create: { width: 37, height: 21, channels: 4, background: '#c33' } });
    for (const format of ['jpeg', 'png', 'gif', 'webp'] as const) {
      const bytes = await base.clone().toFormat(format).toBuffer();
      assert.deepEqual({ ...imageOf(bytes), hash: undefined }, { format, width: 37, height: 21, hash: undefined }, format);
    }
    const lossless = await base.clone().webp({ lossless: true }).toBuffer();
    assert.equal((imageOf(lossless) as { width: number }).width, 37);
    const turned = await base.clone().jpeg().withMetadata({ orientation: 6 }).toBuffer();
    assert.deepEqual([(imageOf(turned) as { width: number }).width, (imageOf(turned) as { height: number }).height], [21, 37]);
    assert.deepEqual({ ...imageOf(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 60"></svg>')), hash: undefined }, { format: 'svg', width: 120, height: 60, hash: undefined });
    assert.ok('problem' in imageOf(Buffer.from('%PDF-1.7')));
    assert.ok('problem' in readImage(dir, 'no/such.png'));
  });
});
