import { describe, expect, it } from 'vitest';
import { isUserInputError } from '../../../src/core/errors.js';
import { exportGraph, parseExpression } from '../../../src/core/scalar/index.js';
import type { GraphExport } from '../../../src/core/scalar/graph-types.js';
import { formatNumber, layoutGraph, nodeText, type GraphLayout } from '../../../src/render/graph/layout.js';

/** x*w + b by hand, as the core would export it. */
const SMALL: GraphExport = {
  nodes: [
    { id: 0, op: 'var', label: 'x', value: 2, grad: -3, inputs: [] },
    { id: 1, op: 'var', label: 'w', value: -3, grad: 2, inputs: [] },
    { id: 2, op: 'mul', value: -6, grad: 1, inputs: [0, 1] },
    { id: 3, op: 'var', label: 'b', value: 1, grad: 1, inputs: [] },
    { id: 4, op: 'add', value: -5, grad: 1, inputs: [2, 3] },
  ],
  output: 4,
};

function graphOf(src: string, values: Record<string, number>): GraphExport {
  const { output } = parseExpression(src).build(values);
  output.backward();
  return exportGraph(output);
}

type Rect = { l: number; r: number; t: number; b: number };
const overlap = (a: Rect, b: Rect) => a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b;
const boxes = (layout: GraphLayout): Rect[] => layout.nodes.map((n) => ({ l: n.x - n.w / 2, r: n.x + n.w / 2, t: n.y - n.h / 2, b: n.y + n.h / 2 }));
/** Where a node's value (above) and gradient (below) labels go: along its trunk. */
const labelAreas = (layout: GraphLayout): Rect[] =>
  layout.nodes.map((n) => ({ l: n.x + n.w / 2 + 1, r: n.trunkEnd, t: n.y - layout.metrics.labelFont * 1.3, b: n.y + layout.metrics.labelFont * 1.3 }));

function expectReadable(graph: GraphExport): GraphLayout {
  const layout = layoutGraph(graph);
  const bs = boxes(layout);
  const ls = labelAreas(layout);
  for (let i = 0; i < bs.length; i++) {
    const b = bs[i]!;
    expect(b.l).toBeGreaterThanOrEqual(0);
    expect(b.t).toBeGreaterThanOrEqual(0);
    expect(b.r).toBeLessThanOrEqual(layout.width);
    expect(b.b).toBeLessThanOrEqual(layout.height);
    for (let j = 0; j < bs.length; j++) {
      if (i === j) continue;
      expect(overlap(b, bs[j]!), `boxes ${i} and ${j} overlap`).toBe(false);
      expect(overlap(b, ls[j]!), `box ${i} covers the labels of ${j}`).toBe(false);
      if (j > i) expect(overlap(ls[i]!, ls[j]!), `labels of ${i} and ${j} overlap`).toBe(false);
    }
  }
  // Edges run left to right: every input is in an earlier column than its user.
  for (const e of layout.edges) {
    expect(layout.nodes[e.from]!.layer).toBeLessThan(layout.nodes[e.to]!.layer);
    for (let k = 1; k < e.points.length; k++) expect(e.points[k]!.x).toBeGreaterThan(e.points[k - 1]!.x);
  }
  return layout;
}

describe('layoutGraph', () => {
  it('lays out x*w + b in layers, inputs before their op', () => {
    const layout = expectReadable(SMALL);
    const layer = layout.nodes.map((n) => n.layer);
    expect(layer).toEqual([0, 0, 1, 1, 2]);
    expect(layout.edges).toHaveLength(4);
    expect(layout.nodes.map((n) => n.text)).toEqual(['x', 'w', '×', 'b', '+']);
    // Operand order is kept top to bottom: x above w.
    expect(layout.nodes[0]!.y).toBeLessThan(layout.nodes[1]!.y);
    expect(layout.crossings).toBe(0);
  });

  it('has no overlaps for the lecture neuron and for graphs of about 30 nodes', () => {
    const neuron = expectReadable(graphOf('1 / (1 + exp(-(w0*x0 + w1*x1 + w2)))', { w0: 2, x0: -1, w1: -3, x1: -2, w2: -3 }));
    // A tree (each value used once) is drawn without a single edge crossing.
    expect(neuron.crossings).toBe(0);
    const big = graphOf('tanh(a*b + c*d - e*f) * sigmoid(g*h + a) + relu(b - c*d) / (1 + exp(-(e + f*g))) + log(1 + h*h)', {
      a: 1, b: -2, c: 0.5, d: 3, e: -1, f: 2, g: 0.1, h: -0.7,
    });
    expect(big.nodes.length).toBeGreaterThanOrEqual(28);
    expectReadable(big);
  });

  it('routes edges that skip columns around the boxes between', () => {
    const g = graphOf('x + exp(exp(exp(x)))', { x: 0.1 });
    const layout = expectReadable(g);
    const long = layout.edges.find((e) => layout.nodes[e.to]!.layer - layout.nodes[e.from]!.layer > 1)!;
    expect(long.points.length).toBeGreaterThan(2);
    const bs = boxes(layout);
    for (const p of long.points.slice(1, -1)) for (const b of bs) expect(p.x > b.l && p.x < b.r && p.y > b.t && p.y < b.b).toBe(false);
  });

  it('draws a variable used twice as one box with two edges', () => {
    const layout = expectReadable(graphOf('x*x', { x: 3 }));
    expect(layout.nodes).toHaveLength(2);
    expect(layout.edges.map((e) => [e.from, e.to, e.slot])).toEqual([[0, 1, 0], [0, 1, 1]]);
  });

  it('rejects graphs it cannot draw', () => {
    const code = (g: GraphExport) => {
      try {
        layoutGraph(g);
      } catch (e) {
        return isUserInputError(e) ? e.code : 'other';
      }
      return 'none';
    };
    expect(code({ nodes: [], output: 0 })).toBe('render.graph_empty');
    expect(code({ nodes: [{ id: 0, op: 'add', value: 0, grad: 0, inputs: [0, 0] }], output: 0 })).toBe('render.graph_bad_node');
    const many: GraphExport = { nodes: Array.from({ length: 61 }, (_, i) => ({ id: i, op: i ? 'neg' : 'var', value: 0, grad: 0, inputs: i ? [i - 1] : [] })), output: 60 };
    expect(code(many)).toBe('render.graph_too_large');
  });
});

describe('labels', () => {
  it('formats numbers short and with a real minus sign', () => {
    expect(formatNumber(-0.19661193324148185)).toBe('−0.1966');
    expect(formatNumber(2)).toBe('2');
    expect(formatNumber(123456789)).toBe('1.23e+8');
    expect(formatNumber(Number.NaN)).toBe('NaN');
  });

  it('shows op symbols, variable names, constants and exponents', () => {
    expect(nodeText({ id: 0, op: 'mul', value: 0, grad: 0, inputs: [] })).toBe('×');
    expect(nodeText({ id: 0, op: 'var', label: 'w1', value: 0, grad: 0, inputs: [] })).toBe('w1');
    expect(nodeText({ id: 0, op: 'const', value: 0.5, grad: 0, inputs: [] })).toBe('0.5');
    expect(nodeText({ id: 0, op: 'pow', param: 2, value: 0, grad: 0, inputs: [] })).toBe('^2');
    expect(nodeText({ id: 0, op: 'tanh', value: 0, grad: 0, inputs: [] })).toBe('tanh');
  });

  it('writes Russian numbers with a decimal comma, as long as the English ones', () => {
    expect(formatNumber(-0.19661193324148185, 'ru')).toBe('−0,1966');
    expect(formatNumber(-1.5e-7, 'ru')).toBe('−1,50e−7');
    expect(formatNumber(2, 'ru')).toBe('2');
    expect(nodeText({ id: 0, op: 'const', value: 0.5, grad: 0, inputs: [] }, 'ru')).toBe('0,5');
    expect(nodeText({ id: 0, op: 'pow', param: 0.5, value: 0, grad: 0, inputs: [] }, 'ru')).toBe('^0,5');
    for (const v of [-0.1966, 1.368, 123456789, -1.5e-7]) expect(formatNumber(v, 'ru').length).toBe(formatNumber(v).length);
  });
});
