/** Streak arithmetic shared by the store adapters: they list the days, this counts them. */

/** Milliseconds in a UTC day. */
export const DAY_MS = 86_400_000;

/** The UTC day number (days since 1970-01-01) of a time in milliseconds. */
export function utcDay(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

/**
 * Days in a row ending today or yesterday (UTC), given the distinct days with a correct
 * answer, newest first. Yesterday still counts so a streak does not drop to 0 at midnight
 * before the student has had a chance to answer today.
 */
export function streakFromDays(daysNewestFirst: Iterable<number>, now: number): number {
  const today = utcDay(now);
  let expected: number | undefined;
  let n = 0;
  for (const day of daysNewestFirst) {
    if (day > today) continue; // an answer "from the future" (clock skew) is not part of the streak
    if (expected === undefined) {
      if (day < today - 1) return 0;
      expected = day;
    }
    if (day === expected) {
      n++;
      expected--;
    } else if (day < expected) {
      break;
    }
  }
  return n;
}
