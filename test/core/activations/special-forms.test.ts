/** The parts of RReLU, PReLU and bipolar ReLU that a plain f(x) cannot express. */
import { describe, expect, it } from 'vitest';
import { bipolarRelu, bipolarReluDerivative, getActivation } from '../../../src/core/activations/index.js';

const central = (g: (t: number) => number, t: number, h = 1e-6) => (g(t + h) - g(t - h)) / (2 * h);

describe('rrelu', () => {
  it('uses the mean of [1/8, 1/3] at inference, as PyTorch', () => {
    const a = getActivation('rrelu');
    expect(a.randomSlope).toEqual({ lower: 1 / 8, upper: 1 / 3 });
    const mean = (a.randomSlope!.lower + a.randomSlope!.upper) / 2;
    expect(a.params['slope']).toBeCloseTo(mean, 15);
    expect(a.f(-2)).toBeCloseTo(-2 * mean, 15);
    expect(a.df(-2)).toBeCloseTo(mean, 15);
  });
});

describe('prelu', () => {
  const p = getActivation('prelu');
  const ls = p.learnableSlope!;
  it('starts at slope 0.25 and f, df use it', () => {
    expect(ls.init).toBe(0.25);
    expect(p.f(-4)).toBe(-1);
    expect(p.df(-4)).toBe(0.25);
  });
  it('fa, dfa and dda agree with finite differences in x and in a', () => {
    for (const a of [-0.5, 0, 0.1, 0.25, 2]) {
      for (const x of [-3, -0.7, 0.4, 5]) {
        expect(ls.fa(x, a)).toBe(x > 0 ? x : a * x);
        expect(ls.dfa(x, a)).toBeCloseTo(central((t) => ls.fa(t, a), x), 8);
        expect(ls.dda(x, a)).toBeCloseTo(central((s) => ls.fa(x, s), a), 8);
      }
    }
  });
  it('at the kink: ∂f/∂x = a and ∂f/∂a = 0, as PyTorch', () => {
    expect(ls.dfa(0, 0.3)).toBe(0.3);
    expect(ls.dda(0, 0.3)).toBe(0);
  });
});

describe('bipolarRelu', () => {
  it('is ReLU for even neurons and −ReLU(−x) for odd ones', () => {
    for (const x of [-2.5, -0.1, 0, 0.1, 3]) {
      expect(bipolarRelu(x, 0)).toBe(Math.max(0, x));
      expect(bipolarRelu(x, 4)).toBe(Math.max(0, x));
      expect(bipolarRelu(x, 1)).toEqual(Math.min(0, x));
      expect(bipolarRelu(x, 7) + 0).toBe(-Math.max(0, -x) + 0); // +0 folds −0 into 0
    }
  });
  it('has derivatives matching finite differences, 0 at the kink', () => {
    for (const i of [0, 1, 2, 3]) {
      for (const x of [-2, -0.3, 0.3, 2]) {
        expect(bipolarReluDerivative(x, i)).toBeCloseTo(central((t) => bipolarRelu(t, i), x), 8);
      }
      expect(bipolarReluDerivative(0, i)).toBe(0);
    }
  });
  it('the registry entry is the even form', () => {
    const a = getActivation('bipolar_relu');
    for (const x of [-1, 0, 2]) expect(a.f(x)).toBe(bipolarRelu(x, 0));
  });
  it('a layer of alternating neurons is zero-centred on symmetric inputs', () => {
    const xs = [-2, -1, -0.5, 0.5, 1, 2];
    let sum = 0;
    for (let i = 0; i < 2; i++) for (const x of xs) sum += bipolarRelu(x, i);
    expect(sum).toBe(0);
  });
});
