/**
 * STACK-style scoring: a first-try answer earns 1; each wrong try and each hint used costs a
 * penalty; giving up earns 0. The bot keeps the attempt state per student and question.
 */

/** What happened so far on one question. */
export interface AttemptState {
  /** Wrong answers given before this one. */
  wrongTries: number;
  /** Hints shown so far. */
  hintsUsed: number;
  /** The student asked for the solution. */
  gaveUp?: boolean;
}

/** Penalties (as in STACK's default 0.1 per try; hints cost more since they give part away). */
export const PENALTY = { wrongTry: 0.1, hint: 0.2 } as const;

/** A fresh attempt. */
export function freshAttempt(): AttemptState {
  return { wrongTries: 0, hintsUsed: 0 };
}

/** The score a correct answer earns now: 1 minus penalties, floored at 0; 0 after giving up. */
export function scoreFor(state: AttemptState): number {
  if (state.gaveUp) return 0;
  const s = 1 - PENALTY.wrongTry * state.wrongTries - PENALTY.hint * state.hintsUsed;
  // Round so 1 - 3·0.1 reads 0.7, not 0.7000000000000001.
  return Math.max(0, Math.round(s * 100) / 100);
}
