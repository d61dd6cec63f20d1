/**
 * The plain reference for `mlp_reference_js_samples_per_s`: the MLP 20-64-64-3 (ReLU, softmax
 * cross-entropy, Adam) written the way a student would write it after the lecture: Float32Array
 * weights, textbook nested loops (output index outside, sum inside), fresh arrays per batch, no
 * kernel tricks. It trains the same model on the same data as the gradbot benchmark, so the two
 * figures measured in one run show what src/core/tensor's kernels buy.
 *
 * Not used by gradbot itself; kept correct (its loss falls) so the comparison is fair.
 */
import { Rng } from '../core/rng.js';

/** Settings shared with the gradbot run. */
export interface ReferenceOptions {
  sizes: readonly number[];
  epochs: number;
  batchSize: number;
  lr: number;
  seed: number;
}

interface Layer {
  nIn: number;
  nOut: number;
  W: Float32Array; // nIn × nOut
  b: Float32Array;
  mW: Float32Array;
  vW: Float32Array;
  mb: Float32Array;
  vb: Float32Array;
}

/** Trains on X (n × sizes[0], row-major) with labels y; returns the last epoch's mean loss. */
export function trainReferenceMlp(X: Float32Array, y: Int32Array, opts: ReferenceOptions): number {
  const rng = new Rng(opts.seed);
  const n = y.length;
  const layers: Layer[] = [];
  for (let l = 0; l + 1 < opts.sizes.length; l++) {
    const nIn = opts.sizes[l]!;
    const nOut = opts.sizes[l + 1]!;
    const W = new Float32Array(nIn * nOut);
    for (let i = 0; i < W.length; i++) W[i] = rng.normal(0, Math.sqrt(2 / nIn));
    layers.push({
      nIn, nOut, W, b: new Float32Array(nOut),
      mW: new Float32Array(W.length), vW: new Float32Array(W.length),
      mb: new Float32Array(nOut), vb: new Float32Array(nOut),
    });
  }
  const beta1 = 0.9;
  const beta2 = 0.999;
  const eps = 1e-8;
  let t = 0;
  const order: number[] = [];
  for (let i = 0; i < n; i++) order.push(i);
  let epochLoss = 0;

  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    rng.shuffle(order);
    epochLoss = 0;
    for (let start = 0; start < n; start += opts.batchSize) {
      const B = Math.min(opts.batchSize, n - start);
      // Forward: acts[0] is the batch input; acts[l+1] = relu(acts[l]·W + b), last layer linear.
      const d0 = opts.sizes[0]!;
      const input = new Float32Array(B * d0);
      for (let r = 0; r < B; r++) for (let k = 0; k < d0; k++) input[r * d0 + k] = X[order[start + r]! * d0 + k]!;
      const acts: Float32Array[] = [input];
      for (let l = 0; l < layers.length; l++) {
        const L = layers[l]!;
        const inp = acts[l]!;
        const out = new Float32Array(B * L.nOut);
        for (let r = 0; r < B; r++) {
          for (let j = 0; j < L.nOut; j++) {
            let s = L.b[j]!;
            for (let k = 0; k < L.nIn; k++) s += inp[r * L.nIn + k]! * L.W[k * L.nOut + j]!;
            out[r * L.nOut + j] = l < layers.length - 1 && s < 0 ? 0 : s;
          }
        }
        acts.push(out);
      }
      // Softmax cross-entropy and its gradient.
      const C = layers[layers.length - 1]!.nOut;
      const logits = acts[acts.length - 1]!;
      let grad = new Float32Array(B * C);
      for (let r = 0; r < B; r++) {
        let max = -Infinity;
        for (let j = 0; j < C; j++) max = Math.max(max, logits[r * C + j]!);
        let sum = 0;
        for (let j = 0; j < C; j++) sum += Math.exp(logits[r * C + j]! - max);
        const label = y[order[start + r]!]!;
        epochLoss += Math.log(sum) + max - logits[r * C + label]!;
        for (let j = 0; j < C; j++) {
          const p = Math.exp(logits[r * C + j]! - max) / sum;
          grad[r * C + j] = (p - (j === label ? 1 : 0)) / B;
        }
      }
      // Backward, last layer first.
      t++;
      for (let l = layers.length - 1; l >= 0; l--) {
        const L = layers[l]!;
        const inp = acts[l]!;
        const gW = new Float32Array(L.nIn * L.nOut);
        const gb = new Float32Array(L.nOut);
        for (let k = 0; k < L.nIn; k++) {
          for (let j = 0; j < L.nOut; j++) {
            let s = 0;
            for (let r = 0; r < B; r++) s += inp[r * L.nIn + k]! * grad[r * L.nOut + j]!;
            gW[k * L.nOut + j] = s;
          }
        }
        for (let j = 0; j < L.nOut; j++) {
          let s = 0;
          for (let r = 0; r < B; r++) s += grad[r * L.nOut + j]!;
          gb[j] = s;
        }
        if (l > 0) {
          const gIn = new Float32Array(B * L.nIn);
          for (let r = 0; r < B; r++) {
            for (let k = 0; k < L.nIn; k++) {
              let s = 0;
              for (let j = 0; j < L.nOut; j++) s += grad[r * L.nOut + j]! * L.W[k * L.nOut + j]!;
              gIn[r * L.nIn + k] = inp[r * L.nIn + k]! > 0 ? s : 0; // ReLU'
            }
          }
          grad = gIn;
        }
        adam(L.W, gW, L.mW, L.vW, t);
        adam(L.b, gb, L.mb, L.vb, t);
      }
    }
    epochLoss /= n;
  }
  return epochLoss;

  function adam(w: Float32Array, g: Float32Array, m: Float32Array, v: Float32Array, step: number): void {
    const c1 = 1 - Math.pow(beta1, step);
    const c2 = 1 - Math.pow(beta2, step);
    for (let i = 0; i < w.length; i++) {
      m[i] = beta1 * m[i]! + (1 - beta1) * g[i]!;
      v[i] = beta2 * v[i]! + (1 - beta2) * g[i]! * g[i]!;
      const mHat = m[i]! / c1;
      const vHat = v[i]! / c2;
      w[i] = w[i]! - (opts.lr * mHat) / (Math.sqrt(vHat) + eps);
    }
  }
}
