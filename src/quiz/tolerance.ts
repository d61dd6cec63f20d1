/**
 * When a numeric answer counts as the key. A tolerance absorbs rounding, never a mistake:
 * answers within 1% of the key are right, whole-number counts must be exact, and an SGD
 * update is judged on its step, so "no step" and "a step the wrong way" are always wrong.
 */
import type { Tolerance } from './types.js';

/**
 * Relative 1%: three significant figures always get within it. The absolute floor is float
 * noise only (1e-9): it never swamps a small key (0 does not answer a key of 0.00046).
 */
export const DEFAULT_TOLERANCE: Tolerance = { relative: 0.01, absolute: 1e-9 };

/** Counts (parameters, weights, bytes, examples...): only the exact number is right. */
export const EXACT_TOLERANCE: Tolerance = { relative: 0, absolute: 0 };

/**
 * True when `x` is within the tolerance of `key`. The allowed error is `relative` times the
 * key's size; with a `base` (the old weight of an SGD step) it is also at most `relative`
 * times the change from the base, so an answer equal to the base is never right.
 */
export function withinTolerance(x: number, key: number, tol: Tolerance): boolean {
  const size = tol.base === undefined ? Math.abs(key) : Math.min(Math.abs(key), Math.abs(key - tol.base));
  return Math.abs(x - key) <= Math.max(tol.absolute, tol.relative * size);
}

/** The tolerance of an update from `base` (w ← w − lr·g): 1% of the step and of the result. */
export function stepTolerance(base: number): Tolerance {
  return { ...DEFAULT_TOLERANCE, base };
}

/**
 * The tolerance of "give n significant figures": relative 10^(1−n) (1% for 3 figures), which
 * a correctly rounded answer always meets and a 5% slip never does.
 */
export function significantTolerance(digits: number): Tolerance {
  return { relative: 10 ** (1 - digits), absolute: DEFAULT_TOLERANCE.absolute };
}
