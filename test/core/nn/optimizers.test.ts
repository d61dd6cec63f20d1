import { describe, expect, it } from 'vitest';
import { createOptimizer, type Param } from '../../../src/core/nn/optimizers.js';

function param(values: number[], grads: number[], decay = true): Param {
  return { name: 'p', value: Float64Array.from(values), grad: Float64Array.from(grads), decay };
}

describe('optimizers', () => {
  it('SGD: w ← w − lr·g, with L2 decay only on decayed parameters', () => {
    const w = param([1, -2], [0.5, 0.25]);
    const b = param([1], [0.5], false);
    const opt = createOptimizer('sgd', [w, b], { lr: 0.1, weightDecay: 0.01 });
    opt.step();
    // w: 1 − 0.1·(0.5 + 0.01·1) = 0.949;  −2 − 0.1·(0.25 + 0.01·(−2)) = −2.023;  bias: no decay.
    expect(w.value[0]).toBeCloseTo(0.949, 15);
    expect(w.value[1]).toBeCloseTo(-2.023, 15);
    expect(b.value[0]).toBeCloseTo(0.95, 15);
  });

  it('momentum: v ← μv + g, w ← w − lr·v (two steps)', () => {
    const w = param([1], [2]);
    const opt = createOptimizer('momentum', [w], { lr: 0.1, momentum: 0.9 });
    opt.step(); // v = 2, w = 1 − 0.2 = 0.8
    expect(w.value[0]).toBeCloseTo(0.8, 15);
    w.grad[0] = 1;
    opt.step(); // v = 0.9·2 + 1 = 2.8, w = 0.8 − 0.28 = 0.52
    expect(w.value[0]).toBeCloseTo(0.52, 15);
  });

  it('Adam: the first step moves every weight by ≈ lr·sign(g), whatever the gradient scale', () => {
    const w = param([0, 0, 0, 0], [1e-3, -5, 1e4, -0.2]);
    const opt = createOptimizer('adam', [w], { lr: 0.01 });
    opt.step();
    const moved = Array.from(w.value);
    const expected = [-0.01, 0.01, -0.01, 0.01];
    // Only ε = 1e-8 keeps it from being exact: |g|/(|g| + ε) is 1 − 1e-5 for g = 1e-3.
    moved.forEach((v, i) => expect(v).toBeCloseTo(expected[i] as number, 6));
  });

  it('Adam: the second step follows the bias-corrected formula', () => {
    const w = param([1], [0.5]);
    const lr = 0.1;
    const opt = createOptimizer('adam', [w], { lr, beta1: 0.9, beta2: 0.999, eps: 1e-8 });
    opt.step();
    w.grad[0] = -1;
    opt.step();
    // By hand: m1 = 0.05, v1 = 0.00025; w1 = 1 − lr·(0.05/0.1)/(√(0.00025/0.001) + ε) ≈ 0.9.
    const w1 = 1 - (lr * 0.5) / (0.5 + 1e-8);
    // m2 = 0.9·0.05 − 0.1 = −0.055, v2 = 0.999·0.00025 + 0.001 = 0.00124975.
    const m2 = -0.055;
    const v2 = 0.999 * 0.00025 + 0.001;
    const mHat = m2 / (1 - 0.9 ** 2);
    const vHat = v2 / (1 - 0.999 ** 2);
    const expected = w1 - (lr * mHat) / (Math.sqrt(vHat) + 1e-8);
    expect(w.value[0]).toBeCloseTo(expected, 12);
  });

  it('rejects a bad learning rate, momentum or name with a UserInputError', () => {
    const p = [param([1], [1])];
    expect(() => createOptimizer('sgd', p, { lr: 0 })).toThrow(expect.objectContaining({ code: 'nn.bad_number' }));
    expect(() => createOptimizer('sgd', p, { lr: NaN })).toThrow(/learning rate/);
    expect(() => createOptimizer('momentum', p, { lr: 0.1, momentum: 1 })).toThrow(/momentum/);
    expect(() => createOptimizer('rmsprop' as 'sgd', p, { lr: 0.1 })).toThrow(expect.objectContaining({ code: 'nn.bad_optimizer' }));
  });

  it('AdamW (decoupled weight decay): w ← w·(1 − lr·λ) − lr·m̂/(√v̂ + ε), the gradient left alone', () => {
    const lr = 0.1;
    const wd = 0.5;
    const decoupled = param([2, -1], [0.5, 0]);
    const opt = createOptimizer('adam', [decoupled], { lr, weightDecay: wd, decoupledWeightDecay: true });
    opt.step();
    // First step: m̂ = g, v̂ = g², so the Adam part is lr·g/(|g| + ε); for g = 0 it is 0.
    expect(decoupled.value[0]).toBeCloseTo(2 * (1 - lr * wd) - (lr * 0.5) / (0.5 + 1e-8), 12);
    expect(decoupled.value[1]).toBeCloseTo(-1 * (1 - lr * wd), 12);
    decoupled.grad[0] = -1;
    decoupled.grad[1] = 0;
    const w0 = decoupled.value[0] as number;
    opt.step();
    const m2 = 0.9 * 0.05 - 0.1;
    const v2 = 0.999 * 0.00025 + 0.001;
    const adamPart = (lr * (m2 / (1 - 0.9 ** 2))) / (Math.sqrt(v2 / (1 - 0.999 ** 2)) + 1e-8);
    expect(decoupled.value[0]).toBeCloseTo(w0 * (1 - lr * wd) - adamPart, 12);
    // L2 (the default) instead feeds λw into m and v: with g = 0 the weight still moves by ≈ lr.
    const l2 = param([-1], [0]);
    createOptimizer('adam', [l2], { lr, weightDecay: wd }).step();
    expect(l2.value[0]).toBeCloseTo(-1 + lr, 6);
  });

  it('decoupled weight decay is an Adam option only', () => {
    expect(() => createOptimizer('sgd', [param([1], [1])], { lr: 0.1, decoupledWeightDecay: true })).toThrow(/adam/);
  });
});
