import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import { addRowVector, fillRowsWith, sumColumns } from '../../../src/core/tensor/bias.js';
import { Matrix } from '../../../src/core/tensor/matrix.js';
import { argmaxRows, dot, maxAbs, mean, sum, sumOfSquares } from '../../../src/core/tensor/reductions.js';
import { logSumExp, logSumExpRows, softmaxRows } from '../../../src/core/tensor/softmax.js';
import { maxRelativeError, numericGradient, randomMatrix, weightedSum } from './helpers.js';

describe('bias add and column sums', () => {
  const rng = new Rng('bias');

  it('adds the vector to every row, and fillRowsWith sets every row', () => {
    const Z = Matrix.fromRows([[1, 2], [3, 4], [5, 6]], 'float64');
    addRowVector(Z, Float64Array.of(10, 20));
    expect(Z.toRows()).toEqual([[11, 22], [13, 24], [15, 26]]);
    fillRowsWith(Z, Float64Array.of(-1, 1));
    expect(Z.toRows()).toEqual([[-1, 1], [-1, 1], [-1, 1]]);
    expect(() => addRowVector(Z, Float64Array.of(1))).toThrow(/1 values, matrix has 2 columns/);
  });

  it('the gradient of the bias is the column sum (finite differences)', () => {
    const Z0 = randomMatrix(rng, 5, 4);
    const G = randomMatrix(rng, 5, 4);
    const b = Float64Array.from({ length: 4 }, () => rng.normal());
    const Z = Z0.clone();
    const loss = () => {
      Z.data.set(Z0.data);
      addRowVector(Z, b);
      return weightedSum(G, Z);
    };
    const db = new Float64Array(4);
    sumColumns(G, db);
    expect(maxRelativeError(db, numericGradient(loss, b))).toBeLessThan(1e-8);
    sumColumns(G, db, true);
    const twice = new Float64Array(4);
    sumColumns(G, twice);
    expect(maxRelativeError(db, twice.map((v) => 2 * v))).toBeLessThan(1e-12);
  });
});

describe('softmax and log-sum-exp', () => {
  const rng = new Rng('softmax');

  it('matches the literal formula on moderate values, rows sum to 1', () => {
    const Z = randomMatrix(rng, 4, 5, 2);
    const P = Matrix.zeros(4, 5, 'float64');
    softmaxRows(Z, P);
    for (let i = 0; i < 4; i++) {
      const e = Array.from(Z.row(i), Math.exp);
      const s = e.reduce((a, b) => a + b, 0);
      expect(maxRelativeError(P.row(i), e.map((v) => v / s))).toBeLessThan(1e-14);
      expect(sum(P.row(i))).toBeCloseTo(1, 14);
    }
  });

  it('does not overflow or underflow for huge logits', () => {
    const Z = Matrix.fromRows([[1000, 1000, -1000], [-1e4, -1e4 - Math.log(3), -1e4]], 'float64');
    const P = Matrix.zeros(2, 3, 'float64');
    softmaxRows(Z, P);
    expect(P.row(0)[0]).toBeCloseTo(0.5, 14);
    expect(P.row(0)[2]).toBe(0);
    // −1e4 − log 3 is itself rounded to ~2e−12 (the spacing of doubles near 1e4).
    expect(P.row(1)[1]).toBeCloseTo(1 / 7, 11);
    const lse = new Float64Array(2);
    logSumExpRows(Z, lse);
    expect(lse[0]).toBeCloseTo(1000 + Math.log(2), 10);
    expect(Number.isFinite(lse[1])).toBe(true);
  });

  it('the gradient of log-sum-exp is the softmax (finite differences)', () => {
    const z = Float64Array.from({ length: 6 }, () => rng.normal(0, 3));
    const p = new Float64Array(6);
    softmaxRows(new Matrix(1, 6, z), new Matrix(1, 6, p));
    expect(maxRelativeError(p, numericGradient(() => logSumExp(z, 0, 6), z))).toBeLessThan(1e-8);
  });

  it('works in place', () => {
    const Z = Matrix.fromRows([[0, Math.log(3)]], 'float64');
    softmaxRows(Z, Z);
    expect(Z.row(0)[0]).toBeCloseTo(0.25, 15);
  });
});

describe('reductions', () => {
  it('sum, mean, dot, sumOfSquares, maxAbs, argmaxRows', () => {
    const a = Float64Array.of(1, -4, 2);
    expect(sum(a)).toBe(-1);
    expect(mean(a)).toBeCloseTo(-1 / 3, 15);
    expect(dot(a, Float64Array.of(2, 1, 3))).toBe(4);
    expect(sumOfSquares(a)).toBe(21);
    expect(maxAbs(a)).toBe(4);
    const out = new Int32Array(3);
    argmaxRows(Matrix.fromRows([[1, 3, 2], [5, 5, 1], [-2, -3, -1]]), out);
    expect(Array.from(out)).toEqual([1, 0, 2]);
  });
});
