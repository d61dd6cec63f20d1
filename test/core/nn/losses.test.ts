import { describe, expect, it } from 'vitest';
import {
  binaryCrossEntropyWithLogits,
  computeLoss,
  meanSquaredError,
  parseLoss,
  softmaxCrossEntropy,
} from '../../../src/core/nn/losses.js';
import { Rng } from '../../../src/core/rng.js';
import { Matrix } from '../../../src/core/tensor/matrix.js';
import { maxRelativeError, numericGradient, randomMatrix } from '../tensor/helpers.js';

describe('losses', () => {
  const rng = new Rng('losses');
  const Z = randomMatrix(rng, 5, 3, 2);
  const grad = Matrix.zeros(5, 3, 'float64');

  it('MSE: value is the mean of squared differences, gradient matches finite differences', () => {
    const T = randomMatrix(rng, 5, 3).data;
    const value = meanSquaredError(Z, T, grad);
    const literal = Z.data.reduce((s, z, i) => s + (z - (T[i] as number)) ** 2, 0) / 15;
    expect(value).toBeCloseTo(literal, 14);
    expect(maxRelativeError(grad.data, numericGradient(() => meanSquaredError(Z, T, null), Z.data))).toBeLessThan(1e-8);
  });

  it('BCE on logits: value is −[t log σ + (1−t) log(1−σ)], gradient σ − t (finite differences)', () => {
    const T = Float64Array.from({ length: 15 }, () => rng.int(0, 1));
    const value = binaryCrossEntropyWithLogits(Z, T, grad);
    const sig = (z: number) => 1 / (1 + Math.exp(-z));
    const literal = -Z.data.reduce((s, z, i) => {
      const t = T[i] as number;
      return s + t * Math.log(sig(z)) + (1 - t) * Math.log(1 - sig(z));
    }, 0) / 15;
    expect(value).toBeCloseTo(literal, 12);
    expect(maxRelativeError(grad.data, numericGradient(() => binaryCrossEntropyWithLogits(Z, T, null), Z.data))).toBeLessThan(1e-8);
  });

  it('BCE on logits stays finite and right for huge logits', () => {
    const big = Matrix.fromRows([[1000, -1000, 1000, -1000]], 'float64');
    const g = Matrix.zeros(1, 4, 'float64');
    // Confidently right: loss ≈ 0; confidently wrong: loss ≈ |z|.
    expect(binaryCrossEntropyWithLogits(big, [1, 0, 0, 1], g)).toBeCloseTo((0 + 0 + 1000 + 1000) / 4, 10);
    expect(Array.from(g.data)).toEqual([0, 0, 0.25, -0.25]);
  });

  it('softmax cross-entropy: value is −log softmax at the label, gradient matches finite differences', () => {
    const labels = Int32Array.of(0, 2, 1, 1, 0);
    const value = softmaxCrossEntropy(Z, labels, grad);
    let literal = 0;
    for (let i = 0; i < 5; i++) {
      const row = Array.from(Z.row(i));
      const s = row.reduce((a, z) => a + Math.exp(z), 0);
      literal -= Math.log(Math.exp(row[labels[i] as number] as number) / s);
    }
    expect(value).toBeCloseTo(literal / 5, 13);
    expect(maxRelativeError(grad.data, numericGradient(() => softmaxCrossEntropy(Z, labels, null), Z.data))).toBeLessThan(1e-8);
  });

  it('softmax cross-entropy does not overflow for huge logits', () => {
    const big = Matrix.fromRows([[1000, 0, -1000], [1000, 1000, 0]], 'float64');
    expect(softmaxCrossEntropy(big, Int32Array.of(0, 2), null)).toBeCloseTo((0 + 1000 + Math.log(2)) / 2, 10);
  });

  it('dispatches by name and rejects unknown names with a UserInputError', () => {
    const labels = Int32Array.of(0, 1, 2, 0, 1);
    expect(computeLoss('softmax_ce', Z, labels, null)).toBe(softmaxCrossEntropy(Z, labels, null));
    expect(() => parseLoss('hinge')).toThrow(expect.objectContaining({ name: 'UserInputError', code: 'nn.bad_loss' }));
    expect(parseLoss('mse')).toBe('mse');
  });
});
