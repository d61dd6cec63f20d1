/**
 * Element-wise activations over whole buffers, forward and backward, for any registry entry.
 *
 * The registry's `f` and `df` work on one number at a time. Calling them through a function
 * reference for every element is correct for every activation but slow, so the ones MLPs use
 * most (identity, relu, leaky_relu, tanh, sigmoid) have their formula written inline here.
 * The tests check every inline path against the registry's own f and df.
 *
 * bipolar_relu depends on the neuron: even columns (neurons 0, 2, 4, …) apply ReLU(x), odd ones
 * −ReLU(−x) = min(0, x), as the lecture defines it. The registry's scalar f is the even form.
 *
 * Two activations carry state, which the caller (the layer) owns and passes in `ActivationState`:
 * - prelu: the negative slope `a` is learned; backward also returns ∂L/∂a.
 * - rrelu: while training, each element gets its own random negative slope drawn from
 *   [lower, upper] with the layer's seeded Rng; backward must use the same slopes, so they are
 *   kept in `noise`. At inference rrelu uses the mean slope (the registry's f).
 */
import type { Activation } from '../activations/types.js';
import type { Rng } from '../rng.js';
import { type FloatArray, type Matrix, assertShape } from './matrix.js';

/** Which loop runs: an inline formula or the registry's functions. */
type Kind = 'identity' | 'relu' | 'leaky_relu' | 'tanh' | 'sigmoid' | 'bipolar_relu' | 'prelu' | 'rrelu' | 'generic';

const INLINE: ReadonlySet<string> = new Set(['identity', 'relu', 'leaky_relu', 'tanh', 'sigmoid', 'bipolar_relu']);

/** Per-layer state some activations need (see the file comment). Reused across calls. */
export interface ActivationState {
  /** prelu: the current learnable negative slope. */
  slope: number;
  /** rrelu: generator for the per-element training slopes. */
  rng: Rng | null;
  /** rrelu: the slopes used by the last training forward (its first Z.rows × Z.cols values). */
  noise: FloatArray | null;
}

/** An activation applied element-wise to matrices. */
export class ActivationOp {
  /** The registry id. */
  readonly id: string;
  /** The registry entry this op evaluates. */
  readonly entry: Activation;
  private readonly kind: Kind;
  /** leaky_relu's negative slope. */
  private readonly leak: number;

  constructor(entry: Activation) {
    this.id = entry.id;
    this.entry = entry;
    if (INLINE.has(entry.id)) this.kind = entry.id as Kind;
    else if (entry.learnableSlope) this.kind = 'prelu';
    else if (entry.randomSlope) this.kind = 'rrelu';
    else this.kind = 'generic';
    this.leak = entry.params.slope ?? 0.01;
  }

  /** True when the op has a learnable parameter (prelu's slope). */
  get hasSlope(): boolean {
    return this.kind === 'prelu';
  }

  /** True when training and inference differ (rrelu's random slopes). */
  get isRandomInTraining(): boolean {
    return this.kind === 'rrelu';
  }

  /** A = f(Z). A may be Z itself. `training` matters only for rrelu. */
  forward(Z: Matrix<FloatArray>, A: Matrix<FloatArray>, state: ActivationState | null, training = false): void {
    assertShape(A, Z.rows, Z.cols, `${this.id} forward output`);
    const z = Z.data;
    const a = A.data;
    const n = z.length;
    switch (this.kind) {
      case 'identity':
        if (a !== z) a.set(z);
        return;
      case 'relu':
        // relu(x) = max(0, x)
        // Written as (x + |x|) / 2, which is x for x > 0 and 0 otherwise, without a branch:
        // about half of the inputs are negative in no predictable pattern, so a branch
        // (x > 0 ? x : 0) would be mispredicted half the time. Exact: x + x = 2x, then /2.
        for (let i = 0; i < n; i++) {
          const v = z[i] as number;
          a[i] = (v + Math.abs(v)) * 0.5;
        }
        return;
      case 'leaky_relu': {
        // leaky_relu(x) = x for x > 0, slope·x otherwise
        const s = this.leak;
        for (let i = 0; i < n; i++) {
          const v = z[i] as number;
          a[i] = v > 0 ? v : s * v;
        }
        return;
      }
      case 'tanh':
        for (let i = 0; i < n; i++) a[i] = Math.tanh(z[i] as number);
        return;
      case 'sigmoid':
        // σ(x) = 1 / (1 + e^−x); for x < 0 use e^x / (1 + e^x) so e^−x cannot overflow.
        for (let i = 0; i < n; i++) {
          const v = z[i] as number;
          if (v >= 0) a[i] = 1 / (1 + Math.exp(-v));
          else {
            const e = Math.exp(v);
            a[i] = e / (1 + e);
          }
        }
        return;
      case 'bipolar_relu': {
        // f_j(x) = max(0, x) for even neuron j, min(0, x) for odd j
        const cols = Z.cols;
        for (let i = 0; i < n; i++) {
          const v = z[i] as number;
          a[i] = (i % cols) % 2 === 0 ? (v > 0 ? v : 0) : v < 0 ? v : 0;
        }
        return;
      }
      case 'prelu': {
        const ls = this.entry.learnableSlope!;
        const slope = requireState(state, this.id).slope;
        for (let i = 0; i < n; i++) a[i] = ls.fa(z[i] as number, slope);
        return;
      }
      case 'rrelu': {
        if (!training) break; // inference: the registry's f uses the mean slope
        const st = requireState(state, this.id);
        const { lower, upper } = this.entry.randomSlope!;
        if (!st.rng) throw new Error('rrelu: training needs a seeded Rng in the activation state');
        // Grown, never shrunk: the last mini-batch of an epoch is smaller, and reallocating for
        // it every epoch would put garbage in the training loop.
        if (!st.noise || st.noise.length < n) st.noise = new Float64Array(n);
        const noise = st.noise;
        // PyTorch's RReLU: x > 0 passes through; otherwise a fresh slope r ~ U[lower, upper].
        for (let i = 0; i < n; i++) {
          const v = z[i] as number;
          const r = v > 0 ? 1 : st.rng.uniform(lower, upper);
          noise[i] = r;
          a[i] = v * r;
        }
        return;
      }
      case 'generic':
        break;
    }
    const f = this.entry.f;
    for (let i = 0; i < n; i++) a[i] = f(z[i] as number);
  }

  /**
   * dZ = dA ⊙ f'(Z), the chain rule through an element-wise function. `A` must hold the forward
   * output for Z (tanh and sigmoid read their derivative off it). dZ may be dA itself.
   * Returns ∂L/∂slope for prelu (Σ dA ⊙ ∂f/∂a), 0 otherwise.
   */
  backward(
    Z: Matrix<FloatArray>,
    A: Matrix<FloatArray>,
    dA: Matrix<FloatArray>,
    dZ: Matrix<FloatArray>,
    state: ActivationState | null,
    training = true,
  ): number {
    assertShape(dA, Z.rows, Z.cols, `${this.id} backward gradient`);
    assertShape(dZ, Z.rows, Z.cols, `${this.id} backward output`);
    const z = Z.data;
    const y = A.data;
    const g = dA.data;
    const d = dZ.data;
    const n = z.length;
    switch (this.kind) {
      case 'identity':
        if (d !== g) d.set(g);
        return 0;
      case 'relu':
        // relu'(x) = 1 for x > 0, else 0 (PyTorch: relu'(0) = 0)
        // Written as a multiply by 0 or 1 rather than a branch (see forward).
        for (let i = 0; i < n; i++) d[i] = (g[i] as number) * Number((z[i] as number) > 0);
        return 0;
      case 'leaky_relu': {
        // leaky_relu'(x) = 1 for x > 0, else slope (also at 0, as PyTorch)
        const s = this.leak;
        for (let i = 0; i < n; i++) d[i] = (z[i] as number) > 0 ? (g[i] as number) : s * (g[i] as number);
        return 0;
      }
      case 'tanh':
        // tanh'(x) = 1 − tanh²(x)
        for (let i = 0; i < n; i++) {
          const t = y[i] as number;
          d[i] = (g[i] as number) * (1 - t * t);
        }
        return 0;
      case 'sigmoid':
        // σ'(x) = σ(x)·(1 − σ(x))
        for (let i = 0; i < n; i++) {
          const s = y[i] as number;
          d[i] = (g[i] as number) * s * (1 - s);
        }
        return 0;
      case 'bipolar_relu': {
        // f_j'(x) = [x > 0] for even neuron j, [x < 0] for odd j
        const cols = Z.cols;
        for (let i = 0; i < n; i++) {
          const v = z[i] as number;
          const on = (i % cols) % 2 === 0 ? v > 0 : v < 0;
          d[i] = on ? (g[i] as number) : 0;
        }
        return 0;
      }
      case 'prelu': {
        // ∂f/∂x = dfa(x, a);  ∂f/∂a = dda(x, a) (= x for x < 0, else 0); a is shared by all elements
        const ls = this.entry.learnableSlope!;
        const slope = requireState(state, this.id).slope;
        let dSlope = 0;
        for (let i = 0; i < n; i++) {
          const v = z[i] as number;
          const gi = g[i] as number;
          dSlope += gi * ls.dda(v, slope);
          d[i] = gi * ls.dfa(v, slope);
        }
        return dSlope;
      }
      case 'rrelu': {
        if (!training) break;
        // f(x) = r·x with the r drawn in forward, so f'(x) = r
        const noise = requireState(state, this.id).noise;
        if (!noise || noise.length < n) throw new Error('rrelu: backward without a training forward');
        for (let i = 0; i < n; i++) d[i] = (g[i] as number) * (noise[i] as number);
        return 0;
      }
      case 'generic':
        break;
    }
    const df = this.entry.df;
    for (let i = 0; i < n; i++) d[i] = (g[i] as number) * df(z[i] as number);
    return 0;
  }
}

function requireState(state: ActivationState | null, id: string): ActivationState {
  if (!state) throw new Error(`${id}: this activation needs per-layer state`);
  return state;
}

/** A fresh state for an op: prelu starts at the registry's initial slope. */
export function createActivationState(op: ActivationOp, rng: Rng | null = null): ActivationState {
  return { slope: op.entry.learnableSlope?.init ?? 0, rng, noise: null };
}
