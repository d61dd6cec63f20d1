/**
 * Every registry entry's f and f' against an independent reference (1e-9 relative, 1e-12
 * absolute near zero), against central finite differences, at its kinks, and far out.
 */
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, ACTIVATION_IDS, getActivation } from '../../../src/core/activations/index.js';
import { REFERENCES } from './references.js';

function agrees(actual: number, expected: number): boolean {
  const err = Math.abs(actual - expected);
  return err <= 1e-9 * Math.abs(expected) || err <= 1e-12;
}

/** −12…12 in steps of 1/16 (exact binary fractions, so 0, ±1, ±2, ±3, 6 are hit exactly) plus far points. */
const GRID: number[] = [];
for (let k = -192; k <= 192; k++) GRID.push(k / 16);
GRID.push(1e-9, -1e-9, 1e-5, -1e-5, 0.3, -0.3, 20, -20, 35, -35, 50, -50, 100, -100, 300, -300);

const isKink = (id: string, x: number) => getActivation(id).kinks.includes(x);

describe('reference values', () => {
  it('covers every id with a reference', () => {
    expect(Object.keys(REFERENCES).sort()).toEqual([...ACTIVATION_IDS].sort());
  });

  it.each(ACTIVATIONS.map((a) => [a.id, a] as const))('%s: f and f\' match the textbook formulas', (id, a) => {
    const ref = REFERENCES[id]!;
    let checked = 0;
    for (const x of GRID) {
      if (!ref.domain(x) || isKink(id, x)) continue;
      checked++;
      if (!agrees(a.f(x), ref.f(x))) expect.fail(`${id}: f(${x}) = ${a.f(x)}, reference ${ref.f(x)}`);
      if (!agrees(a.df(x), ref.df(x))) expect.fail(`${id}: f'(${x}) = ${a.df(x)}, reference ${ref.df(x)}`);
    }
    expect(checked).toBeGreaterThan(150);
  });

  it.each(ACTIVATIONS.map((a) => [a.id, a] as const))('%s: f\' matches central finite differences away from kinks', (id, a) => {
    for (const x of GRID) {
      if (Math.abs(x) > 50 || a.kinks.some((k) => Math.abs(x - k) < 1e-3)) continue;
      const h = 1e-6 * Math.max(1, Math.abs(x));
      const fd = (a.f(x + h) - a.f(x - h)) / (2 * h);
      if (Math.abs(fd - a.df(x)) > 1e-6 * Math.max(1, Math.abs(a.df(x)))) {
        expect.fail(`${id}: f'(${x}) = ${a.df(x)}, finite difference ${fd}`);
      }
    }
  });

  it('GELU matches high-precision values in the left tail (mpmath)', () => {
    const gelu = getActivation('gelu');
    const table: [number, number, number][] = [
      [-5, -1.4332578593959696e-6, -7.1469460017922946e-6],
      [-10, -7.6198530241605261e-23, -7.6184000964648141e-22],
      [-20, -5.5072482372124674e-88, -1.1014360483133464e-86],
      [-37, -2.1184613523340934e-298, -7.8382986694185162e-297],
    ];
    for (const [x, f, df] of table) {
      expect(Math.abs(gelu.f(x) - f)).toBeLessThanOrEqual(1e-12 * Math.abs(f));
      expect(Math.abs(gelu.df(x) - df)).toBeLessThanOrEqual(1e-12 * Math.abs(df));
    }
  });
});

describe('kinks follow PyTorch', () => {
  const SELU_L = 1.0507009873554804934193349852946;
  const SELU_A = 1.6732632423543772848170429916717;
  const cases: [string, number, number][] = [
    ['relu', 0, 0],
    ['leaky_relu', 0, 0.01],
    ['rrelu', 0, 11 / 48],
    ['prelu', 0, 0.25],
    ['bipolar_relu', 0, 0],
    ['relu6', 0, 0],
    ['relu6', 6, 0],
    ['hardtanh', -1, 0],
    ['hardtanh', 1, 0],
    ['hardsigmoid', -3, 0],
    ['hardsigmoid', 3, 0],
    ['binary_step', 0, 0],
    ['elu', 0, 1],
    ['selu', 0, SELU_L * SELU_A],
  ];
  it.each(cases)("%s'(%s) = %s", (id, x, expected) => {
    expect(getActivation(id).df(x)).toBeCloseTo(expected, 15);
  });

  it('binary step: f(0) = 1 and f\' = 0 everywhere', () => {
    const s = getActivation('binary_step');
    expect(s.f(0)).toBe(1);
    expect(s.f(-1e-300)).toBe(0);
    for (const x of [-1e6, -1, -1e-9, 0, 1e-9, 1, 1e6]) expect(s.df(x)).toBe(0);
  });

  it.each(ACTIVATIONS.map((a) => [a.id, a] as const))('%s: each listed kink is real, and smooth ⇔ no kinks', (id, a) => {
    expect(a.properties.smooth).toBe(a.kinks.length === 0);
    for (const k of a.kinks) {
      const jumpF = Math.abs(a.f(k + 1e-9) - a.f(k - 1e-9)) > 1e-6;
      const jumpDf = Math.abs(a.df(k + 1e-9) - a.df(k - 1e-9)) > 1e-6;
      expect(jumpF || jumpDf, `${id} at ${k}`).toBe(true);
    }
    // where no kink is listed, f' is continuous (probe both sides of every grid point)
    for (const x of GRID) {
      if (Math.abs(x) > 50 || a.kinks.some((k) => Math.abs(x - k) < 1e-3)) continue;
      expect(Math.abs(a.df(x + 1e-9) - a.df(x - 1e-9)), `${id} near ${x}`).toBeLessThan(1e-6);
    }
  });
});

describe('numerical stability', () => {
  const FAR = [1e4, -1e4, 1e6, -1e6, 1e300, -1e300, 800, -800, Infinity, -Infinity];
  it.each(ACTIVATIONS.map((a) => [a.id, a] as const))('%s: no NaN far out, finite for finite x', (id, a) => {
    for (const x of FAR) {
      const f = a.f(x);
      const df = a.df(x);
      expect(Number.isNaN(f), `${id}.f(${x})`).toBe(false);
      expect(Number.isNaN(df), `${id}.df(${x})`).toBe(false);
      if (Number.isFinite(x)) {
        expect(Number.isFinite(f), `${id}.f(${x})`).toBe(true);
        expect(Number.isFinite(df), `${id}.df(${x})`).toBe(true);
      }
    }
  });

  it('sigmoid is exact in both tails', () => {
    const s = getActivation('sigmoid');
    expect(s.f(-700)).toBeGreaterThan(0);
    expect(Math.abs(s.f(-700) / Math.exp(-700) - 1)).toBeLessThan(1e-12);
    expect(s.f(-740)).toBeGreaterThan(0); // still a (subnormal) positive number
    expect(s.f(-800)).toBe(0); // e^-800 ≈ 3.7e-348 is below the smallest double: 0, not NaN
    expect(s.f(800)).toBe(1);
    // σ'(40) = e^-40/(1 + e^-40)², which 1 − σ(40) would round to 0
    expect(Math.abs(s.df(40) / Math.exp(-40) - 1)).toBeLessThan(1e-12);
    expect(Math.abs(s.df(-40) / Math.exp(-40) - 1)).toBeLessThan(1e-12);
  });

  it('softplus is exact at large |x|', () => {
    const sp = getActivation('softplus');
    expect(sp.f(1e4)).toBe(1e4);
    expect(sp.f(800)).toBe(800);
    expect(Math.abs(sp.f(-40) / Math.exp(-40) - 1)).toBeLessThan(1e-12);
    expect(sp.f(-1e4)).toBe(0);
    expect(sp.df(1e4)).toBe(1);
  });

  it('tanh\'s derivative keeps its digits where 1 − tanh² would be 0', () => {
    const t = getActivation('tanh');
    expect(Math.abs(t.df(30) / (4 * Math.exp(-60)) - 1)).toBeLessThan(1e-12);
    expect(t.f(1e4)).toBe(1);
  });

  it('unbounded functions grow linearly and smooth gates vanish on the left', () => {
    for (const id of ['gelu', 'silu', 'mish', 'softplus', 'elu', 'isrlu', 'relu']) {
      expect(getActivation(id).f(1e4), id).toBe(1e4);
    }
    for (const id of ['gelu', 'silu', 'mish']) {
      const a = getActivation(id);
      expect(Math.abs(a.f(-1e4)), id).toBe(0);
      expect(Math.abs(a.df(-1e4)), id).toBe(0);
      expect(a.df(1e4), id).toBe(1);
    }
    expect(getActivation('selu').f(-1e4)).toBeCloseTo(-1.0507009873554805 * 1.6732632423543772, 14);
    expect(getActivation('isru').f(1e300)).toBe(1);
    expect(getActivation('softsign').f(-Infinity)).toBe(-1);
  });
});
