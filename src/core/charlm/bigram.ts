/**
 * The baseline: a bigram count model. P(next | previous) = (count(previous, next) + 1) /
 * (count(previous) + V), counted on the training names. The "+1" (add-one, or Laplace,
 * smoothing) gives unseen pairs a small probability instead of zero, so the loss on dev
 * names stays finite. If the neural model cannot beat this table, it has learned nothing
 * beyond letter pairs.
 */
import type { Examples } from './examples.js';

/** A bigram table: `probs[prev * V + next]`. */
export interface BigramModel {
  readonly vocabSize: number;
  readonly probs: Float64Array;
}

/**
 * Counts bigrams from examples (their last context token is the previous character, so any
 * context size works) and smooths with add-`alpha` (default 1).
 */
export function fitBigram(ex: Examples, vocabSize: number, alpha = 1): BigramModel {
  const V = vocabSize;
  const counts = new Float64Array(V * V);
  for (let k = 0; k < ex.count; k++) {
    const prev = ex.contexts[k * ex.context + ex.context - 1] as number;
    const next = ex.targets[k] as number;
    counts[prev * V + next] = (counts[prev * V + next] as number) + 1;
  }
  const probs = new Float64Array(V * V);
  for (let a = 0; a < V; a++) {
    let row = 0;
    for (let b = 0; b < V; b++) row += counts[a * V + b] as number;
    for (let b = 0; b < V; b++) probs[a * V + b] = ((counts[a * V + b] as number) + alpha) / (row + alpha * V);
  }
  return { vocabSize: V, probs };
}

/** Mean negative log-likelihood of examples under the bigram table (nats per character). */
export function bigramLoss(model: BigramModel, ex: Examples): number {
  if (ex.count === 0) return NaN;
  const V = model.vocabSize;
  let total = 0;
  for (let k = 0; k < ex.count; k++) {
    const prev = ex.contexts[k * ex.context + ex.context - 1] as number;
    total -= Math.log(model.probs[prev * V + (ex.targets[k] as number)] as number);
  }
  return total / ex.count;
}

/** The loss of guessing uniformly among V tokens: ln V nats per character. */
export function uniformLoss(vocabSize: number): number {
  return Math.log(vocabSize);
}
