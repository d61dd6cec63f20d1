/**
 * The plain reference for `mlp_reference_js_samples_per_s`: the MLP 20-64-64-3 (ReLU, softmax
 * cross-entropy, Adam) as a careful engineer writes it in plain JavaScript, without SIMD or
 * WebAssembly: Float32Array everywhere, every buffer allocated once before training, and loops
 * ordered so the innermost one walks memory contiguously. It trains the same model on the
 * same data with the same optimizer as the gradbot benchmark, so the two figures measured in
 * one run show what src/core/tensor's kernels add over competent hand-written code.
 *
 * It skips a zero input of a layer with one `if` (after ReLU about half of them are 0), as
 * anyone who thinks about ReLU would; otherwise it is deliberately NOT a second engine: no
 * loop unrolling, no register blocking, no WebAssembly. Not used by gradbot itself; kept correct (its loss falls) so the comparison is fair.
 *
 * Layout: weights are nIn × nOut, row-major (W[k * nOut + j] connects input k to output j);
 * activations are batch × width, row-major.
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
  gW: Float32Array;
  gb: Float32Array;
  // Adam's running means of the gradient and of its square.
  mW: Float32Array;
  vW: Float32Array;
  mb: Float32Array;
  vb: Float32Array;
}

const BETA1 = 0.9;
const BETA2 = 0.999;
const EPS = 1e-8;

/** Trains on X (n × sizes[0], row-major) with labels y; returns the last epoch's mean loss. */
export function trainReferenceMlp(X: Float32Array, y: Int32Array, opts: ReferenceOptions): number {
  const rng = new Rng(opts.seed);
  const sizes = opts.sizes;
  const n = y.length;
  const maxB = opts.batchSize;
  const layers: Layer[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const nIn = sizes[l]!;
    const nOut = sizes[l + 1]!;
    const W = new Float32Array(nIn * nOut);
    for (let i = 0; i < W.length; i++) W[i] = rng.normal(0, Math.sqrt(2 / nIn)); // He init
    const zeros = (len: number) => new Float32Array(len);
    layers.push({
      nIn, nOut, W, b: zeros(nOut), gW: zeros(W.length), gb: zeros(nOut),
      mW: zeros(W.length), vW: zeros(W.length), mb: zeros(nOut), vb: zeros(nOut),
    }); // prettier-ignore
  }
  // acts[0] is the batch input, acts[l + 1] the output of layer l; grads[l] = dLoss/dacts[l].
  const acts = sizes.map((width) => new Float32Array(maxB * width));
  const grads = sizes.map((width) => new Float32Array(maxB * width));
  const d0 = sizes[0]!;
  const C = sizes[sizes.length - 1]!;
  const order: number[] = [];
  for (let i = 0; i < n; i++) order.push(i);
  let t = 0;
  let epochLoss = 0;

  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    rng.shuffle(order);
    epochLoss = 0;
    for (let start = 0; start < n; start += maxB) {
      const B = Math.min(maxB, n - start);
      // Gather the batch's rows (in shuffled order) into the input buffer.
      const input = acts[0]!;
      for (let r = 0; r < B; r++) {
        const row = order[start + r]! * d0;
        for (let k = 0; k < d0; k++) input[r * d0 + k] = X[row + k]!;
      }

      // Forward, loss and its gradient dLoss/dlogits.
      for (let l = 0; l < layers.length; l++) forwardLayer(layers[l]!, acts[l]!, acts[l + 1]!, B, l < layers.length - 1);
      epochLoss += softmaxCrossEntropy(acts[layers.length]!, grads[layers.length]!, y, order, start, B, C);
      // Backward, last layer first; the first layer's input gradient is not needed.
      for (let l = layers.length - 1; l >= 0; l--) backwardLayer(layers[l]!, acts[l]!, grads[l + 1]!, l > 0 ? grads[l]! : null, B);
      t++;
      for (const L of layers) {
        adam(L.W, L.gW, L.mW, L.vW, t, opts.lr);
        adam(L.b, L.gb, L.mb, L.vb, t, opts.lr);
      }
    }
    epochLoss /= n;
  }
  return epochLoss;
}

/**
 * out = inp · W + b (then ReLU when `relu`) for B rows. i-k-j order: row r of out gets
 * inp[r][k] · (row k of W) added for each non-zero inp[r][k], so the innermost loop walks W
 * and out contiguously.
 */
function forwardLayer(L: Layer, inp: Float32Array, out: Float32Array, B: number, relu: boolean): void {
  const { nIn, nOut, W, b } = L;
  for (let r = 0; r < B; r++) {
    const o = r * nOut;
    for (let j = 0; j < nOut; j++) out[o + j] = b[j]!;
    for (let k = 0; k < nIn; k++) {
      const a = inp[r * nIn + k]!;
      if (a === 0) continue;
      const w = k * nOut;
      for (let j = 0; j < nOut; j++) out[o + j]! += a * W[w + j]!;
    }
    if (relu) for (let j = 0; j < nOut; j++) if (out[o + j]! < 0) out[o + j] = 0;
  }
}

/**
 * Softmax cross-entropy of B rows of logits (C classes) against the labels of rows
 * order[start..start+B-1]; writes dLoss/dlogits = (p − onehot) / B into `dLogits` and returns
 * the summed loss.
 */
function softmaxCrossEntropy(
  logits: Float32Array, dLogits: Float32Array, y: Int32Array, order: number[], start: number, B: number, C: number,
): number { // prettier-ignore
  let loss = 0;
  for (let r = 0; r < B; r++) {
    const o = r * C;
    let max = -Infinity;
    for (let j = 0; j < C; j++) max = Math.max(max, logits[o + j]!);
    let sum = 0;
    for (let j = 0; j < C; j++) {
      const e = Math.exp(logits[o + j]! - max);
      dLogits[o + j] = e;
      sum += e;
    }
    const label = y[order[start + r]!]!;
    loss += Math.log(sum) + max - logits[o + label]!;
    for (let j = 0; j < C; j++) dLogits[o + j] = (dLogits[o + j]! / sum - (j === label ? 1 : 0)) / B;
  }
  return loss;
}

/**
 * Given g = dLoss/dout for B rows: fills L.gW = inpᵀ · g and L.gb = column sums of g, and
 * (unless gIn is null) gIn = g · Wᵀ masked by ReLU', since `inp` is a ReLU output.
 */
function backwardLayer(L: Layer, inp: Float32Array, g: Float32Array, gIn: Float32Array | null, B: number): void {
  const { nIn, nOut, W, gW, gb } = L;
  gW.fill(0);
  gb.fill(0);
  // Row k of gW += inp[r][k] · (row r of g): the same contiguous inner loop as forwardLayer.
  for (let r = 0; r < B; r++) {
    const o = r * nOut;
    for (let j = 0; j < nOut; j++) gb[j]! += g[o + j]!;
    for (let k = 0; k < nIn; k++) {
      const a = inp[r * nIn + k]!;
      if (a === 0) continue;
      const w = k * nOut;
      for (let j = 0; j < nOut; j++) gW[w + j]! += a * g[o + j]!;
    }
  }
  if (!gIn) return;
  // gIn[r][k] is the dot product of row r of g and row k of W (both contiguous), or 0 where
  // the ReLU was off (its derivative is 0 there).
  for (let r = 0; r < B; r++) {
    const o = r * nOut;
    for (let k = 0; k < nIn; k++) {
      let s = 0;
      if (inp[r * nIn + k]! > 0) {
        const w = k * nOut;
        for (let j = 0; j < nOut; j++) s += g[o + j]! * W[w + j]!;
      }
      gIn[r * nIn + k] = s;
    }
  }
}

/** One Adam step (Kingma & Ba, 2015) with bias correction, as PyTorch does it. */
function adam(w: Float32Array, g: Float32Array, m: Float32Array, v: Float32Array, t: number, lr: number): void {
  const c1 = 1 - BETA1 ** t;
  const c2 = 1 - BETA2 ** t;
  for (let i = 0; i < w.length; i++) {
    const gi = g[i]!;
    m[i] = BETA1 * m[i]! + (1 - BETA1) * gi;
    v[i] = BETA2 * v[i]! + (1 - BETA2) * gi * gi;
    w[i]! -= (lr * (m[i]! / c1)) / (Math.sqrt(v[i]! / c2) + EPS);
  }
}
