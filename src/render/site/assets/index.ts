/** The files every site carries: vita.css, vita.js, and KaTeX's stylesheet with its woff2 fonts. */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { OutputFile } from '../../output.js';
import { JS } from './script.js';
import { CSS } from './style.js';

/** Collapse the stylesheet's indentation and comments: it is written to be read, shipped to be small. */
function minifyCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\n+/g, '\n')
    .replace(/\n/g, '')
    .trim();
}

let katexFiles: OutputFile[] | undefined;

/**
 * KaTeX's CSS and fonts from the installed package: only woff2 (every browser that runs the site reads it),
 * so the CSS's woff/ttf fallbacks are dropped rather than left pointing at files that are not there.
 */
function katexAssets(): OutputFile[] {
  if (katexFiles) return katexFiles;
  const require = createRequire(import.meta.url);
  const dist = join(dirname(require.resolve('katex/package.json')), 'dist');
  const css = readFileSync(join(dist, 'katex.min.css'), 'utf8').replace(/,url\(fonts\/[^)]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)/g, '');
  const fonts = readdirSync(join(dist, 'fonts'))
    .filter((f) => f.endsWith('.woff2'))
    .sort()
    .map((f) => ({ path: `assets/katex/fonts/${f}`, content: new Uint8Array(readFileSync(join(dist, 'fonts', f))) }));
  katexFiles = [{ path: 'assets/katex/katex.min.css', content: css }, ...fonts];
  return katexFiles;
}

/** A favicon drawn from the site's initial, so browsers stop asking for /favicon.ico with a 404. */
function favicon(initial: string): string {
  const letter = initial.replace(/[<>&"']/g, '') || 'v';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="5" fill="#1e4f8a"/><text x="16" y="23" font-family="Palatino,Georgia,serif" font-size="20" text-anchor="middle" fill="#fdfcf8">${letter}</text></svg>\n`;
}

export function siteAssets(options: { math: boolean; initial?: string }): OutputFile[] {
  return [{ path: 'assets/favicon.svg', content: favicon(options.initial ?? 'v') }, { path: 'assets/vita.css', content: minifyCss(CSS) + '\n' }, { path: 'assets/vita.js', content: JS }, ...(options.math ? katexAssets() : [])];
}
