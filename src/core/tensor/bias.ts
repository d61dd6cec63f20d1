/**
 * The bias of a dense layer: one value per output column, added to every row (broadcast).
 *
 *   forward   Z[i, j] += b[j]           addRowVector(Z, b)
 *   backward  db[j] = Σ_i dZ[i, j]       sumColumns(dZ, db)
 *
 * The backward is a column sum because the same b[j] was added to every row i, so its
 * gradient collects the gradients of all rows (the "copy gate" of backprop).
 */
import type { FloatArray, Matrix } from './matrix.js';

function checkLength(m: Matrix<FloatArray>, v: FloatArray, what: string): void {
  if (v.length !== m.cols) throw new RangeError(`${what}: vector has ${v.length} values, matrix has ${m.cols} columns`);
}

/** out[i, :] += v for every row i. */
export function addRowVector(out: Matrix<FloatArray>, v: FloatArray): void {
  checkLength(out, v, 'addRowVector');
  const c = out.data;
  const m = out.cols;
  for (let i = 0; i < out.rows; i++) {
    const row = i * m;
    for (let j = 0; j < m; j++) c[row + j] = (c[row + j] as number) + (v[j] as number);
  }
}

/**
 * out[i, :] = v for every row i. A layer's forward starts from this and then accumulates X·W
 * on top: bias add and matmul in one pass, without a separate zero-fill.
 */
export function fillRowsWith(out: Matrix<FloatArray>, v: FloatArray): void {
  checkLength(out, v, 'fillRowsWith');
  for (let i = 0; i < out.rows; i++) out.data.set(v, i * out.cols);
}

/** out[j] = Σ_i G[i, j] (or out[j] += ... when `accumulate`). Walks G row by row, contiguously. */
export function sumColumns(G: Matrix<FloatArray>, out: FloatArray, accumulate = false): void {
  checkLength(G, out, 'sumColumns');
  if (!accumulate) out.fill(0);
  const g = G.data;
  const m = G.cols;
  for (let i = 0; i < G.rows; i++) {
    const row = i * m;
    for (let j = 0; j < m; j++) out[j] = (out[j] as number) + (g[row + j] as number);
  }
}
