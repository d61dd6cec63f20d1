/**
 * Small numerically stable building blocks shared by several activations.
 *
 * The textbook forms overflow or lose every digit at large |x|: 1/(1 + e^(−x)) is fine, but
 * e^x/(1 + e^x) gives Infinity/Infinity = NaN for x = 800, ln(1 + e^x) overflows for x > 709,
 * and 1 − tanh²(x) is exactly 0 from x ≈ 19 on although the true value is 4e^(−2x) > 0.
 * Each helper below picks the form that is exact on its side of zero.
 */

/**
 * The logistic sigmoid σ(x) = 1/(1 + e^(−x)). For x < 0 it uses e^x/(1 + e^x), so e^x never
 * overflows and tiny results such as σ(−700) ≈ 9.9e-305 keep their digits.
 */
export function logistic(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/**
 * σ'(x) = σ(x)(1 − σ(x)) written as e/(1 + e)² with e = e^(−|x|): the same value (σ' is
 * even), but without the cancellation in 1 − σ(x) when σ(x) is close to 1.
 */
export function logisticSlope(x: number): number {
  const e = Math.exp(-Math.abs(x));
  const d = 1 + e;
  return e / (d * d);
}

/**
 * softplus(x) = ln(1 + e^x) = max(x, 0) + ln(1 + e^(−|x|)). The exponent is never positive,
 * so nothing overflows, and log1p keeps the small correction exact: softplus(1e4) = 1e4,
 * softplus(−40) ≈ 4.2e-18.
 */
export function softplusStable(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/**
 * sech²(x) = 1/cosh²(x) = 1 − tanh²(x), as 4e/(1 + e)² with e = e^(−2|x|): no overflow of
 * cosh and no cancellation in 1 − tanh² for large |x|.
 */
export function sechSquared(x: number): number {
  const e = Math.exp(-2 * Math.abs(x));
  const d = 1 + e;
  return (4 * e) / (d * d);
}

/**
 * The minimum of a function with a single dip on [a, b], by golden-section search. Used once
 * at load time to compute (not hand-type) the lowest value of GELU, SiLU and Mish for their
 * range text and chart axes.
 */
export function minimumOn(f: (x: number) => number, a: number, b: number): { x: number; value: number } {
  const g = (Math.sqrt(5) - 1) / 2;
  let lo = a;
  let hi = b;
  let c = hi - g * (hi - lo);
  let d = lo + g * (hi - lo);
  let fc = f(c);
  let fd = f(d);
  // 100 steps shrink the bracket by 0.618^100 ≈ 1e-21: far past double precision.
  for (let i = 0; i < 100; i++) {
    if (fc < fd) {
      hi = d;
      d = c;
      fd = fc;
      c = hi - g * (hi - lo);
      fc = f(c);
    } else {
      lo = c;
      c = d;
      fc = fd;
      d = lo + g * (hi - lo);
      fd = f(d);
    }
  }
  const x = (lo + hi) / 2;
  return { x, value: f(x) };
}
