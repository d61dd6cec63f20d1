import { describe, expect, it } from 'vitest';
import { userErrorCode as codeOf } from '../../error-code.js';
import { boundaryChartConfig, cellColour, checkBoundaryData } from '../../../src/render/charts/boundary-chart.js';
import type { DecisionBoundaryData } from '../../../src/render/types.js';


function data(): DecisionBoundaryData {
  const xs = [-1, 0, 1];
  const ys = [-1, 1];
  return {
    grid: { xs, ys, classes: [0, 0, 1, 0, 1, 1], probabilities: [0, 0.4, 0.6, 0.5, 0.9, 1] },
    points: [
      { x: -0.5, y: 0, label: 0, split: 'train' },
      { x: 0.5, y: 0.5, label: 1, split: 'train' },
      { x: 0.7, y: -0.2, label: 1, split: 'test' },
    ],
    classes: ['no', 'yes'],
  };
}

describe('boundaryChartConfig', () => {
  it('draws train points as circles and test points as triangles, per class', () => {
    const cfg = boundaryChartConfig(data(), 'en');
    const byLabel = Object.fromEntries(cfg.data.datasets.map((d) => [d.label, d]));
    expect(Object.keys(byLabel)).toEqual(['no (train)', 'yes (train)', 'yes (test)']);
    expect(byLabel['yes (train)']!.pointStyle).toBe('circle');
    expect(byLabel['yes (test)']!.pointStyle).toBe('triangle');
    expect(byLabel['yes (test)']!.data).toEqual([{ x: 0.7, y: -0.2 }]);
    expect(cfg.options!.scales!.x!.min).toBe(-1);
    expect(cfg.options!.scales!.y!.max).toBe(1);
    expect(cfg.plugins).toHaveLength(1);
  });

  it('shades two classes by probability: white at 0.5, strongest at 0 and 1', () => {
    const d = data();
    expect(cellColour(d, 3)).toBe('rgb(255,255,255)');
    expect(cellColour(d, 0)).not.toBe(cellColour(d, 5));
    expect(cellColour(d, 1)).not.toBe(cellColour(d, 0));
  });

  it('rejects grids of the wrong shape and unknown classes', () => {
    const d = data();
    expect(codeOf(() => checkBoundaryData({ ...d, grid: { ...d.grid, classes: [0, 1] } }))).toBe('render.grid_shape');
    expect(codeOf(() => checkBoundaryData({ ...d, grid: { ...d.grid, xs: [1, 0, -1] } }))).toBe('render.grid_axis');
    expect(codeOf(() => checkBoundaryData({ ...d, points: [{ x: 0, y: 0, label: 2, split: 'train' }] }))).toBe('render.bad_class_index');
    expect(codeOf(() => checkBoundaryData({ ...d, classes: [] }))).toBe('render.bad_classes');
  });
});
