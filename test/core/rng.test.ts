import { describe, expect, it } from 'vitest';
import { Rng, seedFrom } from '../../src/core/rng.js';

describe('Rng', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const xa = Array.from({ length: 5 }, () => a.next());
    const xb = Array.from({ length: 5 }, () => b.next());
    const xc = Array.from({ length: 5 }, () => c.next());
    expect(xa).toEqual(xb);
    expect(xa).not.toEqual(xc);
  });

  it('treats numeric and string seeds alike', () => {
    expect(new Rng(7).next()).toBe(new Rng('7').next());
  });

  it('draws uniforms in [0, 1) with the right mean and variance', () => {
    const r = new Rng('uniform');
    const n = 100_000;
    let s = 0;
    let s2 = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = r.next();
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
      s += x;
      s2 += x * x;
    }
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(1);
    const mean = s / n;
    expect(mean).toBeCloseTo(0.5, 2);
    expect(s2 / n - mean * mean).toBeCloseTo(1 / 12, 2);
  });

  it('draws normals with mean 0 and std 1', () => {
    const r = new Rng('normal');
    const n = 100_000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const x = r.normal();
      s += x;
      s2 += x * x;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.02);
    expect(Math.sqrt(s2 / n)).toBeCloseTo(1, 1);
    expect(new Rng(1).normal(10, 0)).toBe(10);
  });

  it('int covers both ends and nothing outside', () => {
    const r = new Rng('int');
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(r.int(-2, 2));
    expect([...seen].sort()).toEqual([-1, -2, 0, 1, 2].sort());
    expect(() => r.int(3, 1)).toThrow(RangeError);
  });

  it('shuffle is a permutation and deterministic', () => {
    const a = new Rng(5).shuffle([1, 2, 3, 4, 5, 6, 7, 8]);
    const b = new Rng(5).shuffle([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(a).toEqual(b);
    expect([...a].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(a).not.toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const typed = new Rng(5).shuffle(Int32Array.from([1, 2, 3, 4, 5, 6, 7, 8]));
    expect(Array.from(typed)).toEqual(a);
  });

  it('choice and weightedIndex respect their inputs', () => {
    const r = new Rng('choice');
    expect(['a', 'b', 'c']).toContain(r.choice(['a', 'b', 'c']));
    expect(() => r.choice([])).toThrow(RangeError);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) counts[r.weightedIndex([1, 0, 3])]! += 1;
    expect(counts[1]).toBe(0);
    expect(counts[2]! / counts[0]!).toBeGreaterThan(2.7);
    expect(counts[2]! / counts[0]!).toBeLessThan(3.3);
    expect(() => r.weightedIndex([0, 0])).toThrow(RangeError);
  });

  it('fork gives independent, reproducible streams', () => {
    const a = new Rng(1).fork('split').next();
    const b = new Rng(1).fork('split').next();
    const c = new Rng(1).fork('init').next();
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(seedFrom('chat', 1)).toBe(seedFrom('chat', 1));
    expect(seedFrom('chat', 1)).not.toBe(seedFrom('chat', 2));
  });
});
