/**
 * Weight initialisers. The scale matters: too small and the signal fades layer by layer, too
 * large and it explodes (or saturates tanh and sigmoid, where gradients then vanish).
 *
 * - He (Kaiming) normal: N(0, 2 / fan_in). ReLU zeroes about half its inputs, halving the
 *   variance each layer; the factor 2 makes up for it (He et al., 2015).
 * - Xavier (Glorot) uniform: U(−√(6 / (fan_in + fan_out)), +√(...)). Keeps the variance of
 *   activations and of gradients about constant through tanh/sigmoid-like layers (Glorot &
 *   Bengio, 2010).
 * Biases start at 0.
 */
import type { Rng } from '../rng.js';
import type { FloatArray } from '../tensor/matrix.js';
import { nnMessages } from './messages.js';

/** The initialisers an MLP accepts. */
export type InitName = 'he' | 'xavier';

export const INIT_NAMES: readonly InitName[] = ['he', 'xavier'];

/**
 * Activations that are symmetric and squashing (tanh/sigmoid-like) or linear: Xavier suits them.
 * Every other activation is ReLU-like (unbounded on the right) and gets He.
 */
const XAVIER_ACTIVATIONS: ReadonlySet<string> = new Set([
  'identity', 'sigmoid', 'tanh', 'arctan', 'softsign', 'isru', 'sqnl', 'hardtanh', 'hardsigmoid', 'binary_step',
]);

/** The default initialiser for an activation id: Xavier for tanh/sigmoid-like, He otherwise. */
export function defaultInit(activationId: string): InitName {
  return XAVIER_ACTIVATIONS.has(activationId) ? 'xavier' : 'he';
}

/** Checks a user-given initialiser name. */
export function parseInit(value: unknown): InitName {
  if (value === 'he' || value === 'xavier') return value;
  throw nnMessages.error('bad_init', { value: String(value) });
}

/** Fills `w` (a fan_in × fan_out weight matrix) with the chosen initialiser. */
export function initWeights(w: FloatArray, fanIn: number, fanOut: number, init: InitName, rng: Rng): void {
  if (init === 'he') {
    const std = Math.sqrt(2 / fanIn);
    for (let i = 0; i < w.length; i++) w[i] = rng.normal(0, std);
  } else {
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    for (let i = 0; i < w.length; i++) w[i] = rng.uniform(-limit, limit);
  }
}
