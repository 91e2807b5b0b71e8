/** How far apart two words are, for "did you mean" hints and near-miss checks. */

/**
 * Levenshtein distance (insertions, deletions and substitutions), by code point, with two rows.
 * With `limit`, gives up as soon as the distance must exceed it and returns `limit + 1`: for "is it close?" questions,
 * asked of many candidates.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  const s = Array.from(a);
  const t = Array.from(b);
  if (Math.abs(s.length - t.length) > limit) return limit + 1;
  if (s.length === 0 || t.length === 0) return s.length + t.length;
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  let current = new Array<number>(t.length + 1).fill(0);
  for (let i = 1; i <= s.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= t.length; j++) {
      const d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1));
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    // Every path to the end goes through this row: past the limit here, past it at the end.
    if (rowMin > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[t.length]!, limit + 1);
}
