/**
 * The operations of the scalar autograd, one object each: the forward value and the local
 * derivatives side by side, so the formula you read in the comment is the code below it.
 *
 * A local derivative is ∂out/∂input for ONE node, ignoring the rest of the graph. The chain
 * rule in `Value.backward()` multiplies it by the upstream gradient (∂L/∂out) and adds the
 * result into the input's gradient.
 */

/** One operation: how to compute the output and its local derivatives from the inputs. */
export interface OpSpec {
  /** The op name shown in graphs (`add`, `mul`, `exp`, an activation id...). */
  readonly name: string;
  /** Number of inputs. */
  readonly arity: 1 | 2;
  /** The forward value. */
  forward(...args: number[]): number;
  /**
   * Local derivatives ∂out/∂args[i], one per input, from the input values and the output
   * (passing `out` lets exp, tanh, sqrt... reuse the forward value, as micrograd does).
   */
  local(args: readonly number[], out: number): number[];
}

/** Reads input i (a helper so the ops below stay one-liners under noUncheckedIndexedAccess). */
function at(args: readonly number[], i: number): number {
  const v = args[i];
  if (v === undefined) throw new RangeError(`missing input ${i}`);
  return v;
}

/** a + b */
export const add: OpSpec = {
  name: 'add',
  arity: 2,
  forward: (a = NaN, b = NaN) => a + b,
  // d/da (a + b) = 1,  d/db (a + b) = 1: the add gate hands the gradient to both inputs
  local: () => [1, 1],
};

/** a - b */
export const sub: OpSpec = {
  name: 'sub',
  arity: 2,
  forward: (a = NaN, b = NaN) => a - b,
  // d/da (a - b) = 1,  d/db (a - b) = -1
  local: () => [1, -1],
};

/** a * b */
export const mul: OpSpec = {
  name: 'mul',
  arity: 2,
  forward: (a = NaN, b = NaN) => a * b,
  // d/da (a * b) = b,  d/db (a * b) = a: the mul gate swaps the multipliers
  local: (x) => [at(x, 1), at(x, 0)],
};

/** a / b */
export const div: OpSpec = {
  name: 'div',
  arity: 2,
  forward: (a = NaN, b = NaN) => a / b,
  // d/da (a / b) = 1 / b,  d/db (a / b) = -a / b^2
  local: (x) => [1 / at(x, 1), -at(x, 0) / (at(x, 1) * at(x, 1))],
};

/** -a */
export const neg: OpSpec = {
  name: 'neg',
  arity: 1,
  forward: (a = NaN) => -a,
  // d/da (-a) = -1
  local: () => [-1],
};

/**
 * a^b with both a and b in the graph (e.g. `2^x`, `x^y`). For a constant exponent use
 * `powConst(k)`: then the exponent is a parameter of the node, not an input.
 */
export const pow: OpSpec = {
  name: 'pow',
  arity: 2,
  forward: (a = NaN, b = NaN) => Math.pow(a, b),
  // d/da a^b = b * a^(b-1); for b = 0 it is 0 (a^0 = 1 is flat), also at a = 0, like PyTorch
  // d/db a^b = a^b * ln(a), defined for a > 0; at a = 0 with b >= 0 PyTorch uses 0; else NaN
  local: (x, out) => {
    const a = at(x, 0);
    const b = at(x, 1);
    const dA = b === 0 ? 0 : b * Math.pow(a, b - 1);
    const dB = a > 0 ? out * Math.log(a) : a === 0 && b >= 0 ? 0 : NaN;
    return [dA, dB];
  },
};

const powConstCache = new Map<number, OpSpec>();

/** a^k for a fixed number k (x^2, x^0.5...): one input, the exponent is a node parameter. */
export function powConst(k: number): OpSpec {
  let spec = powConstCache.get(k);
  if (!spec) {
    spec = {
      name: 'pow',
      arity: 1,
      forward: (a = NaN) => Math.pow(a, k),
      // d/da a^k = k * a^(k-1)
      local: (x) => [k === 0 ? 0 : k * Math.pow(at(x, 0), k - 1)],
    };
    powConstCache.set(k, spec);
  }
  return spec;
}

/** e^a */
export const exp: OpSpec = {
  name: 'exp',
  arity: 1,
  forward: (a = NaN) => Math.exp(a),
  // d/da e^a = e^a (the output itself)
  local: (_x, out) => [out],
};

/** ln(a), the natural logarithm */
export const log: OpSpec = {
  name: 'log',
  arity: 1,
  forward: (a = NaN) => Math.log(a),
  // d/da ln(a) = 1 / a
  local: (x) => [1 / at(x, 0)],
};

/** the square root of a */
export const sqrt: OpSpec = {
  name: 'sqrt',
  arity: 1,
  forward: (a = NaN) => Math.sqrt(a),
  // d/da sqrt(a) = 1 / (2 sqrt(a))
  local: (_x, out) => [1 / (2 * out)],
};

/** |a| */
export const abs: OpSpec = {
  name: 'abs',
  arity: 1,
  forward: (a = NaN) => Math.abs(a),
  // d/da |a| = sign(a); at the kink a = 0 we use 0, like PyTorch
  local: (x) => [Math.sign(at(x, 0))],
};

/** the larger of a and b */
export const max: OpSpec = {
  name: 'max',
  arity: 2,
  forward: (a = NaN, b = NaN) => Math.max(a, b),
  // the max gate routes: d/da max(a, b) = 1 if a > b else 0 (and the other way for b);
  // on a tie a = b the gradient is split 0.5 / 0.5, like torch.maximum
  local: (x) => {
    const a = at(x, 0);
    const b = at(x, 1);
    return a > b ? [1, 0] : a < b ? [0, 1] : a === b ? [0.5, 0.5] : [NaN, NaN];
  },
};

/** the smaller of a and b */
export const min: OpSpec = {
  name: 'min',
  arity: 2,
  forward: (a = NaN, b = NaN) => Math.min(a, b),
  // d/da min(a, b) = 1 if a < b else 0; a tie splits 0.5 / 0.5, like torch.minimum
  local: (x) => {
    const a = at(x, 0);
    const b = at(x, 1);
    return a < b ? [1, 0] : a > b ? [0, 1] : a === b ? [0.5, 0.5] : [NaN, NaN];
  },
};

/** sin(a) */
export const sin: OpSpec = {
  name: 'sin',
  arity: 1,
  forward: (a = NaN) => Math.sin(a),
  // d/da sin(a) = cos(a)
  local: (x) => [Math.cos(at(x, 0))],
};

/** cos(a) */
export const cos: OpSpec = {
  name: 'cos',
  arity: 1,
  forward: (a = NaN) => Math.cos(a),
  // d/da cos(a) = -sin(a)
  local: (x) => [-Math.sin(at(x, 0))],
};

/** The smallest shape of a registry activation this file needs (see ../activations/types.ts). */
export interface ActivationLike {
  id: string;
  f(x: number): number;
  df(x: number): number;
}

const activationCache = new Map<string, OpSpec>();

/**
 * Any activation of the registry as a unary op: the registry's f is the forward value and
 * its f' the local derivative (so relu'(0) = 0 and leaky_relu'(0) = slope come from there).
 * The op is named by the activation id.
 */
export function activationOp(act: ActivationLike): OpSpec {
  let spec = activationCache.get(act.id);
  if (!spec) {
    spec = {
      name: act.id,
      arity: 1,
      forward: (a = NaN) => act.f(a),
      // d/da f(a) = f'(a), the registry's derivative
      local: (x) => [act.df(at(x, 0))],
    };
    activationCache.set(act.id, spec);
  }
  return spec;
}
