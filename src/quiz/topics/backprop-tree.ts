/**
 * The computation graphs of the `backprop` quiz as a small expression tree: built at random
 * with friendly numbers (small integers; e^b with b = ln 20 gives 20, as on the slides; never
 * on a kink), printed in the plain math syntax `gradbot grad` reads, turned into a core
 * `Value` graph, and differentiated by hand in "mistake modes" to predict typical wrong answers.
 */
import { Value } from '../../core/scalar/index.js';
import type { Rng } from '../../core/rng.js';
import type { Difficulty } from '../types.js';

export type UnaryOp = 'exp' | 'log' | 'sigmoid' | 'tanh' | 'relu' | 'pow';
export type BinaryOp = 'add' | 'mul' | 'div' | 'max';

/** An input variable; `lnOf` = k when its value is ln k (shown as "ln k"). */
export interface VarNode {
  kind: 'var';
  name: string;
  value: number;
  lnOf?: number;
}
export interface ConstNode {
  kind: 'const';
  value: number;
}
export interface OpNode {
  kind: 'op';
  op: UnaryOp | BinaryOp;
  args: TreeNode[];
  /** The exponent of `pow`. */
  k?: number;
  value: number;
}
export type TreeNode = VarNode | ConstNode | OpNode;

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** The forward value of one op from its inputs' values. */
export function forward(op: UnaryOp | BinaryOp, a: number, b: number, k = 1): number {
  switch (op) {
    case 'add':
      return a + b;
    case 'mul':
      return a * b;
    case 'div':
      return a / b;
    case 'max':
      return Math.max(a, b);
    case 'exp':
      return Math.exp(a);
    case 'log':
      return Math.log(a);
    case 'sigmoid':
      return sigmoid(a);
    case 'tanh':
      return Math.tanh(a);
    case 'relu':
      return Math.max(0, a);
    case 'pow':
      return a ** k;
  }
}

function op(o: UnaryOp | BinaryOp, args: TreeNode[], k?: number): OpNode {
  const node: OpNode = { kind: 'op', op: o, args, value: forward(o, args[0]!.value, args[1]?.value ?? NaN, k) };
  if (k !== undefined) node.k = k;
  return node;
}

/** True when v is a multiple of `step` (up to rounding). */
export function onGridOf(v: number, step: number): boolean {
  const q = v / step;
  return Number.isFinite(q) && Math.abs(q - Math.round(q)) < 1e-7;
}

/** ln k for which exp, sigmoid and tanh give friendly numbers (20, 0.75, 0.8, ...). */
const LN_FOR: Record<'exp' | 'sigmoid' | 'tanh', number[]> = {
  exp: [2, 4, 5, 10, 20],
  sigmoid: [3, 4, 9, 19],
  tanh: [2, 3, 7],
};
const LOG_FRIENDLY = [1, 2, 4, 5, 10, 20];
const DIV_FRIENDLY = [1, 2, 4, 5, -1, -2, -4, -5];
const NAMES = ['x', 'y', 'z', 'w', 'a', 'b', 'c', 'v'];

/** Builds random friendly trees; each builder uses one rng, so the result is reproducible. */
export class TreeBuilder {
  readonly vars = new Map<string, VarNode>();
  uses = 0;
  private readonly names: string[];

  constructor(
    private readonly rng: Rng,
    private readonly difficulty: Difficulty,
  ) {
    this.names = rng.shuffle([...NAMES]);
  }

  private newVar(value: number, lnOf?: number): VarNode {
    const name = this.names.find((n) => !this.vars.has(n)) ?? `v${this.vars.size}`;
    const v: VarNode = { kind: 'var', name, value };
    if (lnOf !== undefined) v.lnOf = lnOf;
    this.vars.set(name, v);
    return v;
  }

  private leaf(): TreeNode {
    const rng = this.rng;
    this.uses++;
    if (rng.bernoulli(0.1)) return { kind: 'const', value: rng.int(1, 3) };
    const plain = [...this.vars.values()].filter((v) => v.lnOf === undefined);
    const reuse = this.difficulty === 1 ? 0.1 : this.difficulty === 2 ? 0.3 : 0.4;
    if (plain.length > 0 && rng.bernoulli(reuse)) return rng.choice(plain);
    const span = this.difficulty === 1 ? 5 : 4;
    let value = rng.int(-span, span - 1);
    if (value >= 0) value++;
    return this.newVar(value);
  }

  /** A tree with `ops` operation nodes, or null when no friendly op fits. */
  build(ops: number): TreeNode | null {
    const rng = this.rng;
    if (ops === 0) return this.leaf();
    if (ops === 1 || rng.bernoulli(0.4)) {
      // exp/sigmoid/tanh of a fresh variable b = ln k: e^b = k, as on the slides
      if (ops === 1 && rng.bernoulli(0.25)) {
        const o = rng.choice(['exp', 'sigmoid', 'tanh'] as const);
        const k = rng.choice(LN_FOR[o]);
        this.uses++;
        return op(o, [this.newVar(Math.log(k), k)]);
      }
      if (ops > 1 || rng.bernoulli(0.5)) {
        const child = this.build(ops - 1);
        // relu(3) or 1^2 is a number, not a gate worth a node
        return child && child.kind !== 'const' ? this.unary(child) : null;
      }
    }
    const left = rng.int(0, ops - 1);
    const a = this.build(left);
    const b = a && this.build(ops - 1 - left);
    return a && b && this.binary(a, b);
  }

  private unary(c: TreeNode): TreeNode | null {
    const v = c.value;
    const options: Array<[number, () => OpNode]> = [];
    if (Math.abs(v) >= 0.25) options.push([1.5, () => op('relu', [c])]);
    if (onGridOf(v, 1) && Math.abs(v) <= 5) options.push([1.2, () => op('pow', [c], 2)]);
    if (this.difficulty > 1 && onGridOf(v, 1) && Math.abs(v) <= 3) options.push([0.6, () => op('pow', [c], 3)]);
    if (DIV_FRIENDLY.includes(v)) options.push([0.6, () => op('pow', [c], -1)]);
    if (v === 0) options.push([3, () => op('exp', [c])], [2, () => op('sigmoid', [c])], [2, () => op('tanh', [c])]);
    if (LOG_FRIENDLY.includes(v)) options.push([1, () => op('log', [c])]);
    if (options.length === 0) return null;
    return options[this.rng.weightedIndex(options.map((o) => o[0]))]![1]();
  }

  private binary(a: TreeNode, b: TreeNode): TreeNode | null {
    const options: Array<[number, () => OpNode]> = [[3, () => op('add', [a, b])]];
    // a constant shifts (1 + e^...), as in the lecture, or scales by 2 or 3 (2·(x + y)), which
    // changes the gradient flowing down; ×1 or max(1, ...) would be noise
    const constant = a.kind === 'const' ? a : b.kind === 'const' ? b : undefined;
    if (constant) {
      if (constant.value >= 2 && a.kind !== b.kind) options.push([2, () => op('mul', [a, b])]);
      return options[this.rng.weightedIndex(options.map((o) => o[0]))]![1]();
    }
    if (Math.abs(a.value * b.value) <= 60) options.push([3, () => op('mul', [a, b])]);
    if (Math.abs(a.value - b.value) >= 0.25) options.push([1.5, () => op('max', [a, b])]);
    if (DIV_FRIENDLY.includes(b.value) && onGridOf(a.value / b.value, 0.01)) options.push([1, () => op('div', [a, b])]);
    return options[this.rng.weightedIndex(options.map((o) => o[0]))]![1]();
  }
}

/**
 * The lecture's model f(x, w0, w1) = 1 + e^(w0 + w1·x), with w0 + w1·x = 0 (e^0 = 1) or
 * w0 = ln k and w1·x = 0 (e^(ln 20) = 20, as on the slides).
 */
export function lectureModel(rng: Rng): { root: TreeNode; vars: Map<string, VarNode> } {
  const nz = () => rng.int(1, 5) * (rng.bernoulli(0.5) ? 1 : -1);
  let x: VarNode;
  let w1: VarNode;
  let w0: VarNode;
  if (rng.bernoulli(0.6)) {
    x = { kind: 'var', name: 'x', value: nz() };
    w1 = { kind: 'var', name: 'w1', value: nz() };
    w0 = { kind: 'var', name: 'w0', value: -w1.value * x.value };
  } else {
    const k = rng.choice([2, 5, 10, 20]);
    const xZero = rng.bernoulli(0.5);
    x = { kind: 'var', name: 'x', value: xZero ? 0 : nz() };
    w1 = { kind: 'var', name: 'w1', value: xZero ? nz() : 0 };
    w0 = { kind: 'var', name: 'w0', value: Math.log(k), lnOf: k };
  }
  const root = op('add', [{ kind: 'const', value: 1 }, op('exp', [op('add', [w0, op('mul', [w1, x])])])]);
  return { root, vars: new Map([['w0', w0], ['w1', w1], ['x', x]]) };
}

/** Binding strength of a node in plain syntax: + binds loosest, then * and /, then ^, then calls and leaves. */
function precedence(n: TreeNode): number {
  if (n.kind !== 'op') return 4;
  if (n.op === 'add') return 1;
  if (n.op === 'mul' || n.op === 'div') return 2;
  if (n.op === 'pow') return 3;
  return 4;
}

/**
 * Plain-syntax text of a tree with exactly the brackets its structure needs, so parsing the
 * text (`gradbot grad`) builds the same graph, node for node: a·(b·c) is printed `a*(b*c)`,
 * (a·b)·c is `a*b*c`. `replace` prints one op node as a variable.
 */
export function toSource(n: TreeNode, replace?: { node: OpNode; name: string }): string {
  const s = (c: TreeNode): string => {
    if (replace && c === replace.node) return replace.name;
    if (c.kind === 'var') return c.name;
    if (c.kind === 'const') return String(c.value);
    const [a, b] = c.args as [TreeNode, TreeNode | undefined];
    // an operand binding looser than its operator gets brackets; a right operand of the same
    // strength too, since + * / group from the left
    const left = (x: TreeNode, level: number) => (replace && x === replace.node) || precedence(x) >= level ? s(x) : `(${s(x)})`;
    const right = (x: TreeNode, level: number) => (replace && x === replace.node) || precedence(x) > level ? s(x) : `(${s(x)})`;
    switch (c.op) {
      case 'add':
        return `${left(a, 1)} + ${right(b!, 1)}`;
      case 'mul':
        return `${left(a, 2)}*${right(b!, 2)}`;
      case 'div':
        return `${left(a, 2)}/${right(b!, 2)}`;
      case 'max':
        return `max(${s(a)}, ${s(b!)})`;
      case 'pow':
        return `${right(a, 3)}^${c.k! < 0 ? `(${c.k})` : c.k}`;
      default:
        return `${c.op}(${s(a)})`;
    }
  };
  return s(n);
}

/** All op nodes, children first (the root last). */
export function opNodes(root: TreeNode): OpNode[] {
  const out: OpNode[] = [];
  const walk = (n: TreeNode) => {
    if (n.kind !== 'op') return;
    n.args.forEach(walk);
    out.push(n);
  };
  walk(root);
  return out;
}

/**
 * The core `Value` graph of a tree: one Value per variable (a reused variable is one node: the
 * copy gate), and `labelled` gets the label `label` so the exported graph can point at it.
 */
export function toValue(root: TreeNode, labelled?: OpNode, label = 'u'): { output: Value; byNode: Map<TreeNode, Value> } {
  const byNode = new Map<TreeNode, Value>();
  const walk = (n: TreeNode): Value => {
    const known = byNode.get(n);
    if (known) return known;
    let v: Value;
    if (n.kind === 'var') v = new Value(n.value, n.name);
    else if (n.kind === 'const') v = new Value(n.value, undefined, 'const');
    else {
      const [a, b] = n.args.map(walk) as [Value, Value | undefined];
      switch (n.op) {
        case 'add':
          v = a.add(b!);
          break;
        case 'mul':
          v = a.mul(b!);
          break;
        case 'div':
          v = a.div(b!);
          break;
        case 'max':
          v = a.max(b!);
          break;
        case 'exp':
          v = a.exp();
          break;
        case 'log':
          v = a.log();
          break;
        case 'pow':
          v = a.pow(n.k!);
          break;
        default:
          v = a.activation(n.op);
      }
      if (n === labelled) v.label = label;
    }
    byNode.set(n, v);
    return v;
  };
  return { output: walk(root), byNode };
}

/** Ways to get backprop wrong on purpose, to predict what a typical mistake gives. */
export type MistakeMode = 'none' | 'mulOwn' | 'maxSwap' | 'divSign' | 'noChain';

/** Local derivatives of one op node, possibly with a typical mistake. */
function localGrads(n: OpNode, mode: MistakeMode): number[] {
  const a = n.args[0]!.value;
  const b = n.args[1]?.value ?? NaN;
  switch (n.op) {
    case 'add':
      return [1, 1];
    case 'mul':
      return mode === 'mulOwn' ? [a, b] : [b, a];
    case 'div':
      return [1 / b, (mode === 'divSign' ? 1 : -1) * (a / (b * b))];
    case 'max':
      return (a > b) !== (mode === 'maxSwap') ? [1, 0] : [0, 1];
    case 'exp':
      return [n.value];
    case 'log':
      return [1 / a];
    case 'sigmoid':
      return [n.value * (1 - n.value)];
    case 'tanh':
      return [1 - n.value * n.value];
    case 'relu':
      return [a > 0 ? 1 : 0];
    case 'pow':
      return [n.k! * a ** (n.k! - 1)];
  }
}

/**
 * d(root)/d(target) by reverse accumulation over the tree (variables shared), independently of
 * the core; with a mistake mode it gives the answer a typical mistake leads to.
 * `noChain`: the gradient stops at the first gate above the target (local derivative only).
 */
export function treeGradient(root: TreeNode, target: TreeNode, mode: MistakeMode = 'none'): number {
  return treeGradients(root, mode, target).get(target) ?? 0;
}

/** d(root)/d(node) for every node of the tree (see treeGradient). */
export function treeGradients(root: TreeNode, mode: MistakeMode = 'none', target?: TreeNode): Map<TreeNode, number> {
  const order = opNodes(root).reverse(); // root first: every user before what it uses
  const grads = new Map<TreeNode, number>([[root, 1]]);
  for (const n of order) {
    const g = grads.get(n) ?? 0;
    const local = localGrads(n, mode);
    n.args.forEach((c, i) => {
      const upstream = mode === 'noChain' && c === target ? 1 : g;
      grads.set(c, (grads.get(c) ?? 0) + upstream * local[i]!);
    });
  }
  return grads;
}

/** Number of nodes the core graph will have: ops, distinct variables and each constant. */
export function graphSize(root: TreeNode): number {
  const seen = new Set<TreeNode>();
  const walk = (n: TreeNode) => {
    if (seen.has(n)) return;
    seen.add(n);
    if (n.kind === 'op') n.args.forEach(walk);
  };
  walk(root);
  return seen.size;
}

/** Names of the variables used outside `skip`'s subtree (those left when skip becomes u). */
export function variablesOutside(root: TreeNode, skip: TreeNode): Set<string> {
  const names = new Set<string>();
  const walk = (n: TreeNode) => {
    if (n === skip) return;
    if (n.kind === 'var') names.add(n.name);
    if (n.kind === 'op') n.args.forEach(walk);
  };
  walk(root);
  return names;
}
