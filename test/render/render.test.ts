/**
 * One render per picture type (each ~30-130 ms): a valid PNG of the expected size. The pure
 * configurations are tested in ./charts and ./graph; here only that pictures come out.
 */
import { describe, expect, it } from 'vitest';
import { isUserInputError } from '../../src/core/errors.js';
import { backwardSteps, exportGraphAfterSteps, parseExpression } from '../../src/core/scalar/index.js';
import { renderPicture } from '../../src/render/render.js';
import { pngSize } from './png.js';

function neuron() {
  const { output } = parseExpression('1 / (1 + exp(-(w0*x0 + w1*x1 + w2)))').build({ w0: 2, x0: -1, w1: -3, x1: -2, w2: -3 });
  return exportGraphAfterSteps(output, backwardSteps(output).length);
}

describe('renderPicture', () => {
  it('renders an activation chart at 800x450, the same bytes every time', async () => {
    const a = await renderPicture({ kind: 'plot', items: ['relu'], lang: 'ru' });
    expect(pngSize(a)).toEqual({ width: 800, height: 450 });
    const b = await renderPicture({ kind: 'plot', items: ['relu'], lang: 'ru' });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    // A different picture gives different bytes (the comparison above is not vacuous).
    const c = await renderPicture({ kind: 'plot', items: ['relu'], lang: 'en' });
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
  });

  it('renders a comparison of expressions at a requested size', async () => {
    const png = await renderPicture({ kind: 'plot', items: ['gelu', 'x^3 - 2*x'], derivative: false, width: 640, height: 360 });
    expect(pngSize(png)).toEqual({ width: 640, height: 360 });
  });

  it('renders loss curves, a decision boundary and a confusion matrix', async () => {
    const loss = await renderPicture({ kind: 'loss', data: { train: [1, 0.6, 0.4], validation: [1.1, 0.8, 0.7], accuracy: [0.5, 0.7, 0.8] } });
    expect(pngSize(loss)).toEqual({ width: 800, height: 450 });
    const xs = [-1, 0, 1];
    const boundary = await renderPicture({
      kind: 'boundary',
      data: { grid: { xs, ys: xs, classes: [0, 0, 1, 0, 1, 1, 1, 1, 1] }, points: [{ x: 0, y: 0, label: 1, split: 'test' }], classes: ['a', 'b'] },
      width: 600,
      height: 500,
    });
    expect(pngSize(boundary)).toEqual({ width: 600, height: 500 });
    const confusion = await renderPicture({ kind: 'confusion', data: { labels: ['кошка', 'dog'], counts: [[5, 1], [2, 7]] }, lang: 'ru' });
    expect(pngSize(confusion)).toEqual({ width: 700, height: 600 });
  });

  it('renders a computation graph sized to its layout, deterministically', async () => {
    const graph = neuron();
    const a = await renderPicture({ kind: 'graph', graph, options: { highlight: 3, hiddenGrads: [0] } });
    const { width, height } = pngSize(a);
    expect(width).toBeGreaterThan(800);
    expect(height).toBeGreaterThan(300);
    const b = await renderPicture({ kind: 'graph', graph, options: { highlight: 3, hiddenGrads: [0] } });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('draws name tags above chosen nodes; unknown ids are ignored', async () => {
    const graph = neuron();
    const plain = await renderPicture({ kind: 'graph', graph });
    const tagged = await renderPicture({ kind: 'graph', graph, options: { nodeTags: [{ node: graph.output, text: 'f' }, { node: 5, text: 'q' }] } });
    expect(pngSize(tagged)).toEqual(pngSize(plain));
    expect(Buffer.from(tagged).equals(Buffer.from(plain))).toBe(false);
    const unknown = await renderPicture({ kind: 'graph', graph, options: { nodeTags: [{ node: 999, text: 'z' }] } });
    expect(Buffer.from(unknown).equals(Buffer.from(plain))).toBe(true);
  });

  it('draws an anonymous activation chart that differs from the named one', async () => {
    const named = await renderPicture({ kind: 'plot', items: ['tanh'] });
    const anonymous = await renderPicture({ kind: 'plot', items: ['tanh'], anonymous: true });
    expect(pngSize(anonymous)).toEqual({ width: 800, height: 450 });
    expect(Buffer.from(anonymous).equals(Buffer.from(named))).toBe(false);
  });

  it('turns bad sizes and data into UserInputErrors', async () => {
    const codeOf = async (p: Promise<unknown>) => p.then(() => 'none', (e: unknown) => (isUserInputError(e) ? e.code : 'other'));
    expect(await codeOf(renderPicture({ kind: 'plot', items: ['relu'], width: 10_000 }))).toBe('render.bad_size');
    expect(await codeOf(renderPicture({ kind: 'confusion', data: { labels: ['a', 'b'], counts: [[1, 2]] } }))).toBe('render.confusion_shape');
    expect(await codeOf(renderPicture({ kind: 'plot', items: ['nosuchfn'] }))).toBe('activation.unknown');
  });
});
