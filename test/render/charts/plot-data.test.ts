import { describe, expect, it } from 'vitest';
import { userErrorCode as codeOf } from '../../error-code.js';
import { ACTIVATIONS, getActivation } from '../../../src/core/activations/index.js';
import { isUserInputError } from '../../../src/core/errors.js';
import { parseExpression } from '../../../src/core/scalar/index.js';
import {
  buildPlotData,
  loadExpressionParser,
  loadPlotData,
  needsExpressionParser,
  splitItems,
  type PlotRequestOptions,
} from '../../../src/render/charts/plot-data.js';

/** buildPlotData with the expression parser at hand (the renderer loads it lazily). */
const build = (items: string[], options: PlotRequestOptions = {}) => buildPlotData(items, { parse: parseExpression, ...options });

/** The UserInputError code thrown by fn (fails the test if it does not throw one). */

describe('splitItems', () => {
  it('splits on top-level commas only', () => {
    expect(splitItems('relu, max(x, 0),gelu')).toEqual(['relu', 'max(x, 0)', 'gelu']);
    expect(splitItems('x^3 - 2*x')).toEqual(['x^3 - 2*x']);
    expect(splitItems('min(max(x, -1), 1),tanh')).toEqual(['min(max(x, -1), 1)', 'tanh']);
  });
});

describe('buildPlotData: activations', () => {
  it.each(ACTIVATIONS.map((a) => a.id))('%s: sampled f and f′ equal the registry at each x', (id) => {
    const act = getActivation(id);
    const data = buildPlotData([id]);
    const f = data.series.find((s) => s.kind === 'f')!;
    const df = data.series.find((s) => s.kind === 'df')!;
    const fPts = f.points.filter((p) => p.y !== null);
    expect(fPts.length).toBeGreaterThanOrEqual(400);
    for (const p of fPts) expect(p.y).toBe(act.f(p.x));
    for (const p of df.points) if (p.y !== null) expect(p.y).toBe(act.df(p.x));
    // Every kink inside the range is sampled exactly.
    for (const k of act.kinks) if (k > -5 && k < 5) expect(fPts.some((p) => p.x === k)).toBe(true);
  });

  it('draws jumps as gaps, never as vertical lines', () => {
    for (const [id, kind] of [
      ['binary_step', 'f'],
      ['relu', 'df'],
      ['hardtanh', 'df'],
    ] as const) {
      const s = buildPlotData([id]).series.find((x) => x.kind === kind)!;
      expect(s.points.some((p) => p.y === null)).toBe(true);
      for (let i = 1; i < s.points.length; i++) {
        const a = s.points[i - 1]!.y;
        const b = s.points[i]!.y;
        if (a !== null && b !== null) expect(Math.abs(b - a), `${id} ${kind} near x=${s.points[i]!.x}`).toBeLessThan(0.1);
      }
    }
  });

  it('keeps smooth functions in one piece and shows the whole shape', () => {
    const data = buildPlotData(['sigmoid']);
    for (const s of data.series) expect(s.points.every((p) => p.y !== null)).toBe(true);
    expect(data.yRange[0]).toBeLessThanOrEqual(0);
    expect(data.yRange[1]).toBeGreaterThanOrEqual(1);
  });

  it('honours the range and the derivative switch', () => {
    const data = buildPlotData(['relu', 'gelu', 'silu'], { from: -2, to: 3, derivative: false });
    expect(data.series.map((s) => s.kind)).toEqual(['f', 'f', 'f']);
    for (const s of data.series) {
      expect(s.points[0]!.x).toBe(-2);
      expect(s.points[s.points.length - 1]!.x).toBe(3);
    }
  });
});

describe('buildPlotData: expressions', () => {
  it('takes f′ from the autograd, matching central finite differences', () => {
    for (const src of ['x^3 - 2*x', 'sigmoid(x)*(1-sigmoid(x))', 'exp(-x^2) * sin(3*x)']) {
      const data = build([src], { from: -3, to: 3 });
      const f = data.functions[0]!;
      const df = data.series.find((s) => s.kind === 'df')!;
      const h = 1e-5;
      for (const p of df.points.filter((_, i) => i % 37 === 0)) {
        const numeric = (f.f(p.x + h) - f.f(p.x - h)) / (2 * h);
        expect(p.y).toBeCloseTo(numeric, 5);
      }
    }
  });

  it('computes x^3 - 2x and its derivative 3x^2 - 2', () => {
    const data = build(['x^3 - 2*x'], { from: -2, to: 2 });
    const f = data.series[0]!.points;
    const df = data.series[1]!.points;
    for (const i of [0, 100, 250, 400]) {
      const x = f[i]!.x;
      expect(f[i]!.y).toBeCloseTo(x ** 3 - 2 * x, 12);
      expect(df[i]!.y).toBeCloseTo(3 * x * x - 2, 9);
    }
  });

  it('leaves gaps where the expression is undefined instead of failing', () => {
    const s = build(['log(x)']).series;
    for (const series of s) {
      for (const p of series.points) if (p.x <= 0) expect(p.y).toBeNull();
      expect(series.points.some((p) => p.x > 0 && p.y !== null)).toBe(true);
    }
  });
});

describe('buildPlotData: limits', () => {
  it('rejects bad requests with specific UserInputErrors', () => {
    expect(codeOf(() => build(['rleu']))).toBe('activation.unknown');
    expect(codeOf(() => build([]))).toBe('render.no_functions');
    expect(codeOf(() => build(Array.from({ length: 10_000 }, () => 'relu')))).toBe('render.too_many_functions');
    expect(codeOf(() => build(['relu'], { from: 3, to: 3 }))).toBe('render.range_empty');
    expect(codeOf(() => build(['relu'], { from: 5, to: -5 }))).toBe('render.range_empty');
    expect(codeOf(() => build(['relu'], { from: -1001, to: 0 }))).toBe('render.range_too_wide');
    expect(codeOf(() => build(['relu'], { from: Number.NaN, to: 0 }))).toBe('render.range_not_finite');
    expect(codeOf(() => build(['x*y']))).toBe('render.expression_variables');
    expect(codeOf(() => build(['x+'.repeat(150) + 'x']))).toBe('render.expression_too_long');
    expect(codeOf(() => build(['relu', ' ']))).toBe('render.empty_item');
    expect(codeOf(() => build(['log(x)'], { from: -5, to: -1 }))).toBe('render.nothing_defined');
  });

  it('accepts the widest allowed range', () => {
    const data = build(['tanh'], { from: -1000, to: 1000 });
    expect(data.from).toBe(-1000);
    expect(data.to).toBe(1000);
  });

  it('suggests the closest activation names', () => {
    let caught: unknown;
    try {
      build(['rleu']);
    } catch (e) {
      caught = e;
    }
    expect(isUserInputError(caught)).toBe(true);
    if (isUserInputError(caught)) {
      expect(caught.render('en')).toContain('relu');
      expect(caught.render('ru')).toContain('relu');
    }
  });
});

describe('the expression parser is loaded only for expressions', () => {
  it('tells activation items from expressions', () => {
    expect(needsExpressionParser(['relu', ' Sigmoid ', 'swish'])).toBe(false);
    expect(needsExpressionParser(['relu', 'x^2'])).toBe(true);
  });

  it('draws activations without a parser; an expression without one is a caller bug, not a student error', () => {
    expect(buildPlotData(['relu', 'tanh']).functions).toHaveLength(2);
    let caught: unknown;
    try {
      buildPlotData(['x^2']);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(Error);
    expect(isUserInputError(caught)).toBe(false);
  });

  it('loadPlotData loads the core parser on demand and gives the same curves', async () => {
    expect(await loadExpressionParser()).toBe(parseExpression);
    const lazy = await loadPlotData(['x^3 - 2*x', 'relu'], { from: -2, to: 2 });
    const eager = build(['x^3 - 2*x', 'relu'], { from: -2, to: 2 });
    expect(lazy.series.map((s) => s.points)).toEqual(eager.series.map((s) => s.points));
  });
});

describe('anonymous plots ("which function is this?")', () => {
  it('keep the curves but label every function f, g, h... instead of its id', () => {
    const named = buildPlotData(['gelu', 'tanh']);
    const anon = buildPlotData(['gelu', 'tanh'], { anonymous: true });
    expect(anon.anonymous).toBe(true);
    expect(anon.functions.map((f) => f.label)).toEqual(['f', 'g']);
    expect(anon.series.map((s) => s.label)).toEqual(['f', 'f′', 'g', 'g′']);
    expect(anon.series.map((s) => s.points)).toEqual(named.series.map((s) => s.points));
    expect(named.anonymous).toBe(false);
  });
});
