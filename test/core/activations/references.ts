/**
 * Independent reference formulas for the registry tests: the straightforward textbook forms,
 * written separately from src/ (no shared helpers), each with the domain where it is stable.
 */

/** erf by its positive series (no cancellation), see erf.test.ts. */
export function erfSeries(x: number): number {
  let term = x;
  let sum = x;
  for (let n = 1; n < 2000 && Math.abs(term) > 1e-18 * Math.abs(sum); n++) {
    term *= (2 * x * x) / (2 * n + 1);
    sum += term;
  }
  return (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum;
}

export interface Reference {
  f(x: number): number;
  df(x: number): number;
  /** Where the textbook form is numerically trustworthy. */
  domain(x: number): boolean;
}

const all = () => true;
const SELU_L = 1.0507009873554804934193349852946;
const SELU_A = 1.6732632423543772848170429916717;
const step = (x: number) => (x > 0 ? 1 : 0);

/** ln(1 + eˣ): direct where 1 + eˣ keeps eˣ's digits, by its Taylor series in eˣ far left. */
function softplusRef(x: number): number {
  if (x > -10) return Math.log(1 + Math.exp(x));
  const e = Math.exp(x);
  return e - (e * e) / 2 + (e * e * e) / 3;
}

export const REFERENCES: Record<string, Reference> = {
  identity: { f: (x) => x, df: () => 1, domain: all },
  sigmoid: {
    f: (x) => 1 / (1 + Math.exp(-x)),
    df: (x) => Math.exp(-x) / (1 + Math.exp(-x)) ** 2,
    domain: (x) => Math.abs(x) <= 300,
  },
  tanh: {
    f: (x) => (Math.exp(2 * x) - 1) / (Math.exp(2 * x) + 1),
    df: (x) => 1 / Math.cosh(x) ** 2,
    domain: (x) => Math.abs(x) <= 300,
  },
  arctan: {
    f: (x) => Math.atan2(x, 1),
    // d/dx arctan x = cos²(arctan x)
    df: (x) => Math.cos(Math.atan2(x, 1)) ** 2,
    domain: (x) => Math.abs(x) <= 1e6,
  },
  relu: { f: (x) => Math.max(0, x), df: step, domain: all },
  leaky_relu: { f: (x) => (x >= 0 ? x : 0.01 * x), df: (x) => (x > 0 ? 1 : 0.01), domain: all },
  rrelu: { f: (x) => (x >= 0 ? x : (11 / 48) * x), df: (x) => (x > 0 ? 1 : 11 / 48), domain: all },
  prelu: { f: (x) => (x >= 0 ? x : 0.25 * x), df: (x) => (x > 0 ? 1 : 0.25), domain: all },
  binary_step: { f: (x) => (x >= 0 ? 1 : 0), df: () => 0, domain: all },
  elu: { f: (x) => (x > 0 ? x : Math.exp(x) - 1), df: (x) => (x > 0 ? 1 : Math.exp(x)), domain: all },
  selu: {
    f: (x) => SELU_L * (x > 0 ? x : SELU_A * (Math.exp(x) - 1)),
    df: (x) => SELU_L * (x > 0 ? 1 : SELU_A * Math.exp(x)),
    domain: all,
  },
  softsign: {
    f: (x) => (x >= 0 ? 1 - 1 / (1 + x) : -1 + 1 / (1 - x)),
    // quotient rule: ((1 + |x|) − x·sign x) / (1 + |x|)²
    df: (x) => (1 + Math.abs(x) - x * Math.sign(x)) / (1 + Math.abs(x)) ** 2,
    domain: (x) => Math.abs(x) <= 1e100,
  },
  isru: { f: (x) => x * Math.pow(1 + x * x, -0.5), df: (x) => Math.pow(1 + x * x, -1.5), domain: (x) => Math.abs(x) <= 1e100 },
  isrlu: {
    f: (x) => (x >= 0 ? x : x * Math.pow(1 + x * x, -0.5)),
    df: (x) => (x >= 0 ? 1 : Math.pow(1 + x * x, -1.5)),
    domain: (x) => Math.abs(x) <= 1e100,
  },
  sqnl: {
    f: (x) => (Math.abs(x) > 2 ? Math.sign(x) : x - (Math.sign(x) * x * x) / 4),
    df: (x) => (Math.abs(x) > 2 ? 0 : 1 - Math.abs(x) / 2),
    domain: all,
  },
  bipolar_relu: { f: (x) => Math.max(0, x), df: step, domain: all },
  softplus: { f: softplusRef, df: (x) => 1 / (1 + Math.exp(-x)), domain: (x) => Math.abs(x) <= 300 },
  gelu: {
    f: (x) => 0.5 * x * (1 + erfSeries(x / Math.SQRT2)),
    df: (x) => 0.5 * (1 + erfSeries(x / Math.SQRT2)) + (x * Math.exp(-0.5 * x * x)) / Math.sqrt(2 * Math.PI),
    // 1 + erf cancels far left; the tail is checked against mpmath values instead
    domain: (x) => x >= -3 && x <= 8,
  },
  silu: {
    f: (x) => x / (1 + Math.exp(-x)),
    df: (x) => (1 + Math.exp(-x) + x * Math.exp(-x)) / (1 + Math.exp(-x)) ** 2,
    domain: (x) => Math.abs(x) <= 300,
  },
  mish: {
    f: (x) => x * Math.tanh(softplusRef(x)),
    // the closed form from Misra (2019): eˣω/δ², ω = 4(x+1) + 4e²ˣ + e³ˣ + eˣ(4x+6), δ = 2eˣ + e²ˣ + 2
    df: (x) => {
      const e = Math.exp(x);
      const omega = 4 * (x + 1) + 4 * e * e + e * e * e + e * (4 * x + 6);
      const delta = 2 * e + e * e + 2;
      return (e * omega) / (delta * delta);
    },
    domain: (x) => Math.abs(x) <= 50,
  },
  hardtanh: { f: (x) => Math.min(1, Math.max(-1, x)), df: (x) => (Math.abs(x) < 1 ? 1 : 0), domain: all },
  hardsigmoid: {
    f: (x) => Math.min(6, Math.max(0, x + 3)) / 6,
    df: (x) => (Math.abs(x) < 3 ? 1 / 6 : 0),
    domain: all,
  },
  relu6: { f: (x) => Math.min(6, Math.max(0, x)), df: (x) => (x > 0 && x < 6 ? 1 : 0), domain: all },
};
