import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BUILTIN_FAMILIES,
  cjkCharacters,
  findCjkFont,
  findCjkFontFace,
  fontSetFor,
  guessCjkRegion,
  isCjk,
  missingGlyphs,
  type FontSet,
} from '../../../src/render/typst/fonts.js';
import { readFontFaces } from '../../../src/render/typst/sfnt.js';

const NO_CJK: FontSet = { fontPaths: [], families: [BUILTIN_FAMILIES.serif], cjk: undefined };

/** The machine's CJK font; CI installs Debian's fonts-noto-cjk. */
function requireCjkFont(): string {
  const path = findCjkFont();
  if (!path) throw new Error('no CJK font found: install one (apt-get install -y fonts-noto-cjk) or set VITA_FONT_PATHS');
  return path;
}

describe('CJK detection', () => {
  it('knows the CJK blocks', () => {
    for (const ch of ['吴', '磊', '㐀', '𠀀', 'あ', 'ア', '한', '，', '。', '「', 'Ａ', '！']) {
      assert.ok(isCjk(ch.codePointAt(0)!), ch);
    }
    for (const ch of ['a', 'é', 'ß', 'Ω', '∞', '—', '€', ' ']) assert.ok(!isCjk(ch.codePointAt(0)!), ch);
  });

  it('lists distinct CJK characters in order', () => {
    assert.deepEqual(cjkCharacters('吴磊 (Wu Lei), 上海数学中心, 吴'), ['吴', '磊', '上', '海', '数', '学', '中', '心']);
    assert.deepEqual(cjkCharacters('no cjk here'), []);
  });

  it('guesses the region', () => {
    assert.equal(guessCjkRegion('上海'), 'SC');
    assert.equal(guessCjkRegion('東京大学 ひらがな'), 'JP');
    assert.equal(guessCjkRegion('서울'), 'KR');
  });
});

describe('missingGlyphs', () => {
  it('reports every CJK character when the fonts have no CJK font', () => {
    assert.deepEqual(missingGlyphs('Lei Wu 吴磊, 上海数学中心', NO_CJK), ['吴', '磊', '上', '海', '数', '学', '中', '心']);
    assert.deepEqual(missingGlyphs('Plain English, café, ∞', NO_CJK), []);
  });

  it('reports nothing when a CJK font is there', () => {
    requireCjkFont();
    const fonts = fontSetFor('吴磊, 上海数学中心');
    assert.ok(fonts.cjk, 'fontSetFor picked a CJK font');
    assert.deepEqual(fonts.families, [BUILTIN_FAMILIES.serif, fonts.cjk.family]);
    assert.deepEqual(missingGlyphs('吴磊, 上海数学中心。（全角）', fonts), []);
  });

  it('checks the font really has the glyph (cmap), not just that it is a CJK font', () => {
    requireCjkFont();
    const fonts = fontSetFor('吴');
    // U+2A6D6 (Extension B) is not in Noto CJK / most CJK fonts.
    const rare = String.fromCodePoint(0x2a6d6);
    if (!fonts.cjk!.face.covers(0x2a6d6)) assert.deepEqual(missingGlyphs(`吴${rare}`, fonts), [rare]);
  });

  it('does not add a CJK font for text without CJK', () => {
    const fonts = fontSetFor('Only Latin text');
    assert.equal(fonts.cjk, undefined);
    assert.deepEqual(fonts.families, [BUILTIN_FAMILIES.serif]);
  });
});

describe('findCjkFont', () => {
  const dirs: string[] = [];
  const tmp = () => {
    const d = mkdtempSync(join(tmpdir(), 'vita-fonts-'));
    dirs.push(d);
    return d;
  };
  after(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('finds a system CJK font with the Simplified Chinese face preferred', () => {
    const path = requireCjkFont();
    const face = findCjkFontFace({ region: 'SC' })!;
    assert.equal(face.path, path);
    assert.ok(face.face.covers('吴'.codePointAt(0)!));
    if (/NotoS(erif|ans)CJK/.test(path)) assert.match(face.family, /^Noto S(erif|ans) CJK SC$/);
  });

  it('returns undefined when the directories have no CJK font', () => {
    assert.equal(findCjkFontFace({ dirs: [tmp()] }), undefined);
    assert.equal(findCjkFontFace({ dirs: [join(tmpdir(), 'vita-no-such-dir')] }), undefined);
  });

  it('looks in VITA_FONT_PATHS first and hands those directories to the compiler', () => {
    const path = requireCjkFont();
    const dir = tmp();
    const link = join(dir, 'MyCjkFont.ttc');
    symlinkSync(path, link);
    const saved = process.env.VITA_FONT_PATHS;
    process.env.VITA_FONT_PATHS = `${tmp()}:${dir}`;
    try {
      const fonts = fontSetFor('吴磊');
      assert.equal(fonts.cjk?.path, link);
      assert.ok(fonts.fontPaths.includes(dir));
    } finally {
      if (saved === undefined) delete process.env.VITA_FONT_PATHS;
      else process.env.VITA_FONT_PATHS = saved;
    }
  });
});

describe('sfnt reader', () => {
  it('reads faces, names and coverage of a font collection', () => {
    const path = requireCjkFont();
    const faces = readFontFaces(path);
    assert.ok(faces.length >= 1);
    for (const f of faces) {
      assert.ok(f.families.length > 0);
      assert.ok(f.covers(0x4e2d)); // 中
      assert.ok(!f.covers(0x10ffff));
    }
  });
});
