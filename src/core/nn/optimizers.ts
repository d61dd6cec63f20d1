/**
 * Optimizers: how a parameter moves once its gradient is known. All follow PyTorch's update
 * rules, so a student can compare numbers with a PyTorch notebook.
 *
 * L2 weight decay λ adds λ·w to the gradient of every weight matrix (the gradient of
 * (λ/2)·Σw²), before the optimizer's own rule; biases and prelu slopes are not decayed (as in
 * scikit-learn's MLP: shrinking a bias towards 0 does not make the function simpler).
 * Adam can instead decay weights directly ("decoupled", AdamW), which the character model uses.
 */
import type { FloatArray } from '../tensor/matrix.js';
import { nnMessages } from './messages.js';

/** The optimizers a Trainer accepts. */
export type OptimizerName = 'sgd' | 'momentum' | 'adam';

export const OPTIMIZER_NAMES: readonly OptimizerName[] = ['sgd', 'momentum', 'adam'];

/** Checks a user-given optimizer name. */
export function parseOptimizer(value: unknown): OptimizerName {
  if (typeof value === 'string' && (OPTIMIZER_NAMES as readonly string[]).includes(value)) return value as OptimizerName;
  throw nnMessages.error('bad_optimizer', { value: String(value) });
}

/** One trainable tensor and its gradient (same length), as the optimizer sees it. */
export interface Param {
  /** For messages and debugging, e.g. "layer1.weight". */
  name: string;
  value: FloatArray;
  grad: FloatArray;
  /** Whether L2 weight decay applies (weights yes, biases and slopes no). */
  decay: boolean;
}

/** Hyper-parameters of an optimizer. */
export interface OptimizerOptions {
  lr: number;
  /** L2 penalty λ (default 0). */
  weightDecay?: number;
  /**
   * Adam only: decay weights directly, w ← w·(1 − lr·λ), instead of adding λw to the gradient
   * (AdamW, Loshchilov & Hutter 2019; PyTorch's torch.optim.AdamW). With Adam's per-weight
   * step sizes an L2 term gets divided by √v̂ like the gradient, so weights with large
   * gradients are hardly decayed; the decoupled form shrinks every weight at the same rate.
   * Default false.
   */
  decoupledWeightDecay?: boolean;
  /** momentum's μ (default 0.9). */
  momentum?: number;
  /** Adam's β₁, β₂, ε (defaults 0.9, 0.999, 1e-8, as PyTorch). */
  beta1?: number;
  beta2?: number;
  eps?: number;
}

/** Updates a fixed list of parameters from their gradients, one `step()` per mini-batch. */
export interface Optimizer {
  readonly name: OptimizerName;
  /** The learning rate; may be changed between steps (e.g. a schedule). */
  lr: number;
  step(): void;
}

/** w ← w − lr·(g + λw) */
class Sgd implements Optimizer {
  readonly name = 'sgd' as const;
  constructor(
    private readonly params: readonly Param[],
    public lr: number,
    private readonly weightDecay: number,
  ) {}

  step(): void {
    const lr = this.lr;
    for (const p of this.params) {
      const w = p.value;
      const g = p.grad;
      const wd = p.decay ? this.weightDecay : 0;
      for (let i = 0; i < w.length; i++) {
        const wi = w[i] as number;
        w[i] = wi - lr * ((g[i] as number) + wd * wi);
      }
    }
  }
}

/**
 * Heavy-ball momentum, PyTorch's form:  v ← μ·v + (g + λw);  w ← w − lr·v.
 * v is a running sum of past gradients: steps along a consistent direction grow up to
 * 1/(1 − μ) times larger, while zig-zags across a narrow valley cancel out.
 */
class Momentum implements Optimizer {
  readonly name = 'momentum' as const;
  private readonly velocity: Float64Array[];
  constructor(
    private readonly params: readonly Param[],
    public lr: number,
    private readonly weightDecay: number,
    private readonly mu: number,
  ) {
    this.velocity = params.map((p) => new Float64Array(p.value.length));
  }

  step(): void {
    const lr = this.lr;
    const mu = this.mu;
    for (let k = 0; k < this.params.length; k++) {
      const p = this.params[k] as Param;
      const w = p.value;
      const g = p.grad;
      const v = this.velocity[k] as Float64Array;
      const wd = p.decay ? this.weightDecay : 0;
      for (let i = 0; i < w.length; i++) {
        const wi = w[i] as number;
        const vi = mu * (v[i] as number) + (g[i] as number) + wd * wi;
        v[i] = vi;
        w[i] = wi - lr * vi;
      }
    }
  }
}

/**
 * Adam (Kingma & Ba, 2015):
 *   m ← β₁m + (1 − β₁)g          running mean of gradients
 *   v ← β₂v + (1 − β₂)g²         running mean of squared gradients
 *   m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ)   bias correction: m and v start at 0,
 *                                           so early averages are too small without it
 *   w ← w − lr · m̂ / (√v̂ + ε)
 * Each weight gets its own step size; on the first step m̂/√v̂ = g/|g|, so every weight moves
 * by about lr, whatever the scale of its gradient. With `decoupled` (AdamW) the weight decay
 * is w ← w·(1 − lr·λ) before that update, and g is the plain gradient.
 */
class Adam implements Optimizer {
  readonly name = 'adam' as const;
  private readonly m: Float64Array[];
  private readonly v: Float64Array[];
  private t = 0;
  constructor(
    private readonly params: readonly Param[],
    public lr: number,
    private readonly weightDecay: number,
    private readonly beta1: number,
    private readonly beta2: number,
    private readonly eps: number,
    private readonly decoupled: boolean,
  ) {
    this.m = params.map((p) => new Float64Array(p.value.length));
    this.v = params.map((p) => new Float64Array(p.value.length));
  }

  step(): void {
    this.t++;
    const b1 = this.beta1;
    const b2 = this.beta2;
    const eps = this.eps;
    // Fold both bias corrections into one step size and one ε (the same arithmetic rearranged):
    // lr·m̂/(√v̂ + ε) = [lr·√(1−β₂ᵗ)/(1−β₁ᵗ)] · m / (√v + ε·√(1−β₂ᵗ)).
    const c2 = Math.sqrt(1 - b2 ** this.t);
    const stepSize = (this.lr * c2) / (1 - b1 ** this.t);
    const epsHat = eps * c2;
    for (let k = 0; k < this.params.length; k++) {
      const p = this.params[k] as Param;
      const w = p.value;
      const g = p.grad;
      const m = this.m[k] as Float64Array;
      const v = this.v[k] as Float64Array;
      const wd = p.decay ? this.weightDecay : 0;
      // L2: λw joins the gradient; decoupled: the weight shrinks by the factor (1 − lr·λ).
      const l2 = this.decoupled ? 0 : wd;
      const shrink = this.decoupled ? 1 - this.lr * wd : 1;
      for (let i = 0; i < w.length; i++) {
        const wi = w[i] as number;
        const gi = (g[i] as number) + l2 * wi;
        const mi = b1 * (m[i] as number) + (1 - b1) * gi;
        const vi = b2 * (v[i] as number) + (1 - b2) * gi * gi;
        m[i] = mi;
        v[i] = vi;
        w[i] = wi * shrink - (stepSize * mi) / (Math.sqrt(vi) + epsHat);
      }
    }
  }
}

function checkNumber(what: string, value: number, ok: boolean, range: string): void {
  if (!ok || !Number.isFinite(value)) throw nnMessages.error('bad_number', { what, value: String(value), range });
}

/** Creates an optimizer over `params`; bad hyper-parameters are a UserInputError. */
export function createOptimizer(name: OptimizerName, params: readonly Param[], options: OptimizerOptions): Optimizer {
  const { lr, weightDecay = 0, momentum = 0.9, beta1 = 0.9, beta2 = 0.999, eps = 1e-8, decoupledWeightDecay = false } = options;
  checkNumber('learning rate', lr, lr > 0 && lr <= 10, 'in (0, 10]');
  checkNumber('weight decay', weightDecay, weightDecay >= 0 && weightDecay <= 1, 'in [0, 1]');
  const chosen = parseOptimizer(name);
  // A programming error, not user input: only Adam has the decoupled form here.
  if (decoupledWeightDecay && chosen !== 'adam') throw new RangeError(`createOptimizer: decoupledWeightDecay needs adam, not ${chosen}`);
  switch (chosen) {
    case 'sgd':
      return new Sgd(params, lr, weightDecay);
    case 'momentum':
      checkNumber('momentum', momentum, momentum >= 0 && momentum < 1, 'in [0, 1)');
      return new Momentum(params, lr, weightDecay, momentum);
    case 'adam':
      checkNumber('beta1', beta1, beta1 >= 0 && beta1 < 1, 'in [0, 1)');
      checkNumber('beta2', beta2, beta2 >= 0 && beta2 < 1, 'in [0, 1)');
      checkNumber('eps', eps, eps > 0, '> 0');
      return new Adam(params, lr, weightDecay, beta1, beta2, eps, decoupledWeightDecay);
  }
}
