/**
 * Metrics that tell a student whether the network learned anything. Pure functions on plain
 * arrays: no I/O, so they run in a worker or in a test alike.
 *
 * Classification: labels are class indices 0..k-1. Regression: real numbers.
 */

/** Accuracy and macro-F1 of a classifier (both in [0, 1]). */
export interface ClassificationMetrics {
  accuracy: number;
  macro_f1: number;
}

/** Errors of a regressor. `r2` is 1 for a perfect fit, 0 for predicting the mean, and can go below 0. */
export interface RegressionMetrics {
  mse: number;
  mae: number;
  r2: number;
}

/** Precision, recall and F1 of one class, and how many true examples it has (support). */
export interface ClassReport {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

function checkSameLength(a: ArrayLike<number>, b: ArrayLike<number>): void {
  if (a.length !== b.length) throw new RangeError(`metrics: ${a.length} true values but ${b.length} predictions`);
}

/**
 * The confusion matrix: `cm[t][p]` counts examples of true class t predicted as p.
 * Rows are the truth, columns the prediction (the scikit-learn convention).
 */
export function confusionMatrix(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, classes: number): number[][] {
  checkSameLength(yTrue, yPred);
  const cm = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < yTrue.length; i++) {
    const row = cm[yTrue[i] as number];
    const p = yPred[i] as number;
    if (!row || p < 0 || p >= classes) throw new RangeError(`metrics: label out of range at ${i}`);
    row[p] = (row[p] as number) + 1;
  }
  return cm;
}

/**
 * Per-class precision = TP / (TP + FP), recall = TP / (TP + FN), F1 = their harmonic mean.
 * A class never predicted has precision 0 (scikit-learn's `zero_division=0`), so a network
 * that ignores a class is not flattered.
 */
export function perClassReport(cm: number[][]): ClassReport[] {
  const k = cm.length;
  return cm.map((row, c) => {
    const tp = row[c] ?? 0;
    const support = row.reduce((s, v) => s + v, 0);
    let predicted = 0;
    for (let t = 0; t < k; t++) predicted += cm[t]?.[c] ?? 0;
    const precision = predicted > 0 ? tp / predicted : 0;
    const recall = support > 0 ? tp / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { precision, recall, f1, support };
  });
}

/** Share of correct predictions. NaN for no examples (there is nothing to score). */
export function accuracy(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  checkSameLength(yTrue, yPred);
  let right = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) right++;
  return yTrue.length ? right / yTrue.length : NaN;
}

/**
 * Macro-F1: the plain mean of per-class F1 over the classes present in the truth or the
 * predictions. Unlike accuracy it drops sharply when a rare class is ignored.
 */
export function macroF1(cm: number[][]): number {
  const reports = perClassReport(cm);
  const present = reports.filter((r, c) => r.support > 0 || cm.some((row) => (row[c] ?? 0) > 0));
  if (present.length === 0) return NaN;
  return present.reduce((s, r) => s + r.f1, 0) / present.length;
}

/** Accuracy and macro-F1 together. */
export function classificationMetrics(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, classes: number): ClassificationMetrics {
  return { accuracy: accuracy(yTrue, yPred), macro_f1: macroF1(confusionMatrix(yTrue, yPred, classes)) };
}

/** MSE = mean (y - ŷ)², MAE = mean |y - ŷ|, R² = 1 - SS_res / SS_tot. */
export function regressionMetrics(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): RegressionMetrics {
  checkSameLength(yTrue, yPred);
  const n = yTrue.length;
  if (n === 0) return { mse: NaN, mae: NaN, r2: NaN };
  let mean = 0;
  for (let i = 0; i < n; i++) mean += yTrue[i] as number;
  mean /= n;
  let ssRes = 0;
  let abs = 0;
  let ssTot = 0;
  for (let i = 0; i < n; i++) {
    const y = yTrue[i] as number;
    const d = y - (yPred[i] as number);
    ssRes += d * d;
    abs += Math.abs(d);
    ssTot += (y - mean) * (y - mean);
  }
  // A constant truth has SS_tot = 0: R² is then 1 for an exact fit and 0 otherwise (as scikit-learn).
  const r2 = ssTot > 0 ? 1 - ssRes / ssTot : ssRes === 0 ? 1 : 0;
  return { mse: ssRes / n, mae: abs / n, r2 };
}

/** The most frequent label (ties: the smaller index). The classification baseline predicts it. */
export function majorityClass(labels: ArrayLike<number>, classes: number): number {
  const counts = new Array<number>(classes).fill(0);
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i] as number;
    counts[c] = (counts[c] ?? 0) + 1;
  }
  let best = 0;
  counts.forEach((n, c) => {
    if (n > (counts[best] ?? 0)) best = c;
  });
  return best;
}

/** The mean of the values. The regression baseline predicts it. */
export function mean(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i] as number;
  return values.length ? s / values.length : NaN;
}
