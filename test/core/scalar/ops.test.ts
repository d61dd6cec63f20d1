/** Each op of the scalar autograd on its own: name, arity, forward value and local derivatives. */
import { describe, expect, it } from 'vitest';
import * as ops from '../../../src/core/scalar/ops.js';

describe('binary ops', () => {
  it('add, sub, mul, div: forward and local derivatives', () => {
    expect([ops.add.name, ops.add.arity, ops.add.forward(2, 3), ops.add.local([2, 3], 5)]).toEqual(['add', 2, 5, [1, 1]]);
    expect([ops.sub.name, ops.sub.arity, ops.sub.forward(2, 3), ops.sub.local([2, 3], -1)]).toEqual(['sub', 2, -1, [1, -1]]);
    expect([ops.mul.name, ops.mul.arity, ops.mul.forward(2, 3), ops.mul.local([2, 3], 6)]).toEqual(['mul', 2, 6, [3, 2]]);
    expect([ops.div.name, ops.div.arity, ops.div.forward(3, 2), ops.div.local([3, 2], 1.5)]).toEqual(['div', 2, 1.5, [0.5, -0.75]]);
    expect(ops.div.local([-3, 4], -0.75)).toEqual([0.25, 3 / 16]);
  });

  it('a missing input is a RangeError, and a forward without inputs is NaN', () => {
    expect(() => ops.mul.local([2], 0)).toThrow(RangeError);
    expect(() => ops.mul.local([2], 0)).toThrow('missing input 1');
    expect(() => ops.div.local([], 0)).toThrow('missing input');
    expect(() => ops.log.local([], 0)).toThrow('missing input 0');
    for (const op of [ops.add, ops.sub, ops.mul, ops.div, ops.pow, ops.max, ops.min]) {
      expect(op.forward(), op.name).toBeNaN();
      expect(op.forward(1), op.name).toBeNaN();
    }
    for (const op of [ops.neg, ops.exp, ops.log, ops.sqrt, ops.abs, ops.sin, ops.cos, ops.powConst(2)]) expect(op.forward(), op.name).toBeNaN();
  });

  it('max and min route to one input, split a tie, and give NaN for NaN inputs', () => {
    expect([ops.max.name, ops.max.arity, ops.max.forward(1, 4)]).toEqual(['max', 2, 4]);
    expect(ops.max.local([5, 2], 5)).toEqual([1, 0]);
    expect(ops.max.local([2, 5], 5)).toEqual([0, 1]);
    expect(ops.max.local([3, 3], 3)).toEqual([0.5, 0.5]);
    expect(ops.max.local([NaN, 3], NaN)).toEqual([NaN, NaN]);
    expect([ops.min.name, ops.min.arity, ops.min.forward(1, 4)]).toEqual(['min', 2, 1]);
    expect(ops.min.local([2, 5], 2)).toEqual([1, 0]);
    expect(ops.min.local([5, 2], 2)).toEqual([0, 1]);
    expect(ops.min.local([3, 3], 3)).toEqual([0.5, 0.5]);
    expect(ops.min.local([3, NaN], NaN)).toEqual([NaN, NaN]);
  });

  it('pow with a Value exponent: b·a^(b−1) and a^b·ln a, with the PyTorch special cases', () => {
    expect([ops.pow.name, ops.pow.arity, ops.pow.forward(2, 3)]).toEqual(['pow', 2, 8]);
    expect(ops.pow.local([2, 3], 8)).toEqual([12, 8 * Math.log(2)]);
    expect(ops.pow.local([5, 0], 1)).toEqual([0, Math.log(5)]);
    expect(ops.pow.local([0, 2], 0)).toEqual([0, 0]);
    expect(ops.pow.local([0, 0], 1)).toEqual([0, 0]);
    expect(ops.pow.local([0, -1], Infinity)[1]).toBeNaN();
    const [dA, dB] = ops.pow.local([-2, 2], 4);
    expect(dA).toBe(-4);
    expect(dB).toBeNaN();
  });
});

describe('unary ops', () => {
  it('neg, exp, log, sqrt, abs, sin, cos', () => {
    expect([ops.neg.name, ops.neg.arity, ops.neg.forward(2), ops.neg.local([2], -2)]).toEqual(['neg', 1, -2, [-1]]);
    expect([ops.exp.name, ops.exp.arity, ops.exp.forward(0), ops.exp.local([1], 7)]).toEqual(['exp', 1, 1, [7]]);
    expect([ops.log.name, ops.log.arity, ops.log.forward(Math.E), ops.log.local([4], 0)]).toEqual(['log', 1, 1, [0.25]]);
    expect([ops.sqrt.name, ops.sqrt.arity, ops.sqrt.forward(9), ops.sqrt.local([9], 3)]).toEqual(['sqrt', 1, 3, [1 / 6]]);
    expect([ops.abs.name, ops.abs.arity, ops.abs.forward(-2)]).toEqual(['abs', 1, 2]);
    expect([ops.abs.local([-2], 2), ops.abs.local([3], 3), ops.abs.local([0], 0)]).toEqual([[-1], [1], [0]]);
    expect([ops.sin.name, ops.sin.arity, ops.sin.forward(0), ops.sin.local([0], 0)]).toEqual(['sin', 1, 0, [1]]);
    expect(ops.sin.local([Math.PI], 0)[0]).toBeCloseTo(-1, 15);
    expect([ops.cos.name, ops.cos.arity, ops.cos.forward(0)]).toEqual(['cos', 1, 1]);
    expect(ops.cos.local([Math.PI / 2], 0)[0]).toBeCloseTo(-1, 15);
    expect(ops.cos.local([-Math.PI / 2], 0)[0]).toBeCloseTo(1, 15);
  });

  it('powConst(k): x^k with k·x^(k−1), k = 0 flat; one spec per k', () => {
    const cube = ops.powConst(3);
    expect([cube.name, cube.arity, cube.forward(2), cube.local([2], 8)]).toEqual(['pow', 1, 8, [12]]);
    expect(ops.powConst(3)).toBe(cube);
    expect(ops.powConst(2)).not.toBe(cube);
    expect(ops.powConst(-1).local([2], 0.5)).toEqual([-0.25]);
    expect(ops.powConst(0).local([0], 1)).toEqual([0]);
    expect(ops.powConst(0).forward(5)).toBe(1);
  });

  it("activationOp: the registry's f and f', named by id, one spec per id", () => {
    const act = { id: 'double_it', f: (x: number) => 2 * x, df: () => 2 };
    const spec = ops.activationOp(act);
    expect([spec.name, spec.arity, spec.forward(3), spec.local([3], 6)]).toEqual(['double_it', 1, 6, [2]]);
    expect(ops.activationOp({ ...act, f: () => 0 })).toBe(spec);
    expect(ops.activationOp({ id: 'halve_it', f: (x: number) => x / 2, df: () => 0.5 }).forward(3)).toBe(1.5);
    expect(() => spec.local([], 0)).toThrow(RangeError);
  });
});
