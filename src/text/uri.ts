/** Percent-escapes in paths the user wrote: decoded where they are escapes, kept as written where they are not. */

/**
 * `assets/100%.pdf` names a file called "100%.pdf": a "%" that does not start a valid escape (two hex digits, and
 * together with its neighbours valid UTF-8) is a literal "%", as Hugo and browsers read it; `decodeURI` would throw.
 * Like `decodeURI`, escapes of "/", "?", "#" and the other reserved characters stay escaped.
 */
export function decodePath(text: string): string {
  if (!text.includes('%')) return text;
  return text.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    try {
      return decodeURI(run);
    } catch {
      // Not UTF-8 as a whole: decode the escapes that are, one character at a time.
      return run.replace(/%[0-7][0-9a-fA-F]/g, (one) => decodeURI(one));
    }
  });
}
