/**
 * A multi-layer perceptron: Linear → activation → Linear → activation → … → Linear (logits).
 *
 * The last layer has no activation: it returns logits, and the loss (losses.ts) applies
 * softmax or sigmoid itself, which is both stabler and simpler to differentiate.
 *
 * Training keeps one `Workspace` (all intermediate buffers) per batch size, so after the first
 * mini-batch a training step allocates nothing: garbage collection pauses would otherwise
 * dominate a network this small.
 */
import { getActivation } from '../activations/index.js';
import { Rng, type Seed } from '../rng.js';
import { ActivationOp, type ActivationState, createActivationState } from '../tensor/activation-op.js';
import { type DType, type FloatArray, Matrix, allocFloats } from '../tensor/matrix.js';
import { argmaxRows } from '../tensor/reductions.js';
import { softmaxRows } from '../tensor/softmax.js';
import { type InitName, defaultInit, initWeights, parseInit } from './init.js';
import { Linear } from './linear.js';
import { nnMessages } from './messages.js';
import type { Param } from './optimizers.js';

/** Limits that keep a student's request from eating the worker's memory. */
export const MLP_LIMITS = {
  maxInputs: 100_000,
  maxUnits: 4096,
  maxOutputs: 1000,
  maxHiddenLayers: 16,
  /** 5 million float32 parameters = 20 MB, plus as much again for gradients and 2× for Adam. */
  maxParameters: 5_000_000,
} as const;

/** What defines an MLP. */
export interface MlpConfig {
  inputs: number;
  /** Units per hidden layer, e.g. [64, 64]; [] gives a linear model. */
  hidden: readonly number[];
  outputs: number;
  /** Any activation-registry id or alias, used between layers. */
  activation: string;
  /** Default: He for ReLU-like activations, Xavier for tanh/sigmoid-like ones. */
  init?: InitName;
  seed: Seed;
  /** float32 (default) for training; float64 for exact gradient checks. */
  dtype?: DType;
}

/** An MLP as plain data (JSON-safe): config plus every parameter as a number array. */
export interface SerializedMlp {
  format: 'gradbot.mlp';
  version: 1;
  config: {
    inputs: number;
    hidden: number[];
    outputs: number;
    activation: string;
    init: InitName;
    seed: Seed;
    dtype: DType;
  };
  /** Per layer: weight (inputs × outputs, row-major) and bias. */
  layers: { weight: number[]; bias: number[] }[];
  /** prelu only: the learned negative slope of each hidden layer. */
  slopes?: number[];
}

/** All buffers one forward + backward pass needs for a batch of `rows` rows. */
export class Workspace<A extends FloatArray = FloatArray> {
  readonly rows: number;
  /** Pre-activations Z[l] = H[l−1]·W[l] + b[l]; the last one holds the logits. */
  readonly pre: Matrix<A>[];
  /** Activations H[l] = f(Z[l]) of the hidden layers. */
  readonly post: Matrix<A>[];
  /** Gradients ∂L/∂Z[l]; also used for ∂L/∂H[l] in place (see Mlp.backward). */
  readonly grad: Matrix<A>[];
  /** The input of the last forward pass (not copied). */
  input: Matrix<FloatArray> | null = null;

  constructor(rows: number, sizes: readonly number[], dtype: DType) {
    this.rows = rows;
    const make = (cols: number) => new Matrix(rows, cols, allocFloats(dtype, rows * cols) as A);
    this.pre = sizes.map(make);
    this.post = sizes.slice(0, -1).map(make);
    this.grad = sizes.map(make);
  }
}

function checkSize(what: string, value: unknown, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw nnMessages.error('bad_size', { what, value: String(value), max });
  }
  return value;
}

/** A multi-layer perceptron (see the file comment). */
export class Mlp<A extends FloatArray = Float32Array> {
  readonly config: Readonly<Required<MlpConfig>> & { readonly hidden: readonly number[] };
  readonly layers: Linear<A>[];
  /** The activation between layers (the same for every hidden layer). */
  readonly activation: ActivationOp;
  /** One state per hidden layer: prelu's slope, rrelu's random slopes. */
  readonly activationStates: ActivationState[];
  /** prelu: each hidden layer's slope as a 1-element parameter, with its gradient. */
  private readonly slopes: { value: A; grad: A }[];
  private readonly params: Param[];

  constructor(config: MlpConfig) {
    const inputs = checkSize('inputs', config.inputs, MLP_LIMITS.maxInputs);
    const outputs = checkSize('outputs', config.outputs, MLP_LIMITS.maxOutputs);
    if (!Array.isArray(config.hidden) || config.hidden.length > MLP_LIMITS.maxHiddenLayers) {
      throw nnMessages.error('too_many_layers', { value: String(config.hidden?.length), max: MLP_LIMITS.maxHiddenLayers });
    }
    config.hidden.forEach((h, i) => {
      if (typeof h !== 'number' || !Number.isInteger(h) || h < 1 || h > MLP_LIMITS.maxUnits) {
        throw nnMessages.error('bad_hidden', { index: i + 1, value: String(h), max: MLP_LIMITS.maxUnits });
      }
    });
    const sizes = [inputs, ...config.hidden, outputs];
    let count = 0;
    for (let l = 0; l + 1 < sizes.length; l++) count += ((sizes[l] as number) + 1) * (sizes[l + 1] as number);
    if (count > MLP_LIMITS.maxParameters) {
      throw nnMessages.error('too_many_parameters', { count, max: MLP_LIMITS.maxParameters });
    }
    const seedOk = (typeof config.seed === 'number' && Number.isInteger(config.seed)) || typeof config.seed === 'string';
    if (!seedOk) throw nnMessages.error('bad_seed', { value: String(config.seed) });
    const entry = getActivation(config.activation); // throws a UserInputError for unknown ids
    const init = config.init === undefined ? defaultInit(entry.id) : parseInit(config.init);
    const dtype: DType = config.dtype === 'float64' ? 'float64' : 'float32';
    this.config = { inputs, hidden: [...config.hidden], outputs, activation: entry.id, init, seed: config.seed, dtype };

    this.activation = new ActivationOp(entry);
    const rng = new Rng(config.seed);
    const initRng = rng.fork('init');
    this.layers = [];
    for (let l = 0; l + 1 < sizes.length; l++) {
      const layer = new Linear<A>(sizes[l] as number, sizes[l + 1] as number, dtype);
      initWeights(layer.weight.data, layer.inputs, layer.outputs, init, initRng);
      this.layers.push(layer);
    }
    this.activationStates = config.hidden.map((_, l) =>
      createActivationState(this.activation, this.activation.isRandomInTraining ? rng.fork(`rrelu${l}`) : null),
    );
    this.slopes = this.activation.hasSlope
      ? this.activationStates.map((s) => {
          const value = allocFloats(dtype, 1) as A;
          value[0] = s.slope;
          return { value, grad: allocFloats(dtype, 1) as A };
        })
      : [];
    this.params = [
      ...this.layers.flatMap((layer, l) => [
        { name: `layer${l + 1}.weight`, value: layer.weight.data, grad: layer.weightGrad.data, decay: true },
        { name: `layer${l + 1}.bias`, value: layer.bias, grad: layer.biasGrad, decay: false },
      ]),
      ...this.slopes.map((s, l) => ({ name: `prelu${l + 1}.slope`, value: s.value, grad: s.grad, decay: false })),
    ];
  }

  /** Layer widths from input to output, e.g. [20, 64, 64, 3]. */
  get sizes(): number[] {
    return [this.config.inputs, ...this.config.hidden, this.config.outputs];
  }

  /** Number of trainable numbers (weights, biases, prelu slopes). */
  get parameterCount(): number {
    return this.params.reduce((n, p) => n + p.value.length, 0);
  }

  /** The trainable parameters with their gradient buffers, for an optimizer. */
  parameters(): readonly Param[] {
    return this.params;
  }

  /** A workspace for batches of `rows` rows (the Trainer keeps one per batch size). */
  createWorkspace(rows: number): Workspace<A> {
    return new Workspace<A>(rows, this.sizes.slice(1), this.config.dtype);
  }

  /**
   * Forward pass into a workspace; returns the logits matrix (owned by the workspace).
   * `training` matters only for rrelu (random slopes while training).
   */
  forwardInto(X: Matrix<FloatArray>, ws: Workspace<A>, training = false): Matrix<A> {
    if (X.cols !== this.config.inputs) {
      throw nnMessages.error('input_width', { expected: this.config.inputs, actual: X.cols });
    }
    if (X.rows !== ws.rows) throw new RangeError(`forwardInto: ${X.rows} rows, workspace has ${ws.rows}`);
    ws.input = X;
    this.syncSlopes();
    const last = this.layers.length - 1;
    let h: Matrix<FloatArray> = X;
    for (let l = 0; l <= last; l++) {
      const z = ws.pre[l] as Matrix<A>;
      (this.layers[l] as Linear<A>).forward(h, z);
      if (l === last) break;
      const out = ws.post[l] as Matrix<A>;
      this.activation.forward(z, out, this.activationStates[l] as ActivationState, training);
      h = out;
    }
    return ws.pre[last] as Matrix<A>;
  }

  /**
   * Backward pass: given ∂L/∂logits in `ws.grad[last]` (a loss writes it there), fills every
   * parameter's gradient. Call right after `forwardInto` on the same workspace.
   *
   * Going from layer l back to l−1: dH = dZ[l]·W[l]ᵀ is written straight into grad[l−1], and
   * the activation's backward then turns it into dZ[l−1] in place (dZ = dH ⊙ f'(Z)).
   */
  backward(ws: Workspace<A>, training = true): void {
    const X = ws.input;
    if (!X) throw new Error('Mlp.backward: call forwardInto first');
    for (let l = this.layers.length - 1; l >= 0; l--) {
      const layer = this.layers[l] as Linear<A>;
      const dZ = ws.grad[l] as Matrix<A>;
      if (l === 0) {
        layer.backward(X, dZ, null);
        break;
      }
      const dH = ws.grad[l - 1] as Matrix<A>;
      layer.backward(ws.post[l - 1] as Matrix<A>, dZ, dH);
      const dSlope = this.activation.backward(
        ws.pre[l - 1] as Matrix<A>,
        ws.post[l - 1] as Matrix<A>,
        dH,
        dH,
        this.activationStates[l - 1] as ActivationState,
        training,
      );
      const slope = this.slopes[l - 1];
      if (slope) slope.grad[0] = dSlope;
    }
  }

  /** Copies the learnable prelu slopes into the activation states the kernels read. */
  private syncSlopes(): void {
    for (let l = 0; l < this.slopes.length; l++) {
      (this.activationStates[l] as ActivationState).slope = (this.slopes[l] as { value: A }).value[0] as number;
    }
  }

  /** Logits for every row of X (a new matrix; runs in chunks to bound the buffer size). */
  forward(X: Matrix<FloatArray>, training = false): Matrix<A> {
    if (X.cols !== this.config.inputs) {
      throw nnMessages.error('input_width', { expected: this.config.inputs, actual: X.cols });
    }
    const out = new Matrix(X.rows, this.config.outputs, allocFloats(this.config.dtype, X.rows * this.config.outputs) as A);
    // About a million input numbers per chunk, at most 1024 rows: bounded buffers for any width.
    const chunk = Math.max(1, Math.min(1024, Math.floor(2 ** 20 / X.cols)));
    let ws: Workspace<A> | null = null;
    for (let start = 0; start < X.rows; start += chunk) {
      const rows = Math.min(chunk, X.rows - start);
      if (!ws || ws.rows !== rows) ws = this.createWorkspace(rows);
      const view = new Matrix(rows, X.cols, X.data.subarray(start * X.cols, (start + rows) * X.cols));
      out.data.set(this.forwardInto(view, ws, training).data, start * this.config.outputs);
    }
    return out;
  }

  /**
   * Probabilities: softmax over the outputs when there are several (classes), the sigmoid of
   * each output when there is one (binary). Pass `kind` to choose explicitly.
   */
  predictProba(X: Matrix<FloatArray>, kind: 'softmax' | 'sigmoid' = this.config.outputs > 1 ? 'softmax' : 'sigmoid'): Matrix<A> {
    const z = this.forward(X);
    if (kind === 'softmax') softmaxRows(z, z);
    else {
      const d = z.data;
      for (let i = 0; i < d.length; i++) {
        const v = d[i] as number;
        d[i] = v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
      }
    }
    return z;
  }

  /** Class per row: arg-max of the logits, or logit > 0 when there is a single output. */
  predict(X: Matrix<FloatArray>): Int32Array {
    const z = this.forward(X);
    const out = new Int32Array(X.rows);
    if (this.config.outputs === 1) for (let i = 0; i < X.rows; i++) out[i] = (z.data[i] as number) > 0 ? 1 : 0;
    else argmaxRows(z, out);
    return out;
  }

  /** Copies of every parameter (weights and bias per layer, then prelu slopes). */
  getWeights(): A[] {
    return this.params.map((p) => p.value.slice() as A);
  }

  /** Restores parameters from `getWeights()` output (copied in; lengths must match). */
  setWeights(ws: readonly ArrayLike<number>[]): void {
    if (ws.length !== this.params.length) {
      throw nnMessages.error('weights_shape', { index: ws.length, expected: this.params.length, actual: ws.length });
    }
    this.params.forEach((p, i) => {
      const w = ws[i] as ArrayLike<number>;
      if (w.length !== p.value.length) throw nnMessages.error('weights_shape', { index: i, expected: p.value.length, actual: w.length });
    });
    this.params.forEach((p, i) => p.value.set(ws[i] as ArrayLike<number>));
    this.syncSlopes();
  }

  /** Plain data (JSON-safe) that `Mlp.fromJSON` turns back into the same network. */
  toJSON(): SerializedMlp {
    const c = this.config;
    const s: SerializedMlp = {
      format: 'gradbot.mlp',
      version: 1,
      config: { inputs: c.inputs, hidden: [...c.hidden], outputs: c.outputs, activation: c.activation, init: c.init, seed: c.seed, dtype: c.dtype },
      // Array.from keeps each float32 exactly (as a double); JSON prints doubles losslessly.
      layers: this.layers.map((l) => ({ weight: Array.from(l.weight.data), bias: Array.from(l.bias) })),
    };
    if (this.slopes.length > 0) s.slopes = this.slopes.map((x) => x.value[0] as number);
    return s;
  }

  /** Rebuilds a network from `toJSON()` output; anything malformed is a UserInputError. */
  static fromJSON<A extends FloatArray = Float32Array>(s: unknown): Mlp<A> {
    const bad = (reason: string) => nnMessages.error('bad_model', { reason });
    if (typeof s !== 'object' || s === null) throw bad('not an object');
    const o = s as Partial<SerializedMlp>;
    if (o.format !== 'gradbot.mlp' || o.version !== 1) throw bad('unknown format or version');
    const c = o.config;
    if (!c || typeof c !== 'object') throw bad('no config');
    if (typeof c.seed !== 'number' && typeof c.seed !== 'string') throw bad('no seed');
    const mlp = new Mlp<A>({
      inputs: c.inputs,
      hidden: c.hidden,
      outputs: c.outputs,
      activation: c.activation,
      init: c.init,
      seed: c.seed,
      dtype: c.dtype,
    });
    if (!Array.isArray(o.layers) || o.layers.length !== mlp.layers.length) throw bad('wrong number of layers');
    const ws: number[][] = [];
    for (const layer of o.layers) {
      if (!layer || !Array.isArray(layer.weight) || !Array.isArray(layer.bias)) throw bad('a layer lacks weight or bias');
      ws.push(layer.weight, layer.bias);
    }
    if (mlp.slopes.length > 0) {
      if (!Array.isArray(o.slopes) || o.slopes.length !== mlp.slopes.length) throw bad('prelu slopes missing');
      for (const a of o.slopes) ws.push([a]);
    }
    for (const w of ws) {
      if (!w.every((v) => typeof v === 'number' && Number.isFinite(v))) throw bad('a parameter is not a finite number');
    }
    mlp.setWeights(ws);
    return mlp;
  }
}
