/**
 * The training loop: epochs of mini-batch training with early stopping on the validation loss.
 *
 * Early stopping: after each epoch the validation loss is measured; the weights of the best
 * epoch are remembered, and when `patience` epochs pass without improvement, training stops and
 * the best weights come back. This is what keeps a small network from memorising a small file.
 */
import type { Mlp } from '../core/nn/index.js';
import type { LossName, LossTargets } from '../core/nn/index.js';
import type { Matrix } from '../core/tensor/matrix.js';

/** Inputs and targets of one part of the data. */
export interface Part {
  X: Matrix<Float32Array>;
  y: LossTargets;
}

/** What the loop needs from a trainer (the core's `Trainer`). */
export interface EpochTrainer {
  /** One pass over the data in shuffled mini-batches; the mean training loss. */
  epoch(X: Matrix<Float32Array>, y: LossTargets): number;
}

/** One line of progress, sent after each epoch (the pool throttles them). */
export interface EpochReport {
  epoch: number;
  /** The most epochs this run may take. */
  epochs: number;
  trainLoss: number;
  validationLoss: number;
  /** Accuracy (classification) or R² (regression) on the validation part. */
  validationMetric: number;
  metric: 'accuracy' | 'r2';
  /** Time left if every remaining epoch runs (an upper bound: early stopping may end sooner). */
  etaSeconds: number;
  elapsedSeconds: number;
}

/** Why the loop ended. */
export type StopReason = 'patience' | 'max_epochs' | 'time_budget' | 'diverged';

/** The loss history and where the loop stopped. */
export interface FitResult {
  history: { train: number[]; validation: number[]; validationMetric: number[] };
  /** 1-based epoch whose weights were kept. */
  bestEpoch: number;
  epochsRun: number;
  stopReason: StopReason;
  /** False when there was no validation part and the training loss was watched instead. */
  validated: boolean;
}

export interface FitOptions {
  epochs: number;
  patience: number;
  timeBudgetMs: number;
  loss: LossName;
  metric: 'accuracy' | 'r2';
  /** Loss of the model on a part (the core's `evaluateLoss`). */
  evaluate(mlp: Mlp, X: Matrix<Float32Array>, y: LossTargets, loss: LossName): number;
  /** Accuracy or R² of the model on a part. */
  score(mlp: Mlp, part: Part): number;
  onEpoch?: (r: EpochReport) => void;
  /** Clock in ms (tests pass a fake one). */
  now?: () => number;
}

/** Trains until patience, the epoch limit or the time budget runs out; restores the best weights. */
export function fitWithEarlyStopping(mlp: Mlp, trainer: EpochTrainer, train: Part, validation: Part | null, o: FitOptions): FitResult {
  const now = o.now ?? Date.now;
  const t0 = now();
  const watched = validation && validation.X.rows > 0 ? validation : null;
  const history: FitResult['history'] = { train: [], validation: [], validationMetric: [] };
  let best = Infinity;
  let bestEpoch = 0;
  let bestWeights = mlp.getWeights();
  let stopReason: StopReason = 'max_epochs';
  let epoch = 0;
  while (epoch < o.epochs) {
    epoch++;
    const trainLoss = trainer.epoch(train.X, train.y);
    const part = watched ?? train;
    const validationLoss = watched ? o.evaluate(mlp, part.X, part.y, o.loss) : trainLoss;
    if (!Number.isFinite(trainLoss) || !Number.isFinite(validationLoss)) {
      stopReason = 'diverged';
      break;
    }
    const metric = o.score(mlp, part);
    history.train.push(trainLoss);
    history.validation.push(validationLoss);
    history.validationMetric.push(metric);
    // A tiny relative margin, so that noise at the 7th digit of float32 does not count as progress.
    if (bestEpoch === 0 || validationLoss < best - 1e-7 * Math.abs(best)) {
      best = validationLoss;
      bestEpoch = epoch;
      bestWeights = mlp.getWeights();
    }
    const elapsed = now() - t0;
    o.onEpoch?.({
      epoch,
      epochs: o.epochs,
      trainLoss,
      validationLoss,
      validationMetric: metric,
      metric: o.metric,
      etaSeconds: ((elapsed / epoch) * (o.epochs - epoch)) / 1000,
      elapsedSeconds: elapsed / 1000,
    });
    if (epoch - bestEpoch >= o.patience) {
      stopReason = 'patience';
      break;
    }
    if (elapsed >= o.timeBudgetMs && epoch < o.epochs) {
      stopReason = 'time_budget';
      break;
    }
  }
  if (bestEpoch > 0) mlp.setWeights(bestWeights);
  return { history, bestEpoch, epochsRun: history.train.length, stopReason, validated: watched !== null };
}
