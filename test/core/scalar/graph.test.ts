import { describe, expect, it } from 'vitest';
import { backwardSteps, exportGraph, exportGraphAfterSteps } from '../../../src/core/scalar/graph.js';
import { Value } from '../../../src/core/scalar/value.js';

describe('exportGraph', () => {
  it('lists nodes in topological order with id, op, label, value, grad and inputs', () => {
    const x = new Value(2, 'x');
    const w = new Value(-3, 'w');
    const f = x.mul(w).add(1);
    f.backward();
    const g = exportGraph(f);
    expect(g.output).toBe(g.nodes.length - 1);
    g.nodes.forEach((n, i) => {
      expect(n.id).toBe(i);
      for (const j of n.inputs) expect(j).toBeLessThan(i);
    });
    const byLabel = (l: string) => g.nodes.find((n) => n.label === l)!;
    expect(byLabel('x')).toMatchObject({ op: 'var', value: 2, grad: w.data });
    expect(byLabel('w')).toMatchObject({ op: 'var', value: -3, grad: x.data });
    const out = g.nodes[g.output]!;
    expect(out).toMatchObject({ op: 'add', value: 2 * -3 + 1, grad: 1 });
    expect(g.nodes[out.inputs[0]!]!.op).toBe('mul');
    expect(g.nodes[out.inputs[1]!]).toMatchObject({ op: 'const', value: 1 });
    // plain data: survives JSON unchanged
    expect(JSON.parse(JSON.stringify(g))).toEqual(g);
  });

  it('keeps the exponent of x^k as a node parameter', () => {
    const g = exportGraph(new Value(3, 'x').pow(2));
    expect(g.nodes[g.output]).toMatchObject({ op: 'pow', param: 2, inputs: [0], value: 9 });
  });
});

describe('backwardSteps', () => {
  it('"add" distributes the upstream gradient unchanged', () => {
    const a = new Value(1, 'a');
    const b = new Value(2, 'b');
    const f = a.add(b).mul(5);
    const steps = backwardSteps(f);
    const add = steps.find((s) => s.rule === 'add')!;
    expect(add.upstream).toBe(5);
    expect(add.contributions.map((c) => [c.local, c.added])).toEqual([
      [1, 5],
      [1, 5],
    ]);
  });

  it('"mul" swaps the multipliers', () => {
    const a = new Value(3, 'a');
    const b = new Value(-4, 'b');
    const [step] = backwardSteps(a.mul(b));
    expect(step).toMatchObject({ rule: 'mul', upstream: 1 });
    expect(step!.contributions).toEqual([
      { input: 0, local: -4, added: -4 },
      { input: 1, local: 3, added: 3 },
    ]);
  });

  it('"max" routes the gradient to the larger input', () => {
    const a = new Value(3, 'a');
    const b = new Value(7, 'b');
    const [step] = backwardSteps(a.max(b).mul(2));
    expect(step!.rule).toBe('mul');
    const max = backwardSteps(a.max(b).mul(2))[1]!;
    expect(max.rule).toBe('max');
    expect(max.contributions.map((c) => c.added)).toEqual([0, 2]);
  });

  it('"copy" sums what each use of a node sent back', () => {
    const x = new Value(3, 'x');
    const y = new Value(2, 'y');
    const f = x.mul(x).add(x.mul(y)); // x^2 + xy: df/dx = 2x + y
    const steps = backwardSteps(f);
    const copy = steps.find((s) => s.rule === 'copy')!;
    expect(copy.node).toBe(exportGraph(f).nodes.findIndex((n) => n.label === 'x'));
    expect(copy.upstream).toBe(2 * 3 + 2);
    expect(copy.sum!.length).toBe(3); // x*x uses x twice, x*y once
    expect(copy.sum!.reduce((s, c) => s + c.grad, 0)).toBe(copy.upstream);
    expect(copy.contributions).toEqual([]);
    // y is used once: no copy step for it
    expect(steps.filter((s) => s.rule === 'copy')).toHaveLength(1);
  });

  it('has one step per non-leaf node, output first, and does not touch the Values', () => {
    const x = new Value(0.5, 'x');
    const f = x.mul(2).exp().sub(x.sin());
    const steps = backwardSteps(f).filter((s) => s.rule !== 'copy');
    const g = exportGraph(f);
    expect(steps.map((s) => s.node)).toEqual(
      g.nodes
        .filter((n) => n.inputs.length > 0)
        .map((n) => n.id)
        .reverse(),
    );
    expect(steps.map((s) => s.rule)).toEqual(['sub', 'sin', 'exp', 'mul']);
    expect(x.grad).toBe(0);
  });
});

describe('exportGraphAfterSteps', () => {
  const build = () => {
    const x = new Value(1.2, 'x');
    const w = new Value(-0.7, 'w');
    const b = new Value(0.3, 'b');
    return x.mul(w).add(b).tanh().mul(x);
  };

  it('k = 0 has only the output gradient; all steps give what backward() gives', () => {
    const f = build();
    const start = exportGraphAfterSteps(f, 0);
    expect(start.nodes.map((n) => n.grad)).toEqual(start.nodes.map((n) => (n.id === start.output ? 1 : 0)));
    const steps = backwardSteps(f);
    const end = exportGraphAfterSteps(f, steps.length);
    f.backward();
    expect(end).toEqual(exportGraph(f));
    expect(exportGraphAfterSteps(f, steps.length + 10)).toEqual(end);
  });

  it('progresses monotonically: once a node has its final gradient it keeps it', () => {
    const f = build();
    const n = backwardSteps(f).length;
    const final = exportGraphAfterSteps(f, n).nodes.map((x) => x.grad);
    let done = new Set<number>();
    for (let k = 0; k <= n; k++) {
      const grads = exportGraphAfterSteps(f, k).nodes.map((x) => x.grad);
      const nowDone = new Set(grads.flatMap((g, i) => (g === final[i] ? [i] : [])));
      for (const i of done) expect(nowDone.has(i)).toBe(true);
      expect(nowDone.size).toBeGreaterThanOrEqual(done.size);
      done = nowDone;
    }
    expect(done.size).toBe(final.length);
  });

  it('rejects a negative or fractional k', () => {
    expect(() => exportGraphAfterSteps(build(), -1)).toThrow(RangeError);
    expect(() => exportGraphAfterSteps(build(), 1.5)).toThrow(RangeError);
  });
});
