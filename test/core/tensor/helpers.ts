/** Test helpers: random float64 matrices and central finite differences. */
import { Rng } from '../../../src/core/rng.js';
import { Matrix } from '../../../src/core/tensor/matrix.js';

/** A rows × cols float64 matrix with N(0, scale²) entries. */
export function randomMatrix(rng: Rng, rows: number, cols: number, scale = 1): Matrix<Float64Array> {
  const m = Matrix.zeros(rows, cols, 'float64');
  for (let i = 0; i < m.data.length; i++) m.data[i] = rng.normal(0, scale);
  return m;
}

/**
 * Central finite differences: ∂f/∂x[i] ≈ (f(x + h·e_i) − f(x − h·e_i)) / 2h, error O(h²).
 * `x` is perturbed in place and restored.
 */
export function numericGradient(f: () => number, x: Float64Array, h = 1e-6): Float64Array {
  const g = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const old = x[i] as number;
    x[i] = old + h;
    const plus = f();
    x[i] = old - h;
    const minus = f();
    x[i] = old;
    g[i] = (plus - minus) / (2 * h);
  }
  return g;
}

/** Largest |a − b| / max(1, |a|, |b|) over all elements. */
export function maxRelativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    const e = Math.abs(x - y) / Math.max(1, Math.abs(x), Math.abs(y));
    if (!(e <= worst)) worst = Number.isNaN(e) ? Infinity : e;
  }
  return worst;
}

/** Σ G ⊙ M: a scalar "loss" whose gradient with respect to M is G. */
export function weightedSum(G: Matrix<Float64Array>, M: Matrix<Float64Array>): number {
  let s = 0;
  for (let i = 0; i < G.data.length; i++) s += (G.data[i] as number) * (M.data[i] as number);
  return s;
}
