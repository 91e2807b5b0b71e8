export { compileTypst, typstMathCompiles, typstPreamble, assertNoPackageImports, TypstCompileError, TYPST_VERSION } from "./compile.js";
export type { CompileOptions, TypstDiagnostic } from "./compile.js";
export { escapeText, typstString, texToTypstMath, mathToTypst, inlineToTypst } from "./escape.js";
export type { InlineOptions } from "./escape.js";
export {
  BUILTIN_FAMILIES,
  cjkCharacters,
  findCjkFont,
  findCjkFontFace,
  fontSetFor,
  guessCjkRegion,
  hasCjk,
  isCjk,
  missingGlyphs,
  systemFontDirs,
} from "./fonts.js";
export type { CjkFont, CjkRegion, FontSet } from "./fonts.js";
