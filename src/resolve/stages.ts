/**
 * How long a stage of academic life normally lasts, so that a member or mentee recorded with a start but no
 * end is not taken to be there forever: an undergraduate who started eight years ago has surely left. The
 * limits are generous (a long PhD, a second postdoc): past them the record has most likely only missed an
 * end date. Roles without a normal length (a PI, faculty, staff) never expire.
 */

/** Years after its start at which a stage with no end is taken to be over, by role or level. */
export const STAGE_YEARS: Readonly<Record<string, number>> = {
  undergraduate: 5,
  master: 4,
  graduate: 7,
  phd: 7,
  postdoc: 6,
  intern: 2,
  visitor: 3,
};

/**
 * Whether someone of this role who started at `start` and has no end (or "present") would normally have left
 * by `now`: the start's year plus the stage's years is before this year.
 */
export function stageOverdue(role: string, start: string | undefined, end: string | undefined, now: Date): boolean {
  if (end && end !== 'present') return false;
  const years = STAGE_YEARS[role];
  if (years === undefined || !start) return false;
  const year = Number(start.slice(0, 4));
  return Number.isFinite(year) && now.getUTCFullYear() - year > years;
}
