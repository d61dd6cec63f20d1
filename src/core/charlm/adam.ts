/**
 * Adam (Kingma & Ba, 2015) over one flat parameter buffer.
 *
 * For every parameter p with gradient g, at step t = 1, 2, ...:
 * ```
 *   m = beta1 * m + (1 - beta1) * g          running mean of gradients (momentum)
 *   v = beta2 * v + (1 - beta2) * g^2        running mean of squared gradients (scale)
 *   m^ = m / (1 - beta1^t),  v^ = v / (1 - beta2^t)     bias correction: m, v start at 0
 *   p = p * (1 - lr * weightDecay) - lr * m^ / (sqrt(v^) + eps)
 * ```
 * Dividing by sqrt(v^) gives every parameter its own step size, so rarely used characters'
 * embeddings learn about as fast as common ones.
 */
import type { FloatArray } from './model.js';

/** Adam's settings. */
export interface AdamOptions {
  lr: number;
  beta1?: number;
  beta2?: number;
  eps?: number;
  /**
   * Decoupled weight decay (AdamW, Loshchilov & Hutter): each step also shrinks every
   * parameter by lr * weightDecay * p. On a list of a few hundred names this keeps the model
   * from memorising them. Default 0.
   */
  weightDecay?: number;
}

/** Optimizer state: the two running means and the step counter. */
export interface AdamState {
  readonly m: Float64Array;
  readonly v: Float64Array;
  t: number;
}

/** Fresh state for `size` parameters. */
export function createAdam(size: number): AdamState {
  return { m: new Float64Array(size), v: new Float64Array(size), t: 0 };
}

/** One Adam update of `params` in place, with learning rate `lr` (may change per step). */
export function adamStep(state: AdamState, params: FloatArray, grads: FloatArray, opts: AdamOptions): void {
  const b1 = opts.beta1 ?? 0.9;
  const b2 = opts.beta2 ?? 0.999;
  const eps = opts.eps ?? 1e-8;
  state.t++;
  // Bias corrections folded into two constants: lr * m^ / sqrt(v^) = step * m / sqrt(v / c2).
  const lr = opts.lr;
  const step = lr / (1 - Math.pow(b1, state.t));
  const c2 = 1 / (1 - Math.pow(b2, state.t));
  const { m, v } = state;
  const shrink = 1 - lr * (opts.weightDecay ?? 0);
  for (let i = 0; i < params.length; i++) {
    const g = grads[i] as number;
    const mi = b1 * (m[i] as number) + (1 - b1) * g;
    const vi = b2 * (v[i] as number) + (1 - b2) * g * g;
    m[i] = mi;
    v[i] = vi;
    params[i] = (params[i] as number) * shrink - (step * mi) / (Math.sqrt(vi * c2) + eps);
  }
}
