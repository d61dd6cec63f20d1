/**
 * A micrograd-style scalar `Value`: a number that remembers how it was computed, so that
 * `backward()` can apply the chain rule through the whole computation graph.
 *
 * ```ts
 * const x = new Value(2, 'x');
 * const w = new Value(-3, 'w');
 * const y = x.mul(w).add(1).tanh();
 * y.backward();          // now x.grad = dy/dx and w.grad = dy/dw
 * ```
 *
 * Every op lives in ./ops.ts with its forward value and local derivative side by side.
 */
import { getActivation } from '../activations/index.js';
import * as ops from './ops.js';
import type { OpSpec } from './ops.js';
import type { OpName } from './graph-types.js';

/** What the arithmetic methods accept: another Value or a plain number (a constant). */
export type Operand = Value | number;

/** One node of a scalar computation graph. */
export class Value {
  /** The forward value. */
  data: number;
  /** d(output)/d(this), filled in by `backward()` of the output. */
  grad = 0;
  /** How this node was made: `var`, `const`, or the op name (`add`, `exp`, `relu`...). */
  op: OpName;
  /** The operands, in order (for a - b: [a, b]). Empty for leaves. */
  inputs: readonly Value[];
  /** A name to show in graphs: the variable name, or a name for an intermediate result. */
  label: string | undefined;
  /** A fixed parameter of the op, e.g. the exponent k of `x^k` with a number k. */
  param: number | undefined;
  /** The op's forward/derivative pair; undefined for leaves. */
  private spec: OpSpec | undefined;

  /**
   * A leaf: an input variable (`kind: 'var'`, the default) or a literal number (`'const'`).
   * Ops create their own nodes; you only call this for inputs and parameters.
   */
  constructor(data: number, label?: string, kind: 'var' | 'const' = 'var') {
    this.data = data;
    this.op = kind;
    this.inputs = [];
    this.label = label;
    // every field is set here, so all nodes share one object shape (faster in V8)
    this.param = undefined;
    this.spec = undefined;
  }

  /** Wraps a number as a constant node; a Value is returned as is. */
  static from(x: Operand): Value {
    return x instanceof Value ? x : new Value(x, undefined, 'const');
  }

  /** Applies an op to input nodes: computes the forward value and records how. */
  static apply(spec: OpSpec, inputs: readonly Value[], param?: number): Value {
    if (inputs.length !== spec.arity) {
      throw new RangeError(`${spec.name} expects ${spec.arity} input(s), got ${inputs.length}`);
    }
    const out = new Value(spec.forward(...inputs.map((v) => v.data)));
    // the new node starts as a leaf; record which op made it and from what
    out.op = spec.name;
    out.inputs = inputs;
    out.spec = spec;
    out.param = param;
    return out;
  }

  add(other: Operand): Value {
    return Value.apply(ops.add, [this, Value.from(other)]);
  }

  sub(other: Operand): Value {
    return Value.apply(ops.sub, [this, Value.from(other)]);
  }

  mul(other: Operand): Value {
    return Value.apply(ops.mul, [this, Value.from(other)]);
  }

  div(other: Operand): Value {
    return Value.apply(ops.div, [this, Value.from(other)]);
  }

  neg(): Value {
    return Value.apply(ops.neg, [this]);
  }

  /**
   * this^exponent. A number exponent (x^2) is a parameter of the node; a Value exponent
   * (2^x, x^y) is an input, and its gradient a^b ln a needs a > 0.
   */
  pow(exponent: Operand): Value {
    if (typeof exponent === 'number') return Value.apply(ops.powConst(exponent), [this], exponent);
    return Value.apply(ops.pow, [this, exponent]);
  }

  exp(): Value {
    return Value.apply(ops.exp, [this]);
  }

  /** Natural logarithm. */
  log(): Value {
    return Value.apply(ops.log, [this]);
  }

  sqrt(): Value {
    return Value.apply(ops.sqrt, [this]);
  }

  abs(): Value {
    return Value.apply(ops.abs, [this]);
  }

  max(other: Operand): Value {
    return Value.apply(ops.max, [this, Value.from(other)]);
  }

  min(other: Operand): Value {
    return Value.apply(ops.min, [this, Value.from(other)]);
  }

  sin(): Value {
    return Value.apply(ops.sin, [this]);
  }

  cos(): Value {
    return Value.apply(ops.cos, [this]);
  }

  /**
   * Any activation of the registry by id or alias (`sigmoid`, `relu`, `swish`...). Uses the
   * inference form: prelu with its initial slope, rrelu with its mean slope.
   * Throws the registry's UserInputError for an unknown name.
   */
  activation(idOrAlias: string): Value {
    return Value.apply(ops.activationOp(getActivation(idOrAlias)), [this]);
  }

  tanh(): Value {
    return this.activation('tanh');
  }

  sigmoid(): Value {
    return this.activation('sigmoid');
  }

  relu(): Value {
    return this.activation('relu');
  }

  /**
   * The local derivatives ∂this/∂input for each input, at the current values
   * (empty for leaves). Used by backward() and by the step-by-step explanation.
   */
  localGrads(): number[] {
    if (!this.spec) return [];
    return this.spec.local(
      this.inputs.map((v) => v.data),
      this.data,
    );
  }

  /**
   * Backpropagation from this node: zeroes every gradient in the graph (so calling it twice
   * gives the same result, unlike karpathy/micrograd#102), sets d(this)/d(this) = 1 and walks
   * the nodes from the output back to the inputs, adding upstream * local into each input.
   * A node used several times (x * x) receives the sum of its users' gradients.
   */
  backward(): void {
    const order = topologicalOrder(this);
    for (const v of order) v.grad = 0;
    this.grad = 1;
    for (let i = order.length - 1; i >= 0; i--) {
      const v = order[i]!;
      const local = v.localGrads();
      for (let j = 0; j < v.inputs.length; j++) {
        // the chain rule: dL/d(input) += dL/d(v) * d(v)/d(input)
        v.inputs[j]!.grad += v.grad * local[j]!;
      }
    }
  }

  toString(): string {
    const name = this.label === undefined ? '' : `${this.label}, `;
    return `Value(${name}data=${this.data}, grad=${this.grad})`;
  }
}

/**
 * All nodes that `root` depends on, inputs before their users, `root` last. Iterative
 * (an explicit stack instead of recursion) so a chain of 100,000 nodes does not overflow
 * the call stack.
 */
export function topologicalOrder(root: Value): Value[] {
  const order: Value[] = [];
  const visited = new Set<Value>([root]);
  // Each frame: a node and the index of the next input to visit.
  const stack: Array<{ node: Value; next: number }> = [{ node: root, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const input = top.node.inputs[top.next];
    if (input !== undefined) {
      top.next++;
      if (!visited.has(input)) {
        visited.add(input);
        stack.push({ node: input, next: 0 });
      }
    } else {
      // every input is already in `order`, so this node can follow them
      stack.pop();
      order.push(top.node);
    }
  }
  return order;
}
