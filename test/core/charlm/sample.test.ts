import { describe, expect, it } from 'vitest';
import { initCharMlp } from '../../../src/core/charlm/model.js';
import { adjustDistribution, sampleTokens } from '../../../src/core/charlm/sample.js';
import { Rng } from '../../../src/core/rng.js';

const entropy = (p: ArrayLike<number>) => Array.from(p).reduce((s, x) => (x > 0 ? s - x * Math.log(x) : s), 0);

describe('adjustDistribution', () => {
  const probs = [0.5, 0.25, 0.15, 0.1];

  it('temperature 1 leaves the distribution as it is', () => {
    const q = adjustDistribution(probs, 1);
    probs.forEach((p, i) => expect(q[i]).toBeCloseTo(p, 12));
  });

  it('low temperature sharpens, high temperature flattens (softmax(logits / T))', () => {
    const cold = adjustDistribution(probs, 0.1);
    const hot = adjustDistribution(probs, 2);
    expect(entropy(cold)).toBeLessThan(entropy(probs));
    expect(entropy(hot)).toBeGreaterThan(entropy(probs));
    expect(cold[0]).toBeGreaterThan(0.99);
    // Same as softmax(log p / T), computed independently.
    const logits = probs.map((p) => Math.log(p) / 2);
    const z = logits.reduce((s, l) => s + Math.exp(l), 0);
    logits.forEach((l, i) => expect(hot[i]).toBeCloseTo(Math.exp(l) / z, 12));
  });

  it('top-k keeps exactly the k most likely tokens, renormalised', () => {
    const q = adjustDistribution(probs, 1, 2);
    expect(Array.from(q)).toEqual([expect.closeTo(0.5 / 0.75, 12), expect.closeTo(0.25 / 0.75, 12), 0, 0]);
    expect(Array.from(adjustDistribution(probs, 1, 0))).toEqual(Array.from(adjustDistribution(probs, 1)));
  });

  it('does not underflow to an all-zero row at low temperature', () => {
    const q = adjustDistribution([1e-20, 2e-20, 1e-25], 0.1);
    // Relative sizes survive: (p_i / p_max)^(1/T) = 0.5^10 for the first entry.
    const w = [0.5 ** 10, 1, 0.5e-5 ** 10];
    const z = w.reduce((s, x) => s + x, 0);
    w.forEach((x, i) => expect(q[i]).toBeCloseTo(x / z, 12));
  });
});

describe('sampleTokens', () => {
  const m = initCharMlp({ vocabSize: 6, context: 3, embed: 4, hidden: 8 }, new Rng(3));

  it('is deterministic for a seed and respects maxLength', () => {
    const a = Array.from({ length: 20 }, (_, i) => sampleTokens(m, new Rng(`s${i}`), { temperature: 1, maxLength: 5 }));
    const b = Array.from({ length: 20 }, (_, i) => sampleTokens(m, new Rng(`s${i}`), { temperature: 1, maxLength: 5 }));
    expect(a).toEqual(b);
    for (const t of a) {
      expect(t.length).toBeLessThanOrEqual(5);
      expect(t).not.toContain(0);
    }
    expect(new Set(a.map((t) => t.join(','))).size).toBeGreaterThan(1);
  });

  it('top-k 1 is greedy: every seed draws the same name', () => {
    const names = Array.from({ length: 5 }, (_, i) => sampleTokens(m, new Rng(i), { temperature: 1, topK: 1, maxLength: 8 }).join(','));
    expect(new Set(names).size).toBe(1);
  });
});
