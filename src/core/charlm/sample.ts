/**
 * Drawing new names from a trained character model, one character at a time:
 * start with a context of boundary tokens, ask the model for P(next), draw a token, slide the
 * context, and stop at the boundary token (end of name) or at `maxLength` characters.
 *
 * - Temperature T rescales the logits: softmax(logits / T). T < 1 sharpens the distribution
 *   (safer, more copying), T > 1 flattens it (wilder, more typos). Computed here as
 *   p_i^(1/T) / sum_j p_j^(1/T), which is the same thing, after dividing by the largest p so
 *   small powers cannot underflow to an all-zero row.
 * - Top-k keeps only the k most likely tokens before drawing.
 */
import type { Rng } from '../rng.js';
import { createWorkspace, forward, type CharMlp } from './model.js';
import { BOUNDARY } from './vocab.js';

/** How to draw. */
export interface SampleOptions {
  /** 0.1 to 2.0; 1 draws from the model's own distribution. */
  temperature: number;
  /** Keep only the k most likely tokens (undefined or 0: keep all). */
  topK?: number;
  /** Longest name, in characters, before the draw is cut off. */
  maxLength: number;
}

/**
 * Turns a probability row into the distribution actually sampled from (temperature, top-k).
 * Exported so tests can check it directly.
 */
export function adjustDistribution(probs: ArrayLike<number>, temperature: number, topK?: number): Float64Array {
  const V = probs.length;
  const out = new Float64Array(V);
  let max = 0;
  for (let i = 0; i < V; i++) max = Math.max(max, probs[i] as number);
  const power = 1 / temperature;
  for (let i = 0; i < V; i++) out[i] = Math.pow((probs[i] as number) / max, power);
  if (topK !== undefined && topK > 0 && topK < V) {
    // Threshold = k-th largest weight; ties at the threshold are cut by index so exactly k stay.
    const order = Array.from({ length: V }, (_, i) => i).sort((a, b) => (out[b] as number) - (out[a] as number) || a - b);
    for (const i of order.slice(topK)) out[i] = 0;
  }
  let sum = 0;
  for (let i = 0; i < V; i++) sum += out[i] as number;
  for (let i = 0; i < V; i++) out[i] = (out[i] as number) / sum;
  return out;
}

/** Draws one name; returns its character tokens (without the boundary). */
export function sampleTokens(m: CharMlp, rng: Rng, opts: SampleOptions): number[] {
  const n = m.shape.context;
  const ws = createWorkspace(m, 1);
  const ctx = new Int32Array(n).fill(BOUNDARY);
  const rows = new Int32Array(1);
  const out: number[] = [];
  while (out.length < opts.maxLength) {
    forward(m, ws, ctx, null, rows, 1);
    const dist = adjustDistribution(ws.probs, opts.temperature, opts.topK);
    const t = rng.weightedIndex(dist);
    if (t === BOUNDARY) break;
    out.push(t);
    ctx.copyWithin(0, 1);
    ctx[n - 1] = t;
  }
  return out;
}
