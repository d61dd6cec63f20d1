/** Reductions over typed arrays and matrices: sums, dot products, arg-max per row. */
import type { FloatArray, Matrix } from './matrix.js';

/** Σ a[i]. */
export function sum(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] as number;
  return s;
}

/** The mean of a (NaN for an empty array). */
export function mean(a: ArrayLike<number>): number {
  return sum(a) / a.length;
}

/** Σ a[i] · b[i] over the shorter length. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  let s = 0;
  for (let i = 0; i < n; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

/** Σ a[i]², the squared L2 norm (used by weight decay). */
export function sumOfSquares(a: ArrayLike<number>): number {
  return dot(a, a);
}

/** max |a[i]|, 0 for an empty array. */
export function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const v = Math.abs(a[i] as number);
    if (v > m) m = v;
  }
  return m;
}

/** out[i] = the column index of the largest value in row i (the first one on ties). */
export function argmaxRows(Z: Matrix<FloatArray>, out: Int32Array): void {
  if (out.length !== Z.rows) throw new RangeError(`argmaxRows: out has ${out.length} values for ${Z.rows} rows`);
  const z = Z.data;
  const m = Z.cols;
  for (let i = 0; i < Z.rows; i++) {
    const row = i * m;
    let best = 0;
    let bestV = z[row] as number;
    for (let j = 1; j < m; j++) {
      const v = z[row + j] as number;
      if (v > bestV) {
        bestV = v;
        best = j;
      }
    }
    out[i] = best;
  }
}
