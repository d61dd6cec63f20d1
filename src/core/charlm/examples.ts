/**
 * Turns names into training examples for a model that sees `context` previous characters.
 *
 * For "aid" with context 3 (boundary shown as "."):
 * ```
 *   ...  -> a
 *   ..a  -> i
 *   .ai  -> d
 *   aid  -> .      (the model must also learn where a name ends)
 * ```
 * Every name gives (length + 1) examples. The contexts are stored flat in one Int32Array
 * (`contexts[k * context + j]`), the targets in another, so training reads them without
 * allocating.
 */
import { BOUNDARY, encodeName, type Vocab } from './vocab.js';

/** A set of (context, next-token) pairs. */
export interface Examples {
  /** Number of previous characters per example. */
  readonly context: number;
  /** `count * context` token indices, oldest first. */
  readonly contexts: Int32Array;
  /** `count` target token indices. */
  readonly targets: Int32Array;
  readonly count: number;
}

/** Builds the examples of normalized names. Throws RangeError on a character outside the vocabulary. */
export function buildExamples(names: readonly string[], vocab: Vocab, context: number): Examples {
  let count = 0;
  const encoded = names.map((n) => {
    const toks = encodeName(vocab, n);
    if (toks.includes(-1)) throw new RangeError(`buildExamples: "${n}" has a character outside the vocabulary`);
    count += toks.length + 1;
    return toks;
  });
  const contexts = new Int32Array(count * context);
  const targets = new Int32Array(count);
  let k = 0;
  for (const toks of encoded) {
    // A sliding window that starts full of boundary tokens.
    const window: number[] = new Array<number>(context).fill(BOUNDARY);
    for (const t of [...toks, BOUNDARY]) {
      for (let j = 0; j < context; j++) contexts[k * context + j] = window[j] as number;
      targets[k] = t;
      window.shift();
      window.push(t);
      k++;
    }
  }
  return { context, contexts, targets, count };
}
