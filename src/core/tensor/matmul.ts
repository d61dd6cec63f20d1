/**
 * Matrix products, the three forms a dense layer needs:
 *
 *   forward         Z  = X · W        matmul(X, W, Z)
 *   input gradient  dX = dZ · Wᵀ      matmulTransB(dZ, W, dX)
 *   weight gradient dW = Xᵀ · dZ      matmulTransA(X, dZ, dW)
 *
 * All three write into a buffer the caller owns (`out`), so a training loop allocates nothing.
 * With `accumulate = true` they add to `out` instead of overwriting it.
 *
 * Each has a raw-buffer twin (`matmulRaw`, `matmulTransARaw`, `matmulTransBRaw`) taking flat
 * row-major arrays and the sizes n, k, m: for code that keeps its activations in its own
 * buffers, like the character model in ../charlm. The Matrix forms check the shapes and call
 * the raw ones, so there is one kernel per product.
 *
 * Why the loops look the way they do (row-major storage):
 * - The innermost loop walks memory contiguously. For C = A·B the textbook i-j-k order reads
 *   B down a column (stride = B.cols), which misses the cache; the i-k-j order used here
 *   instead adds multiples of B's rows to C's row i, all contiguous.
 * - Register blocking: each pass over C's row adds FOUR scaled rows of B at once
 *   (c[j] += s0·b0[j] + s1·b1[j] + s2·b2[j] + s3·b3[j]), so C's row is loaded and stored a
 *   quarter as often, and the four products are independent work the CPU can overlap.
 * - Zeros are skipped. After ReLU about half of a layer's inputs (and, in backward, half of
 *   its gradients) are exactly 0. Each kernel first lists the non-zero multipliers of the row
 *   it works on, then only touches those, saving about half the work of every later layer.
 * - Row offsets (`i * cols`) are computed once per row, never per element.
 *
 * Float32 products go to the WebAssembly SIMD version of the same loop (./simd.ts), which does
 * four multiply-adds per instruction; float64 ones (the gradient checks) always run the
 * JavaScript below, which is the one to read. The two agree to float32 rounding.
 */
import { type FloatArray, type Matrix, assertShape } from './matrix.js';
import { simdMatmul } from './simd.js';

// Scratch lists of the non-zero multipliers of one row: their values and the offsets of the
// rows (or positions) they multiply. Module-level so the kernels never allocate; grown on
// demand. Safe because JavaScript runs one kernel at a time per thread (each worker has its own).
let scales = new Float64Array(256);
let offsets = new Int32Array(256);

function ensureScratch(n: number): void {
  if (scales.length < n) {
    scales = new Float64Array(n);
    offsets = new Int32Array(n);
  }
}

/**
 * Lists the non-zero entries a[first + t·stride] (t < len) into `scales`, with the offset
 * t·rowStride of the row of B each one multiplies. ReLU leaves many zeros, and skipping them
 * is free work saved. Returns how many were listed.
 */
function gatherNonZeros(a: FloatArray, first: number, stride: number, len: number, rowStride: number): number {
  let count = 0;
  for (let t = 0; t < len; t++) {
    const v = a[first + t * stride] as number;
    if (v !== 0) {
      scales[count] = v;
      offsets[count] = t * rowStride;
      count++;
    }
  }
  return count;
}

/**
 * c[cRow + j] += Σ_t scales[t] · b[offsets[t] + j]  for j < m and t < count:
 * adds `count` scaled rows of b to one row of c, four at a time.
 */
function addScaledRows(c: FloatArray, cRow: number, b: FloatArray, count: number, m: number): void {
  const s = scales;
  const o = offsets;
  let t = 0;
  for (; t + 3 < count; t += 4) {
    const s0 = s[t] as number;
    const s1 = s[t + 1] as number;
    const s2 = s[t + 2] as number;
    const s3 = s[t + 3] as number;
    const o0 = o[t] as number;
    const o1 = o[t + 1] as number;
    const o2 = o[t + 2] as number;
    const o3 = o[t + 3] as number;
    for (let j = 0; j < m; j++) {
      c[cRow + j] =
        (c[cRow + j] as number) +
        s0 * (b[o0 + j] as number) +
        s1 * (b[o1 + j] as number) +
        s2 * (b[o2 + j] as number) +
        s3 * (b[o3 + j] as number);
    }
  }
  for (; t < count; t++) {
    const s0 = s[t] as number;
    const o0 = o[t] as number;
    for (let j = 0; j < m; j++) c[cRow + j] = (c[cRow + j] as number) + s0 * (b[o0 + j] as number);
  }
}

/** Throws unless the buffer holds at least `needed` numbers (raw kernels may get bigger ones). */
function checkLength(what: string, a: FloatArray, needed: number): void {
  if (a.length < needed) throw new RangeError(`${what} holds ${a.length} numbers, needs ${needed}`);
}

/** out (n×m) = A (n×k) · B (k×m), or out += A·B when `accumulate`. */
export function matmul(A: Matrix<FloatArray>, B: Matrix<FloatArray>, out: Matrix<FloatArray>, accumulate = false): void {
  if (B.rows !== A.cols) throw new RangeError(`matmul: A is ${A.rows}x${A.cols} but B is ${B.rows}x${B.cols}`);
  assertShape(out, A.rows, B.cols, 'matmul output');
  matmulRaw(A.data, B.data, out.data, A.rows, A.cols, B.cols, accumulate);
}

/**
 * out (k×m) = Aᵀ · B where A is (n×k) and B is (n×m), or out += Aᵀ·B when `accumulate`.
 * Row i of the result is Σ_r A[r, i] · (row r of B): the same scaled-row sum as matmul, with
 * the multipliers read down column i of A (n values, so the stride costs little).
 */
export function matmulTransA(A: Matrix<FloatArray>, B: Matrix<FloatArray>, out: Matrix<FloatArray>, accumulate = false): void {
  if (B.rows !== A.rows) throw new RangeError(`matmulTransA: A is ${A.rows}x${A.cols} but B is ${B.rows}x${B.cols}`);
  assertShape(out, A.cols, B.cols, 'matmulTransA output');
  matmulTransARaw(A.data, B.data, out.data, A.rows, A.cols, B.cols, accumulate);
}

/**
 * out (n×m) = A (n×k) · Bᵀ where B is (m×k), or out += A·Bᵀ when `accumulate`.
 * Each output element is the dot product of row i of A and row j of B (both contiguous), so no
 * transpose is made. Four outputs j..j+3 are computed together so that each A[i, p] is loaded
 * once for four products, and only the non-zero A[i, p] are visited.
 */
export function matmulTransB(A: Matrix<FloatArray>, B: Matrix<FloatArray>, out: Matrix<FloatArray>, accumulate = false): void {
  if (B.cols !== A.cols) throw new RangeError(`matmulTransB: A is ${A.rows}x${A.cols} but B is ${B.rows}x${B.cols}`);
  assertShape(out, A.rows, B.rows, 'matmulTransB output');
  matmulTransBRaw(A.data, B.data, out.data, A.rows, A.cols, B.rows, accumulate);
}

/**
 * `matmul` on flat row-major buffers: c (n×m) = a (n×k) · b (k×m), or c += a·b. Only the first
 * n·k, k·m and n·m numbers of the buffers are used, so a workspace sized for the biggest batch
 * serves smaller ones too.
 */
export function matmulRaw(a: FloatArray, b: FloatArray, c: FloatArray, n: number, k: number, m: number, accumulate = false): void {
  checkLength('matmul: A', a, n * k);
  checkLength('matmul: B', b, k * m);
  checkLength('matmul: output', c, n * m);
  if (a instanceof Float32Array && b instanceof Float32Array && c instanceof Float32Array) {
    if (simdMatmul(a, false, b, false, c, n, m, k, accumulate)) return;
  }
  if (!accumulate) c.fill(0, 0, n * m);
  ensureScratch(k);
  for (let i = 0; i < n; i++) {
    // Row i of C = Σ_p A[i, p] · (row p of B), over the non-zero A[i, p] only.
    const count = gatherNonZeros(a, i * k, 1, k, m);
    addScaledRows(c, i * m, b, count, m);
  }
}

/** `matmulTransA` on flat row-major buffers: c (k×m) = aᵀ · b with a (n×k), b (n×m). */
export function matmulTransARaw(a: FloatArray, b: FloatArray, c: FloatArray, n: number, k: number, m: number, accumulate = false): void {
  checkLength('matmulTransA: A', a, n * k);
  checkLength('matmulTransA: B', b, n * m);
  checkLength('matmulTransA: output', c, k * m);
  if (a instanceof Float32Array && b instanceof Float32Array && c instanceof Float32Array) {
    if (simdMatmul(a, true, b, false, c, k, m, n, accumulate)) return;
  }
  if (!accumulate) c.fill(0, 0, k * m);
  ensureScratch(n);
  for (let i = 0; i < k; i++) {
    // Row i of C = Σ_r A[r, i] · (row r of B): column i of A plays the role of a row.
    const count = gatherNonZeros(a, i, k, n, m);
    addScaledRows(c, i * m, b, count, m);
  }
}

/** `matmulTransB` on flat row-major buffers: c (n×m) = a · bᵀ with a (n×k), b (m×k). */
export function matmulTransBRaw(a: FloatArray, b: FloatArray, c: FloatArray, n: number, k: number, m: number, accumulate = false): void {
  checkLength('matmulTransB: A', a, n * k);
  checkLength('matmulTransB: B', b, m * k);
  checkLength('matmulTransB: output', c, n * m);
  if (a instanceof Float32Array && b instanceof Float32Array && c instanceof Float32Array) {
    if (simdMatmul(a, false, b, true, c, n, m, k, accumulate)) return;
  }
  ensureScratch(k);
  const s = scales;
  const o = offsets;
  for (let i = 0; i < n; i++) {
    const aRow = i * k;
    let count = 0;
    for (let p = 0; p < k; p++) {
      const v = a[aRow + p] as number;
      if (v !== 0) {
        s[count] = v;
        o[count] = p;
        count++;
      }
    }
    const cRow = i * m;
    let j = 0;
    for (; j + 3 < m; j += 4) {
      const b0 = j * k;
      const b1 = b0 + k;
      const b2 = b1 + k;
      const b3 = b2 + k;
      let d0 = 0;
      let d1 = 0;
      let d2 = 0;
      let d3 = 0;
      for (let t = 0; t < count; t++) {
        const v = s[t] as number;
        const p = o[t] as number;
        d0 += v * (b[b0 + p] as number);
        d1 += v * (b[b1 + p] as number);
        d2 += v * (b[b2 + p] as number);
        d3 += v * (b[b3 + p] as number);
      }
      if (accumulate) {
        c[cRow + j] = (c[cRow + j] as number) + d0;
        c[cRow + j + 1] = (c[cRow + j + 1] as number) + d1;
        c[cRow + j + 2] = (c[cRow + j + 2] as number) + d2;
        c[cRow + j + 3] = (c[cRow + j + 3] as number) + d3;
      } else {
        c[cRow + j] = d0;
        c[cRow + j + 1] = d1;
        c[cRow + j + 2] = d2;
        c[cRow + j + 3] = d3;
      }
    }
    for (; j < m; j++) {
      const bRow = j * k;
      let d = 0;
      for (let t = 0; t < count; t++) d += (s[t] as number) * (b[bRow + (o[t] as number)] as number);
      c[cRow + j] = accumulate ? (c[cRow + j] as number) + d : d;
    }
  }
}
