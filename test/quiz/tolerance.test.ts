import { describe, expect, it } from 'vitest';
import { DEFAULT_TOLERANCE, EXACT_TOLERANCE, significantTolerance, stepTolerance, withinTolerance } from '../../src/quiz/tolerance.js';

describe('withinTolerance', () => {
  it('accepts within 1% of the key, boundary included, and rejects beyond', () => {
    expect(withinTolerance(101, 100, DEFAULT_TOLERANCE)).toBe(true);
    expect(withinTolerance(99, 100, DEFAULT_TOLERANCE)).toBe(true);
    expect(withinTolerance(101.01, 100, DEFAULT_TOLERANCE)).toBe(false);
    expect(withinTolerance(98.99, 100, DEFAULT_TOLERANCE)).toBe(false);
    expect(withinTolerance(-99.5, -100, DEFAULT_TOLERANCE)).toBe(true);
    expect(withinTolerance(100, -100, DEFAULT_TOLERANCE)).toBe(false);
    expect(withinTolerance(2, 2, { relative: 0, absolute: 0 })).toBe(true);
  });

  it('uses the absolute floor only as float noise: it never swamps a small key', () => {
    expect(DEFAULT_TOLERANCE).toEqual({ relative: 0.01, absolute: 1e-9 });
    expect(withinTolerance(0, 0.00046, DEFAULT_TOLERANCE)).toBe(false);
    expect(withinTolerance(0.000465, 0.00046, DEFAULT_TOLERANCE)).toBe(false);
    expect(withinTolerance(0.000464, 0.00046, DEFAULT_TOLERANCE)).toBe(true);
    expect(withinTolerance(5e-10, 0, DEFAULT_TOLERANCE)).toBe(true);
    expect(withinTolerance(2e-9, 0, DEFAULT_TOLERANCE)).toBe(false);
    expect(withinTolerance(0.3, 0.1 + 0.2, { relative: 0, absolute: 1e-9 })).toBe(true);
    expect(withinTolerance(0.5, 0, { relative: 0.01, absolute: 0.5 })).toBe(true);
    expect(withinTolerance(0.6, 0, { relative: 0.01, absolute: 0.5 })).toBe(false);
  });

  it('is exact for counts', () => {
    expect(EXACT_TOLERANCE).toEqual({ relative: 0, absolute: 0 });
    expect(withinTolerance(4685824, 4685824, EXACT_TOLERANCE)).toBe(true);
    expect(withinTolerance(4685825, 4685824, EXACT_TOLERANCE)).toBe(false);
    expect(withinTolerance(4685823.9, 4685824, EXACT_TOLERANCE)).toBe(false);
  });

  it('judges an update on the step from its base, and on the result', () => {
    const tol = stepTolerance(-2.6);
    expect(tol).toEqual({ relative: 0.01, absolute: 1e-9, base: -2.6 });
    // key −2.6024: the step is −0.0024, 1% of it is 0.000024
    expect(withinTolerance(-2.6024, -2.6024, tol)).toBe(true);
    expect(withinTolerance(-2.60242, -2.6024, tol)).toBe(true);
    expect(withinTolerance(-2.60238, -2.6024, tol)).toBe(true);
    expect(withinTolerance(-2.6023, -2.6024, tol)).toBe(false);
    expect(withinTolerance(-2.6, -2.6024, tol)).toBe(false);
    expect(withinTolerance(-2.5976, -2.6024, tol)).toBe(false);
    // a big step to a result near 0: 1% of the result, not of the step
    const big = stepTolerance(2);
    expect(withinTolerance(0.0101, 0.01, big)).toBe(true);
    expect(withinTolerance(0.0105, 0.01, big)).toBe(false);
    expect(withinTolerance(0.0095, 0.01, big)).toBe(false);
    // a result of exactly 0 wants 0
    expect(withinTolerance(0, 0, big)).toBe(true);
    expect(withinTolerance(0.001, 0, big)).toBe(false);
    // the base itself is never right (the step is 0 away from it)
    expect(withinTolerance(2, 2, big)).toBe(true);
    expect(withinTolerance(2.001, 2, big)).toBe(false);
  });

  it('n significant figures: relative 10^(1−n)', () => {
    expect(significantTolerance(3)).toEqual({ relative: 0.01, absolute: 1e-9 });
    expect(significantTolerance(4).relative).toBeCloseTo(0.001, 15);
    expect(significantTolerance(2).relative).toBeCloseTo(0.1, 15);
    expect(withinTolerance(0.378, 0.37754, significantTolerance(3))).toBe(true);
    expect(withinTolerance(0.378 * 1.05, 0.37754, significantTolerance(3))).toBe(false);
  });
});
