/** Whitespace in names and fields, made single spaces. */

/** What differs from single spaces: a run of two or more whitespace characters, or one that is not a space. */
const NOT_SINGLE_SPACES = /\s{2,}|[^\S ]/g;

/**
 * Every run of whitespace as one space: `text.replace(/\s+/g, ' ')`, which replaces every single space by a space and
 * so copies every text with a space in it. Here a text whose whitespace is single spaces already (most of them) is
 * given back as it is.
 */
export function singleSpaces(text: string): string {
  return text.replace(NOT_SINGLE_SPACES, ' ');
}
