import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import { matmul, matmulTransA, matmulTransB } from '../../../src/core/tensor/matmul.js';
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
});
