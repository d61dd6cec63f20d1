import { describe, expect, it } from 'vitest';
import { syntheticClasses } from '../../src/bench/cases/mlp.js';
import { trainReferenceMlp } from '../../src/bench/reference-mlp.js';
import { Mlp } from '../../src/core/nn/mlp.js';
import { Trainer } from '../../src/core/nn/trainer.js';
import { Matrix } from '../../src/core/tensor/matrix.js';

describe('the MLP benchmark', () => {
  const { X, y } = syntheticClasses();
  // The first 2,000 rows keep the test fast.
  const n = 2000;
  const Xs = X.subarray(0, n * 20);
  const ys = y.subarray(0, n);

  it('uses seeded data with all three classes', () => {
    expect(syntheticClasses().X).toEqual(X);
    expect(new Set(y)).toEqual(new Set([0, 1, 2]));
  });

  it('the plain reference loop really trains (its loss falls well below log 3)', () => {
    const opts = { sizes: [20, 64, 64, 3], batchSize: 32, lr: 1e-3, seed: 1 };
    const one = trainReferenceMlp(Xs, ys, { ...opts, epochs: 1 });
    const three = trainReferenceMlp(Xs, ys, { ...opts, epochs: 3 });
    expect(three).toBeLessThan(one);
    expect(three).toBeLessThan(0.5 * Math.log(3));
  });

  it('gradbot reaches a similar loss on the same task', () => {
    const mlp = new Mlp({ inputs: 20, hidden: [64, 64], outputs: 3, activation: 'relu', seed: 1 });
    const trainer = new Trainer(mlp, { loss: 'softmax_ce', optimizer: 'adam', lr: 1e-3, batchSize: 32, seed: 1 });
    const M = new Matrix(n, 20, Xs);
    let loss = NaN;
    for (let e = 0; e < 3; e++) loss = trainer.epoch(M, ys);
    const reference = trainReferenceMlp(Xs, ys, { sizes: [20, 64, 64, 3], batchSize: 32, lr: 1e-3, seed: 1, epochs: 3 });
    expect(Math.abs(loss - reference)).toBeLessThan(0.1);
  });
});
