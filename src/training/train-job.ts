/**
 * The `train` job (runs in a worker): CSV bytes in, a trained tiny MLP and honest results out.
 *
 * 1. ingest the CSV (src/data) -> cleaned rows;
 * 2. split with a seed: stratified train/validation/test for classes, a plain shuffle for
 *    regression (with `test` bytes given, the first file only gives train + validation);
 * 3. fit the preprocessing (standardisation, one-hot, fill values) on the TRAINING rows only;
 * 4. train with early stopping on the validation loss (./fit.ts);
 * 5. score train/validation/test against the baseline a network must beat (majority class or
 *    mean), with per-class figures, a confusion matrix, and data for the pictures.
 */
import type { LocalizedMessage } from '../core/errors.js';
import { evaluateLoss, Mlp, Trainer, type LossName } from '../core/nn/index.js';
import { Matrix } from '../core/tensor/matrix.js';
import { ingestCsv, Preprocessor, type ColumnInfo, type Dataset, type FeatureValue, type TargetInfo, type Task } from '../data/index.js';
import type { ConfusionMatrixData, DecisionBoundaryData, LossCurveData } from '../render/types.js';
import { fitWithEarlyStopping, type EpochReport, type Part, type StopReason } from './fit.js';
import type { JobHandler } from '../jobs/types.js';
import { trainMsg } from './messages.js';
import {
  accuracy,
  classificationMetrics,
  confusionMatrix,
  majorityClass,
  mean,
  perClassReport,
  regressionMetrics,
  type ClassificationMetrics,
  type ClassReport,
  type RegressionMetrics,
} from './metrics.js';
import { TrainedModel, type SavedModel } from './model.js';
import { resolveTrainOptions, type ResolvedTrainOptions, type TrainOptions } from './options.js';
import { splitForTraining } from './split.js';

/** The job's input: plain data, so it crosses into the worker as is. */
export interface TrainPayload {
  /** The uploaded CSV file. */
  csv: Uint8Array;
  /** An optional separate test file with the same columns (`--test`). */
  test?: Uint8Array;
  options?: TrainOptions;
}

/** Metrics of one part: accuracy + macro-F1, or MSE + MAE + R². */
export type Metrics = ClassificationMetrics | RegressionMetrics;

/** Everything a student sees after training, as plain data. */
export interface TrainResult {
  task: Task;
  target: string;
  classes?: string[];
  /** Rows used from the training file (after dropping rows without a target). */
  rows: number;
  /** Feature columns used (before one-hot encoding). */
  features: number;
  /** Inputs of the network after one-hot encoding, by name ("city=Moscow"). */
  inputs: string[];
  dropped: Dataset['dropped'];
  warnings: LocalizedMessage[];
  split: { train: number; validation: number; test: number };
  /** `null` for a part with no rows. */
  metrics: { train: Metrics; validation: Metrics | null; test: Metrics | null };
  /** The trivial model on the scored part: always the majority class, or always the mean. */
  baseline: Metrics & { predicts: string | number };
  /** Which part the baseline, per-class figures and confusion matrix describe. */
  scoredOn: 'test' | 'validation' | 'train';
  perClass?: Array<ClassReport & { label: string }>;
  /** `confusion[actual][predicted]` on the scored part. */
  confusion?: number[][];
  history: { train: number[]; validation: number[]; validationMetric: number[] };
  /** Epochs run, and the epoch whose weights were kept. */
  epochs: number;
  bestEpoch: number;
  stopReason: StopReason;
  options: ResolvedTrainOptions;
  seconds: number;
  /** Time spent in the training loop alone (for samples/s). */
  trainSeconds: number;
  model: SavedModel;
  /** Inputs of the pictures (see src/render): always the loss curve; the others when they fit. */
  plots: { loss: LossCurveData; confusion?: ConfusionMatrixData; boundary?: DecisionBoundaryData };
}

/** Progress of the train job: one report per epoch (throttled by the pool). */
export type TrainProgress = EpochReport;

/** The render module draws at most this many classes on a confusion matrix or boundary. */
const MAX_PICTURE_CLASSES = 8;
const GRID = 80;
const MAX_BOUNDARY_POINTS = 1500;

/** Targets of some rows in the form the losses want. */
function targetsOf(y: ReadonlyArray<number>, task: Task): Int32Array | Float32Array {
  return task === 'classification' ? Int32Array.from(y) : Float32Array.from(y);
}

function partOf(pre: Preprocessor, rows: ReadonlyArray<readonly FeatureValue[]>, y: number[], task: Task): Part {
  const enc = pre.transform(rows);
  return { X: new Matrix(enc.rows, enc.width, enc.data), y: targetsOf(y, task) };
}

function pick<T>(xs: readonly T[], idx: readonly number[]): T[] {
  return idx.map((i) => xs[i] as T);
}

/** Trains and scores; see the file comment. */
export const handle: JobHandler<TrainPayload, TrainResult, TrainProgress> = (payload, progress) => {
  const t0 = Date.now();
  const opts = resolveTrainOptions(payload.options);
  const ds = ingestCsv(payload.csv, { target: opts.target, task: opts.task });
  const task = ds.target.kind;
  const classes = ds.target.classes ?? [];
  const warnings = [...ds.warnings];

  // Labels as class indices (classification) or raw numbers (regression).
  const yAll = encodeTargets(ds.y, ds.target);
  const split = splitForTraining(yAll, task, payload.test !== undefined, opts.seed);

  // Preprocessing learns from the training rows only: no peeking at validation or test.
  const pre = Preprocessor.fit(ds.columns, pick(ds.features, split.train));
  let testRows = pick(ds.features, split.test);
  let testY = pick(yAll, split.test);
  if (payload.test) {
    const t = readTestFile(payload.test, ds, warnings);
    testRows = t.rows;
    testY = t.y;
  }

  // Regression: the network learns the standardised target (mean 0, std 1, from the
  // training rows), so one learning rate suits targets in the thousands or in thousandths.
  const trainY = pick(yAll, split.train);
  const yScale = task === 'regression' ? scaleOf(trainY) : undefined;
  const scaleY = (ys: number[]) => (yScale ? ys.map((v) => (v - yScale.mean) / yScale.std) : ys);

  const train = partOf(pre, pick(ds.features, split.train), scaleY(trainY), task);
  const validation = partOf(pre, pick(ds.features, split.validation), scaleY(pick(yAll, split.validation)), task);
  const test = partOf(pre, testRows, scaleY(testY), task);

  const loss: LossName = task === 'classification' ? 'softmax_ce' : 'mse';
  const mlp = new Mlp({
    inputs: pre.width,
    hidden: opts.hidden,
    outputs: task === 'classification' ? classes.length : 1,
    activation: opts.activation,
    seed: `${opts.seed}:init`,
  });
  const trainer = new Trainer(mlp, {
    loss,
    optimizer: opts.optimizer,
    lr: opts.lr,
    batchSize: Math.min(opts.batch, train.X.rows),
    weightDecay: opts.weightDecay,
    seed: `${opts.seed}:batches`,
  });

  const tFit = Date.now();
  const fitted = fitWithEarlyStopping(mlp, trainer, train, validation, {
    epochs: opts.epochs,
    patience: opts.patience,
    timeBudgetMs: opts.timeBudgetMs,
    loss,
    metric: task === 'classification' ? 'accuracy' : 'r2',
    evaluate: (m, X, y, l) => evaluateLoss(m, X, y, l),
    score: (m, part) =>
      task === 'classification' ? accuracy(part.y, m.predict(part.X)) : regressionMetrics(part.y, m.forward(part.X).data).r2,
    onEpoch: (r) => progress(r),
  });
  const trainSeconds = (Date.now() - tFit) / 1000;
  if (fitted.stopReason === 'time_budget') {
    warnings.push(trainMsg.warning('time_budget', { epochs: fitted.epochsRun, seconds: Math.round(opts.timeBudgetMs / 1000) }));
  }
  if (fitted.stopReason === 'diverged') {
    warnings.push(trainMsg.warning('diverged', { epoch: fitted.epochsRun + 1, lr: opts.lr }));
  }
  if (!fitted.validated) warnings.push(trainMsg.warning('no_validation'));

  const model = new TrainedModel(mlp, pre, ds.target, yScale);
  const scored = test.X.rows > 0 ? 'test' : validation.X.rows > 0 ? 'validation' : 'train';
  const scoredPart = { test, validation, train }[scored];
  const result: TrainResult = {
    task,
    target: ds.target.name,
    rows: ds.rows,
    features: ds.columns.length,
    inputs: [...pre.featureNames],
    dropped: ds.dropped,
    warnings,
    split: { train: train.X.rows, validation: validation.X.rows, test: test.X.rows },
    metrics: { train: { accuracy: 0, macro_f1: 0 }, validation: null, test: null },
    baseline: { accuracy: 0, macro_f1: 0, predicts: '' },
    scoredOn: scored,
    history: fitted.history,
    epochs: fitted.epochsRun,
    bestEpoch: fitted.bestEpoch,
    stopReason: fitted.stopReason,
    options: opts,
    seconds: 0,
    trainSeconds,
    model: model.toJSON(),
    plots: { loss: { train: fitted.history.train } },
  };
  if (fitted.validated) result.plots.loss.validation = fitted.history.validation;

  if (task === 'classification') {
    result.classes = classes;
    const k = classes.length;
    const score = (p: Part) => (p.X.rows > 0 ? classificationMetrics(p.y, mlp.predict(p.X), k) : null);
    result.metrics = { train: score(train) as Metrics, validation: score(validation), test: score(test) };
    const majority = majorityClass(train.y, k);
    const basePred = new Int32Array(scoredPart.X.rows).fill(majority);
    result.baseline = { ...classificationMetrics(scoredPart.y, basePred, k), predicts: classes[majority] ?? '' };
    const cm = confusionMatrix(scoredPart.y, mlp.predict(scoredPart.X), k);
    result.confusion = cm;
    result.perClass = perClassReport(cm).map((r, c) => ({ label: classes[c] ?? String(c), ...r }));
    if (fitted.validated) result.plots.loss.validationAccuracy = fitted.history.validationMetric;
    if (k <= MAX_PICTURE_CLASSES) {
      result.plots.confusion = { labels: classes, counts: cm };
      const boundary = boundaryData(model, ds, yAll, split.train, testRows, testY);
      if (boundary) result.plots.boundary = boundary;
    }
  } else {
    const s = yScale ?? { mean: 0, std: 1 };
    // Scores in the target's own units: predictions and truths are scaled back.
    const unscale = (a: ArrayLike<number>) => Array.from(a, (v) => v * s.std + s.mean);
    const score = (p: Part) => (p.X.rows > 0 ? regressionMetrics(unscale(p.y), unscale(mlp.forward(p.X).data)) : null);
    result.metrics = { train: score(train) as Metrics, validation: score(validation), test: score(test) };
    const m = mean(trainY);
    const truth = unscale(scoredPart.y);
    result.baseline = { ...regressionMetrics(truth, truth.map(() => m)), predicts: m };
  }
  result.seconds = (Date.now() - t0) / 1000;
  return result;
};

/** Class labels -> indices into `classes`; regression targets stay numbers. */
function encodeTargets(y: ReadonlyArray<number | string>, target: TargetInfo): number[] {
  if (target.kind === 'regression') return y.map(Number);
  const index = new Map((target.classes ?? []).map((c, i) => [c, i]));
  return y.map((v) => index.get(String(v)) ?? -1);
}

function scaleOf(ys: number[]): { mean: number; std: number } {
  const m = mean(ys);
  const sd = Math.sqrt(ys.reduce((s, v) => s + (v - m) ** 2, 0) / Math.max(1, ys.length));
  return { mean: m, std: sd > 1e-12 && Number.isFinite(sd) ? sd : 1 };
}

/** Reads `--test` with the training file's columns and target; rows of unseen classes are dropped. */
function readTestFile(bytes: Uint8Array, ds: Dataset, warnings: LocalizedMessage[]): { rows: FeatureValue[][]; y: number[] } {
  const t = ingestCsv(bytes, { schema: { columns: ds.columns, target: ds.target } });
  warnings.push(...t.warnings);
  const y = encodeTargets(t.y, ds.target);
  const unknown = y.findIndex((v) => v < 0);
  if (unknown >= 0) warnings.push(trainMsg.warning('unknown_class', { label: String(t.y[unknown]), column: ds.target.name }));
  const keep = y.map((v) => v >= 0 || ds.target.kind === 'regression');
  return { rows: t.features.filter((_, i) => keep[i]), y: y.filter((_, i) => keep[i]) };
}

/**
 * Min and max of the finite numbers in a column, widened by 5% on each side and rounded
 * outwards to round numbers, so the picture's axes end at readable values.
 */
function range(rows: ReadonlyArray<readonly FeatureValue[]>, j: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of rows) {
    const v = r[j];
    if (typeof v === 'number' && Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  if (!(hi > lo)) return Number.isFinite(lo) ? [lo - 1, lo + 1] : [-1, 1];
  const pad = (hi - lo) * 0.05;
  const unit = 10 ** Math.floor(Math.log10(hi - lo)) / 10;
  const round = (v: number) => Number(v.toPrecision(12)); // -1.7000000000000002 -> -1.7
  return [round(Math.floor((lo - pad) / unit) * unit), round(Math.ceil((hi + pad) / unit) * unit)];
}

/**
 * The decision boundary over the plane of the two features, when there are exactly two and
 * both are numeric: the model's prediction on a grid (through the same preprocessing), and
 * the training and test points on top.
 */
function boundaryData(
  model: TrainedModel,
  ds: Dataset,
  yAll: number[],
  trainIdx: number[],
  testRows: FeatureValue[][],
  testY: number[],
): DecisionBoundaryData | undefined {
  const cols: ColumnInfo[] = ds.columns;
  if (cols.length !== 2 || cols.some((c) => c.kind !== 'numeric')) return undefined;
  const classes = ds.target.classes ?? [];
  const [x0, x1] = range(ds.features, 0);
  const [y0, y1] = range(ds.features, 1);
  const xs = Array.from({ length: GRID }, (_, i) => x0 + ((x1 - x0) * i) / (GRID - 1));
  const ys = Array.from({ length: GRID }, (_, i) => y0 + ((y1 - y0) * i) / (GRID - 1));
  const cells: FeatureValue[][] = [];
  for (const y of ys) for (const x of xs) cells.push([x, y]);
  const proba = model.outputs(cells);
  const k = classes.length;
  const gridClasses: number[] = [];
  for (let i = 0; i < cells.length; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if ((proba.data[i * k + c] as number) > (proba.data[i * k + best] as number)) best = c;
    gridClasses.push(best);
  }
  const grid: DecisionBoundaryData['grid'] = { xs, ys, classes: gridClasses };
  if (k === 2) grid.probabilities = cells.map((_, i) => proba.data[i * 2 + 1] as number);
  const point = (r: readonly FeatureValue[], label: number, split: 'train' | 'test') => ({ x: Number(r[0]), y: Number(r[1]), label, split });
  const points = [
    ...trainIdx.map((i) => point(ds.features[i] as FeatureValue[], yAll[i] as number, 'train')),
    ...testRows.map((r, i) => point(r, testY[i] as number, 'test')),
  ].filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  // A picture with thousands of points is a blur; an even thinning keeps its shape.
  const step = Math.max(1, Math.ceil(points.length / MAX_BOUNDARY_POINTS));
  return {
    grid,
    points: points.filter((_, i) => i % step === 0),
    classes,
    axes: { x: cols[0]?.name ?? 'x', y: cols[1]?.name ?? 'y' },
  };
}
