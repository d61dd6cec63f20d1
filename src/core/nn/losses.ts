/**
 * Loss functions on a batch of network outputs (logits), each returning the mean loss and,
 * when `grad` is given, writing ∂(mean loss)/∂logits into it (same shape as the logits).
 *
 * Every loss here takes raw logits, not probabilities, and folds the sigmoid/softmax into the
 * loss. That is what PyTorch's BCEWithLogitsLoss and CrossEntropyLoss do, for two reasons:
 * it is numerically stable (no log(0) when a probability rounds to 0 or 1), and the combined
 * gradient is beautifully simple: probability minus target.
 */
import type { FloatArray, Matrix } from '../tensor/matrix.js';
import { logSumExp } from '../tensor/softmax.js';
import { nnMessages } from './messages.js';

/** The losses a Trainer accepts. */
export type LossName = 'mse' | 'bce_logits' | 'softmax_ce';

export const LOSS_NAMES: readonly LossName[] = ['mse', 'bce_logits', 'softmax_ce'];

/** Checks a user-given loss name. */
export function parseLoss(value: unknown): LossName {
  if (typeof value === 'string' && (LOSS_NAMES as readonly string[]).includes(value)) return value as LossName;
  throw nnMessages.error('bad_loss', { value: String(value) });
}

/**
 * Mean squared error over all elements: L = (1/(n·m)) Σ (z − t)².
 * ∂L/∂z = 2(z − t) / (n·m).
 * `targets` holds n × m values, row-major like the logits.
 */
export function meanSquaredError(outputs: Matrix<FloatArray>, targets: ArrayLike<number>, grad: Matrix<FloatArray> | null): number {
  const z = outputs.data;
  const count = z.length;
  const g = grad ? grad.data : null;
  let total = 0;
  for (let i = 0; i < count; i++) {
    const diff = (z[i] as number) - (targets[i] as number);
    total += diff * diff;
    if (g) g[i] = (2 * diff) / count;
  }
  return total / count;
}

/**
 * Binary cross-entropy on logits, averaged over all elements (each output is its own yes/no).
 * With p = σ(z): L = −[t·log p + (1 − t)·log(1 − p)], which simplifies to the stable form
 *   L = max(z, 0) − z·t + log(1 + e^−|z|)
 * (no exp of a large positive number, no log of 0).
 * ∂L/∂z = σ(z) − t.
 */
export function binaryCrossEntropyWithLogits(
  logits: Matrix<FloatArray>,
  targets: ArrayLike<number>,
  grad: Matrix<FloatArray> | null,
): number {
  const z = logits.data;
  const count = z.length;
  const g = grad ? grad.data : null;
  let total = 0;
  for (let i = 0; i < count; i++) {
    const v = z[i] as number;
    const t = targets[i] as number;
    const e = Math.exp(-Math.abs(v)); // in (0, 1]: never overflows
    total += (v > 0 ? v : 0) - v * t + Math.log1p(e);
    if (g) {
      const p = v >= 0 ? 1 / (1 + e) : e / (1 + e); // σ(v), stable on both sides
      g[i] = (p - t) / count;
    }
  }
  return total / count;
}

/**
 * Softmax cross-entropy with integer class labels, averaged over rows:
 *   L_i = −log softmax(z_i)[y_i] = logsumexp(z_i) − z_i[y_i]
 * ∂L_i/∂z_ij = softmax(z_i)_j − [j = y_i]   (then divided by n for the mean).
 */
export function softmaxCrossEntropy(logits: Matrix<FloatArray>, labels: Int32Array, grad: Matrix<FloatArray> | null): number {
  const z = logits.data;
  const n = logits.rows;
  const m = logits.cols;
  const g = grad ? grad.data : null;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const row = i * m;
    const y = labels[i] as number;
    const lse = logSumExp(z, row, m);
    total += lse - (z[row + y] as number);
    if (g) {
      for (let j = 0; j < m; j++) g[row + j] = Math.exp((z[row + j] as number) - lse) / n;
      g[row + y] = (g[row + y] as number) - 1 / n;
    }
  }
  return total / n;
}

/** Targets of a batch as the losses read them: class labels, or dense values (n × outputs). */
export type LossTargets = Int32Array | FloatArray;

/** Dispatches to the named loss. Labels go with softmax_ce, dense values with mse / bce_logits. */
export function computeLoss(name: LossName, logits: Matrix<FloatArray>, targets: LossTargets, grad: Matrix<FloatArray> | null): number {
  switch (name) {
    case 'softmax_ce':
      if (!(targets instanceof Int32Array)) throw new TypeError('softmax_ce needs Int32Array class labels');
      return softmaxCrossEntropy(logits, targets, grad);
    case 'bce_logits':
      return binaryCrossEntropyWithLogits(logits, targets, grad);
    case 'mse':
      return meanSquaredError(logits, targets, grad);
  }
}
