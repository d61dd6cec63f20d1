import { describe, expect, it } from 'vitest';
import { backward, createWorkspace, evaluateLoss, forward, initCharMlp, parameterCount } from '../../../src/core/charlm/model.js';
import { Rng } from '../../../src/core/rng.js';

/** A tiny model in float64 with odd sizes, so every remainder path of the kernels runs. */
function tiny(dtype: 'f32' | 'f64' = 'f64') {
  const shape = { vocabSize: 7, context: 3, embed: 3, hidden: 5 };
  const rng = new Rng('gradcheck');
  const m = initCharMlp(shape, rng, dtype);
  // Make the output layer non-trivial (init keeps it near zero on purpose).
  for (let i = 0; i < m.W2.length; i++) m.W2[i] = rng.normal() * 0.7;
  for (let i = 0; i < m.b2.length; i++) m.b2[i] = rng.normal() * 0.3;
  // 6 examples (not a multiple of 4); token 0 repeats inside contexts, as at the start of a name.
  const contexts = Int32Array.from([0, 0, 0, 0, 0, 3, 0, 3, 5, 3, 5, 1, 6, 6, 2, 2, 4, 4]);
  const targets = Int32Array.from([3, 5, 1, 0, 2, 4]);
  const rows = Int32Array.from([0, 1, 2, 3, 4, 5]);
  return { m, contexts, targets, rows, B: 6 };
}

describe('char MLP forward/backward', () => {
  it('matches central finite differences for every parameter (float64)', () => {
    const { m, contexts, targets, rows, B } = tiny('f64');
    const ws = createWorkspace(m, B);
    forward(m, ws, contexts, targets, rows, B);
    backward(m, ws, contexts, targets, rows, B);
    const analytic = Float64Array.from(m.grads);
    expect(analytic.length).toBe(parameterCount(m.shape));
    const eps = 1e-5;
    let worst = 0;
    for (let i = 0; i < m.params.length; i++) {
      const p = m.params[i] as number;
      m.params[i] = p + eps;
      const up = forward(m, ws, contexts, targets, rows, B);
      m.params[i] = p - eps;
      const down = forward(m, ws, contexts, targets, rows, B);
      m.params[i] = p;
      const numeric = (up - down) / (2 * eps);
      const a = analytic[i] as number;
      const err = Math.abs(a - numeric) / Math.max(1e-6, Math.abs(a) + Math.abs(numeric));
      worst = Math.max(worst, Math.abs(a - numeric) < 1e-9 ? 0 : err);
    }
    expect(worst).toBeLessThan(1e-6);
    // The gradient is not trivially zero: every parameter block gets signal.
    for (const g of [m.dC, m.dW1, m.db1, m.dW2, m.db2]) expect(Math.max(...Array.from(g, Math.abs))).toBeGreaterThan(1e-4);
  });

  it('float32 training buffers agree with the float64 gradient', () => {
    const a = tiny('f64');
    const b = tiny('f32');
    const wa = createWorkspace(a.m, 6);
    const wb = createWorkspace(b.m, 6);
    const la = forward(a.m, wa, a.contexts, a.targets, a.rows, 6);
    const lb = forward(b.m, wb, b.contexts, b.targets, b.rows, 6);
    expect(lb).toBeCloseTo(la, 5);
    backward(a.m, wa, a.contexts, a.targets, a.rows, 6);
    backward(b.m, wb, b.contexts, b.targets, b.rows, 6);
    for (let i = 0; i < a.m.grads.length; i++) {
      expect(Math.abs((b.m.grads[i] as number) - (a.m.grads[i] as number))).toBeLessThan(1e-5 + 1e-4 * Math.abs(a.m.grads[i] as number));
    }
  });

  it('starts near the uniform loss ln(V) and gives probabilities that sum to 1', () => {
    const m = initCharMlp({ vocabSize: 30, context: 3, embed: 10, hidden: 64 }, new Rng(1));
    const rng = new Rng(2);
    const n = 100;
    const contexts = Int32Array.from({ length: n * 3 }, () => rng.int(0, 29));
    const targets = Int32Array.from({ length: n }, () => rng.int(0, 29));
    const ws = createWorkspace(m, 32);
    expect(evaluateLoss(m, ws, contexts, targets)).toBeCloseTo(Math.log(30), 1);
    forward(m, ws, contexts, null, Int32Array.from([0, 1, 2]), 3);
    for (let b = 0; b < 3; b++) {
      let s = 0;
      for (let v = 0; v < 30; v++) s += ws.probs[b * 30 + v] as number;
      expect(s).toBeCloseTo(1, 5);
    }
  });

  it('stays finite for huge logits (log-sum-exp)', () => {
    const { m, contexts, targets, rows, B } = tiny('f64');
    for (let i = 0; i < m.W2.length; i++) m.W2[i] = (m.W2[i] as number) * 1e4;
    const ws = createWorkspace(m, B);
    const loss = forward(m, ws, contexts, targets, rows, B);
    expect(Number.isFinite(loss)).toBe(true);
    expect(loss).toBeGreaterThan(0);
  });

  it('a workspace bigger than the batch gives the same loss and gradients (float32, SIMD kernels)', () => {
    const a = tiny('f32');
    const b = tiny('f32');
    const exact = createWorkspace(a.m, a.B);
    const roomy = createWorkspace(b.m, 64);
    // Leftovers from a bigger batch must not leak into a smaller one.
    const big = Int32Array.from({ length: 40 }, (_, i) => i % 6);
    forward(b.m, roomy, b.contexts, b.targets, big, 40);
    backward(b.m, roomy, b.contexts, b.targets, big, 40);
    expect(forward(b.m, roomy, b.contexts, b.targets, b.rows, b.B)).toBe(forward(a.m, exact, a.contexts, a.targets, a.rows, a.B));
    backward(a.m, exact, a.contexts, a.targets, a.rows, a.B);
    backward(b.m, roomy, b.contexts, b.targets, b.rows, b.B);
    expect(Array.from(b.m.grads)).toEqual(Array.from(a.m.grads));
  });
});
