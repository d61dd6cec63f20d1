import { describe, expect, it } from 'vitest';
import { ACTIVATION_IDS, getActivation } from '../../../src/core/activations/index.js';
import { Rng } from '../../../src/core/rng.js';
import { topologicalOrder, Value } from '../../../src/core/scalar/value.js';
import { centralDiff, close } from './finite-diff.js';

/** Checks d op / d inputs from backward() against central differences of the op's own forward. */
function checkGradient(op: (xs: Value[]) => Value, x: number[]): void {
  const vars = x.map((v, i) => new Value(v, `x${i}`));
  const out = op(vars);
  out.backward();
  const f = (p: number[]) => op(p.map((v) => new Value(v))).data;
  vars.forEach((v, i) => {
    const numeric = centralDiff(f, x, i);
    if (!close(v.grad, numeric, 1e-5, 1e-6)) {
      throw new Error(`d/dx${i} at [${x.join(', ')}]: backward ${v.grad}, finite differences ${numeric}`);
    }
  });
}

type Sampler = (rng: Rng) => number[];

const anywhere: Sampler = (rng) => [rng.uniform(-3, 3)];
const positive: Sampler = (rng) => [rng.uniform(0.2, 4)];
const awayFromZero: Sampler = (rng) => [rng.uniform(0.1, 3) * (rng.next() < 0.5 ? -1 : 1)];
const pair: Sampler = (rng) => [rng.uniform(-3, 3), rng.uniform(-3, 3)];
/** Two numbers at least 0.1 apart, so max/min are away from the tie. */
const distinctPair: Sampler = (rng) => {
  const a = rng.uniform(-3, 3);
  return [a, a + rng.uniform(0.1, 2) * (rng.next() < 0.5 ? -1 : 1)];
};

const OPS: Array<[string, (v: Value[]) => Value, Sampler]> = [
  ['add', ([a, b]) => a!.add(b!), pair],
  ['sub', ([a, b]) => a!.sub(b!), pair],
  ['mul', ([a, b]) => a!.mul(b!), pair],
  ['div', ([a, b]) => a!.div(b!), (rng) => [rng.uniform(-3, 3), ...awayFromZero(rng)]],
  ['neg', ([a]) => a!.neg(), anywhere],
  ['pow number 3', ([a]) => a!.pow(3), anywhere],
  ['pow number -1', ([a]) => a!.pow(-1), awayFromZero],
  ['pow number 0.5', ([a]) => a!.pow(0.5), positive],
  ['pow Value', ([a, b]) => a!.pow(b!), (rng) => [...positive(rng), rng.uniform(-2, 2)]],
  ['exp', ([a]) => a!.exp(), anywhere],
  ['log', ([a]) => a!.log(), positive],
  ['sqrt', ([a]) => a!.sqrt(), positive],
  ['abs', ([a]) => a!.abs(), awayFromZero],
  ['max', ([a, b]) => a!.max(b!), distinctPair],
  ['min', ([a, b]) => a!.min(b!), distinctPair],
  ['sin', ([a]) => a!.sin(), anywhere],
  ['cos', ([a]) => a!.cos(), anywhere],
  ['number operands', ([a]) => a!.mul(2).add(3).sub(1).div(4), anywhere],
];

describe('Value ops: backward agrees with central finite differences', () => {
  for (const [name, op, sample] of OPS) {
    it(name, () => {
      const rng = new Rng(`scalar-op:${name}`);
      for (let i = 0; i < 20; i++) checkGradient(op, sample(rng));
    });
  }

  it('every registry activation, away from its kinks', () => {
    const rng = new Rng('scalar-activations');
    for (const id of ACTIVATION_IDS) {
      const kinks = getActivation(id).kinks;
      for (let i = 0; i < 12; i++) {
        let x = rng.uniform(-4, 4);
        while (kinks.some((k) => Math.abs(x - k) < 1e-2)) x = rng.uniform(-4, 4);
        checkGradient(([a]) => a!.activation(id), [x]);
      }
    }
  });

  it('activations use the registry f and df, and accept aliases', () => {
    const act = getActivation('sigmoid');
    const y = new Value(0.7).activation('sigmoid');
    expect(y.data).toBe(act.f(0.7));
    expect(y.op).toBe('sigmoid');
    const s = new Value(0.7).activation('swish');
    expect(s.op).toBe('silu');
    expect(() => new Value(1).activation('no_such_thing')).toThrow(expect.objectContaining({ name: 'UserInputError' }));
  });
});

describe('the lecture example f(x, w0, w1) = 1 + exp(w0 + w1*x), node by node', () => {
  it('has the forward values and gradients of every node', () => {
    const [x0, w00, w10] = [-1, 1, 2];
    const x = new Value(x0, 'x');
    const w0 = new Value(w00, 'w0');
    const w1 = new Value(w10, 'w1');
    const prod = w1.mul(x);
    const sum = w0.add(prod);
    const ex = sum.exp();
    const f = Value.from(1).add(ex);
    f.backward();

    const e = Math.exp(w00 + w10 * x0);
    expect(prod.data).toBe(w10 * x0);
    expect(sum.data).toBe(w00 + w10 * x0);
    expect(ex.data).toBeCloseTo(e, 15);
    expect(f.data).toBeCloseTo(1 + e, 15);
    // upstream to downstream: the add gate passes 1 to exp; exp multiplies by e^(w0 + w1 x) ...
    expect(f.grad).toBe(1);
    expect(ex.grad).toBe(1);
    expect(sum.grad).toBeCloseTo(e, 15);
    expect(w0.grad).toBeCloseTo(e, 15);
    expect(prod.grad).toBeCloseTo(e, 15);
    // ... and the mul gate swaps the multipliers
    expect(w1.grad).toBeCloseTo(x0 * e, 15);
    expect(x.grad).toBeCloseTo(w10 * e, 15);
    expect(f.inputs[0]!.op).toBe('const');
    expect(f.inputs[0]!.grad).toBe(1);
  });
});

describe('kinks follow PyTorch', () => {
  it("relu'(0) = 0 and leaky_relu'(0) = the registry's slope", () => {
    const r = new Value(0, 'x');
    r.relu().backward();
    expect(r.grad).toBe(0);
    const l = new Value(0, 'x');
    l.activation('leaky_relu').backward();
    expect(l.grad).toBe(getActivation('leaky_relu').df(0));
  });

  it("abs'(0) = 0", () => {
    const x = new Value(0, 'x');
    x.abs().backward();
    expect(x.grad).toBe(0);
  });

  it('max and min split a tie 0.5 / 0.5 like torch.maximum / torch.minimum', () => {
    for (const op of ['max', 'min'] as const) {
      const a = new Value(2, 'a');
      const b = new Value(2, 'b');
      a[op](b).mul(3).backward();
      expect([a.grad, b.grad]).toEqual([1.5, 1.5]);
    }
    const a = new Value(3, 'a');
    const b = new Value(2, 'b');
    a.max(b).backward();
    expect([a.grad, b.grad]).toEqual([1, 0]);
  });

  it('pow with a Value exponent: d/db a^b is a^b ln a for a > 0, 0 at a = 0 with b > 0, NaN for a < 0', () => {
    const cases: Array<[number, number, number]> = [
      [2, 3, 8 * Math.log(2)],
      [0, 2, 0],
      [-2, 2, NaN],
    ];
    for (const [a0, b0, expected] of cases) {
      const a = new Value(a0, 'a');
      const b = new Value(b0, 'b');
      a.pow(b).backward();
      if (Number.isNaN(expected)) expect(b.grad).toBeNaN();
      else expect(b.grad).toBeCloseTo(expected, 12);
      expect(a.grad).toBeCloseTo(b0 * Math.pow(a0, b0 - 1), 12);
    }
  });

  it('a number exponent is a parameter, not an input: x^2 at x = -3 has a finite gradient', () => {
    const x = new Value(-3, 'x');
    const y = x.pow(2);
    y.backward();
    expect(y.inputs).toEqual([x]);
    expect(y.param).toBe(2);
    expect(x.grad).toBe(-6);
  });

  it('x^y at x = 0, y = 0 has the gradients PyTorch gives (0 and 0), not NaN', () => {
    const x = new Value(0, 'x');
    const y = new Value(0, 'y');
    const f = x.pow(y);
    f.backward();
    expect(f.data).toBe(1);
    expect([x.grad, y.grad]).toEqual([0, 0]);
  });
});

describe('backward()', () => {
  it('gives the same gradients when called twice (karpathy/micrograd#102)', () => {
    const x = new Value(1.5, 'x');
    const y = new Value(-0.5, 'y');
    const f = x.mul(y).add(x.exp()).tanh();
    f.backward();
    const first = [x.grad, y.grad];
    f.backward();
    expect([x.grad, y.grad]).toEqual(first);
    expect(first[0]).not.toBe(0);
  });

  it('accumulates into reused nodes (the copy gate)', () => {
    const x = new Value(3, 'x');
    x.mul(x).backward(); // d/dx x^2 = 2x
    expect(x.grad).toBe(6);
    x.add(x).backward();
    expect(x.grad).toBe(2);
    const y = new Value(-2, 'y');
    const sq = y.mul(y);
    sq.add(sq).add(y).backward(); // 2y^2 + y: 4y + 1
    expect(y.grad).toBe(-7);
    expect(sq.grad).toBe(2);
  });

  it('handles a 100,000-node chain without overflowing the stack', () => {
    const x = new Value(0.5, 'x');
    let v = x;
    for (let i = 0; i < 100_000; i++) v = v.add(1e-6);
    v.backward();
    expect(x.grad).toBe(1);
    expect(v.data).toBeCloseTo(0.5 + 0.1, 6);
    expect(topologicalOrder(v).length).toBe(200_001);
  });

  it('orders inputs before users, output last', () => {
    const a = new Value(1, 'a');
    const b = a.mul(2).add(a);
    const order = topologicalOrder(b);
    expect(order[order.length - 1]).toBe(b);
    const pos = new Map(order.map((v, i) => [v, i]));
    for (const v of order) for (const x of v.inputs) expect(pos.get(x)!).toBeLessThan(pos.get(v)!);
    expect(new Set(order).size).toBe(order.length);
  });
});
