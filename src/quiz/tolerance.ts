/** Tolerances for numeric answers (issue 5: relative 1% unless the question says otherwise). */
import type { Tolerance } from './types.js';

/** Relative 1%, with an absolute floor so a key of 0 accepts a rounded answer. */
export const DEFAULT_TOLERANCE: Tolerance = { relative: 0.01, absolute: 1e-3 };

/** True when `x` is within the tolerance of `key`. */
export function withinTolerance(x: number, key: number, tol: Tolerance): boolean {
  return Math.abs(x - key) <= Math.max(tol.absolute, tol.relative * Math.abs(key));
}

/** An absolute tolerance of half a unit in the last asked decimal ("give 3 decimals"). */
export function decimalsTolerance(decimals: number): Tolerance {
  return { relative: 0, absolute: 0.5 * 10 ** -decimals + 1e-12 };
}
