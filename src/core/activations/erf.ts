/**
 * The error function erf and its complement erfc, accurate to about 1e-16 relative.
 *
 * GELU needs Φ(x) = ½·erfc(−x/√2), the normal CDF. JavaScript has no Math.erf, and the
 * popular five-constant approximation (Abramowitz–Stegun 7.1.26) is only good to ~1e-7,
 * which is visible when a student compares GELU' with a finite difference. So we use
 * W. J. Cody's rational Chebyshev approximations (Math. Comp. 23 (1969) 631–637; the
 * netlib SPECFUN routine CALERF), which give full double precision with three short
 * rational functions:
 *
 *   |x| ≤ 0.46875        erf(x)  = x · A(x²) / B(x²)
 *   0.46875 < |x| ≤ 4    erfc(x) = e^(−x²) · C(x) / D(x)
 *   |x| > 4              erfc(x) = e^(−x²) / x · (1/√π − z·P(z)/Q(z)),  z = 1/x²
 *
 * erfc is computed directly in the tails (never as 1 − erf), so erfc(5) ≈ 1.5e-12 keeps all
 * its digits; that is what makes GELU correct far to the left of zero.
 */

/** erf on [0, 0.46875]: numerator and denominator coefficients (Cody's A, B). */
const A = [3.1611237438705656, 113.864154151050156, 377.485237685302021, 3209.37758913846947, 0.185777706184603153] as const;
const B = [23.6012909523441209, 244.024637934444173, 1282.61652607737228, 2844.23683343917062] as const;

/** erfc on (0.46875, 4] (Cody's C, D). */
const C = [
  0.564188496988670089, 8.88314979438837594, 66.1191906371416295, 298.635138197400131, 881.95222124176909,
  1712.04761263407058, 2051.07837782607147, 1230.33935479799725, 2.15311535474403846e-8,
] as const;
const D = [
  15.7449261107098347, 117.693950891312499, 537.181101862009858, 1621.38957456669019, 3290.79923573345963,
  4362.61909014324716, 3439.36767414372164, 1230.33935480374942,
] as const;

/** erfc on (4, ∞) as an asymptotic correction in z = 1/x² (Cody's P, Q). */
const P = [
  0.305326634961232344, 0.360344899949804439, 0.125781726111229246, 0.0160837851487422766, 6.58749161529837803e-4,
  0.0163153871373020978,
] as const;
const Q = [2.56852019228982242, 1.87295284992346047, 0.527905102951428412, 0.0605183413124413191, 2.33520497626869185e-3] as const;

const INV_SQRT_PI = 0.5641895835477562869480794515607725858440;
/** Below this, erf(x) = 2x/√π to double precision (x² vanishes next to 1). */
const X_SMALL = 1.11e-16;
/** Above this, erfc(x) underflows to 0 in double precision. */
const X_BIG = 26.543;
const SPLIT = 0.46875;

/** erf(y) for 0 ≤ y ≤ 0.46875. */
function erfSmall(y: number): number {
  const z = y > X_SMALL ? y * y : 0;
  let num = A[4] * z;
  let den = z;
  for (let i = 0; i < 3; i++) {
    num = (num + A[i]!) * z;
    den = (den + B[i]!) * z;
  }
  return (y * (num + A[3])) / (den + B[3]);
}

/**
 * e^(−y²) without the rounding error of squaring y: y is split as a + d where a has only a
 * few bits (a multiple of 1/16), so a² is exact and the small remainder carries the rest.
 */
function expMinusSquare(y: number): number {
  const a = Math.trunc(y * 16) / 16;
  const del = (y - a) * (y + a);
  return Math.exp(-a * a) * Math.exp(-del);
}

/** erfc(y) for y > 0.46875. */
function erfcLarge(y: number): number {
  if (y <= 4) {
    let num = C[8] * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]!) * y;
      den = (den + D[i]!) * y;
    }
    return (expMinusSquare(y) * (num + C[7])) / (den + D[7]);
  }
  if (y >= X_BIG) return 0;
  const z = 1 / (y * y);
  let num = P[5] * z;
  let den = z;
  for (let i = 0; i < 4; i++) {
    num = (num + P[i]!) * z;
    den = (den + Q[i]!) * z;
  }
  const r = (z * (num + P[4])) / (den + Q[4]);
  return (expMinusSquare(y) * (INV_SQRT_PI - r)) / y;
}

/**
 * The error function erf(x) = 2/√π ∫₀ˣ e^(−t²) dt, an odd function with range (−1, 1).
 * Relative error below 1e-15 for all finite x; erf(±∞) = ±1; NaN stays NaN.
 */
export function erf(x: number): number {
  const y = Math.abs(x);
  if (y <= SPLIT) return x < 0 ? -erfSmall(y) : erfSmall(y);
  const r = 1 - erfcLarge(y);
  return x < 0 ? -r : r;
}

/**
 * The complementary error function erfc(x) = 1 − erf(x), computed directly so that small
 * values in the right tail (erfc(5) ≈ 1.54e-12) keep full relative precision.
 * erfc(−∞) = 2, erfc(+∞) = 0; NaN stays NaN.
 */
export function erfc(x: number): number {
  const y = Math.abs(x);
  if (y <= SPLIT) return 1 - (x < 0 ? -erfSmall(y) : erfSmall(y));
  const r = erfcLarge(y);
  return x < 0 ? 2 - r : r;
}
