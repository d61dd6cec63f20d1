import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import { matmul, matmulRaw, matmulTransA, matmulTransARaw, matmulTransB, matmulTransBRaw } from '../../../src/core/tensor/matmul.js';
import { Matrix } from '../../../src/core/tensor/matrix.js';
import { maxRelativeError, numericGradient, randomMatrix, weightedSum } from './helpers.js';

/** The textbook triple loop, as an independent reference. */
function naive(A: Matrix<Float64Array>, B: Matrix<Float64Array>): Matrix<Float64Array> {
  const C = Matrix.zeros(A.rows, B.cols, 'float64');
  for (let i = 0; i < A.rows; i++)
    for (let j = 0; j < B.cols; j++) {
      let s = 0;
      for (let k = 0; k < A.cols; k++) s += A.get(i, k) * B.get(k, j);
      C.set(i, j, s);
    }
  return C;
}

function transpose(A: Matrix<Float64Array>): Matrix<Float64Array> {
  const T = Matrix.zeros(A.cols, A.rows, 'float64');
  for (let i = 0; i < A.rows; i++) for (let j = 0; j < A.cols; j++) T.set(j, i, A.get(i, j));
  return T;
}

describe('matmul kernels', () => {
  const rng = new Rng('matmul');
  // Odd sizes exercise the 4-way unrolled loops' remainders.
  const shapes: [number, number, number][] = [[1, 1, 1], [3, 5, 7], [4, 8, 4], [6, 9, 13]];

  it.each(shapes)('A·B, A·Bᵀ and Aᵀ·B match the textbook loop for %i×%i · %i', (n, k, m) => {
    const A = randomMatrix(rng, n, k);
    const B = randomMatrix(rng, k, m);
    const expected = naive(A, B);
    const C = Matrix.zeros(n, m, 'float64');
    matmul(A, B, C);
    expect(maxRelativeError(C.data, expected.data)).toBeLessThan(1e-12);
    const C2 = Matrix.zeros(n, m, 'float64');
    matmulTransB(A, transpose(B), C2);
    expect(maxRelativeError(C2.data, expected.data)).toBeLessThan(1e-12);
    const C3 = Matrix.zeros(n, m, 'float64');
    matmulTransA(transpose(A), B, C3);
    expect(maxRelativeError(C3.data, expected.data)).toBeLessThan(1e-12);
  });

  it('accumulates into the output when asked, and overwrites otherwise', () => {
    const A = randomMatrix(rng, 3, 4);
    const B = randomMatrix(rng, 4, 5);
    const expected = naive(A, B);
    for (const [fn, a, b] of [
      [matmul, A, B],
      [matmulTransB, A, transpose(B)],
      [matmulTransA, transpose(A), B],
    ] as const) {
      const C = Matrix.zeros(3, 5, 'float64');
      C.data.fill(1);
      fn(a, b, C, true);
      expect(maxRelativeError(C.data, expected.data.map((v) => v + 1))).toBeLessThan(1e-12);
      fn(a, b, C);
      expect(maxRelativeError(C.data, expected.data)).toBeLessThan(1e-12);
    }
  });

  it('skips zero multipliers without changing the result', () => {
    const A = randomMatrix(rng, 5, 6);
    for (let i = 0; i < A.data.length; i += 2) A.data[i] = 0;
    const B = randomMatrix(rng, 6, 3);
    const C = Matrix.zeros(5, 3, 'float64');
    matmul(A, B, C);
    expect(maxRelativeError(C.data, naive(A, B).data)).toBeLessThan(1e-12);
  });

  it('works on float32 matrices too', () => {
    const A = Matrix.fromRows([[1, 2], [3, 4]]);
    const B = Matrix.fromRows([[5, 6], [7, 8]]);
    const C = Matrix.zeros(2, 2);
    matmul(A, B, C);
    expect(C.toRows()).toEqual([[19, 22], [43, 50]]);
  });

  it('rejects mismatched shapes', () => {
    const A = Matrix.zeros(2, 3, 'float64');
    expect(() => matmul(A, Matrix.zeros(2, 3, 'float64'), Matrix.zeros(2, 3, 'float64'))).toThrow(/2x3 but B is 2x3/);
    expect(() => matmul(A, Matrix.zeros(3, 4, 'float64'), Matrix.zeros(2, 3, 'float64'))).toThrow(/expected 2x4/);
    expect(() => matmulTransB(A, Matrix.zeros(4, 2, 'float64'), Matrix.zeros(2, 4, 'float64'))).toThrow(RangeError);
    expect(() => matmulTransA(A, Matrix.zeros(3, 2, 'float64'), Matrix.zeros(3, 2, 'float64'))).toThrow(RangeError);
  });

  it('the transposed forms are the gradients of A·B (checked by finite differences)', () => {
    // L = Σ G ⊙ (A·B)  ⇒  ∂L/∂A = G·Bᵀ and ∂L/∂B = Aᵀ·G.
    const A = randomMatrix(rng, 4, 5);
    const B = randomMatrix(rng, 5, 3);
    const G = randomMatrix(rng, 4, 3);
    const C = Matrix.zeros(4, 3, 'float64');
    const loss = () => {
      matmul(A, B, C);
      return weightedSum(G, C);
    };
    const dA = Matrix.zeros(4, 5, 'float64');
    matmulTransB(G, B, dA);
    const dB = Matrix.zeros(5, 3, 'float64');
    matmulTransA(A, G, dB);
    expect(maxRelativeError(dA.data, numericGradient(loss, A.data))).toBeLessThan(1e-7);
    expect(maxRelativeError(dB.data, numericGradient(loss, B.data))).toBeLessThan(1e-7);
  });

  it('the raw-buffer forms equal the Matrix forms, use only the leading part of longer buffers, and check lengths', () => {
    const [n, k, m] = [5, 7, 6];
    for (const dtype of ['float64', 'float32'] as const) {
      const A = Matrix.zeros(n, k, dtype);
      const B = Matrix.zeros(k, m, dtype);
      const Bt = Matrix.zeros(m, k, dtype);
      const A2 = Matrix.zeros(n, m, dtype);
      for (const M of [A, B, Bt, A2]) for (let i = 0; i < M.data.length; i++) M.data[i] = rng.normal();
      // Each raw call gets buffers 3 numbers too long: the extra numbers are neither read nor written.
      const padded = (M: Matrix<Float32Array | Float64Array>) => {
        const p = dtype === 'float64' ? new Float64Array(M.data.length + 3) : new Float32Array(M.data.length + 3);
        p.set(M.data);
        p.fill(1e30, M.data.length); // would swamp the result if it were read
        return p;
      };
      const cases = [
        [(o: Matrix<Float32Array | Float64Array>) => matmul(A, B, o), (c: Float32Array | Float64Array) => matmulRaw(padded(A), padded(B), c, n, k, m), n, m],
        [(o: Matrix<Float32Array | Float64Array>) => matmulTransB(A, Bt, o), (c: Float32Array | Float64Array) => matmulTransBRaw(padded(A), padded(Bt), c, n, k, m), n, m],
        [(o: Matrix<Float32Array | Float64Array>) => matmulTransA(A, A2, o), (c: Float32Array | Float64Array) => matmulTransARaw(padded(A), padded(A2), c, n, k, m), k, m],
      ] as const;
      for (const [viaMatrix, viaRaw, rows, cols] of cases) {
        const expected = Matrix.zeros(rows, cols, dtype);
        viaMatrix(expected);
        const c = dtype === 'float64' ? new Float64Array(rows * cols + 3) : new Float32Array(rows * cols + 3);
        c.fill(-7);
        viaRaw(c);
        expect(Array.from(c.subarray(0, rows * cols))).toEqual(Array.from(expected.data));
        expect(Array.from(c.subarray(rows * cols))).toEqual([-7, -7, -7]);
      }
    }
    expect(() => matmulRaw(new Float64Array(5), new Float64Array(6), new Float64Array(4), 2, 3, 2)).toThrow(/A holds 5 numbers, needs 6/);
    expect(() => matmulTransBRaw(new Float32Array(6), new Float32Array(6), new Float32Array(3), 2, 3, 2)).toThrow(/output holds 3/);
  });
});
