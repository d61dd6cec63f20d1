/** The yes/no properties and ranges of every entry, spot-checked numerically against f and f'. */
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, ACTIVATION_IDS } from '../../../src/core/activations/index.js';

const FINE: number[] = [];
for (let x = -20; x <= 20; x += 0.01) FINE.push(x);
const WIDE = [...FINE, -1e6, -1e4, -1e3, -100, 100, 1e3, 1e4, 1e6];

const entries = ACTIVATIONS.map((a) => [a.id, a] as const);

describe('registry contents', () => {
  it('has exactly the lecture\'s ids, in order', () => {
    expect(ACTIVATION_IDS).toEqual([
      'identity', 'sigmoid', 'tanh', 'arctan', 'relu', 'leaky_relu', 'rrelu', 'prelu', 'binary_step', 'elu', 'selu',
      'softsign', 'isru', 'isrlu', 'sqnl', 'bipolar_relu', 'softplus', 'gelu', 'silu', 'mish', 'hardtanh',
      'hardsigmoid', 'relu6',
    ]);
  });

  it.each(entries)('%s: has texts in both languages', (id, a) => {
    expect(a.id).toMatch(/^[a-z][a-z0-9_]*$/);
    for (const t of [a.name, a.notes]) {
      expect(t.en.length, id).toBeGreaterThan(3);
      expect(t.ru.length, id).toBeGreaterThan(3);
    }
    expect(a.notes.ru).toMatch(/[а-яё]/i);
    expect(a.notes.en).not.toMatch(/[а-яё]/i);
    for (const f of [a.formula, a.derivative]) {
      expect(f.text).toMatch(/=/);
      // formulas are shown in both languages as they are, so they hold no English words
      expect(f.text).not.toMatch(/\b(if|else|otherwise|for|when|and|or|at|in)\b/);
      expect(f.latex).toMatch(/=/);
    }
    for (const alias of a.aliases) expect(alias).toBe(alias.toLowerCase());
    expect(a.range.length).toBeGreaterThan(2);
  });
});

describe('properties agree with the function', () => {
  it.each(entries)('%s: monotonic', (id, a) => {
    let decreases = false;
    for (let i = 1; i < FINE.length; i++) if (a.f(FINE[i]!) < a.f(FINE[i - 1]!) - 1e-15) decreases = true;
    expect(decreases, id).toBe(!a.properties.monotonic);
  });

  it.each(entries)('%s: bounded, and range bounds hold and are tight', (id, a) => {
    const values = WIDE.map((x) => a.f(x));
    const [lo, hi] = a.rangeBounds;
    for (const v of values) {
      expect(v, id).toBeGreaterThanOrEqual(lo - 1e-12);
      expect(v, id).toBeLessThanOrEqual(hi + 1e-12);
    }
    const maxAbs = Math.max(...values.map(Math.abs));
    if (a.properties.bounded) {
      expect(Number.isFinite(lo) && Number.isFinite(hi)).toBe(true);
      expect(maxAbs).toBeLessThanOrEqual(Math.max(Math.abs(lo), Math.abs(hi)) + 1e-12);
    } else {
      expect(maxAbs).toBeGreaterThanOrEqual(1e5);
    }
    // tight: the function comes within 1e-6 of each finite bound
    if (Number.isFinite(lo)) expect(Math.min(...values) - lo).toBeLessThan(1e-6);
    if (Number.isFinite(hi)) expect(hi - Math.max(...values)).toBeLessThan(1e-6);
    // The text names an interval (or, for a step, the set of its values): brackets around two ends.
    expect(a.range).toMatch(/^[([{].*,.*[)\]}]$/);
  });

  it.each(entries)('%s: zero-centred', (id, a) => {
    const values = WIDE.map((x) => a.f(x));
    const zc = a.f(0) === 0 && values.some((v) => v < 0) && values.some((v) => v > 0);
    expect(zc, id).toBe(a.properties.zeroCentred);
  });

  it.each(entries)('%s: saturating, side by side', (id, a) => {
    const left = Math.abs(a.df(-1e5)) < 1e-6;
    const right = Math.abs(a.df(1e5)) < 1e-6;
    expect(a.properties.saturation).toEqual({ left, right });
    expect(a.properties.saturating).toBe(left || right);
  });

  it('matches the lecture\'s headline facts', () => {
    const p = (id: string) => ACTIVATIONS.find((a) => a.id === id)!.properties;
    expect(p('sigmoid')).toMatchObject({ zeroCentred: false, saturating: true, bounded: true });
    expect(p('tanh')).toMatchObject({ zeroCentred: true, saturating: true });
    expect(p('relu').saturation).toEqual({ left: true, right: false }); // no saturation for x > 0
    expect(p('leaky_relu').saturating).toBe(false); // cannot die
    expect(p('elu')).toMatchObject({ smooth: true, zeroCentred: true });
    for (const id of ['gelu', 'silu', 'mish']) expect(p(id)).toMatchObject({ smooth: true, monotonic: false });
  });
});
