/**
 * Row-wise softmax and log-sum-exp, computed stably.
 *
 * softmax(z)_j = exp(z_j) / Σ_k exp(z_k) overflows for z_j ≈ 1000 if done literally.
 * Subtracting the row maximum m first changes nothing mathematically
 * (exp(z_j − m) / Σ exp(z_k − m) is the same fraction) but keeps every exponent ≤ 0, so
 * nothing overflows and at least one term is exactly 1, so the sum never underflows to 0.
 */
import { type FloatArray, type Matrix, assertShape } from './matrix.js';

/** log Σ_j exp(z_j) of one row stored at data[offset .. offset + n). */
export function logSumExp(data: FloatArray, offset: number, n: number): number {
  let max = -Infinity;
  for (let j = 0; j < n; j++) {
    const v = data[offset + j] as number;
    if (v > max) max = v;
  }
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (let j = 0; j < n; j++) sum += Math.exp((data[offset + j] as number) - max);
  return max + Math.log(sum);
}

/** out[i] = log Σ_j exp(Z[i, j]) for each row. */
export function logSumExpRows(Z: Matrix<FloatArray>, out: FloatArray): void {
  if (out.length !== Z.rows) throw new RangeError(`logSumExpRows: out has ${out.length} values for ${Z.rows} rows`);
  for (let i = 0; i < Z.rows; i++) out[i] = logSumExp(Z.data, i * Z.cols, Z.cols);
}

/** P = softmax(Z) row by row; P may be Z itself (in place). */
export function softmaxRows(Z: Matrix<FloatArray>, P: Matrix<FloatArray>): void {
  assertShape(P, Z.rows, Z.cols, 'softmaxRows output');
  const z = Z.data;
  const p = P.data;
  const m = Z.cols;
  for (let i = 0; i < Z.rows; i++) {
    const row = i * m;
    let max = -Infinity;
    for (let j = 0; j < m; j++) {
      const v = z[row + j] as number;
      if (v > max) max = v;
    }
    // Exponentiate z − max (≤ 0) into the output, then divide by the row sum. (exp(z − lse) in
    // one pass would save the division but loses digits when |z| is large: z − lse rounds.)
    let total = 0;
    for (let j = 0; j < m; j++) {
      const e = Math.exp((z[row + j] as number) - max);
      p[row + j] = e;
      total += e;
    }
    const inv = 1 / total;
    for (let j = 0; j < m; j++) p[row + j] = (p[row + j] as number) * inv;
  }
}
