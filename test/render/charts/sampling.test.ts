import { describe, expect, it } from 'vitest';
import { breakJumps, evaluateAt, isIsolated, niceRange, robustYRange, sampleXs } from '../../../src/render/charts/sampling.js';

describe('sampleXs', () => {
  it('covers the range with at least 400 increasing samples and includes the kinks', () => {
    const xs = sampleXs(-5, 5, undefined, [0, 1.2345]);
    expect(xs.length).toBeGreaterThanOrEqual(400);
    expect(xs[0]).toBe(-5);
    expect(xs[xs.length - 1]).toBe(5);
    for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThan(xs[i - 1]!);
    expect(xs).toContain(1.2345);
    expect(xs.some((x) => x > 1.2345 && x < 1.2346)).toBe(true);
  });
});

describe('evaluateAt', () => {
  it('turns throws, NaN and infinities into gaps', () => {
    const pts = evaluateAt([-1, 0, 1, 2], (x) => {
      if (x === 2) throw new Error('undefined here');
      return Math.log(x);
    });
    expect(pts.map((p) => p.y)).toEqual([null, null, 0, null]);
  });
});

describe('breakJumps', () => {
  it('inserts a gap at a step and nowhere else', () => {
    const xs = sampleXs(-1, 1, 41, [0]);
    const out = breakJumps(evaluateAt(xs, (x) => (x >= 0 ? 1 : 0)));
    const gaps = out.filter((p) => p.y === null);
    expect(gaps).toHaveLength(1);
    expect(Math.abs(gaps[0]!.x)).toBeLessThan(1e-6);
    // No drawn segment rises by the size of the step: the jump is not a vertical line.
    for (let i = 1; i < out.length; i++) {
      const a = out[i - 1]!.y;
      const b = out[i]!.y;
      if (a !== null && b !== null) expect(Math.abs(b - a)).toBeLessThan(0.5);
    }
  });

  it('breaks a jump split in two by a sample on it, leaving that sample isolated', () => {
    // max(x, 0)' by backprop: 0 left of 0, 0.5 at 0 (the max gate splits a tie), 1 right.
    const xs = [-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3];
    const out = breakJumps(evaluateAt(xs, (x) => (x > 0 ? 1 : x === 0 ? 0.5 : 0)));
    expect(out.map((p) => p.y)).toEqual([0, 0, 0, null, 0.5, null, 1, 1, 1]);
    expect(isIsolated(out, 4)).toBe(true);
    expect(isIsolated(out, 2)).toBe(false);
  });

  it('leaves smooth curves and corners unbroken', () => {
    const xs = sampleXs(-5, 5, 401, [0]);
    for (const f of [Math.tanh, (x: number) => x ** 3 - 2 * x, (x: number) => Math.max(0, x), Math.exp]) {
      expect(breakJumps(evaluateAt(xs, f)).some((p) => p.y === null)).toBe(false);
    }
  });

  it('breaks an asymptote that crosses the whole view', () => {
    const xs = sampleXs(-5, 5, 400);
    const pts = evaluateAt(xs, (x) => 1 / x);
    const range = robustYRange(pts.map((p) => p.y ?? NaN));
    const out = breakJumps(pts, range);
    const gap = out.find((p) => p.y === null);
    expect(gap?.y).toBeNull();
    expect(Math.abs(gap!.x)).toBeLessThan(0.05);
  });
});

describe('robustYRange', () => {
  it('fits all values of a tame curve, with a margin', () => {
    const [lo, hi] = robustYRange([0, 1, 2, 3, 4, 5]);
    expect(lo).toBeLessThan(0);
    expect(hi).toBeGreaterThan(5);
    expect(hi).toBeLessThan(6);
  });

  it('ignores a single spike that would flatten the curve', () => {
    const ys = Array.from({ length: 400 }, (_, i) => Math.sin(i / 20));
    ys[200] = 1e6;
    const [lo, hi] = robustYRange(ys);
    expect(hi).toBeLessThan(2);
    expect(lo).toBeGreaterThan(-2);
  });

  it('gives a flat curve a visible range', () => {
    const [lo, hi] = robustYRange([3, 3, 3]);
    expect(lo).toBeLessThan(3);
    expect(hi).toBeGreaterThan(3);
  });
});

describe('niceRange', () => {
  it('widens to round tick values', () => {
    expect(niceRange(-0.4, 5.4)).toEqual([-1, 6]);
    const [lo, hi] = niceRange(0.013, 0.241);
    expect(lo).toBeLessThanOrEqual(0.013);
    expect(hi).toBeGreaterThanOrEqual(0.241);
    expect(hi - lo).toBeLessThan(0.5);
  });
});
