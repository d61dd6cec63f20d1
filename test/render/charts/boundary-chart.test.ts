import { createCanvas, loadImage } from 'canvas';
import { describe, expect, it } from 'vitest';
import { userErrorCode as codeOf } from '../../error-code.js';
import { boundaryChartConfig, boundaryLegend, cellColour, checkBoundaryData } from '../../../src/render/charts/boundary-chart.js';
import { renderPicture } from '../../../src/render/render.js';
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

  it('has a legend of class colours and marker shapes that fits above the plot', () => {
    const d = { ...data(), classes: ['no', 'a class name much longer than a legend can hold'] };
    const legend = boundaryLegend(d, 'ru');
    expect(legend.map((i) => [i.text, i.pointStyle])).toEqual([
      ['no', 'rect'],
      ['a class name much longe…', 'rect'],
      ['обучение', 'circle'],
      ['тест', 'triangle'],
    ]);
    expect(boundaryLegend(d, 'en').slice(2).map((i) => i.text)).toEqual(['train', 'test']);
    const cfg = boundaryChartConfig(d, 'ru');
    expect(cfg.options!.plugins!.legend!.position).toBe('top');
    expect(cfg.options!.locale).toBe('ru-RU');
    expect((cfg.options!.scales!.x!.ticks!.callback as (v: number) => string)(-0.5)).toBe('−0,5');
  });

  it('draws nothing into the right edge: a long Russian legend is not cut off there', async () => {
    const xs = [0, 1, 2, 3];
    const d: DecisionBoundaryData = {
      grid: { xs, ys: xs, classes: Array.from({ length: 16 }, (_, i) => i % 3) },
      points: [0, 1, 2].flatMap((label) => [{ x: label, y: 1, label, split: 'train' as const }, { x: label + 0.5, y: 2, label, split: 'test' as const }]),
      classes: ['Iris-setosa', 'Iris-versicolor', 'Iris-virginica'],
    };
    const png = await renderPicture({ kind: 'boundary', data: d, lang: 'ru', width: 600, height: 450 });
    const img = await loadImage(Buffer.from(png));
    const ctx = createCanvas(img.width, img.height).getContext('2d');
    ctx.drawImage(img, 0, 0);
    const edge = ctx.getImageData(img.width - 4, 0, 4, img.height).data;
    let inked = 0;
    for (let i = 0; i < edge.length; i += 4) if (edge[i]! < 200 || edge[i + 1]! < 200 || edge[i + 2]! < 200) inked++;
    expect(inked).toBe(0);
  });

  it('rejects grids of the wrong shape and unknown classes', () => {
    const d = data();
    expect(codeOf(() => checkBoundaryData({ ...d, grid: { ...d.grid, classes: [0, 1] } }))).toBe('render.grid_shape');
    expect(codeOf(() => checkBoundaryData({ ...d, grid: { ...d.grid, xs: [1, 0, -1] } }))).toBe('render.grid_axis');
    expect(codeOf(() => checkBoundaryData({ ...d, points: [{ x: 0, y: 0, label: 2, split: 'train' }] }))).toBe('render.bad_class_index');
    expect(codeOf(() => checkBoundaryData({ ...d, classes: [] }))).toBe('render.bad_classes');
  });
});
