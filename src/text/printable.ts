/**
 * Text on its way to a terminal. A name, a title or a file name in a record may hold control characters: an escape
 * sequence that clears the screen, sets the window title or hides a line, a carriage return that overwrites what was
 * printed, or a bidirectional override that shows text in another order than it is. None of it reaches a terminal.
 */

/** C0 controls but tab and newline, DEL, C1 controls, and the bidirectional embeddings, overrides and isolates. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/** Text from a record, printable: control characters removed (tab and newline kept). */
export function printable(text: string): string {
  return text.replace(CONTROL, '');
}

/** vita's colours (SGR sequences) and carriage returns (its progress bar), kept by `terminalText`. */
const OWN_OR_CONTROL = /(\x1b\[[0-9;]*m|\r(?!\n)|\r\n)|[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A message of vita's on its way to a terminal: like `printable`, but vita's own colours and carriage returns kept.
 * The last guard, for whatever a message quotes from a record; the formatters already clean what they quote.
 */
export function terminalText(text: string): string {
  return text.replace(OWN_OR_CONTROL, (all, own: string | undefined) => own ?? '');
}
