import { describe, expect, it } from 'vitest';
import {
  accuracy,
  classificationMetrics,
  confusionMatrix,
  macroF1,
  majorityClass,
  mean,
  perClassReport,
  regressionMetrics,
} from '../../src/training/metrics.js';

// Worked by hand: truth 0 0 1 1 2 2, prediction 0 1 1 1 2 0.
const yTrue = [0, 0, 1, 1, 2, 2];
const yPred = [0, 1, 1, 1, 2, 0];

describe('classification metrics', () => {
  it('counts the confusion matrix with truth in rows and predictions in columns', () => {
    expect(confusionMatrix(yTrue, yPred, 3)).toEqual([
      [1, 1, 0],
      [0, 2, 0],
      [1, 0, 1],
    ]);
  });

  it('gives per-class precision, recall, F1 and support', () => {
    const r = perClassReport(confusionMatrix(yTrue, yPred, 3));
    // class 0: TP 1, predicted 2, true 2 -> P 1/2, R 1/2, F1 1/2
    expect(r[0]).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    // class 1: TP 2, predicted 3, true 2 -> P 2/3, R 1, F1 = 2·(2/3)/(5/3) = 0.8
    expect(r[1]?.precision).toBeCloseTo(2 / 3, 12);
    expect(r[1]?.recall).toBe(1);
    expect(r[1]?.f1).toBeCloseTo(0.8, 12);
    // class 2: TP 1, predicted 1, true 2 -> P 1, R 1/2, F1 2/3
    expect(r[2]?.f1).toBeCloseTo(2 / 3, 12);
  });

  it('computes accuracy and macro-F1', () => {
    expect(accuracy(yTrue, yPred)).toBeCloseTo(4 / 6, 12);
    const m = classificationMetrics(yTrue, yPred, 3);
    expect(m.macro_f1).toBeCloseTo((0.5 + 0.8 + 2 / 3) / 3, 12);
  });

  it('does not flatter a classifier that ignores a class', () => {
    // Always predicting class 0 on 9:1 data: accuracy 0.9, but class 1 has F1 0.
    const t = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
    const p = new Array<number>(10).fill(0);
    expect(accuracy(t, p)).toBeCloseTo(0.9, 12);
    const f1Class0 = (2 * 0.9 * 1) / 1.9;
    expect(macroF1(confusionMatrix(t, p, 2))).toBeCloseTo(f1Class0 / 2, 12);
  });

  it('leaves classes absent from truth and predictions out of macro-F1', () => {
    expect(macroF1(confusionMatrix([0, 1], [0, 1], 3))).toBe(1);
  });

  it('refuses mismatched lengths and out-of-range labels', () => {
    expect(() => accuracy([0, 1], [0])).toThrow(RangeError);
    expect(() => confusionMatrix([0, 3], [0, 1], 2)).toThrow(RangeError);
  });

  it('finds the majority class (ties go to the smaller index)', () => {
    expect(majorityClass([2, 1, 2, 0], 3)).toBe(2);
    expect(majorityClass([1, 0], 2)).toBe(0);
  });
});

describe('regression metrics', () => {
  it('computes MSE, MAE and R² by hand', () => {
    // errors 0, 0, -1, 2: MSE 5/4, MAE 3/4; mean 2.5, SS_tot 5, SS_res 5 -> R² 0.
    const m = regressionMetrics([1, 2, 3, 4], [1, 2, 4, 2]);
    expect(m.mse).toBeCloseTo(1.25, 12);
    expect(m.mae).toBeCloseTo(0.75, 12);
    expect(m.r2).toBeCloseTo(0, 12);
  });

  it('gives R² = 1 for a perfect fit and 0 for predicting the mean', () => {
    expect(regressionMetrics([1, 2, 3], [1, 2, 3]).r2).toBe(1);
    expect(regressionMetrics([1, 2, 3], [2, 2, 2]).r2).toBeCloseTo(0, 12);
    expect(mean([1, 2, 3, 6])).toBe(3);
  });
});
