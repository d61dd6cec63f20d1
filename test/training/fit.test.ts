import { describe, expect, it } from 'vitest';
import type { Mlp } from '../../src/core/nn/index.js';
import { Matrix } from '../../src/core/tensor/matrix.js';
import { fitWithEarlyStopping, type FitOptions, type Part } from '../../src/training/fit.js';

/**
 * A stand-in network whose only weight counts the epochs, and a trainer that bumps it: so the
 * restored weight tells which epoch's weights were kept.
 */
function fakeRun(validationLosses: number[], extra: Partial<FitOptions> = {}, validationRows = 4) {
  let w = 0;
  const mlp = {
    getWeights: () => [Float32Array.of(w)],
    setWeights: (ws: ArrayLike<number>[]) => {
      w = ws[0]![0]!;
    },
  } as unknown as Mlp;
  const trainer = { epoch: () => (w += 1, 1 / w) };
  const part: Part = { X: Matrix.zeros(4, 1), y: new Float32Array(4) };
  const validation: Part = { X: Matrix.zeros(validationRows, 1), y: new Float32Array(validationRows) };
  let t = 0;
  const result = fitWithEarlyStopping(mlp, trainer, part, validation, {
    epochs: validationLosses.length,
    patience: 3,
    timeBudgetMs: 1e9,
    loss: 'mse',
    metric: 'r2',
    evaluate: () => validationLosses[w - 1]!,
    score: () => 0.5,
    now: () => (t += 10),
    ...extra,
  });
  return { result, weight: w };
}

describe('early stopping', () => {
  it('stops after `patience` epochs without a better validation loss and restores the best weights', () => {
    const { result, weight } = fakeRun([5, 4, 3, 3.5, 3.2, 3.1, 1, 0.5]);
    expect(result.stopReason).toBe('patience');
    expect(result.bestEpoch).toBe(3);
    expect(result.epochsRun).toBe(6);
    expect(weight).toBe(3); // epoch 3's weights, not epoch 6's
    expect(result.history.validation).toEqual([5, 4, 3, 3.5, 3.2, 3.1]);
  });

  it('runs every epoch while the loss keeps improving', () => {
    const { result, weight } = fakeRun([5, 4, 3, 2, 1]);
    expect(result.stopReason).toBe('max_epochs');
    expect(result.bestEpoch).toBe(5);
    expect(weight).toBe(5);
  });

  it('stops at the time budget, keeping the best epoch so far', () => {
    // The fake clock advances 10 ms per reading: the budget runs out during epoch 3.
    const { result } = fakeRun([5, 4, 3, 2, 1], { timeBudgetMs: 25 });
    expect(result.stopReason).toBe('time_budget');
    expect(result.epochsRun).toBeLessThan(5);
  });

  it('stops when the loss diverges, keeping the last finite best', () => {
    const { result, weight } = fakeRun([5, 4, NaN, 1]);
    expect(result.stopReason).toBe('diverged');
    expect(result.bestEpoch).toBe(2);
    expect(weight).toBe(2);
  });

  it('reports each epoch with an ETA from the mean epoch time', () => {
    const reports: number[] = [];
    fakeRun([5, 4, 3, 2], { onEpoch: (r) => reports.push(r.etaSeconds) });
    expect(reports).toHaveLength(4);
    expect(reports.at(-1)).toBe(0);
    expect(reports[0]).toBeGreaterThan(reports[1]!);
  });

  it('watches the training loss when there is no validation part', () => {
    const { result } = fakeRun([9, 9, 9, 9], {}, 0);
    expect(result.validated).toBe(false);
    // The trainer's loss 1/w keeps falling, so training runs to the end.
    expect(result.history.validation).toEqual(result.history.train);
    expect(result.stopReason).toBe('max_epochs');
  });
});
