/**
 * What vita.yaml's schema cannot say: a language is a BCP 47 tag vita has words for, and a theme colour is a
 * colour. Reported where they are written, so that nothing in vita.yaml is ignored in silence.
 */
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import { CATALOGUES, hasStrings, isLanguageTag } from '../strings/index.js';
import type { ConfigInput } from '../schema/index.js';
import type { Located } from './index.js';

export function checkConfig(config: Located<ConfigInput>, diagnostics: Diagnostics): void {
  const c = config.value;
  const spoken = Object.values(CATALOGUES)
    .map((t) => t.languageName)
    .join(', ');
  c.languages.forEach((lang, i) => {
    const at = config.locate(['languages', i]);
    if (!isLanguageTag(lang)) {
      diagnostics.error(config.file, at, 'validate/language', `"${lang}" is not a language tag: no pages are made for it`, {
        path: ['languages', i],
        input: lang,
        hint: 'write a BCP 47 tag, such as en, zh, de, pt-BR or zh-Hant.',
      });
    } else if (!hasStrings(lang)) {
      diagnostics.warning(config.file, at, 'validate/language-without-words', `vita has no interface words in "${lang}": its pages show your text in it and vita's own words (menus, headings) in English`, {
        path: ['languages', i],
        input: lang,
        hint: `vita speaks ${spoken}.`,
      });
    }
  });
  // "leiwu.github.io" with no scheme reads as a path: every absolute link, feed and sitemap entry would be wrong.
  if (c.baseUrl && !/^[a-z][a-z0-9+.-]*:/i.test(c.baseUrl.trim())) {
    diagnostics.warning(config.file, config.locate(['baseUrl']), 'validate/base-url-scheme', `the site's address "${c.baseUrl}" has no scheme: links to the site, its feeds and its sitemap would be read as paths`, {
      path: ['baseUrl'],
      input: c.baseUrl,
      hint: `write it with https://: baseUrl: "https://${c.baseUrl.trim().replace(/^\/+/, '')}".`,
    });
  }
  for (const group of ['colors', 'darkColors'] as const) {
    for (const [name, value] of Object.entries(c.theme?.[group] ?? {})) {
      if (isCssColour(value)) continue;
      diagnostics.warning(config.file, config.locate(['theme', group, name]), 'validate/colour', `"${value}" is not a colour: browsers ignore it, and ${name} keeps vita's colour`, {
        path: ['theme', group, name],
        input: value,
        hint: 'write #RRGGBB (e.g. "#8c1515"), a colour name (darkred), or rgb(), hsl(), oklch() ...; quote a value starting with #.',
      });
    }
  }
}

/** The colour names of CSS (CSS Color 4), with the keywords that stand for a colour. */
const NAMED = new Set(
  (
    'aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood cadetblue ' +
    'chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey ' +
    'darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen darkslateblue darkslategray ' +
    'darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen ' +
    'fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki ' +
    'lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen ' +
    'lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime ' +
    'limegreen linen magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue ' +
    'mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive ' +
    'olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum ' +
    'powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue ' +
    'slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke ' +
    'yellow yellowgreen transparent currentcolor inherit initial unset revert canvas canvastext linktext visitedtext activetext ' +
    'buttonface buttontext buttonborder field fieldtext highlight highlighttext mark marktext graytext accentcolor accentcolortext'
  ).split(' '),
);

const FUNCTIONS = new Set(['rgb', 'rgba', 'hsl', 'hsla', 'hwb', 'lab', 'lch', 'oklab', 'oklch', 'color', 'color-mix', 'light-dark', 'var']);

/** Whether a value is a CSS colour: a hex colour, a colour name, or a colour function with balanced parentheses. */
export function isCssColour(value: string): boolean {
  const v = value.trim().toLowerCase();
  if (/^#([0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/.test(v)) return true;
  if (NAMED.has(v)) return true;
  const fn = /^([a-z-]+)\((.*)\)$/s.exec(v);
  if (!fn || !FUNCTIONS.has(fn[1]!)) return false;
  // Arguments: numbers, units, percentages, names, nested functions; nothing that ends the declaration.
  if (!/^[a-z0-9#.,%\s/()+*-]*$/.test(fn[2]!)) return false;
  let depth = 0;
  for (const ch of fn[2]!) {
    if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return false;
  }
  return depth === 0 && fn[2]!.trim() !== '';
}
