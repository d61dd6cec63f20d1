import { describe, expect, it } from 'vitest';
import { randomSplit, stratifiedSplit } from '../../src/training/split.js';

const fractions = { validation: 0.15, test: 0.15 };

function countsOf(labels: number[], idx: number[], k: number): number[] {
  const c = new Array<number>(k).fill(0);
  for (const i of idx) c[labels[i] as number]!++;
  return c;
}

describe('splits', () => {
  // 3 unbalanced classes: 60, 30, 10 rows, interleaved.
  const labels = Array.from({ length: 100 }, (_, i) => (i % 10 === 0 ? 2 : i % 3 === 0 ? 1 : 0));
  const perClass = countsOf(labels, labels.map((_, i) => i), 3);

  it('keeps every class share in every part (stratified)', () => {
    const s = stratifiedSplit(labels, fractions, 7);
    for (const part of [s.train, s.validation, s.test]) {
      const c = countsOf(labels, part, 3);
      c.forEach((n, k) => {
        const expected = (perClass[k]! * part.length) / labels.length;
        expect(Math.abs(n - expected)).toBeLessThanOrEqual(1.5);
      });
    }
  });

  it('uses every row exactly once', () => {
    const s = stratifiedSplit(labels, fractions, 7);
    const all = [...s.train, ...s.validation, ...s.test].sort((a, b) => a - b);
    expect(all).toEqual(labels.map((_, i) => i));
    const r = randomSplit(50, fractions, 1);
    expect([...r.train, ...r.validation, ...r.test].sort((a, b) => a - b)).toEqual([...Array(50).keys()]);
    expect(r.test.length).toBe(8); // round(50 × 0.15)
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(stratifiedSplit(labels, fractions, 7)).toEqual(stratifiedSplit(labels, fractions, 7));
    expect(stratifiedSplit(labels, fractions, 7).test).not.toEqual(stratifiedSplit(labels, fractions, 8).test);
    expect(randomSplit(40, fractions, 'a')).toEqual(randomSplit(40, fractions, 'a'));
  });

  it('always leaves at least one row of each class for training', () => {
    const s = stratifiedSplit([0, 0, 0, 1, 1], { validation: 0.4, test: 0.4 }, 3);
    expect(countsOf([0, 0, 0, 1, 1], s.train, 2).every((n) => n >= 1)).toBe(true);
  });
});
