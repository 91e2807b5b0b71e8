/** "Did you mean": the closest known word to a misspelt one. */
import { editDistance } from './distance.js';

/**
 * The candidate closest to `word`, ignoring case, when it is close enough to be a likely typo: at most `maxDistance`
 * edits, and at most one per two letters of the word. The first of equally close candidates wins.
 */
export function closest(word: string, candidates: Iterable<string>, maxDistance = 3): string | undefined {
  const limit = Math.min(maxDistance, Math.max(1, Math.floor(word.length / 2)));
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase(), limit);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
