/**
 * Typst -> PDF, in-process, with `@myriaddreamin/typst-ts-node-compiler`
 * (a native Node addon bundling Typst 0.14; no external binary).
 *
 * - One compiler per distinct set of extra font paths, created on first use and
 *   reused: creating one scans the system fonts (~15 ms without, ~80-180 ms with
 *   the Noto CJK collections installed); a small document then takes ~5 ms
 *   (the very first compile of a process ~100 ms).
 * - Hermetic: the compiler's root is a directory that does not exist on disk, so
 *   a document sees only the files given in `options.files`. Package imports
 *   (`@preview/...`) are refused before compiling, because the compiler would
 *   otherwise try to download them.
 * - Reproducible: the document date is set to none and the PDF creation timestamp
 *   fixed, so the same source gives byte-identical PDFs.
 */
import { createRequire } from "node:module";
import { posix, resolve } from "node:path";
import type { NodeCompiler as NodeCompilerT } from "@myriaddreamin/typst-ts-node-compiler";
import { fontSetFor, missingGlyphs, type FontSet } from "./fonts.js";
import { typstString } from "./escape.js";

export interface TypstDiagnostic {
  severity: "error" | "warning";
  message: string;
  /** File the diagnostic is about, relative to the document root ("main.typ" for the source). */
  path: string | undefined;
  /** 1-based line and column in that file, when Typst gives a position. */
  line: number | undefined;
  column: number | undefined;
}

export class TypstCompileError extends Error {
  constructor(
    message: string,
    readonly diagnostics: TypstDiagnostic[],
  ) {
    super(message);
    this.name = "TypstCompileError";
  }
}

export interface CompileOptions {
  /** Fonts to use; default `fontSetFor(source)` (adds a CJK font when the source has CJK text). */
  fonts?: FontSet;
  /**
   * Extra files the document may read (`#image("photo.jpg")`, `#import "cv.typ"`,
   * `#read("data.json")`), by path relative to the main file. No other file is visible.
   */
  files?: Record<string, Uint8Array | string>;
  /** Receives compiler warnings and a warning for CJK characters no font can draw. */
  onWarning?: (diagnostic: TypstDiagnostic) => void;
}

/** The Typst version inside the pinned compiler package. */
export const TYPST_VERSION = "0.14.2";

/** Virtual root of every document. It must not exist on disk (keeps documents hermetic). */
const ROOT = resolve("/__vita_typst_root__");
const MAIN = "main.typ";
/** Shadow file any document file can import: `#import "/vita.typ": vita-fonts`. */
const VITA_MODULE = "vita.typ";

type TypstModule = typeof import("@myriaddreamin/typst-ts-node-compiler");
let typstModule: TypstModule | undefined;

function loadTypst(): TypstModule {
  if (!typstModule) {
    const require = createRequire(import.meta.url);
    try {
      typstModule = require("@myriaddreamin/typst-ts-node-compiler") as TypstModule;
    } catch (e) {
      throw new Error(
        `cannot load the Typst compiler (@myriaddreamin/typst-ts-node-compiler): ${(e as Error).message}. ` +
          `Run \`npm install\`; the package ships a native binary per platform as an optional dependency.`,
      );
    }
  }
  return typstModule;
}

const compilers = new Map<string, NodeCompilerT>();

function compilerFor(fontPaths: string[]): NodeCompilerT {
  const key = JSON.stringify(fontPaths);
  let c = compilers.get(key);
  if (!c) {
    const { NodeCompiler } = loadTypst();
    c = NodeCompiler.create({
      workspace: ROOT,
      fontArgs: fontPaths.length > 0 ? [{ fontPaths }] : [],
    });
    compilers.set(key, c);
  }
  return c;
}

/**
 * Loads the compiler and scans the fonts now, so that the first document does not wait for them: a build calls it
 * on a typesetting thread started while the record is still being opened.
 */
export function warmTypst(fontPaths: string[] = []): void {
  compilerFor(fontPaths);
}

/**
 * The line put in front of every document: no date (reproducible output), and
 * `vita-fonts`, the font list to use in templates (`#set text(font: vita-fonts)`),
 * already applied. Other files of the document get the same list with
 * `#import "/vita.typ": vita-fonts`. Kept on ONE line so diagnostics' line
 * numbers need only a -1.
 */
export function typstPreamble(fonts: FontSet): string {
  const families = fonts.families.map(typstString).join(", ");
  return `#set document(date: none);#let vita-fonts = (${families},);#set text(font: vita-fonts)\n`;
}

const PACKAGE_IMPORT = /\b(?:import|include)\s*"@|"@[A-Za-z0-9_-]+\/[A-Za-z0-9_.-]+:\d+\.\d+\.\d+"/;

/** Throws when Typst source imports a package (`@preview/...`): the compiler would try to download it. */
export function assertNoPackageImports(source: string, path = MAIN): void {
  const m = PACKAGE_IMPORT.exec(source);
  if (m) {
    const line = source.slice(0, m.index).split("\n").length;
    const diag: TypstDiagnostic = {
      severity: "error",
      message: "Typst package imports (\"@preview/...\") are not allowed: vita never downloads anything",
      path,
      line,
      column: undefined,
    };
    throw new TypstCompileError(`${path}:${line}: ${diag.message}`, [diag]);
  }
}

function checkFileName(name: string): string {
  const norm = posix.normalize(name.replace(/\\/g, "/"));
  if (norm.startsWith("/") || norm === ".." || norm.startsWith("../") || norm === "." || norm === MAIN || norm === VITA_MODULE) {
    throw new Error(`invalid Typst file name ${JSON.stringify(name)}: use a relative path inside the document`);
  }
  return norm;
}

interface RawDiagnostic {
  message?: unknown;
  path?: unknown;
  severity?: unknown;
  range?: { start?: { line?: unknown; character?: unknown } } | null;
}

function toDiagnostics(raw: unknown[]): TypstDiagnostic[] {
  return raw.map((r) => {
    const d = (r ?? {}) as RawDiagnostic;
    const abs = typeof d.path === "string" ? d.path : undefined;
    const rel = abs && abs.startsWith(ROOT) ? posix.normalize(abs.slice(ROOT.length).replace(/\\/g, "/")).replace(/^\//, "") : abs;
    const start = d.range?.start;
    let line = typeof start?.line === "number" ? start.line + 1 : undefined;
    const column = typeof start?.character === "number" ? start.character + 1 : undefined;
    // The preamble takes the first line of main.typ.
    if (line !== undefined && rel === MAIN) line = Math.max(1, line - 1);
    return {
      severity: d.severity === 1 || d.severity === "error" ? "error" : "warning",
      message: String(d.message ?? "unknown error"),
      path: rel,
      line,
      column,
    };
  });
}

function formatDiagnostic(d: TypstDiagnostic): string {
  const where = d.path ? `${d.path}${d.line !== undefined ? `:${d.line}${d.column !== undefined ? `:${d.column}` : ""}` : ""}: ` : "";
  return `${where}${d.severity}: ${d.message}`;
}

function textOf(source: string, files: Record<string, Uint8Array | string> | undefined): string {
  let text = source;
  for (const [name, content] of Object.entries(files ?? {})) {
    if (name.endsWith(".typ")) text += "\n" + (typeof content === "string" ? content : Buffer.from(content).toString("utf8"));
  }
  return text;
}

/**
 * Compiles Typst markup to PDF bytes. Synchronous (the compiler is). Throws
 * `TypstCompileError` (with `diagnostics`) when Typst reports errors.
 */
export function compileTypst(source: string, options: CompileOptions = {}): Uint8Array {
  return run(source, options, true)!;
}

function run(source: string, options: CompileOptions, exportPdf: boolean): Uint8Array | undefined {
  const files = options.files ?? {};
  const fonts = options.fonts ?? fontSetFor(textOf(source, files));
  assertNoPackageImports(source);
  for (const [name, content] of Object.entries(files)) {
    if (typeof content === "string" || name.endsWith(".typ")) {
      assertNoPackageImports(typeof content === "string" ? content : Buffer.from(content).toString("utf8"), name);
    }
  }
  if (options.onWarning) {
    const lost = missingGlyphs(textOf(source, files), fonts);
    if (lost.length > 0) {
      options.onWarning({
        severity: "warning",
        message: `no font for ${lost.length} CJK character(s), they will be missing from the PDF: ${lost.join("")}`,
        path: undefined,
        line: undefined,
        column: undefined,
      });
    }
  }

  const compiler = compilerFor(fonts.fontPaths);
  compiler.resetShadow();
  for (const [name, content] of Object.entries(files)) {
    const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content);
    compiler.mapShadow(posix.join(ROOT, checkFileName(name)), bytes);
  }
  const families = fonts.families.map(typstString).join(", ");
  compiler.mapShadow(posix.join(ROOT, VITA_MODULE), Buffer.from(`#let vita-fonts = (${families},)\n`, "utf8"));
  const mainPath = posix.join(ROOT, MAIN);
  compiler.mapShadow(mainPath, Buffer.from(typstPreamble(fonts) + source, "utf8"));

  try {
    const result = compiler.compile({ mainFilePath: mainPath });
    const warnings = result.takeWarnings();
    if (result.hasError()) {
      const err = result.takeError() ?? result.takeDiagnostics();
      const diagnostics = err ? toDiagnostics(compiler.fetchDiagnostics(err)) : [];
      const errors = diagnostics.filter((d) => d.severity === "error");
      throw new TypstCompileError(
        `Typst compilation failed:\n${(errors.length > 0 ? errors : diagnostics).map(formatDiagnostic).join("\n")}`,
        diagnostics,
      );
    }
    if (warnings && options.onWarning) {
      for (const w of toDiagnostics(compiler.fetchDiagnostics(warnings))) options.onWarning(w);
    }
    const doc = result.result;
    if (!doc) throw new TypstCompileError("Typst compilation produced no document", []);
    if (!exportPdf) return undefined;
    const pdf = compiler.pdf(doc, { creationTimestamp: 0 });
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    compiler.resetShadow();
    // Drop memoized results not used in the last 10 compiles (keeps memory flat).
    compiler.evictCache(10);
  }
}

const mathCache = new Map<string, boolean>();

/** Does `$<math>$` compile? (Memoized; ~2 ms per new formula.) For `inlineToTypst`'s `validateMath`. */
export function typstMathCompiles(math: string): boolean {
  let ok = mathCache.get(math);
  if (ok === undefined) {
    try {
      run(`$${math}$`, { fonts: fontSetFor("", { cjk: false }) }, false);
      ok = true;
    } catch (e) {
      if (!(e instanceof TypstCompileError)) throw e;
      ok = false;
    }
    mathCache.set(math, ok);
  }
  return ok;
}
