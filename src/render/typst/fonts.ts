/**
 * Fonts for the Typst engine.
 *
 * Where fonts come from (see compile.ts for how they reach the compiler):
 *  1. Fonts compiled into the Typst binary of `@myriaddreamin/typst-ts-node-compiler`:
 *     Libertinus Serif (text), New Computer Modern (text), New Computer Modern Math
 *     (math) and DejaVu Sans Mono (raw). None of them has CJK glyphs.
 *  2. The system font directories, which that compiler ALWAYS scans on creation
 *     (there is no option to turn this off): on Debian e.g. /usr/share/fonts, where
 *     `fonts-noto-cjk` puts NotoSerifCJK-*.ttc / NotoSansCJK-*.ttc.
 *  3. Directories named in `VITA_FONT_PATHS` (colon-separated; `;` on Windows),
 *     handed to the compiler explicitly.
 *  4. Optionally, an npm package that ships CJK TTF/OTF files, if it happens to be
 *     installed (`@expo-google-fonts/noto-serif-sc`, `@embedpdf/fonts-sc`); vita does
 *     not depend on one (they weigh 40-120 MB).
 *
 * Typst silently draws nothing for a character no loaded font has, so before
 * compiling vita checks the document text with `missingGlyphs`.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { delimiter, dirname, join, resolve, sep } from "node:path";
import { isFontFile, readFontFaces, type FontFace } from "./sfnt.js";

/** Family names of the fonts built into the compiler. */
export const BUILTIN_FAMILIES = {
  serif: "Libertinus Serif",
  computerModern: "New Computer Modern",
  math: "New Computer Modern Math",
  mono: "DejaVu Sans Mono",
} as const;

/** Which CJK glyph variant to prefer when a font collection offers several. */
export type CjkRegion = "SC" | "TC" | "HK" | "JP" | "KR";

export interface CjkFont {
  /** Font file. */
  path: string;
  /** Face index inside a collection. */
  faceIndex: number;
  /** Family name to ask Typst for. */
  family: string;
  /** The face, for coverage checks. */
  face: FontFace;
}

export interface FontSet {
  /**
   * Font files or directories to hand to the compiler, on top of the built-in
   * fonts and the system directories the compiler scans by itself.
   */
  fontPaths: string[];
  /**
   * Families for `#set text(font: ...)`, most preferred first: the Latin text
   * font, then the CJK font when there is one (Typst falls through the list per
   * character).
   */
  families: string[];
  /** The CJK font, or undefined when none is available or none was asked for. */
  cjk: CjkFont | undefined;
}

// ---------------------------------------------------------------------------
// CJK characters

const CJK_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x11ff], // Hangul Jamo
  [0x2e80, 0x2eff], // CJK Radicals Supplement
  [0x2f00, 0x2fdf], // Kangxi Radicals
  [0x2ff0, 0x2fff], // Ideographic Description Characters
  [0x3000, 0x303f], // CJK Symbols and Punctuation
  [0x3040, 0x309f], // Hiragana
  [0x30a0, 0x30ff], // Katakana
  [0x3100, 0x312f], // Bopomofo
  [0x3130, 0x318f], // Hangul Compatibility Jamo
  [0x3190, 0x319f], // Kanbun
  [0x31a0, 0x31bf], // Bopomofo Extended
  [0x31c0, 0x31ef], // CJK Strokes
  [0x31f0, 0x31ff], // Katakana Phonetic Extensions
  [0x3200, 0x32ff], // Enclosed CJK Letters and Months
  [0x3300, 0x33ff], // CJK Compatibility
  [0x3400, 0x4dbf], // CJK Unified Ideographs Extension A
  [0x4e00, 0x9fff], // CJK Unified Ideographs
  [0xa960, 0xa97f], // Hangul Jamo Extended-A
  [0xac00, 0xd7af], // Hangul Syllables
  [0xd7b0, 0xd7ff], // Hangul Jamo Extended-B
  [0xf900, 0xfaff], // CJK Compatibility Ideographs
  [0xfe10, 0xfe1f], // Vertical Forms
  [0xfe30, 0xfe4f], // CJK Compatibility Forms
  [0xff00, 0xffef], // Halfwidth and Fullwidth Forms
  [0x1b000, 0x1b16f], // Kana Supplement / Extended-A
  [0x20000, 0x2fa1f], // Extensions B-F, Compatibility Supplement
  [0x30000, 0x323af], // Extensions G, H
];

/** Is this code point a CJK ideograph, kana, hangul, CJK punctuation or fullwidth form? */
export function isCjk(codePoint: number): boolean {
  if (codePoint < 0x1100) return false;
  for (const [lo, hi] of CJK_RANGES) {
    if (codePoint < lo) return false;
    if (codePoint <= hi) return true;
  }
  return false;
}

/** The distinct CJK characters of `text`, in order of first appearance. */
export function cjkCharacters(text: string): string[] {
  const seen = new Set<string>();
  for (const ch of text) {
    if (!seen.has(ch) && isCjk(ch.codePointAt(0)!)) seen.add(ch);
  }
  return [...seen];
}

export function hasCjk(text: string): boolean {
  for (const ch of text) if (isCjk(ch.codePointAt(0)!)) return true;
  return false;
}

/**
 * The glyph variant a language is written with: Japanese and Korean text drawn with a Chinese face shows
 * Chinese forms of shared ideographs, so a document in a known language asks for its own face.
 */
export function cjkRegionOf(lang: string): CjkRegion | undefined {
  const l = lang.toLowerCase();
  if (l === "ja" || l.startsWith("ja-")) return "JP";
  if (l === "ko" || l.startsWith("ko-")) return "KR";
  if (/^zh-(hk|mo)\b|^zh-hant-(hk|mo)\b/.test(l)) return "HK";
  if (/^zh-(hant|tw)\b/.test(l)) return "TC";
  if (l === "zh" || l.startsWith("zh-")) return "SC";
  return undefined;
}

/** A region guess from the text: kana means Japanese, hangul Korean, else Simplified Chinese. */
export function guessCjkRegion(text: string): CjkRegion {
  let kana = false;
  let hangul = false;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if ((cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x31f0 && cp <= 0x31ff)) kana = true;
    else if ((cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3130 && cp <= 0x318f))
      hangul = true;
  }
  return kana ? "JP" : hangul ? "KR" : "SC";
}

// ---------------------------------------------------------------------------
// Font directories

function envFontPaths(): string[] {
  const raw = process.env.VITA_FONT_PATHS;
  if (!raw) return [];
  // Accept ':' everywhere but Windows (where ':' is part of drive letters), and the
  // platform delimiter everywhere.
  const parts = process.platform === "win32" ? raw.split(delimiter) : raw.split(/[:;]/);
  return parts.map((p) => p.trim()).filter((p) => p !== "").map((p) => resolve(p));
}

/**
 * The directories the compiler scans by itself (fontdb's system font search),
 * which we must not pass again (the compiler would parse those fonts twice).
 */
export function systemFontDirs(): string[] {
  const home = homedir();
  switch (process.platform) {
    case "win32": {
      const windir = process.env.WINDIR ?? process.env.SystemRoot ?? "C:\\Windows";
      const local = process.env.LOCALAPPDATA;
      return [join(windir, "Fonts"), ...(local ? [join(local, "Microsoft", "Windows", "Fonts")] : [])];
    }
    case "darwin":
      return ["/Library/Fonts", "/System/Library/Fonts", "/Network/Library/Fonts", join(home, "Library", "Fonts")];
    default: {
      const dataHome = process.env.XDG_DATA_HOME || join(home, ".local", "share");
      const dataDirs = (process.env.XDG_DATA_DIRS || "/usr/local/share:/usr/share")
        .split(":")
        .filter((d) => d !== "");
      const dirs = [
        "/usr/share/fonts",
        "/usr/local/share/fonts",
        join(dataHome, "fonts"),
        join(home, ".fonts"),
        ...dataDirs.map((d) => join(d, "fonts")),
      ];
      return [...new Set(dirs.map((d) => resolve(d)))];
    }
  }
}

/** npm packages that ship CJK fonts as TTF/OTF (not woff), used if installed. */
const NPM_CJK_PACKAGES = ["@expo-google-fonts/noto-serif-sc", "@embedpdf/fonts-sc"];

function npmFontDirs(): string[] {
  const require = createRequire(import.meta.url);
  const dirs: string[] = [];
  for (const name of NPM_CJK_PACKAGES) {
    try {
      dirs.push(dirname(require.resolve(`${name}/package.json`)));
    } catch {
      // not installed
    }
  }
  return dirs;
}

const MAX_WALK_FILES = 20000;

function walkFontFiles(dir: string, out: string[], depth = 0): void {
  if (depth > 8 || out.length >= MAX_WALK_FILES) return;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walkFontFiles(p, out, depth + 1);
    else if ((e.isFile() || e.isSymbolicLink()) && isFontFile(e.name)) out.push(p);
    if (out.length >= MAX_WALK_FILES) return;
  }
}

function isUnder(path: string, dir: string): boolean {
  const d = dir.endsWith(sep) ? dir : dir + sep;
  return path.startsWith(d);
}

// ---------------------------------------------------------------------------
// Finding a CJK font

/**
 * Known CJK font files, best first. Serif faces first: they sit better next to
 * Libertinus Serif.
 */
const CJK_FILE_PREFERENCE: RegExp[] = [
  /NotoSerifCJK/i,
  /SourceHanSerif/i,
  /NotoSerif(SC|TC|HK|JP|KR)|NotoSerifHans|NotoSerifHant/i,
  /NotoSansCJK/i,
  /SourceHanSans/i,
  /NotoSans(SC|TC|HK|JP|KR)|NotoSansHans|NotoSansHant/i,
  /FandolSong/i,
  /uming|ukai/i,
  /wqy-zenhei/i,
  /wqy-microhei/i,
  /DroidSansFallback/i,
  /Songti|STSong|PingFang|Hiragino|STHeiti/i,
  /simsun|msyh|msjh|YuMin|YuGoth|malgun|meiryo|msgothic|msmincho/i,
  /CJK|Han|Hei|Song|Ming|Kai|Gothic|Mincho|Batang|Gulim|Nanum/i,
];

/** Probe characters: 中 (common hanzi), 吴, あ (kana), 한 (hangul). */
const PROBE: Record<CjkRegion, number[]> = {
  SC: [0x4e2d, 0x5434],
  TC: [0x4e2d, 0x5433],
  HK: [0x4e2d, 0x5433],
  JP: [0x4e2d, 0x3042],
  KR: [0xd55c],
};

function regionScore(family: string, region: CjkRegion): number {
  const f = family.toUpperCase();
  let score = 0;
  const tags: Record<CjkRegion, RegExp> = {
    SC: /\b(SC|CN|GB|HANS)\b|SIMPLIFIED/,
    TC: /\b(TC|TW|HANT)\b|TRADITIONAL/,
    HK: /\bHK\b/,
    JP: /\b(JP|JA)\b|JAPAN/,
    KR: /\b(KR|K)\b|KOREA/,
  };
  if (tags[region].test(f)) score += 10;
  else if (Object.values(tags).some((re) => re.test(f))) score -= 5;
  if (/\bMONO\b/.test(f)) score -= 3;
  return score;
}

function pickFace(faces: FontFace[], region: CjkRegion): { face: FontFace; family: string } | undefined {
  let best: { face: FontFace; family: string; score: number } | undefined;
  for (const face of faces) {
    if (!PROBE[region].every((cp) => face.covers(cp))) continue;
    const family = face.families[0];
    if (!family) continue;
    const score = regionScore(family, region);
    if (!best || score > best.score) best = { face, family, score };
  }
  return best;
}

function preferenceRank(path: string): number {
  const base = path.slice(path.lastIndexOf(sep) + 1);
  const i = CJK_FILE_PREFERENCE.findIndex((re) => re.test(base));
  return i === -1 ? CJK_FILE_PREFERENCE.length : i;
}

/** Prefer regular weights over bold/light files of the same family. */
function weightRank(path: string): number {
  const base = path.slice(path.lastIndexOf(sep) + 1);
  if (/regular|400/i.test(base)) return 0;
  if (/thin|light|medium|semi|demi|bold|black|heavy|extra|[1-35-9]00/i.test(base)) return 2;
  return 1;
}

/** How many unknown (not name-matched) files we probe at most when nothing else fits. */
const MAX_BLIND_PROBES = 400;

interface SearchOptions {
  region?: CjkRegion;
  /** Replace the default search directories (for tests). */
  dirs?: string[];
}

const cjkCache = new Map<string, CjkFont | null>();

/**
 * Finds a font with CJK glyphs: `VITA_FONT_PATHS` first, then the system font
 * directories, then an npm font package if installed. Returns undefined when
 * there is none. Result is cached per process.
 */
export function findCjkFontFace(options: SearchOptions = {}): CjkFont | undefined {
  const region = options.region ?? "SC";
  const groups = options.dirs ? [options.dirs] : [envFontPaths(), systemFontDirs(), npmFontDirs()];
  const key = JSON.stringify([region, groups]);
  const cached = cjkCache.get(key);
  if (cached !== undefined) return cached ?? undefined;

  let found: CjkFont | undefined;
  for (const dirs of groups) {
    const files: string[] = [];
    for (const d of dirs) {
      if (!existsSync(d)) continue;
      if (statSync(d).isFile()) files.push(d);
      else walkFontFiles(d, files);
    }
    const ranked = files
      .map((path, order) => ({ path, order, rank: preferenceRank(path), weight: weightRank(path) }))
      .sort((a, b) => a.rank - b.rank || a.weight - b.weight || a.order - b.order);
    let blind = 0;
    for (const { path, rank } of ranked) {
      if (rank === CJK_FILE_PREFERENCE.length && ++blind > MAX_BLIND_PROBES) break;
      let faces: FontFace[];
      try {
        faces = readFontFaces(path);
      } catch {
        continue;
      }
      const picked = pickFace(faces, region);
      if (picked) {
        found = { path, faceIndex: picked.face.index, family: picked.family, face: picked.face };
        break;
      }
    }
    if (found) break;
  }
  cjkCache.set(key, found ?? null);
  return found;
}

/** Path of a font file with CJK glyphs, or undefined. See `findCjkFontFace`. */
export function findCjkFont(region: CjkRegion = "SC"): string | undefined {
  return findCjkFontFace({ region })?.path;
}

/**
 * The fonts to typeset `text` with: the built-in Libertinus Serif, plus a CJK
 * font when the text has CJK characters and one is available. `VITA_FONT_PATHS`
 * directories are always handed to the compiler.
 */
export function fontSetFor(text: string, options: { region?: CjkRegion; cjk?: boolean } = {}): FontSet {
  const extra = envFontPaths().filter((p) => existsSync(p));
  const wantCjk = options.cjk ?? hasCjk(text);
  const cjk = wantCjk ? findCjkFontFace({ region: options.region ?? guessCjkRegion(text) }) : undefined;
  const fontPaths = [...extra];
  if (cjk) {
    const scanned = [...extra, ...systemFontDirs()].some((d) => cjk.path === d || isUnder(cjk.path, d));
    if (!scanned) {
      // A font from an npm package: hand over the whole package so bold faces come too.
      const pkg = npmFontDirs().find((d) => isUnder(cjk.path, d));
      fontPaths.push(pkg ?? cjk.path);
    }
  }
  return {
    fontPaths,
    families: cjk ? [BUILTIN_FAMILIES.serif, cjk.family] : [BUILTIN_FAMILIES.serif],
    cjk,
  };
}

/**
 * The CJK characters of `text` that `fonts` cannot draw (Typst would silently
 * drop them), distinct, in order of first appearance. Empty when all is well.
 */
export function missingGlyphs(text: string, fonts: FontSet): string[] {
  const chars = cjkCharacters(text);
  const face = fonts.cjk?.face;
  if (!face) return chars;
  return chars.filter((ch) => {
    const cp = ch.codePointAt(0)!;
    // U+3000 ideographic space is a space, not a glyph to lose.
    return cp !== 0x3000 && !face.covers(cp);
  });
}
