import { describe, expect, it } from 'vitest';
import { erf, erfc } from '../../../src/core/activations/erf.js';

/** |a − b| ≤ rel·|b|, or both are the same non-finite value. */
function close(a: number, b: number, rel: number): boolean {
  if (!Number.isFinite(b)) return Object.is(a, b);
  return Math.abs(a - b) <= rel * Math.abs(b);
}

// High-precision values from mpmath (mp.dps = 30), rounded to 17 significant digits.
const ERF_TABLE: [number, number, number][] = [
  // x, erf(x), erfc(x)
  [-3, -0.99997790950300141, 1.9999779095030014],
  [-2, -0.99532226501895273, 1.9953222650189527],
  [-0.3, -0.32862675945912743, 1.3286267594591274],
  [1e-10, 1.1283791670955126e-10, 0.99999999988716208],
  [0.1, 0.11246291601828489, 0.88753708398171511],
  [0.46875, 0.49261347321793799, 0.50738652678206201],
  [0.5, 0.52049987781304654, 0.47950012218695346],
  [0.75, 0.71115563365351513, 0.28884436634648487],
  [0.9, 0.79690821242283213, 0.20309178757716787],
  [1, 0.84270079294971487, 0.15729920705028513],
  [1.5, 0.96610514647531073, 0.033894853524689273],
  [2, 0.99532226501895273, 0.0046777349810472658],
  [3.5, 0.99999925690162766, 7.4309837234141275e-7],
  [4, 0.9999999845827421, 1.5417257900280019e-8],
  [4.5, 0.99999999980338396, 1.9661604415428875e-10],
  [5, 0.99999999999846254, 1.5374597944280349e-12],
  [6, 0.99999999999999998, 2.1519736712498913e-17],
  [7, 1, 4.1838256077794144e-23],
  [10, 1, 2.0884875837625448e-45],
  [12, 1, 1.3562611692059042e-64],
  [20, 1, 5.3958656116079009e-176],
  [26, 1, 5.6631924088561428e-296],
];

/**
 * An independent erf for the comparison below: the everywhere-positive series
 * erf(x) = 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)), which has no cancellation.
 */
function erfSeries(x: number): number {
  let term = x;
  let sum = x;
  for (let n = 1; n < 2000 && Math.abs(term) > 1e-18 * Math.abs(sum); n++) {
    term *= (2 * x * x) / (2 * n + 1);
    sum += term;
  }
  return (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum;
}

describe('erf and erfc', () => {
  it.each(ERF_TABLE)('match high-precision values at x = %s', (x, e, c) => {
    expect(close(erf(x), e, 2e-15) || Math.abs(erf(x) - e) < 2e-16).toBe(true);
    expect(close(erfc(x), c, 1e-13)).toBe(true);
  });

  it('agrees with an independent series to 1e-13 on [−5, 5]', () => {
    for (let x = -5; x <= 5; x += 0.0137) {
      expect(Math.abs(erf(x) - erfSeries(x))).toBeLessThanOrEqual(1e-13 * Math.abs(erfSeries(x)) + 1e-17);
    }
  });

  it('is odd, erf + erfc = 1, and erfc(x) + erfc(−x) = 2', () => {
    for (const x of [0.01, 0.3, 0.47, 1.2, 3.9, 4.1, 8]) {
      expect(erf(-x)).toBe(-erf(x));
      expect(erf(x) + erfc(x)).toBeCloseTo(1, 15);
      expect(erfc(x) + erfc(-x)).toBeCloseTo(2, 15);
    }
    expect(erf(0)).toBe(0);
    expect(erfc(0)).toBe(1);
  });

  it('handles infinities, underflow and NaN', () => {
    expect(erf(Infinity)).toBe(1);
    expect(erf(-Infinity)).toBe(-1);
    expect(erfc(Infinity)).toBe(0);
    expect(erfc(-Infinity)).toBe(2);
    expect(erfc(30)).toBe(0); // true value 2.6e-393 is below the smallest double
    expect(erfc(1e4)).toBe(0);
    expect(erf(-1e4)).toBe(-1);
    expect(erf(NaN)).toBeNaN();
    expect(erfc(NaN)).toBeNaN();
  });
});
