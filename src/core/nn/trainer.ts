/**
 * Mini-batch training. The caller owns the epoch loop (early stopping, progress, time limits,
 * cancellation) and calls `trainer.epoch(X, y)` once per epoch; `fit` is the plain loop.
 *
 * One epoch: shuffle the row order with the trainer's seeded Rng, then for each mini-batch
 * copy its rows into a batch buffer, run forward, loss, backward and one optimizer step.
 * Copying the rows (a gather) keeps the kernels simple: they always see one contiguous matrix.
 * All buffers are created on the first epoch and reused, so later epochs allocate nothing.
 */
import { Rng, type Seed } from '../rng.js';
import { type FloatArray, Matrix, allocFloats } from '../tensor/matrix.js';
import { type LossName, type LossTargets, computeLoss, parseLoss } from './losses.js';
import { nnMessages } from './messages.js';
import type { Mlp, Workspace } from './mlp.js';
import { type Optimizer, type OptimizerName, createOptimizer } from './optimizers.js';

/**
 * Training targets: class labels (Int32Array, values 0..outputs−1) for softmax_ce; an
 * n × outputs matrix (or its flat data) for mse and bce_logits. bce_logits with one output also
 * takes 0/1 labels as an Int32Array.
 */
export type Targets = Int32Array | Matrix<FloatArray> | FloatArray;

/** How to train. */
export interface TrainerOptions {
  loss: LossName;
  optimizer: OptimizerName;
  lr: number;
  batchSize: number;
  /** L2 penalty on weights (default 0). */
  weightDecay?: number;
  /** momentum's μ (default 0.9). */
  momentum?: number;
  /** Seeds the mini-batch order (and nothing else: the weights come from the Mlp's seed). */
  seed: Seed;
}

/** The batch buffers for one batch size. */
interface Batch {
  X: Matrix<FloatArray>;
  labels: Int32Array | null;
  values: FloatArray | null;
  ws: Workspace<FloatArray>;
}

const MAX_BATCH = 65_536;

/** Turns any accepted target form into what the losses read, checking it against the data. */
function normalizeTargets(loss: LossName, y: Targets, rows: number, outputs: number): LossTargets {
  if (loss === 'softmax_ce') {
    if (!(y instanceof Int32Array)) throw nnMessages.error('target_kind', { loss, expected: 'Int32Array class labels' });
    if (y.length !== rows) throw nnMessages.error('target_rows', { rows, targets: y.length });
    for (let i = 0; i < rows; i++) {
      const c = y[i] as number;
      if (c < 0 || c >= outputs) throw nnMessages.error('bad_label', { row: i + 1, label: c, max: outputs - 1 });
    }
    return y;
  }
  let values: FloatArray | Int32Array = y instanceof Matrix ? y.data : y;
  if (values instanceof Int32Array) {
    if (loss !== 'bce_logits' || outputs !== 1) {
      throw nnMessages.error('target_kind', { loss, expected: `an n×${outputs} matrix of numbers` });
    }
    for (let i = 0; i < values.length; i++) {
      const c = values[i] as number;
      if (c !== 0 && c !== 1) throw nnMessages.error('bad_label', { row: i + 1, label: c, max: 1 });
    }
    values = Float64Array.from(values);
  }
  if (y instanceof Matrix && y.cols !== outputs) {
    throw nnMessages.error('target_kind', { loss, expected: `an n×${outputs} matrix of numbers` });
  }
  if (values.length !== rows * outputs) throw nnMessages.error('target_rows', { rows, targets: values.length / outputs });
  checkFinite(values, outputs);
  return values;
}

/** Finds the first NaN/±Infinity so the message can point at it (row and column, 1-based). */
function checkFinite(data: FloatArray, cols: number): void {
  for (let i = 0; i < data.length; i++) {
    const v = data[i] as number;
    if (!Number.isFinite(v)) {
      throw nnMessages.error('not_finite', { row: Math.floor(i / cols) + 1, col: (i % cols) + 1, value: String(v) });
    }
  }
}

/** Trains one Mlp with one optimizer; see the file comment. */
export class Trainer<A extends FloatArray = FloatArray> {
  readonly mlp: Mlp<A>;
  readonly options: Readonly<TrainerOptions>;
  readonly optimizer: Optimizer;
  /** Epochs completed so far. */
  epochsDone = 0;
  private readonly rng: Rng;
  private order: Int32Array = new Int32Array(0);
  private readonly batches = new Map<number, Batch>();
  /** The last (X, y) seen, so their validation is not repeated every epoch. */
  private lastX: Matrix<FloatArray> | null = null;
  private lastY: Targets | null = null;
  private lastTargets: LossTargets | null = null;

  constructor(mlp: Mlp<A>, options: TrainerOptions) {
    parseLoss(options.loss);
    if (!Number.isInteger(options.batchSize) || options.batchSize < 1 || options.batchSize > MAX_BATCH) {
      throw nnMessages.error('bad_size', { what: 'batch size', value: String(options.batchSize), max: MAX_BATCH });
    }
    if (options.loss === 'softmax_ce' && mlp.config.outputs < 2) {
      throw nnMessages.error('softmax_needs_classes', { outputs: mlp.config.outputs });
    }
    this.mlp = mlp;
    this.options = { ...options };
    this.optimizer = createOptimizer(options.optimizer, mlp.parameters(), {
      lr: options.lr,
      weightDecay: options.weightDecay ?? 0,
      momentum: options.momentum,
    });
    this.rng = new Rng(options.seed).fork('batches');
  }

  /** The buffers for a batch of `rows` rows, created once per distinct size. */
  private batch(rows: number): Batch {
    let b = this.batches.get(rows);
    if (!b) {
      const { inputs, outputs, dtype } = this.mlp.config;
      b = {
        X: new Matrix(rows, inputs, allocFloats(dtype, rows * inputs)),
        labels: this.options.loss === 'softmax_ce' ? new Int32Array(rows) : null,
        values: this.options.loss === 'softmax_ce' ? null : allocFloats(dtype, rows * outputs),
        ws: this.mlp.createWorkspace(rows) as Workspace<FloatArray>,
      };
      this.batches.set(rows, b);
    }
    return b;
  }

  /** Validates (X, y) once per new pair and returns the targets in loss form. */
  private prepare(X: Matrix<FloatArray>, y: Targets): LossTargets {
    if (X === this.lastX && y === this.lastY && this.lastTargets) return this.lastTargets;
    const { inputs, outputs } = this.mlp.config;
    if (X.rows === 0) throw nnMessages.error('no_rows');
    if (X.cols !== inputs) throw nnMessages.error('input_width', { expected: inputs, actual: X.cols });
    checkFinite(X.data, X.cols);
    const targets = normalizeTargets(this.options.loss, y, X.rows, outputs);
    this.lastX = X;
    this.lastY = y;
    this.lastTargets = targets;
    return targets;
  }

  /**
   * One training step on a batch already in the batch buffers; returns its mean loss.
   */
  private step(b: Batch): number {
    const logits = this.mlp.forwardInto(b.X, b.ws as Workspace<A>, true);
    const dLogits = b.ws.grad[b.ws.grad.length - 1] as Matrix<FloatArray>;
    const loss = computeLoss(this.options.loss, logits, (b.labels ?? b.values) as LossTargets, dLogits);
    this.mlp.backward(b.ws as Workspace<A>, true);
    this.optimizer.step();
    return loss;
  }

  /** One shuffled pass over (X, y) in mini-batches; returns the mean training loss (without the L2 term). */
  epoch(X: Matrix<FloatArray>, y: Targets): number {
    const targets = this.prepare(X, y);
    const n = X.rows;
    const d = X.cols;
    const outputs = this.mlp.config.outputs;
    if (this.order.length !== n) this.order = Int32Array.from({ length: n }, (_, i) => i);
    this.rng.shuffle(this.order);
    const order = this.order;
    const x = X.data;
    let total = 0;
    for (let start = 0; start < n; start += this.options.batchSize) {
      const rows = Math.min(this.options.batchSize, n - start);
      const b = this.batch(rows);
      // Gather the batch's rows (and targets) into contiguous buffers.
      const bx = b.X.data;
      for (let r = 0; r < rows; r++) {
        const src = (order[start + r] as number) * d;
        for (let j = 0; j < d; j++) bx[r * d + j] = x[src + j] as number;
      }
      if (b.labels) {
        const labels = targets as Int32Array;
        for (let r = 0; r < rows; r++) b.labels[r] = labels[order[start + r] as number] as number;
      } else {
        const values = targets as FloatArray;
        const bv = b.values as FloatArray;
        for (let r = 0; r < rows; r++) {
          const src = (order[start + r] as number) * outputs;
          for (let j = 0; j < outputs; j++) bv[r * outputs + j] = values[src + j] as number;
        }
      }
      total += this.step(b) * rows;
    }
    this.epochsDone++;
    const loss = total / n;
    if (!Number.isFinite(loss)) {
      throw nnMessages.error('diverged', { epoch: this.epochsDone, value: String(loss), lr: this.optimizer.lr });
    }
    return loss;
  }
}

/** The mean loss of `mlp` on (X, y) in inference mode (no L2 term). */
export function evaluateLoss<A extends FloatArray>(mlp: Mlp<A>, X: Matrix<FloatArray>, y: Targets, loss: LossName): number {
  parseLoss(loss);
  if (X.rows === 0) throw nnMessages.error('no_rows');
  const targets = normalizeTargets(loss, y, X.rows, mlp.config.outputs);
  return computeLoss(loss, mlp.forward(X), targets, null);
}

/** Options of `fit`: the trainer's plus the loop's. */
export interface FitOptions extends TrainerOptions {
  epochs: number;
  /** Called after each epoch (1-based) with its mean training loss; returning false stops. */
  onEpoch?: (epoch: number, loss: number) => void | boolean;
}

/** The plain training loop: `epochs` epochs, reporting each loss. Returns the per-epoch losses. */
export function fit<A extends FloatArray>(mlp: Mlp<A>, X: Matrix<FloatArray>, y: Targets, options: FitOptions): number[] {
  if (!Number.isInteger(options.epochs) || options.epochs < 1 || options.epochs > 1_000_000) {
    throw nnMessages.error('bad_size', { what: 'epochs', value: String(options.epochs), max: 1_000_000 });
  }
  const trainer = new Trainer(mlp, options);
  const losses: number[] = [];
  for (let e = 1; e <= options.epochs; e++) {
    const loss = trainer.epoch(X, y);
    losses.push(loss);
    if (options.onEpoch?.(e, loss) === false) break;
  }
  return losses;
}
